import { PGlite } from '@electric-sql/pglite';
import { isKuaibanError } from '@kuaiban/calendar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteExecutor } from '../src/createPgliteStore.js';
import type { Migration } from '../src/migrations.js';
import {
  MIGRATIONS,
  SCHEMA_VERSION,
  migrate,
  splitStatements,
} from '../src/migrations.js';

let db: PGlite;
beforeAll(async () => {
  db = await PGlite.create();
}, 60_000);
afterAll(async () => {
  await db.close();
});

const ALL = MIGRATIONS.map((m) => m.version);

const versions = async () =>
  (
    await db.query<{ version: number }>(
      'SELECT version FROM kuaiban_schema_migrations ORDER BY version',
    )
  ).rows.map((r) => r.version);

describe('migrations: one versioned schema for PGlite and PostgreSQL', () => {
  it('applies what is missing, in order, once', async () => {
    const executor = pgliteExecutor(db, false);
    // A database of the first release …
    expect(await migrate(executor, MIGRATIONS.slice(0, 1))).toBe(0);
    expect(await versions()).toEqual([1]);
    await db.exec('TRUNCATE kuaiban_audit_entries');
    // … is brought up to date by this one.
    expect(await migrate(executor)).toBe(1);
    expect(await versions()).toEqual(ALL);
    await expect(db.exec('TRUNCATE kuaiban_audit_entries')).rejects.toThrow(
      /append-only/,
    );
    expect(await migrate(executor)).toBe(SCHEMA_VERSION);
    const next: Migration = {
      version: SCHEMA_VERSION + 1,
      name: 'a later step',
      sql: 'CREATE TABLE kuaiban_later (id integer);\nCREATE INDEX kuaiban_later_id ON kuaiban_later (id);',
    };
    expect(await migrate(executor, [...MIGRATIONS, next])).toBe(SCHEMA_VERSION);
    expect(await versions()).toEqual([...ALL, SCHEMA_VERSION + 1]);
  });

  it('STORE_SCHEMA_UNKNOWN: a newer database is refused before anything changes', async () => {
    const executor = pgliteExecutor(db, false);
    const error = await migrate(executor, MIGRATIONS).catch((e: unknown) => e);
    expect(isKuaibanError(error) && error.code).toBe('STORE_SCHEMA_UNKNOWN');
    expect(isKuaibanError(error) && error.details).toEqual({
      found: SCHEMA_VERSION + 1,
      known: SCHEMA_VERSION,
    });
  });

  it('a failing migration leaves no trace: its statements and version roll back together', async () => {
    const executor = pgliteExecutor(db, false);
    const broken: Migration = {
      version: SCHEMA_VERSION + 2,
      name: 'broken',
      sql: 'CREATE TABLE kuaiban_half (id integer);\nSELECT no_such_function();',
    };
    const later = {
      version: SCHEMA_VERSION + 1,
      name: 'a later step',
      sql: '',
    };
    await expect(
      migrate(executor, [...MIGRATIONS, later, broken]),
    ).rejects.toThrow(/no_such_function/);
    expect(await versions()).toEqual([...ALL, SCHEMA_VERSION + 1]);
    const { rows } = await db.query(
      `SELECT 1 FROM pg_tables WHERE tablename = 'kuaiban_half'`,
    );
    expect(rows).toEqual([]);
  });

  it('splits a migration into statements, keeping function bodies whole', () => {
    const parts = splitStatements(MIGRATIONS[0]?.sql ?? '');
    const body = parts.find((p) => p.startsWith('CREATE FUNCTION'));
    expect(body).toMatch(/RAISE EXCEPTION[\s\S]*END\n\$\$;$/);
    expect(parts.every((p) => p.endsWith(';'))).toBe(true);
    expect(splitStatements('SELECT 1;\nSELECT 2')).toEqual([
      'SELECT 1;',
      'SELECT 2',
    ]);
  });
});
