/**
 * The full lifecycle of one joint case, on Kuaiban's case machine and, side
 * by side, on bpmn-engine: tolerant acceptance (容缺受理), three departments
 * in parallel (并联审批), decision, issuance and rating. Rounds alternate
 * between the two; the median rate counts.
 */
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { Engine } from 'bpmn-engine';
import { createActor } from 'xstate';
import { caseLifecycleMachine } from '../src/caseLifecycle.js';
import type { CaseLifecycleEvent } from '../src/caseLifecycle.js';
import type { CaseLifecycleInput } from '../src/caseLifecycleSchemas.js';
import { median, progress, writeSection } from '../../../tests/bench/report.js';
import { caseProcessXml } from './bpmnProcess.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 1_000);

const departments = ['planning', 'fire', 'civil-defence'];
const input: CaseLifecycleInput = {
  caseId: 'bench',
  itemId: 'construction-permit',
  kind: 'joint',
  submittedOn: '2025-09-26',
  applicant: { id: 'builder' },
  acceptance: {
    mode: 'standard',
    standard: {
      materials: [
        {
          id: 'application',
          name: 'Application',
          nameZh: '申请书',
          primary: true,
          tolerable: false,
        },
        {
          id: 'copy',
          name: 'Licence copy',
          nameZh: '营业执照复印件',
          primary: false,
          tolerable: true,
        },
      ],
      tolerance: {
        supplementDays: 5,
        onLate: 'revoke-acceptance',
        creditRecord: true,
        basis: '容缺受理办法',
      },
    },
  },
  review: {
    mode: 'parallel',
    approval: {
      lead: { id: 'housing', name: 'Housing bureau', nameZh: '住建局' },
      departments: departments.map((id) => ({
        id,
        name: id,
        nameZh: id,
        limitDays: 10,
        onTimeout: { action: 'escalate' },
      })),
      join: { policy: 'all' },
      rejection: 'short-circuit',
    },
  },
  limits: { statutoryDays: 45, basis: '行政许可法 art. 42', promisedDays: 20 },
  handler: { id: 'officer' },
  firstAsked: 'officer',
};
const officer = { id: 'officer', role: 'window-officer' } as const;
const applicant = { id: 'builder', role: 'applicant' } as const;
const story: CaseLifecycleEvent[] = [
  { type: 'PRE_REVIEW_PASSED', at: '2025-09-26', actor: officer },
  {
    type: 'MATERIALS_CHECKED',
    at: '2025-09-26',
    actor: officer,
    findings: [
      { materialId: 'application', status: 'complete' },
      { materialId: 'copy', status: 'missing' },
    ],
  },
  {
    type: 'ACCEPT_TOLERANCE',
    at: '2025-09-26',
    actor: applicant,
    commitment: { text: '承诺补齐' },
  },
  {
    type: 'SUPPLEMENT',
    at: '2025-09-29',
    actor: applicant,
    materialIds: ['copy'],
  },
  ...departments.map((id): CaseLifecycleEvent => ({
    type: 'OPINION',
    at: '2025-10-10',
    actor: { id, role: 'department-approver', department: id },
    department: id,
    opinion: 'approve',
  })),
  {
    type: 'APPROVE',
    at: '2025-10-13',
    actor: { id: 'head', role: 'agency-head' },
  },
  {
    type: 'ISSUE_CERTIFICATE',
    at: '2025-10-14',
    actor: officer,
    certificateNo: 'SG-1',
  },
  { type: 'RATE', at: '2025-10-14', actor: applicant, grade: 'satisfied' },
];

/** One case on Kuaiban: ten human steps, every rule checked. */
function kuaibanCase(): string {
  const kase = createActor(caseLifecycleMachine, { input }).start();
  for (const event of story) kase.send(event);
  const state = String(kase.getSnapshot().value);
  kase.stop();
  return state;
}

// bpmn-engine parses the XML once; every case starts from the parsed context.
const parser = new Engine({ source: caseProcessXml }) as unknown as {
  _getModdleContext(source: string): Promise<unknown>;
  _serializeModdleContext(context: unknown): unknown;
};
const sourceContext = parser._serializeModdleContext(
  await parser._getModdleContext(caseProcessXml),
);

/** The same case on bpmn-engine: ten user tasks signalled as they wait. */
async function bpmnCase(): Promise<number> {
  const engine = new Engine({ name: 'case', sourceContext } as never);
  const listener = new EventEmitter();
  let tasks = 0;
  listener.on('wait', (task: { signal(): void }) => {
    tasks++;
    task.signal();
  });
  const ended = engine.waitFor('end');
  await engine.execute({ listener });
  await ended;
  return tasks;
}

if (kuaibanCase() !== 'archived')
  throw new Error('the Kuaiban case did not reach the archive');
if ((await bpmnCase()) !== 10)
  throw new Error('the BPMN case did not run its ten user tasks');

async function rate(run: () => unknown): Promise<number> {
  const started = performance.now();
  let cases = 0;
  while (performance.now() - started < ROUND_MS) {
    await run();
    cases++;
  }
  return (cases * 1000) / (performance.now() - started);
}

const t0 = performance.now(); let k = 0;
while (performance.now() - t0 < Number(process.env.PROF_MS ?? 6000)) { kuaibanCase(); k++; }
console.log('cases', k);
