/**
 * Commands per second through the engine with the in-memory store, beside
 * the same commands on the bare case machine: the engine's overhead is
 * validation, authorization, the snapshot comparison, the deadlines, the
 * audit entry's hash and the store commit (the memory store freezes the
 * change the engine hands over instead of copying it).
 */
import { performance } from 'node:perf_hooks';
import { createChinaCalendar } from '@kuaiban/calendar';
import type { Party } from '@kuaiban/machines';
import { createActor } from 'xstate';
import { median, progress, writeSection } from '../../../tests/bench/report.js';
import { compileItem } from '../src/compileItem.js';
import { createEngine } from '../src/createEngine.js';
import { defineItem } from '../src/itemDefinition.js';
import { foodPermitInput } from '../test/items.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
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
/** A new engine and store: every round starts from an empty store. */
const freshEngine = () =>
  createEngine({
    items: [item],
    calendar,
    clock: { now: () => '2025-09-26T10:00:00.000+08:00' },
    ids: () => `case-${++n}`,
  });
let engine = freshEngine();
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
  const started = performance.now();
  let cases = 0;
  while (performance.now() - started < ROUND_MS) {
    await run();
    cases++;
  }
  return (cases * COMMANDS_PER_CASE * 1000) / (performance.now() - started);
}

await engineCase();
if ((await engine.get('case-1')).state !== 'archived')
  throw new Error('the engine case did not reach the archive');
const viaEngine: number[] = [];
const bare: number[] = [];
await rate(engineCase);
await rate(machineCase);
for (let round = 0; round < ROUNDS; round++) {
  progress(
    `[core] commands through the engine: round ${round + 1}/${ROUNDS}`,
    round === 0,
  );
  engine = freshEngine();
  viaEngine.push(await rate(engineCase));
  bare.push(await rate(machineCase));
}
if (process.stdout.isTTY) process.stdout.write('\n');
const engineRate = median(viaEngine);
const bareRate = median(bare);
const lines = [
  '## Core: commands per second through the engine (in-memory store)',
  '',
  `One 容缺 case of ${COMMANDS_PER_CASE} commands (submission, acceptance, supplement, review, decision,`,
  'certificate, rating), one process, one core. The engine validates each command, checks the role,',
  'runs it on the case (kept running since its last command, or restored from its stored snapshot),',
  'compares the snapshot, reads the deadlines, hashes the audit entry and commits the change, which the',
  `store freezes; the bare machine only runs it. ${ROUNDS} rounds of ${ROUND_MS} ms each, each on a new`,
  'engine whose memory store keeps every case of the round.',
  '',
  '| path | median commands per second | cost per command |',
  '|---|---:|---:|',
  `| engine + memory store | ${engineRate.toFixed(0)} | ${(1e6 / engineRate).toFixed(0)} µs |`,
  `| bare case machine | ${bareRate.toFixed(0)} | ${(1e6 / bareRate).toFixed(0)} µs |`,
  '',
  `Engine overhead: ${(bareRate / engineRate).toFixed(1)}× the bare machine's time per command.`,
  '',
];
writeSection('core', lines);
console.log(lines.join('\n'));
