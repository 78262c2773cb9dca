/**
 * Commands per second through the engine with the in-memory store, beside
 * the same commands on the bare case machine: the engine's overhead is
 * validation, authorization, restoring the case, the audit entry's hash and
 * the store commit.
 */
import { performance } from 'node:perf_hooks';
import { createChinaCalendar } from '@kuaiban/calendar';
import type { Party } from '@kuaiban/machines';
import { createActor } from 'xstate';
import { median, progress, writeSection } from '../../../tests/bench/report.js';
import { compileItem } from '../src/compileItem.js';
import { createEngine, T } from './zz-createEngine.js';
import { defineItem } from '../src/itemDefinition.js';
import { foodPermitInput } from '../test/items.js';

const ROUNDS = 0;
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 1_000);

const calendar = createChinaCalendar();
const item = defineItem(foodPermitInput());
const officer: Party = { id: 'officer-chen', role: 'window-officer' };
const bakery: Party = { id: 'bakery', role: 'applicant' };
const reviewer: Party = { id: 'reviewer-li', role: 'reviewer' };
const head: Party = { id: 'head-wang', role: 'agency-head' };
/** Eight commands after submission: a whole 容缺 case. */
const story = [
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
  { type: 'ACCEPT_TOLERANCE', actor: bakery, commitment: { text: '承诺补齐' } },
  { type: 'SUPPLEMENT', actor: bakery, materialIds: ['food-safety-rules'] },
  {
    type: 'REVIEW_OPINION',
    actor: reviewer,
    step: 'site-review',
    opinion: 'approve',
  },
  { type: 'APPROVE', actor: head },
  { type: 'ISSUE_CERTIFICATE', actor: officer, certificateNo: 'JY-1' },
  { type: 'RATE', actor: bakery, grade: 'satisfied' },
];
const COMMANDS_PER_CASE = story.length + 1;

let n = 0;
const engine = createEngine({
  items: [item],
  calendar,
  clock: { now: () => '2025-09-26T10:00:00.000+08:00' },
  ids: () => `case-${++n}`,
});
async function engineCase(): Promise<void> {
  const { caseId } = await engine.submit({
    itemId: item.id,
    applicant: { id: 'bakery' },
    handler: { id: 'officer-chen' },
  });
  for (const command of story) await engine.dispatch(caseId, command);
}

const compiled = compileItem(item, { calendar });
function machineCase(): void {
  const actor = createActor(compiled.machine, {
    input: compiled.caseInput({
      caseId: 'bare',
      submittedOn: '2025-09-26',
      applicant: { id: 'bakery' },
      handler: { id: 'officer-chen' },
    }),
  }).start();
  for (const command of story)
    actor.send({ ...command, at: '2025-09-26' } as never);
  actor.stop();
}

async function rate(run: () => unknown): Promise<number> {
  const started = process.cpuUsage();
  const cpu = () => { const u = process.cpuUsage(started); return (u.user + u.system) / 1000; };
  let cases = 0;
  while (cpu() < ROUND_MS) {
    await run();
    cases++;
  }
  return (cases * COMMANDS_PER_CASE * 1000) / cpu();
}

await engineCase();
if ((await engine.get('case-1')).state !== 'archived')
  throw new Error('the engine case did not reach the archive');
for (const k of Object.keys(T)) T[k] = 0;
const t0 = performance.now(); let k = 0;
while (performance.now() - t0 < 3000) { await engineCase(); k++; }
const total = performance.now() - t0;
const per = (ms: number) => (ms * 1000 / (k * 8)).toFixed(1);
console.log('engine µs per command (incl submit share)', (total * 1000 / (k * 9)).toFixed(1));
for (const [name, ms] of Object.entries(T)) console.log(name.padEnd(14), per(ms), 'µs per dispatch');
const t1 = performance.now(); let j = 0;
while (performance.now() - t1 < 2000) { machineCase(); j++; }
console.log('bare µs per command', ((performance.now() - t1) * 1000 / (j * 9)).toFixed(1));
