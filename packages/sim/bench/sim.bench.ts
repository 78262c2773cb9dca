/**
 * Simulated cases per second on one core, beside driving the real case
 * machine (xstate, createActor of the compiled machine) through the same
 * kind of case, case by case. The design has two parallel branches, a
 * correction loop, a department's supplement loop and a lawful pause: 20
 * events per case.
 */
import { performance } from 'node:perf_hooks';
import type { Party } from '@kuaiban/machines';
import type { ItemDefinitionInput } from '@kuaiban/core';
import { compileItem, defineItem } from '@kuaiban/core';
import { createActor } from 'xstate';
import { median, progress, writeSection } from '../../../tests/bench/report.js';
import { simulationCalendar } from '../src/runReplications.js';
import { runReplication } from '../src/runReplication.js';
import { defineScenario } from '../src/scenarioSchema.js';
import { compileSimulation } from '../src/simulationModel.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 1_000);
const SIM_CASES = 20_000;

const material = (id: string, nameZh: string) => ({
  id,
  name: id,
  nameZh,
  primary: true,
  tolerable: false,
});
const design: ItemDefinitionInput = {
  id: 'fire-design-review',
  name: 'Fire and civil-defence design review',
  nameZh: '消防人防设计审查',
  department: { id: 'housing', name: 'Housing bureau', nameZh: '住建局' },
  legalBasis: '建设工程消防设计审查验收管理暂行规定',
  reformMode: 'optimize',
  caseKind: 'joint',
  limits: {
    statutory: { days: 45, basis: '行政许可法 art. 42 para. 2' },
    promised: { days: 20 },
  },
  materials: [
    material('application', '申请表'),
    material('drawings', '施工图'),
  ],
  review: {
    mode: 'parallel',
    lead: { id: 'housing', name: 'Housing bureau', nameZh: '住建局' },
    departments: [
      {
        id: 'fire',
        name: 'Fire',
        nameZh: '消防',
        limitDays: 15,
        onTimeout: { action: 'escalate' },
      },
      {
        id: 'civil-defence',
        name: 'Civil defence',
        nameZh: '人防',
        limitDays: 15,
        onTimeout: { action: 'escalate' },
      },
    ],
    join: { policy: 'all' },
    rejection: 'short-circuit',
  },
  roles: { handler: { id: 'window-1' } },
};
const item = defineItem(design);
const calendar = simulationCalendar();

// The simulator: the same path, drawn for each case.
const scenario = defineScenario({
  arrivals: { kind: 'poisson', perWorkingDay: 6 },
  pause: {
    probability: 1,
    reason: 'expert-review',
    days: { kind: 'uniform', min: 1, max: 4 },
  },
  probabilities: {
    refusal: 0,
    materialsIncomplete: 1,
    onlyTolerableMissing: 0,
    departmentRejects: 0,
    departmentAsksSupplement: 0.5,
    rates: 1,
    grades: [0, 0, 0, 1, 0],
  },
});
const model = compileSimulation(item, scenario, { calendar });
let replication = 0;
function simulatedCases(): number {
  runReplication(model, {
    seed: 1,
    replication: replication++,
    cases: SIM_CASES,
    warmupDays: 0,
  });
  return SIM_CASES;
}

// The baseline: the compiled machine, one case at a time.
const compiled = compileItem(item, { calendar });
const officer: Party = { id: 'window-1', role: 'window-officer' };
const applicant: Party = { id: 'builder', role: 'applicant' };
const fire: Party = {
  id: 'fire-1',
  role: 'department-approver',
  department: 'fire',
};
const defence: Party = {
  id: 'cd-1',
  role: 'department-approver',
  department: 'civil-defence',
};
const lead: Party = {
  id: 'housing-1',
  role: 'lead-department',
  department: 'housing',
};
const system: Party = { id: 'scheduler', role: 'system' };
const findings = (missing: boolean) => [
  { materialId: 'application', status: 'complete' },
  { materialId: 'drawings', status: missing ? 'missing' : 'complete' },
];
/** 19 events after the submission: 20 per case. */
const story: [string, Record<string, unknown>][] = [
  ['2025-03-03', { type: 'PRE_REVIEW_PASSED', actor: officer }],
  [
    '2025-03-03',
    { type: 'MATERIALS_CHECKED', actor: officer, findings: findings(true) },
  ],
  [
    '2025-03-03',
    {
      type: 'ISSUE_NOTICE',
      actor: officer,
      items: [{ materialId: 'drawings', problem: '缺少' }],
    },
  ],
  [
    '2025-03-05',
    { type: 'MATERIALS_SUPPLIED', actor: applicant, materialIds: ['drawings'] },
  ],
  [
    '2025-03-05',
    { type: 'MATERIALS_CHECKED', actor: officer, findings: findings(false) },
  ],
  [
    '2025-03-05',
    {
      type: 'PAUSE',
      actor: officer,
      writtenNoticeOn: '2025-03-05',
      pause: { reason: 'expert-review' },
    },
  ],
  ['2025-03-06', { type: 'TICK', actor: system }],
  [
    '2025-03-07',
    { type: 'OPINION', actor: fire, department: 'fire', opinion: 'approve' },
  ],
  [
    '2025-03-07',
    {
      type: 'REQUEST_SUPPLEMENT',
      actor: defence,
      department: 'civil-defence',
      items: [{ materialId: 'drawings', problem: '说明' }],
    },
  ],
  ['2025-03-07', { type: 'ISSUE_MERGED_NOTICE', actor: lead }],
  ['2025-03-10', { type: 'SUPPLEMENT_PROVIDED', actor: applicant }],
  ['2025-03-10', { type: 'RESUME', actor: officer }],
  ['2025-03-11', { type: 'TICK', actor: system }],
  [
    '2025-03-12',
    {
      type: 'OPINION',
      actor: defence,
      department: 'civil-defence',
      opinion: 'approve',
    },
  ],
  [
    '2025-03-12',
    { type: 'APPROVE', actor: { id: 'head-1', role: 'agency-head' } },
  ],
  [
    '2025-03-13',
    { type: 'ISSUE_CERTIFICATE', actor: officer, certificateNo: 'XF-1' },
  ],
  ['2025-03-14', { type: 'RATE', actor: applicant, grade: 'dissatisfied' }],
  ['2025-03-14', { type: 'ANSWER_RATING', actor: officer, answer: '已回访' }],
  [
    '2025-03-17',
    {
      type: 'RECTIFY_RATING',
      actor: { id: 'sup-1', role: 'supervisor' },
      measures: '改进',
    },
  ],
];
const events = story.map(([at, event]) => ({ ...event, at }));
const input = compiled.caseInput({
  caseId: 'bench',
  submittedOn: '2025-03-03',
  applicant: { id: 'builder' },
});
function machineCase(): string {
  const actor = createActor(compiled.machine, { input }).start();
  for (const event of events) actor.send(event as never);
  const state = String(actor.getSnapshot().value);
  actor.stop();
  return state;
}

if (machineCase() !== 'archived')
  throw new Error('the machine case did not reach the archive');

/**
 * Cases per second of wall time, and per second of this process's CPU time
 * (the fairer figure on a machine other work shares).
 */
function rate(run: () => number): { wall: number; cpu: number } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let cases = 0;
  while (performance.now() - started < ROUND_MS) cases += run();
  const used = process.cpuUsage(cpu);
  return {
    wall: (cases * 1000) / (performance.now() - started),
    cpu: (cases * 1e6) / (used.user + used.system),
  };
}

const simulated: { wall: number; cpu: number }[] = [];
const driven: { wall: number; cpu: number }[] = [];
rate(simulatedCases);
rate(() => (machineCase(), 1));
for (let round = 0; round < ROUNDS; round++) {
  progress(
    `[sim] simulated cases per second: round ${round + 1}/${ROUNDS}`,
    round === 0,
  );
  simulated.push(rate(simulatedCases));
  driven.push(rate(() => (machineCase(), 1)));
}
if (process.stdout.isTTY) process.stdout.write('\n');
const simRate = median(simulated.map((r) => r.wall));
const machineRate = median(driven.map((r) => r.wall));
const simCpu = median(simulated.map((r) => r.cpu));
const machineCpu = median(driven.map((r) => r.cpu));
const lines = [
  '## Sim: simulated cases per second',
  '',
  'A joint design with two parallel departments (fire, civil defence), a correction loop at the window,',
  "a department's supplement loop through the lead's merged notice, a lawful pause (expert review) and",
  'a bad rating with its follow-up: 20 events per case. The simulator runs replications of',
  `${SIM_CASES} cases (queues, office hours, working-day clocks); the baseline drives the compiled case`,
  'machine (xstate `createActor`) through the same path, case by case, with no queues at all.',
  `One process, one core, ${ROUNDS} rounds of ${ROUND_MS} ms each, alternating.`,
  '',
  '| path | median cases per second (wall) | median cases per CPU-second |',
  '|---|---:|---:|',
  `| simulator (\`runReplication\`) | ${simRate.toFixed(0)} | ${simCpu.toFixed(0)} |`,
  `| xstate case machine, case by case | ${machineRate.toFixed(0)} | ${machineCpu.toFixed(0)} |`,
  '',
  `Simulator: ${(simRate / machineRate).toFixed(0)}× the rate of driving the machine (wall time),`,
  `${(simCpu / machineCpu).toFixed(0)}× per CPU-second.`,
  '',
];
writeSection('sim', lines);
console.log(lines.join('\n'));
