/**
 * Commands and wake-ups per second on the durable stores, beside the
 * in-memory store as the baseline, and how wake-up throughput grows from
 * one to two worker processes on PostgreSQL.
 *
 * PostgreSQL: `KUAIBAN_BENCH_PG_URL` (a database the benchmark may fill)
 * or, by default, a private cluster from `KUAIBAN_PG_BIN` /
 * /usr/lib/postgresql/<n>/bin, as in the tests.
 */
import { performance } from 'node:perf_hooks';
import type { CaseStore } from '@kuaiban/core';
import { createMemoryStore } from '@kuaiban/core';
import pg from 'pg';
import { median, progress, writeSection } from '../../../tests/bench/report.js';
import { createPgliteStore } from '../src/createPgliteStore.js';
import { createPostgresStore } from '../src/createPostgresStore.js';
import type { DurableStore } from '../src/createSqlStore.js';
import { createWorker } from '../src/createWorker.js';
import type { WorkerRun } from '../src/createWorker.js';
import {
  WORKER_TIME,
  setupEngine,
  submitCases,
} from '../test/support/caseScript.js';
import type { NodeProcess } from '../test/support/nodeProcess.js';
import { startNode } from '../test/support/nodeProcess.js';
import { postgresBin, startPostgres } from '../test/support/postgresCluster.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CASES = Number(process.env.BENCH_CASES ?? 40);
const SCALE_CASES = Number(process.env.BENCH_SCALE_CASES ?? 600);
const SCALE_ROUNDS = Number(process.env.BENCH_SCALE_ROUNDS ?? 3);
const WAKE_DATE = '2025-11-30';

const officer = { id: 'officer-chen', role: 'window-officer' };
const reviewer = { id: 'reviewer-li', role: 'reviewer' };
const head = { id: 'head-wang', role: 'agency-head' };
/** Eight commands after submission: a whole 容缺 food-permit case. */
const story = (applicant: string) => {
  const bakery = { id: applicant, role: 'applicant' };
  return [
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
      actor: bakery,
      commitment: { text: '承诺补齐' },
    },
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
};
const COMMANDS_PER_CASE = story('x').length + 1;

interface Subject {
  readonly name: string;
  readonly store: CaseStore;
  /** Claims and fires wake-ups; the memory store uses `advanceTo`. */
  readonly durable: DurableStore | null;
}

let round = 0;
/** Commands per second: whole 容缺 cases, one command at a time. */
async function commandRate(subject: Subject): Promise<number> {
  const test = setupEngine(subject.store, `cmd-${++round}`);
  test.at('2025-09-26');
  const started = performance.now();
  for (let i = 0; i < CASES; i++) {
    const { caseId } = await test.engine.submit({
      itemId: 'food-business-permit',
      applicant: { id: 'bakery' },
      handler: { id: 'officer-chen' },
    });
    for (const command of story('bakery')) {
      await test.engine.dispatch(caseId, command);
    }
  }
  return (CASES * COMMANDS_PER_CASE * 1000) / (performance.now() - started);
}

/** Wake-ups per second: fresh cases, then every wake-up up to WAKE_DATE. */
async function wakeRate(subject: Subject): Promise<number> {
  const test = setupEngine(subject.store, `wake-${++round}`);
  test.at('2025-09-26');
  await submitCases(test.engine, CASES);
  test.at(WAKE_DATE, WORKER_TIME);
  const started = performance.now();
  let fired: number;
  if (subject.durable) {
    const worker = createWorker(test.engine, {
      nodeId: 'bench',
      store: subject.durable,
      clock: test.clock,
    });
    fired = (await worker.drain()).ticks;
  } else {
    fired = await test.engine.advanceTo(WAKE_DATE);
  }
  return (fired * 1000) / (performance.now() - started);
}

async function postgresUrl(): Promise<{
  url: (db: string) => Promise<string>;
  stop: () => Promise<void>;
}> {
  const given = process.env.KUAIBAN_BENCH_PG_URL;
  if (given) {
    return { url: () => Promise.resolve(given), stop: () => Promise.resolve() };
  }
  const bin = postgresBin();
  if (bin === null) throw new Error('The store benchmark needs PostgreSQL');
  const cluster = await startPostgres(bin);
  return {
    url: (db) => cluster.createDatabase(db),
    stop: () => cluster.stop(),
  };
}

/** Wake-ups per second of `nodes` worker processes draining one database. */
async function scaleRate(
  admin: pg.Client,
  base: string,
  nodes: number,
  index: number,
): Promise<number> {
  const name = `scale_${nodes}_${index}`;
  await admin.query(`CREATE DATABASE ${name} TEMPLATE scale_template`);
  const url = base.replace(/\/[^/]*$/, `/${name}`);
  const started: NodeProcess[] = await Promise.all(
    Array.from({ length: nodes }, (_, i) =>
      startNode({
        KUAIBAN_TEST_PG_URL: url,
        KUAIBAN_NODE_ID: `bench-${i}`,
        KUAIBAN_BATCH: '10',
      }),
    ),
  );
  const begin = performance.now();
  const runs = await Promise.all(
    started.map((n) =>
      n.request({ type: 'drain', date: WAKE_DATE }, 'drained'),
    ),
  );
  const ms = performance.now() - begin;
  await Promise.all(started.map((n) => n.exit()));
  await admin.query(`DROP DATABASE ${name}`);
  const ticks = runs.reduce((sum, r) => sum + (r.run as WorkerRun).ticks, 0);
  return (ticks * 1000) / ms;
}

const server = await postgresUrl();
const pgUrl = await server.url('bench');
const postgres = await createPostgresStore({ connectionString: pgUrl });
const pglite = await createPgliteStore();
const subjects: Subject[] = [
  {
    name: 'memory store (baseline)',
    store: createMemoryStore(),
    durable: null,
  },
  { name: 'PGlite (embedded, in memory)', store: pglite, durable: pglite },
  { name: 'PostgreSQL (pg, local server)', store: postgres, durable: postgres },
];

const commands = new Map<string, number[]>();
const wakes = new Map<string, number[]>();
for (const subject of subjects) {
  await commandRate(subject);
  await wakeRate(subject);
}
for (let r = 0; r < ROUNDS; r++) {
  progress(`[store] commands and wake-ups: round ${r + 1}/${ROUNDS}`, r === 0);
  for (const subject of subjects) {
    commands.set(subject.name, [
      ...(commands.get(subject.name) ?? []),
      await commandRate(subject),
    ]);
    wakes.set(subject.name, [
      ...(wakes.get(subject.name) ?? []),
      await wakeRate(subject),
    ]);
  }
}
if (process.stdout.isTTY) process.stdout.write('\n');

// Scaling: one template database of SCALE_CASES cases, copied per round.
const templateUrl = await server.url('scale_template');
const template = await createPostgresStore({ connectionString: templateUrl });
const filler = setupEngine(template, 'scale');
filler.at('2025-09-26');
await submitCases(filler.engine, SCALE_CASES);
await template.close();
const admin = new pg.Client({
  connectionString: templateUrl.replace(/\/[^/]*$/, '/postgres'),
});
await admin.connect();
const scale = new Map<number, number[]>([
  [1, []],
  [2, []],
]);
for (let r = 0; r < SCALE_ROUNDS; r++) {
  progress(
    `[store] 1 and 2 worker processes: round ${r + 1}/${SCALE_ROUNDS}`,
    r === 0,
  );
  for (const nodes of [1, 2]) {
    scale.get(nodes)?.push(await scaleRate(admin, templateUrl, nodes, r));
  }
}
if (process.stdout.isTTY) process.stdout.write('\n');
await admin.end();
await pglite.close();
await postgres.close();
await server.stop();

const base = subjects[0]?.name ?? '';
const row = (name: string, rates: Map<string, number[]>) => {
  const rate = median(rates.get(name) ?? []);
  const baseline = median(rates.get(base) ?? []);
  const ratio = name === base ? '—' : `${(baseline / rate).toFixed(1)}×`;
  return `| ${name} | ${rate.toFixed(0)} | ${ratio} |`;
};
const one = median(scale.get(1) ?? []);
const two = median(scale.get(2) ?? []);
const lines = [
  '## Store: commands per second (one process)',
  '',
  `Whole 容缺 food-permit cases of ${COMMANDS_PER_CASE} commands through the engine, one command at a time;`,
  'each durable commit writes the case row, its hash-chained audit entry, the wake-up and the',
  `command id in one transaction. ${CASES} cases per round, ${ROUNDS} rounds, stores alternating.`,
  '',
  '| store | median commands per second | slower than the memory store by |',
  '|---|---:|---:|',
  ...subjects.map((s) => row(s.name, commands)),
  '',
  '## Store: wake-ups per second (one worker)',
  '',
  `${CASES} fresh cases (both items) per round, then every wake-up due up to ${WAKE_DATE}: deemed`,
  'acceptance, warnings, overdue marks. Durable stores: one worker claims in batches of 20 and',
  'marks each wake-up fired; the memory store runs `engine.advanceTo`. Counted in TICKs that',
  'changed a case.',
  '',
  '| store | median wake-ups per second | slower than the memory store by |',
  '|---|---:|---:|',
  ...subjects.map((s) => row(s.name, wakes)),
  '',
  '## Store: wake-ups per second from 1 to 2 worker processes (PostgreSQL)',
  '',
  `${SCALE_CASES} cases copied from one template database per round; each worker is its own Node`,
  `process with its own engine, claiming batches of 10 with FOR UPDATE SKIP LOCKED. ${SCALE_ROUNDS}`,
  'rounds; process start-up is not timed. The server runs on the same machine, so the processes',
  'share its cores with PostgreSQL.',
  '',
  '| worker processes | median wake-ups per second | speed-up over one |',
  '|---:|---:|---:|',
  `| 1 | ${one.toFixed(0)} | — |`,
  `| 2 | ${two.toFixed(0)} | ${(two / one).toFixed(2)}× |`,
  '',
];
writeSection('store', lines);
console.log(lines.join('\n'));
