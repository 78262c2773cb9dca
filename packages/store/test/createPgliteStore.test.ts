import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { isKuaibanError } from '@kuaiban/calendar';
import type { AuditEntry, CaseChange } from '@kuaiban/core';
import { appendEntry, storeContract, verifyHistory } from '@kuaiban/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteStore } from '../src/createPgliteStore.js';
import type { DurableStore } from '../src/createSqlStore.js';
import { SCHEMA_VERSION } from '../src/migrations.js';
import { caseScript, setupEngine } from './support/caseScript.js';
import { emptyTables } from './support/emptyTables.js';

/** One PGlite for the contract (opening one takes seconds), emptied per test. */
let shared: PGlite;
beforeAll(async () => {
  shared = await PGlite.create();
}, 60_000);
afterAll(async () => {
  await shared.close();
});

storeContract(
  'PGlite',
  async () => {
    const store = await createPgliteStore({ pglite: shared });
    await emptyTables(shared);
    return store;
  },
  { describe, it, expect },
);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return isKuaibanError(error) ? error.code : String(error);
  }
}

describe('createPgliteStore: the embedded store', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'kuaiban-pglite-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('restarts from its data directory with every case, trail and pending wake-up', async () => {
    const dataDir = tempDir();
    const first = await createPgliteStore({ dataDir });
    const { engine, at } = setupEngine(first);
    const ids = await caseScript(engine, at, 12);
    await engine.advanceTo('2025-10-20');
    const cases = await first.list();
    const wakeUps = await first.wakeUps();
    const histories = await Promise.all(ids.map((id) => first.history(id)));
    expect(wakeUps.some((w) => w.firedAt === null)).toBe(true);
    await first.close();
    await first.close();

    const reopened = await createPgliteStore({ dataDir });
    expect(await reopened.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(await reopened.list()).toEqual(cases);
    expect(await reopened.wakeUps()).toEqual(wakeUps);
    for (const [index, id] of ids.entries()) {
      const history = await reopened.history(id);
      expect(history).toEqual(histories[index]);
      expect(verifyHistory(history)).toEqual({
        ok: true,
        entries: history.length,
      });
    }
    // The restored store carries on where the first one stopped.
    const again = setupEngine(reopened);
    again.at('2025-12-01');
    expect(await again.engine.advanceTo('2025-12-01')).toBeGreaterThan(0);
    await reopened.close();
  }, 60_000);

  it('opens in memory without a data directory, and each such store is its own', async () => {
    const a = await createPgliteStore();
    const { engine, at } = setupEngine(a);
    await caseScript(engine, at, 1);
    expect((await a.list()).length).toBe(1);
    await a.close();
  }, 60_000);

  it('STORE_UNAVAILABLE: a data directory that cannot be opened', async () => {
    const file = join(tempDir(), 'not-a-directory');
    writeFileSync(file, 'x');
    const error = await createPgliteStore({ dataDir: join(file, 'db') }).catch(
      (e: unknown) => e,
    );
    expect(isKuaibanError(error) && error.code).toBe('STORE_UNAVAILABLE');
    expect(isKuaibanError(error) && error.messageZh).toMatch(/办件库不可用/);
  });

  it('refuses to change, delete or truncate audit entries: the trail is append-only', async () => {
    const store = await createPgliteStore({ pglite: shared });
    const { engine, at } = setupEngine(store);
    const [id] = await caseScript(engine, at, 1);
    expect(
      await codeOf(
        shared.query(
          `UPDATE kuaiban_audit_entries SET entry = '{}' WHERE case_id = $1`,
          [id],
        ),
      ),
    ).toMatch(/append-only/);
    expect(
      await codeOf(
        shared.query('DELETE FROM kuaiban_audit_entries WHERE case_id = $1', [
          id,
        ]),
      ),
    ).toMatch(/留痕只可追加/);
    expect(
      await codeOf(shared.query('TRUNCATE kuaiban_audit_entries')),
    ).toMatch(/append-only/);
    expect((await store.history(id ?? '')).length).toBeGreaterThan(0);
  });
});

describe('the query layer: one statement per commit', () => {
  const draft = (caseId: string, type: string) => ({
    caseId,
    at: '2025-09-26T10:00:00.000+08:00',
    actor: { id: 'officer-chen', role: 'window-officer' as const },
    command: { type },
    commandId: null,
    reason: null,
    state: type,
  });
  const change = (
    caseId: string,
    version: number,
    entry: AuditEntry,
    nextWakeUp: string | null,
  ): CaseChange => {
    const facts = {
      status: 'active' as const,
      nextWakeUp,
      warnedOn: null,
      escalatedOn: null,
      handler: 'officer-chen',
      applicant: 'bakery',
      awaiting: [],
      dueDates: { supplement: null, decision: null, issuance: null },
    };
    return {
      record: {
        caseId,
        itemId: 'item',
        version,
        snapshot: { v: version },
        state: entry.state,
        facts,
      },
      entry,
      expectedVersion: version === 1 ? null : version - 1,
      commandId: null,
      result: {
        caseId,
        command: entry.command.type,
        version,
        state: entry.state,
        facts,
        sequence: entry.sequence,
      },
    };
  };

  it('keeps one pending wake-up per case: a TICK fires it, another command replaces it', async () => {
    const store: DurableStore = await createPgliteStore({ pglite: shared });
    const first = appendEntry(null, draft('w1', 'SUBMIT'));
    await store.commit(change('w1', 1, first, '2025-10-01'));
    expect(
      (await store.wakeUps('w1')).map((w) => [w.dueOn, w.firedAt]),
    ).toEqual([['2025-10-01', null]]);
    const tick = appendEntry(first, draft('w1', 'TICK'));
    await store.commit(change('w1', 2, tick, '2025-10-27'));
    const afterTick = await store.wakeUps('w1');
    expect(afterTick.map((w) => [w.dueOn, w.firedAt === null])).toEqual([
      ['2025-10-01', false],
      ['2025-10-27', true],
    ]);
    const moved = appendEntry(tick, draft('w1', 'SUPPLEMENT'));
    await store.commit(change('w1', 3, moved, '2025-11-03'));
    expect((await store.wakeUps('w1')).map((w) => w.dueOn)).toEqual([
      '2025-10-01',
      '2025-11-03',
    ]);
    const closed = appendEntry(moved, draft('w1', 'WITHDRAW'));
    await store.commit(change('w1', 4, closed, null));
    expect((await store.wakeUps('w1')).map((w) => w.dueOn)).toEqual([
      '2025-10-01',
    ]);
  });

  it('arms a timer again when a command moves the next wake-up back to a date that fired', async () => {
    const store = await createPgliteStore({ pglite: shared });
    const first = appendEntry(null, draft('r1', 'SUBMIT'));
    await store.commit(change('r1', 1, first, '2025-10-01'));
    await store.claimWakeUps({
      nodeId: 'node-r',
      date: '2025-10-01',
      limit: 1,
      leaseMs: 60_000,
    });
    const tick = appendEntry(first, draft('r1', 'TICK'));
    await store.commit(change('r1', 2, tick, '2025-10-27'));
    const back = appendEntry(tick, draft('r1', 'SUPPLEMENT'));
    await store.commit(change('r1', 3, back, '2025-10-01'));
    expect(await store.wakeUps('r1')).toEqual([
      {
        caseId: 'r1',
        dueOn: '2025-10-01',
        claimedBy: null,
        claimExpiresAt: null,
        attempts: 0,
        firedAt: null,
      },
    ]);
    const [claim] = await store.claimWakeUps({
      nodeId: 'node-r',
      date: '2025-10-01',
      limit: 1,
      leaseMs: 60_000,
    });
    expect(claim).toMatchObject({ caseId: 'r1', dueOn: '2025-10-01' });
  });

  it('CONFLICT: an entry that does not link to the stored trail writes nothing, not even the case row', async () => {
    const store = await createPgliteStore({ pglite: shared });
    const first = appendEntry(null, draft('l1', 'SUBMIT'));
    await store.commit(change('l1', 1, first, '2025-10-01'));
    const stray = appendEntry(
      appendEntry(null, draft('l1', 'SUBMIT')),
      draft('l1', 'OTHER'),
    );
    const forged = { ...stray, previousHash: 'f'.repeat(64) };
    expect(await codeOf(store.commit(change('l1', 2, forged, null)))).toBe(
      'CONFLICT',
    );
    expect((await store.load('l1'))?.version).toBe(1);
    expect(await store.history('l1')).toEqual([first]);
    expect((await store.wakeUps('l1')).length).toBe(1);
  });
});
