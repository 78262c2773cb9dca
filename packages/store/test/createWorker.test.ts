import { PGlite } from '@electric-sql/pglite';
import { KuaibanError } from '@kuaiban/calendar';
import { verifyHistory } from '@kuaiban/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPgliteStore } from '../src/createPgliteStore.js';
import type { DurableStore, WakeUp } from '../src/createSqlStore.js';
import { createWorker } from '../src/createWorker.js';
import {
  WORKER_TIME,
  caseScript,
  setupEngine,
  workerClock,
} from './support/caseScript.js';
import { emptyTables } from './support/emptyTables.js';

let db: PGlite;
let store: DurableStore;
beforeAll(async () => {
  db = await PGlite.create();
  store = await createPgliteStore({ pglite: db });
}, 60_000);
afterAll(async () => {
  await store.close();
  await db.close();
});
beforeEach(async () => {
  await emptyTables(db);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until a node's pending claims have expired, by the database's clock. */
async function claimsExpired(nodeId: string): Promise<void> {
  for (;;) {
    const { rows } = await db.query<{ expired: boolean }>(
      `SELECT coalesce(now() > max(claim_expires_at), true) AS expired
       FROM kuaiban_wake_ups WHERE fired_at IS NULL AND claimed_by = $1`,
      [nodeId],
    );
    if (rows[0]?.expired) return;
    await sleep(100);
  }
}

/** The same script on the memory store, woken with `advanceTo`. */
async function reference(count: number, date: string) {
  const test = setupEngine();
  await caseScript(test.engine, test.at, count);
  test.at(date, WORKER_TIME);
  await test.engine.advanceTo(date);
  return test.engine;
}

describe('createWorker: durable wake-ups', () => {
  it('ALL-32-NOTICE-5D, ALL-42-DECIDE-20D: wake-ups missed while no node ran fire on recovery, once each, earliest first', async () => {
    const test = setupEngine(store);
    const ids = await caseScript(test.engine, test.at, 24);
    test.at('2025-11-30', WORKER_TIME);
    const clock = test.clock;
    const fired: WakeUp[] = [];
    const worker = createWorker(test.engine, {
      nodeId: 'node-1',
      store,
      clock,
      batchSize: 7,
      onFired: (wakeUp) => fired.push(wakeUp),
    });
    const run = await worker.drain();
    expect(run.failed).toBe(0);
    expect(run.fired).toBe(fired.length);
    expect(run.ticks).toBeGreaterThanOrEqual(ids.length);
    // Within each batch earliest first; each case's wake-ups in date order.
    for (const id of ids) {
      const dates = fired.filter((w) => w.caseId === id).map((w) => w.dueOn);
      expect(dates).toEqual([...dates].sort());
    }
    expect(fired.slice(0, 7).map((w) => w.dueOn)).toEqual(
      fired
        .slice(0, 7)
        .map((w) => w.dueOn)
        .sort(),
    );
    // Nothing is left due and a second run finds nothing to do.
    const rows = await store.wakeUps();
    expect(rows.filter((w) => w.dueOn <= '2025-11-30' && !w.firedAt)).toEqual(
      [],
    );
    expect(await worker.drain()).toEqual({
      claimed: 0,
      fired: 0,
      ticks: 0,
      failed: 0,
    });
    // Exactly what the in-memory engine does with advanceTo.
    const expected = await reference(24, '2025-11-30');
    for (const id of ids) {
      const history = await store.history(id);
      expect(history).toEqual(await expected.history(id));
      expect(verifyHistory(history).ok).toBe(true);
    }
  });

  it('two workers draining at once never fire a wake-up twice', async () => {
    const test = setupEngine(store);
    const ids = await caseScript(test.engine, test.at, 16);
    const seen: string[] = [];
    const worker = (nodeId: string) => {
      const node = setupEngine(store);
      node.at('2025-12-31', WORKER_TIME);
      return createWorker(node.engine, {
        nodeId,
        store,
        clock: node.clock,
        batchSize: 3,
        onFired: (w) => seen.push(`${w.caseId}@${w.dueOn}`),
      });
    };
    const runs = await Promise.all([
      worker('node-a').drain(),
      worker('node-b').drain(),
    ]);
    expect(new Set(seen).size).toBe(seen.length);
    expect(runs[0].fired + runs[1].fired).toBe(seen.length);
    const expected = await reference(16, '2025-12-31');
    for (const id of ids) {
      expect(await store.history(id)).toEqual(await expected.history(id));
    }
  });

  it('takes over the claims of a node that died once their lease expires', async () => {
    const test = setupEngine(store);
    await caseScript(test.engine, test.at, 6);
    // A node claims and dies before processing anything.
    const dead = await store.claimWakeUps({
      nodeId: 'dead-node',
      date: '2025-10-31',
      limit: 4,
      leaseMs: 3_000,
    });
    expect(dead.length).toBe(4);
    const clock = workerClock();
    clock.set('2025-10-31');
    const worker = createWorker(test.engine, {
      nodeId: 'node-2',
      store,
      clock,
    });
    const first = await worker.drain();
    const stillClaimed = (await store.wakeUps()).filter(
      (w) => w.claimedBy === 'dead-node' && w.firedAt === null,
    );
    expect(stillClaimed.length).toBe(4);
    await claimsExpired('dead-node');
    const second = await worker.drain();
    expect(second.claimed).toBeGreaterThanOrEqual(4);
    const takenOver = await store.wakeUps();
    for (const claim of dead) {
      const row = takenOver.find(
        (w) => w.caseId === claim.caseId && w.dueOn === claim.dueOn,
      );
      expect(row?.claimedBy).toBe('node-2');
      expect(row?.attempts).toBe(2);
      expect(row?.firedAt).not.toBeNull();
    }
    expect(first.failed + second.failed).toBe(0);
  }, 30_000);

  it("a TICK's next timer keeps the claim of the node that ran it: other nodes wait, that node goes on", async () => {
    const test = setupEngine(store);
    const [caseId = ''] = await caseScript(test.engine, test.at, 1);
    const [claim] = await store.claimWakeUps({
      nodeId: 'node-x',
      date: '2025-10-31',
      limit: 1,
      leaseMs: 60_000,
    });
    expect(claim?.caseId).toBe(caseId);
    test.at('2025-10-10', WORKER_TIME);
    expect(await test.engine.wake(caseId, '2025-10-10')).toBe(1);
    const [fired, next] = await store.wakeUps(caseId);
    expect(fired?.firedAt).not.toBeNull();
    expect(next).toMatchObject({
      claimedBy: 'node-x',
      attempts: 0,
      firedAt: null,
    });
    const other = {
      nodeId: 'node-y',
      date: '2025-10-31',
      limit: 5,
      leaseMs: 60_000,
    };
    expect(await store.claimWakeUps(other)).toEqual([]);
    const again = await store.claimWakeUps({ ...other, nodeId: 'node-x' });
    expect(again.map((w) => [w.dueOn, w.attempts])).toEqual([[next?.dueOn, 1]]);
    // Claimed and attempted, it is no longer the node's to take at once.
    expect(await store.claimWakeUps({ ...other, nodeId: 'node-x' })).toEqual(
      [],
    );
  });

  it('a wake-up that fails keeps its claim, is reported, and fires after the lease', async () => {
    const test = setupEngine(store);
    await caseScript(test.engine, test.at, 2);
    const clock = workerClock();
    clock.set('2025-10-31');
    const errors: unknown[] = [];
    let failures = 1;
    const flaky = {
      wake: (caseId: string, date: string) =>
        failures-- > 0
          ? Promise.reject(new Error('disk full'))
          : test.engine.wake(caseId, date),
    };
    const worker = createWorker(flaky, {
      nodeId: 'node-3',
      store,
      clock,
      leaseMs: 2_000,
      onError: (error) => errors.push(error),
    });
    const first = await worker.drain();
    expect(first.failed).toBe(1);
    expect(errors).toEqual([new Error('disk full')]);
    const [held] = (await store.wakeUps()).filter((w) => w.firedAt === null);
    expect(held?.claimedBy).toBe('node-3');
    await claimsExpired('node-3');
    expect((await worker.drain()).fired).toBeGreaterThanOrEqual(1);
    expect(
      (await store.wakeUps()).filter(
        (w) => w.dueOn <= '2025-10-31' && w.firedAt === null,
      ),
    ).toEqual([]);
  }, 30_000);

  it('CONFLICT: retries a wake-up when a command changed the case meanwhile, and gives up after five', async () => {
    const test = setupEngine(store);
    await caseScript(test.engine, test.at, 2);
    const clock = workerClock();
    clock.set('2025-10-31');
    const conflict = () =>
      new KuaibanError({ code: 'CONFLICT', message: 'x', messageZh: 'x' });
    let conflicts = 2;
    const racing = {
      wake: (caseId: string, date: string) =>
        conflicts-- > 0
          ? Promise.reject(conflict())
          : test.engine.wake(caseId, date),
    };
    const run = await createWorker(racing, {
      nodeId: 'node-4',
      store,
      clock,
    }).drain();
    expect(run.failed).toBe(0);
    expect(run.fired).toBe(run.claimed);

    await caseScript(setupEngine(store, 'late').engine, () => undefined, 1);
    const always = { wake: () => Promise.reject(conflict()) };
    const errors: unknown[] = [];
    const stuck = await createWorker(always, {
      nodeId: 'node-5',
      store,
      clock,
      onError: (error) => errors.push(error),
    }).drain();
    expect(stuck.failed).toBe(1);
    expect(errors).toHaveLength(1);
  });

  it('a listener that throws neither undoes a fired wake-up nor stops a started worker', async () => {
    const test = setupEngine(store);
    await caseScript(test.engine, test.at, 2);
    const clock = workerClock();
    clock.set('2025-10-31');
    const errors: unknown[] = [];
    const run = await createWorker(test.engine, {
      nodeId: 'node-8',
      store,
      clock,
      onFired: () => {
        throw new Error('log full');
      },
      onError: (error, wakeUp) => errors.push([error, wakeUp?.caseId]),
    }).drain();
    expect(run.failed).toBe(0);
    expect(run.fired).toBe(run.claimed);
    expect(errors.length).toBe(run.fired);
    expect(errors[0]).toEqual([new Error('log full'), expect.any(String)]);

    let calls = 0;
    const broken = createWorker(test.engine, {
      nodeId: 'node-9',
      store: {
        ...store,
        claimWakeUps: () => Promise.reject(new Error('connection lost')),
      },
      clock,
      pollMs: 5,
      onError: () => {
        calls++;
        throw new Error('logger down');
      },
    });
    broken.start();
    while (calls < 3) await sleep(5);
    await broken.stop();
    const after = calls;
    await sleep(30);
    expect(calls).toBe(after);
  });

  it('started, it polls until stopped; a store that cannot be reached is reported, not thrown', async () => {
    const test = setupEngine(store);
    await caseScript(test.engine, test.at, 3);
    const clock = workerClock();
    clock.set('2025-10-31');
    let fired = 0;
    const worker = createWorker(test.engine, {
      nodeId: 'node-6',
      store,
      clock,
      pollMs: 5,
      onFired: () => fired++,
    });
    worker.start();
    worker.start();
    while (
      (await store.wakeUps()).some((w) => w.dueOn <= '2025-10-31' && !w.firedAt)
    ) {
      await sleep(10);
    }
    await worker.stop();
    expect(fired).toBeGreaterThan(0);

    const errors: unknown[] = [];
    const broken = createWorker(test.engine, {
      nodeId: 'node-7',
      store: {
        ...store,
        claimWakeUps: () => Promise.reject(new Error('connection lost')),
      },
      clock,
      pollMs: 5,
      onError: (error, wakeUp) => errors.push([error, wakeUp]),
    });
    broken.start();
    while (errors.length < 2) await sleep(5);
    await broken.stop();
    expect(errors[0]).toEqual([new Error('connection lost'), null]);
  });
});
