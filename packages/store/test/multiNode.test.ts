/**
 * Several nodes in their own processes against one PostgreSQL: every
 * deadline fires exactly once, a node killed mid-batch loses nothing, and
 * of two conflicting commands exactly one wins.
 */
import { verifyHistory } from '@kuaiban/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../src/createPostgresStore.js';
import type { DurableStore, WakeUp } from '../src/createSqlStore.js';
import type { WorkerRun } from '../src/createWorker.js';
import {
  WORKER_TIME,
  calendarDays,
  caseScript,
  officeDay,
  referenceRun,
  setupEngine,
} from './support/caseScript.js';
import type { NodeProcess } from './support/nodeProcess.js';
import { startNode } from './support/nodeProcess.js';
import type { PostgresCluster } from './support/postgresCluster.js';
import { postgresBin, startPostgres } from './support/postgresCluster.js';

const bin = postgresBin();
let cluster: PostgresCluster;
const stores: DurableStore[] = [];
const nodes: NodeProcess[] = [];

async function database(name: string) {
  const url = await cluster.createDatabase(name);
  const store = await createPostgresStore({ connectionString: url, max: 4 });
  stores.push(store);
  return { url, store };
}

async function node(url: string, nodeId: string, env = {}) {
  const started = await startNode({
    KUAIBAN_TEST_PG_URL: url,
    KUAIBAN_NODE_ID: nodeId,
    ...env,
  });
  nodes.push(started);
  return started;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until a node's claims have expired, by the database's clock. */
async function claimsExpired(url: string, nodeId: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (;;) {
      const { rows } = await client.query<{ expired: boolean }>(
        `SELECT coalesce(now() > max(claim_expires_at), true) AS expired
         FROM kuaiban_wake_ups WHERE fired_at IS NULL AND claimed_by = $1`,
        [nodeId],
      );
      if (rows[0]?.expired) return;
      await sleep(200);
    }
  } finally {
    await client.end();
  }
}

/** Every case's trail equals the reference's, verifies, and has no gap. */
async function expectSameHistories(
  store: DurableStore,
  reference: ReturnType<typeof setupEngine>['engine'],
): Promise<number> {
  const cases = await store.list();
  const expected = await reference.queue();
  expect(cases.filter((c) => c.facts.status === 'active').length).toBe(
    expected.length,
  );
  let ticks = 0;
  for (const record of cases) {
    const history = await store.history(record.caseId);
    expect(history).toEqual(await reference.history(record.caseId));
    expect(verifyHistory(history)).toEqual({
      ok: true,
      entries: record.version,
    });
    ticks += history.filter((e) => e.command.type === 'TICK').length;
  }
  return ticks;
}

const unfiredBy = (rows: readonly WakeUp[], date: string) =>
  rows.filter((w) => w.dueOn <= date && w.firedAt === null);

describe.skipIf(bin === null)('several nodes on one PostgreSQL', () => {
  beforeAll(async () => {
    cluster = await startPostgres(bin ?? '');
  }, 60_000);
  afterAll(async () => {
    try {
      await Promise.all(nodes.map((n) => n.exit()));
      for (const store of stores) await store.close();
    } finally {
      // beforeAll may have failed before the cluster started.
      await (cluster as PostgresCluster | undefined)?.stop();
    }
  }, 30_000);

  it('ALL-32-NOTICE-5D, ALL-42-DECIDE-20D: 1,000 cases over eight weeks on two worker processes: every wake-up fires exactly once', async () => {
    const { url, store } = await database('weeks');
    const workers = await Promise.all([
      node(url, 'node-a', { KUAIBAN_BATCH: '10' }),
      node(url, 'node-b', { KUAIBAN_BATCH: '10' }),
    ]);
    const portal = setupEngine(store);
    const plan = { perDay: 100, submitDays: 10 };
    const days = calendarDays('2025-09-26', 56);
    const fired = [0, 0];
    let yesterday: string[] = [];
    for (const [index, day] of days.entries()) {
      yesterday = await officeDay(portal, day, index, plan, yesterday);
      const runs = await Promise.all(
        workers.map((w) => w.request({ type: 'drain', date: day }, 'drained')),
      );
      for (const [i, { run }] of runs.entries()) {
        expect((run as WorkerRun).failed).toBe(0);
        fired[i] = (fired[i] ?? 0) + (run as WorkerRun).fired;
      }
      // After each day's run nothing due is left pending.
      expect(unfiredBy(await store.wakeUps(), day)).toEqual([]);
    }
    expect((await store.list()).length).toBe(1000);
    expect(fired.every((n) => n > 0)).toBe(true);
    const reference = await referenceRun(days, plan);
    const ticks = await expectSameHistories(store, reference.engine);
    expect(ticks).toBeGreaterThan(2000);
    const rows = await store.wakeUps();
    expect(rows.filter((w) => w.firedAt !== null).length).toBeGreaterThan(2000);
  }, 120_000);

  it('a node killed in the middle of a batch loses nothing and does nothing twice once another takes over', async () => {
    const { url, store } = await database('crash');
    const portal = setupEngine(store);
    await caseScript(portal.engine, portal.at, 120);
    const doomed = await node(url, 'node-doomed', {
      KUAIBAN_STALL_AFTER: '12',
      KUAIBAN_BATCH: '25',
      KUAIBAN_LEASE_MS: '2000',
    });
    const stalled = doomed.next('stalled');
    doomed.send({ type: 'drain', date: '2025-11-30' });
    await stalled;
    await doomed.kill();
    const orphaned = (await store.wakeUps()).filter(
      (w) => w.claimedBy === 'node-doomed' && w.firedAt === null,
    );
    expect(orphaned.length).toBeGreaterThan(0);

    // Restarted, a node takes the dead node's claims over once they expire.
    const survivor = await node(url, 'node-survivor');
    await claimsExpired(url, 'node-doomed');
    await survivor.request({ type: 'drain', date: '2025-11-30' }, 'drained');
    const rows = await store.wakeUps();
    expect(unfiredBy(rows, '2025-11-30')).toEqual([]);
    for (const claim of orphaned) {
      const row = rows.find(
        (w) => w.caseId === claim.caseId && w.dueOn === claim.dueOn,
      );
      expect(row?.firedAt).not.toBeNull();
      expect(row?.claimedBy).toBe('node-survivor');
      expect(row?.attempts).toBeGreaterThanOrEqual(1);
    }
    const reference = setupEngine();
    await caseScript(reference.engine, reference.at, 120);
    reference.at('2025-11-30', WORKER_TIME);
    await reference.engine.advanceTo('2025-11-30');
    await expectSameHistories(store, reference.engine);
  }, 60_000);

  it('CONFLICT: two processes send conflicting commands to one case; exactly one wins and the trail stays whole', async () => {
    const { url, store } = await database('conflict');
    const portal = setupEngine(store);
    portal.at('2025-09-26');
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const view = await portal.engine.submit({
        itemId: i % 2 ? 'construction-permit' : 'food-business-permit',
        applicant: { id: `applicant-${i}` },
        handler: { id: 'officer-chen' },
      });
      ids.push(view.caseId);
    }
    const [officer, applicant] = await Promise.all([
      node(url, 'node-officer'),
      node(url, 'node-applicant'),
    ]);
    const refuse = {
      type: 'PROPOSE_REFUSAL',
      actor: { id: 'officer-chen', role: 'window-officer' },
      reason: '不属于本机关职权范围',
      route: '向市场监督管理局申请',
    };
    const withdraw = (i: number) => ({
      type: 'WITHDRAW',
      actor: { id: `applicant-${i}`, role: 'applicant' },
    });
    for (const [i, caseId] of ids.entries()) {
      const date = '2025-09-29';
      const replies = [
        officer.next('dispatched'),
        applicant.next('dispatched'),
      ];
      const arrived = [officer.next('at-commit'), applicant.next('at-commit')];
      officer.send({
        type: 'dispatch',
        caseId,
        command: refuse,
        date,
        gated: true,
      });
      applicant.send({
        type: 'dispatch',
        caseId,
        command: withdraw(i),
        date,
        gated: true,
      });
      await Promise.all(arrived);
      officer.send({ type: 'open' });
      applicant.send({ type: 'open' });
      const codes = (await Promise.all(replies)).map((r) => String(r.code));
      expect([...codes].sort()).toEqual(['CONFLICT', 'ok']);
      // The loser reads the case again and retries: it acts on the new state.
      const loser = codes[0] === 'CONFLICT' ? officer : applicant;
      const retry = await loser.request(
        {
          type: 'dispatch',
          caseId,
          command: loser === officer ? refuse : withdraw(i),
          date,
          gated: false,
        },
        'dispatched',
      );
      expect(['ok', 'NOT_ALLOWED_IN_STATE']).toContain(retry.code);
      const history = await store.history(caseId);
      const record = await store.load(caseId);
      expect(history.length).toBe(record?.version);
      expect(history.length).toBe(retry.code === 'ok' ? 3 : 2);
      expect(verifyHistory(history).ok).toBe(true);
      expect((await portal.engine.replay(caseId)).matches).toBe(true);
    }
  }, 60_000);
});
