import type { AddressInfo, Socket } from 'node:net';
import { createServer } from 'node:net';
import { isKuaibanError } from '@kuaiban/calendar';
import { storeContract, verifyHistory } from '@kuaiban/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../src/createPostgresStore.js';
import type { DurableStore } from '../src/createSqlStore.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../src/migrations.js';
import { caseScript, setupEngine } from './support/caseScript.js';
import { gatedStore } from './support/gatedStore.js';
import type { PostgresCluster } from './support/postgresCluster.js';
import { postgresBin, startPostgres } from './support/postgresCluster.js';

const bin = postgresBin();
let cluster: PostgresCluster;
const stores: DurableStore[] = [];
let databases = 0;

/** A store on a fresh database of the test cluster. */
async function freshStore(): Promise<{ store: DurableStore; url: string }> {
  const url = await cluster.createDatabase(`store_${++databases}`);
  const store = await createPostgresStore({ connectionString: url, max: 4 });
  stores.push(store);
  return { store, url };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return isKuaibanError(error) ? error.code : String(error);
  }
}

async function sql(url: string, text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

describe.skipIf(bin === null)('createPostgresStore', () => {
  beforeAll(async () => {
    cluster = await startPostgres(bin ?? '');
  }, 60_000);
  afterAll(async () => {
    try {
      for (const store of stores) await store.close();
    } finally {
      // beforeAll may have failed before the cluster started.
      await (cluster as PostgresCluster | undefined)?.stop();
    }
  });

  storeContract('PostgreSQL', async () => (await freshStore()).store, {
    describe,
    it,
    expect,
  });

  it('CONFLICT: of two engines sending commands to one case at once, exactly one wins', async () => {
    const { store } = await freshStore();
    const a = setupEngine(store);
    const [, caseId = ''] = await caseScript(a.engine, a.at, 2);
    const gate = gatedStore(store);
    const b = setupEngine(gate.store);
    const c = setupEngine(gate.store);
    const version = (await store.load(caseId))?.version ?? 0;
    const racing = Promise.all([
      codeOf(
        b.engine.dispatch(caseId, {
          type: 'PROPOSE_REFUSAL',
          actor: { id: 'officer-chen', role: 'window-officer' },
          reason: '材料不全',
          route: '复议',
        }),
      ),
      codeOf(
        c.engine.dispatch(caseId, {
          type: 'WITHDRAW',
          actor: { id: 'applicant-1', role: 'applicant' },
        }),
      ),
    ]);
    await Promise.race([gate.arrived(2), racing]);
    gate.open();
    const results = await racing;
    // Case 1 waits for its pre-review: both commands are allowed there.
    expect(results.sort()).toEqual(['CONFLICT', 'ok']);
    const history = await store.history(caseId);
    expect(history.length).toBe(version + 1);
    expect(verifyHistory(history).ok).toBe(true);
    expect((await a.engine.replay(caseId)).matches).toBe(true);
  });

  it('a repeated command id committed twice at once is written once', async () => {
    const { store } = await freshStore();
    const a = setupEngine(store);
    const gate = gatedStore(store);
    const b = setupEngine(gate.store);
    const c = setupEngine(gate.store);
    a.at('2025-09-26');
    const { caseId } = await a.engine.submit({
      itemId: 'food-business-permit',
      applicant: { id: 'bakery' },
      handler: { id: 'officer-chen' },
    });
    const command = {
      type: 'PRE_REVIEW_PASSED',
      actor: { id: 'officer-chen', role: 'window-officer' },
      commandId: 'same-click',
    };
    const racing = Promise.all([
      codeOf(b.engine.dispatch(caseId, command)),
      codeOf(c.engine.dispatch(caseId, command)),
    ]);
    await Promise.race([gate.arrived(2), racing]);
    gate.open();
    const codes = await racing;
    expect(codes.sort()).toEqual(['CONFLICT', 'ok']);
    // The retry of the loser replays the first result.
    expect((await b.engine.dispatch(caseId, command)).version).toBe(2);
    expect((await store.history(caseId)).length).toBe(2);
  });

  it('STORE_SCHEMA_UNKNOWN: a database from a newer release refuses to start and is left as it was', async () => {
    const { store, url } = await freshStore();
    expect(await store.schemaVersion()).toBe(SCHEMA_VERSION);
    await sql(
      url,
      `INSERT INTO kuaiban_schema_migrations (version, name) VALUES (99, 'from the future')`,
    );
    const error = await createPostgresStore({ connectionString: url }).catch(
      (e: unknown) => e,
    );
    expect(isKuaibanError(error) && error.code).toBe('STORE_SCHEMA_UNKNOWN');
    expect(isKuaibanError(error) && error.message).toMatch(
      new RegExp(
        `schema is at version 99.*knows versions up to ${SCHEMA_VERSION}`,
      ),
    );
    expect(isKuaibanError(error) && error.messageZh).toMatch(
      /数据库结构版本为 99.*请先升级/,
    );
    expect(await store.schemaVersion()).toBe(99);
  });

  it('nodes starting together migrate the schema once', async () => {
    const url = await cluster.createDatabase('together');
    const opened = await Promise.all(
      [1, 2, 3].map(() => createPostgresStore({ connectionString: url })),
    );
    stores.push(...opened);
    const rows = await sql(
      url,
      'SELECT version FROM kuaiban_schema_migrations ORDER BY version',
    );
    expect(rows.map((r) => r.version)).toEqual(
      MIGRATIONS.map((m) => m.version),
    );
  });

  it('HISTORY_TAMPERED: verifyHistory finds an audit row changed behind the store', async () => {
    const { store, url } = await freshStore();
    const test = setupEngine(store);
    const [caseId = ''] = await caseScript(test.engine, test.at, 1);
    await test.engine.advanceTo('2025-10-31');
    expect(verifyHistory(await store.history(caseId)).ok).toBe(true);
    // Only an administrator can change a row: the trigger forbids it.
    expect(
      await codeOf(
        sql(url, `DELETE FROM kuaiban_audit_entries WHERE case_id = $1`, [
          caseId,
        ]),
      ),
    ).toMatch(/append-only/);
    await sql(
      url,
      `ALTER TABLE kuaiban_audit_entries DISABLE TRIGGER kuaiban_audit_append_only`,
    );
    await sql(
      url,
      `UPDATE kuaiban_audit_entries
       SET entry = jsonb_set(entry::jsonb, '{actor,id}', '"someone-else"')::json
       WHERE case_id = $1 AND sequence = 2`,
      [caseId],
    );
    const check = verifyHistory(await store.history(caseId));
    expect(check).toMatchObject({ ok: false, sequence: 2, problem: 'hash' });
    expect(await codeOf(test.engine.replay(caseId))).toBe('HISTORY_TAMPERED');
  });

  it('STORE_UNAVAILABLE: no server at the address, in both languages', async () => {
    const error = await createPostgresStore({
      connectionString: `postgres://postgres@127.0.0.1:${cluster.port}/no_such_db`,
    }).catch((e: unknown) => e);
    expect(isKuaibanError(error) && error.code).toBe('STORE_UNAVAILABLE');
    expect(isKuaibanError(error) && error.messageZh).toMatch(/办件库不可用/);
  });

  it('an application role with the rights the guide lists runs cases but cannot rewrite the trail', async () => {
    const { url } = await freshStore();
    for (const statement of [
      'CREATE ROLE kuaiban_app LOGIN',
      'GRANT SELECT, INSERT ON kuaiban_audit_entries TO kuaiban_app',
      `GRANT SELECT, INSERT, UPDATE, DELETE
         ON kuaiban_cases, kuaiban_wake_ups, kuaiban_command_ids TO kuaiban_app`,
      'GRANT SELECT ON kuaiban_schema_migrations TO kuaiban_app',
    ]) {
      await sql(url, statement);
    }
    const appUrl = url.replace('postgres@', 'kuaiban_app@');
    const store = await createPostgresStore({ connectionString: appUrl });
    stores.push(store);
    const test = setupEngine(store);
    const [caseId = ''] = await caseScript(test.engine, test.at, 3);
    const claimed = await store.claimWakeUps({
      nodeId: 'node-app',
      date: '2025-12-31',
      limit: 10,
      leaseMs: 60_000,
    });
    expect(claimed.length).toBe(3);
    for (const statement of [
      `UPDATE kuaiban_audit_entries SET entry = '{}' WHERE case_id = $1`,
      'DELETE FROM kuaiban_audit_entries WHERE case_id = $1',
      'TRUNCATE kuaiban_audit_entries',
      'ALTER TABLE kuaiban_audit_entries DISABLE TRIGGER ALL',
    ]) {
      const params = statement.includes('$1') ? [caseId] : [];
      expect(await codeOf(sql(appUrl, statement, params))).toMatch(
        /permission denied|must be owner/,
      );
    }
    expect(verifyHistory(await store.history(caseId)).ok).toBe(true);
  });

  it('uses a pool the caller owns and leaves it open on close', async () => {
    const url = await cluster.createDatabase('owned_pool');
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const store = await createPostgresStore({ pool });
    const test = setupEngine(store);
    await caseScript(test.engine, test.at, 2);
    await store.close();
    const { rows } = await pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM kuaiban_cases',
    );
    expect(rows[0]?.n).toBe(2);
    await pool.end();
  });
});

describe('createPostgresStore: a server that does not answer', () => {
  it('STORE_UNAVAILABLE after the connection timeout rather than hanging', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) =>
      silent.listen(0, '127.0.0.1', resolve),
    );
    try {
      const { port } = silent.address() as AddressInfo;
      const error = await createPostgresStore({
        connectionString: `postgres://postgres@127.0.0.1:${port}/kuaiban`,
        connectionTimeoutMs: 300,
      }).catch((e: unknown) => e);
      expect(isKuaibanError(error) && error.code).toBe('STORE_UNAVAILABLE');
      expect(isKuaibanError(error) && error.message).toMatch(/timeout/);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
