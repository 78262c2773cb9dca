/**
 * Lint time for a design of about 200 states, beside what core itself costs
 * to validate and compile it; conformance throughput on 20-event cases from
 * the real engine, beside replaying the same cases on the xstate machine.
 */
import { performance } from 'node:perf_hooks';
import { createChinaCalendar } from '@kuaiban/calendar';
import type {
  AuditEntry,
  CaseHistory,
  ItemDefinitionInput,
} from '@kuaiban/core';
import { compileItem, createEngine, defineItem, toJsonl } from '@kuaiban/core';
import type { CaseLifecycleInput, Party } from '@kuaiban/machines';
import { createActor } from 'xstate';
import { median, progress, writeSection } from '../../../tests/bench/report.js';
import { foodPermitInput } from '../../core/test/items.js';
import type { CaseLog } from '../src/index.js';
import { checkConformance, lintDesign, readJsonl } from '../src/index.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 1_000);
const calendar = createChinaCalendar();

/** The food permit with `steps` review steps (现场核查 1…n). */
function withSteps(steps: number): ItemDefinitionInput {
  const input = foodPermitInput();
  input.review = {
    mode: 'chain',
    steps: Array.from({ length: steps }, (_, i) => ({
      id: `step-${i + 1}`,
      name: `Review ${i + 1}`,
      nameZh: `审查 ${i + 1}`,
      role: 'reviewer' as const,
    })),
  };
  return input;
}

// --- lint: a design whose case machine has about 200 states -------------
const big = withSteps(190);
const report = lintDesign(big);
if (!report.ok) throw new Error('the 190-step design should comply');
const states =
  compileItem(defineItem(big), { calendar }).graph.states.length + 190;

function timeOne(run: () => unknown): number {
  const started = performance.now();
  let runs = 0;
  while (performance.now() - started < ROUND_MS) {
    run();
    runs++;
  }
  return (performance.now() - started) / runs;
}

// --- conformance: 20-event cases from the engine ------------------------
const TEN_STEPS = withSteps(10);
const officer: Party = { id: 'officer-chen', role: 'window-officer' };
const head: Party = { id: 'head-wang', role: 'agency-head' };
async function engineHistories(count: number): Promise<CaseHistory[]> {
  let now = '';
  let n = 0;
  const engine = createEngine({
    items: [defineItem(TEN_STEPS)],
    calendar,
    clock: { now: () => now },
    ids: () => `case-${++n}`,
  });
  const days = ['2025-09-01', '2025-09-02', '2025-09-03', '2025-09-04'];
  const histories: CaseHistory[] = [];
  for (let i = 0; i < count; i++) {
    const day = days[i % days.length] ?? '2025-09-01';
    now = `${day}T09:00:00.000+08:00`;
    const applicant: Party = { id: `applicant-${i}`, role: 'applicant' };
    const reviewer: Party = { id: `reviewer-${i % 7}`, role: 'reviewer' };
    const { caseId } = await engine.submit({
      itemId: TEN_STEPS.id,
      applicant: { id: applicant.id },
      handler: { id: 'officer-chen', backup: 'officer-liu' },
    });
    const commands: unknown[] = [
      { type: 'PRE_REVIEW_PASSED', actor: officer },
      {
        type: 'MATERIALS_CHECKED',
        actor: officer,
        findings: [
          { materialId: 'application', status: 'complete' },
          { materialId: 'premises-proof', status: 'complete' },
          { materialId: 'food-safety-rules', status: 'missing' },
        ],
      },
      {
        type: 'ACCEPT_TOLERANCE',
        actor: applicant,
        commitment: { text: '承诺补齐' },
      },
      {
        type: 'SUPPLEMENT',
        actor: applicant,
        materialIds: ['food-safety-rules'],
      },
      {
        type: 'PAUSE',
        actor: reviewer,
        writtenNoticeOn: day,
        pause: { reason: 'testing' },
      },
      { type: 'RESUME', actor: reviewer },
      ...Array.from({ length: 10 }, (_, s) => ({
        type: 'REVIEW_OPINION',
        actor: reviewer,
        step: `step-${s + 1}`,
        opinion: 'approve',
      })),
      { type: 'APPROVE', actor: head },
      { type: 'ISSUE_CERTIFICATE', actor: officer, certificateNo: `JY-${i}` },
      { type: 'RATE', actor: applicant, grade: 'satisfied' },
    ];
    for (const command of commands) await engine.dispatch(caseId, command);
    histories.push({
      caseId,
      itemId: TEN_STEPS.id,
      entries: await engine.history(caseId),
    });
  }
  return histories;
}

const DISTINCT = 400;
const CASES = 20_000;
const histories = await engineHistories(DISTINCT);
const eventsPerCase = histories[0]?.entries.length ?? 0;
if (eventsPerCase !== 20)
  throw new Error(`expected 20 events, got ${eventsPerCase}`);
const sample = readJsonl(toJsonl(histories));
/** The engine's cases repeated under new ids: a log of CASES cases. */
const log: CaseLog = {
  cases: Array.from({ length: CASES }, (_, i) => {
    const trace = sample.cases[i % DISTINCT];
    if (!trace) throw new Error('no sample case');
    return { ...trace, caseId: `${trace.caseId}-${i}` };
  }),
};
const jsonl = toJsonl(
  Array.from({ length: CASES }, (_, i) => {
    const h = histories[i % DISTINCT] as CaseHistory;
    const caseId = `${h.caseId}-${i}`;
    return { ...h, caseId, entries: h.entries.map((e) => ({ ...e, caseId })) };
  }),
);
const check = checkConformance(TEN_STEPS, log);
if (check.summary.fitting !== CASES || !check.ok) {
  throw new Error(
    `the engine's cases should conform: ${JSON.stringify(check.summary)}`,
  );
}

const compiled = compileItem(defineItem(TEN_STEPS), { calendar });
/** The baseline: each case replayed on the xstate case machine, as the engine's replay does. */
function replayWithXstate(entries: readonly AuditEntry[]): void {
  const [first, ...rest] = entries;
  const actor = createActor(compiled.machine, {
    input: (first?.command as unknown as { input: CaseLifecycleInput }).input,
  });
  actor.start();
  for (const entry of rest) actor.send(entry.command as never);
  if (actor.getSnapshot().value !== 'archived')
    throw new Error('replay diverged');
  actor.stop();
}

function casesPerSecond(run: () => number): number {
  const started = performance.now();
  let cases = 0;
  while (performance.now() - started < ROUND_MS) cases += run();
  return (cases * 1000) / (performance.now() - started);
}

const lintMs: number[] = [];
const compileMs: number[] = [];
const conformRate: number[] = [];
const conformTextRate: number[] = [];
const xstateRate: number[] = [];
let x = 0;
for (let round = 0; round < ROUNDS; round++) {
  progress(`[lint] round ${round + 1}/${ROUNDS}`, round === 0);
  lintMs.push(timeOne(() => lintDesign(big)));
  compileMs.push(timeOne(() => compileItem(defineItem(big), { calendar })));
  conformRate.push(
    casesPerSecond(() => checkConformance(TEN_STEPS, log).cases.length),
  );
  conformTextRate.push(
    casesPerSecond(() => checkConformance(TEN_STEPS, jsonl).cases.length),
  );
  xstateRate.push(
    casesPerSecond(() => {
      for (let i = 0; i < 200; i++)
        replayWithXstate((histories[x++ % DISTINCT] as CaseHistory).entries);
      return 200;
    }),
  );
}
if (process.stdout.isTTY) process.stdout.write('\n');
const lint = median(lintMs);
const compile = median(compileMs);
const conform = median(conformRate);
const conformText = median(conformTextRate);
const xstate = median(xstateRate);
const lines = [
  '## Lint: design checks and case-log conformance',
  '',
  `A design of ${states} case-machine states (the food permit with 190 review steps), linted with`,
  'the recommended preset, beside validating and compiling it with core alone (the floor any check',
  'pays). Conformance: 20-event cases run through the real engine (容缺, a lawful pause, ten review',
  `steps, decision, certificate, rating), ${CASES} cases per check, replayed against the compiled`,
  'design with every timed rule in working days and the last-minute aggregate; beside it, the same',
  `cases replayed on the xstate case machine from their audit entries. ${ROUNDS} rounds of ${ROUND_MS} ms.`,
  '',
  '| measure | Kuaiban lint | baseline | ratio |',
  '|---|---:|---:|---:|',
  `| lint a ${states}-state design (target < 50 ms) | ${lint.toFixed(2)} ms | ${compile.toFixed(2)} ms (defineItem + compileItem) | ${(lint / compile).toFixed(1)}× |`,
  `| conformance, parsed log (target ≥ 100,000 cases/s) | ${conform.toFixed(0)} cases/s | ${xstate.toFixed(0)} cases/s (xstate replay) | ${(conform / xstate).toFixed(1)}× |`,
  `| conformance from JSONL text (read + check) | ${conformText.toFixed(0)} cases/s | ${xstate.toFixed(0)} cases/s (xstate replay) | ${(conformText / xstate).toFixed(1)}× |`,
  '',
];
writeSection('lint', lines);
console.log(lines.join('\n'));
