import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { isKuaibanError } from '@kuaiban/calendar';
import { storeContract, verifyHistory } from '@kuaiban/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteStore } from '../src/createPgliteStore.js';
import type { DurableStore } from '../src/createSqlStore.js';
import { SCHEMA_VERSION } from '../src/migrations.js';
import { caseScript, setupEngine } from './support/caseScript.js';

/** One PGlite for the contract (opening one takes seconds), emptied per test. */
let shared: PGlite;
beforeAll(async () => {
  shared = await PGlite.create();
});
afterAll(async () => {
  await shared.close();
});

storeContract(
  'PGlite',
  async () => {
    const store = await createPgliteStore({ pglite: shared });
    await shared.exec(
      'TRUNCATE kuaiban_cases, kuaiban_audit_entries, kuaiban_wake_ups, kuaiban_command_ids',
    );
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
  });

  it('opens in memory without a data directory, and each such store is its own', async () => {
    const a = await createPgliteStore();
    const { engine, at } = setupEngine(a);
    await caseScript(engine, at, 1);
    expect((await a.list()).length).toBe(1);
    await a.close();
  });

  it('STORE_UNAVAILABLE: a data directory that cannot be opened', async () => {
    const file = join(tempDir(), 'not-a-directory');
    writeFileSync(file, 'x');
    const error = await createPgliteStore({ dataDir: join(file, 'db') }).catch(
      (e: unknown) => e,
    );
    expect(isKuaibanError(error) && error.code).toBe('STORE_UNAVAILABLE');
    expect(isKuaibanError(error) && error.messageZh).toMatch(/办件库不可用/);
  });

  it('refuses to change an audit entry or delete one: the trail is append-only', async () => {
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
    expect((await store.history(id ?? '')).length).toBeGreaterThan(0);
  });
});

export type { DurableStore };
