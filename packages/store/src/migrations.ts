import { KuaibanError } from '@kuaiban/calendar';
import type { SqlExecutor } from './SqlExecutor.js';

/** One step of the schema: applied once, in order, in its own transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * The store's schema, as versioned migrations shared by PGlite and
 * PostgreSQL. Versions only grow; a released migration never changes.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'cases, audit entries, wake-ups and command ids',
    sql: `
CREATE TABLE kuaiban_cases (
  case_id text PRIMARY KEY,
  item_id text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  snapshot jsonb NOT NULL,
  state jsonb NOT NULL,
  facts jsonb NOT NULL,
  next_wake_up text CHECK (next_wake_up ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  last_hash text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kuaiban_cases_next_wake_up ON kuaiban_cases (next_wake_up)
  WHERE next_wake_up IS NOT NULL;

CREATE TABLE kuaiban_audit_entries (
  case_id text NOT NULL,
  sequence integer NOT NULL CHECK (sequence >= 1),
  previous_hash text NOT NULL,
  hash text NOT NULL,
  entry json NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, sequence)
);

CREATE FUNCTION kuaiban_audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'kuaiban_audit_entries is append-only (留痕只可追加，不可修改或删除)';
END
$$;
CREATE TRIGGER kuaiban_audit_append_only
  BEFORE UPDATE OR DELETE ON kuaiban_audit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION kuaiban_audit_append_only();

CREATE FUNCTION kuaiban_conflict(message text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = '40001', MESSAGE = message;
END
$$;

CREATE TABLE kuaiban_wake_ups (
  case_id text NOT NULL,
  due_on text NOT NULL CHECK (due_on ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  claimed_by text,
  claim_expires_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  fired_at timestamptz,
  PRIMARY KEY (case_id, due_on)
);
CREATE INDEX kuaiban_wake_ups_pending ON kuaiban_wake_ups (due_on, case_id)
  WHERE fired_at IS NULL;

CREATE TABLE kuaiban_command_ids (
  case_id text NOT NULL,
  command_id text NOT NULL,
  result jsonb NOT NULL,
  accepted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, command_id)
);
`,
  },
  {
    version: 2,
    name: 'the audit trail refuses TRUNCATE too',
    sql: `
CREATE TRIGGER kuaiban_audit_no_truncate
  BEFORE TRUNCATE ON kuaiban_audit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION kuaiban_audit_append_only();
`,
  },
  {
    version: 3,
    name: "an applicant's command id starts one case at most",
    sql: `
CREATE UNIQUE INDEX kuaiban_command_ids_submission
  ON kuaiban_command_ids (command_id, (result->'facts'->>'applicant'))
  WHERE result->>'command' = 'SUBMIT';
`,
  },
];

/** The schema version this release writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Serializes migrations of several nodes starting at once. */
const MIGRATION_LOCK = 7_316_504_211;

/**
 * Brings the database to {@link SCHEMA_VERSION}, applying what is missing in
 * order, each migration with its version row in one transaction. A database
 * at a version this release does not know is left untouched:
 * `KuaibanError` `STORE_SCHEMA_UNKNOWN`. Returns the version found before.
 */
export async function migrate(
  db: SqlExecutor,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number> {
  const latest = migrations.at(-1)?.version ?? 0;
  const found = await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    // Only a new database needs DDL here: a role without CREATE rights may
    // open one that is up to date.
    const [table] = await tx.query<{ exists: boolean }>(
      "SELECT to_regclass('kuaiban_schema_migrations') IS NOT NULL AS exists",
    );
    if (!table?.exists) {
      await tx.query(`CREATE TABLE kuaiban_schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    }
    const [row] = await tx.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM kuaiban_schema_migrations',
    );
    return row?.version ?? 0;
  });
  if (found > latest) {
    throw new KuaibanError({
      code: 'STORE_SCHEMA_UNKNOWN',
      message: `The database schema is at version ${found}, but this release of @kuaiban/store knows versions up to ${latest}: upgrade @kuaiban/store on this node before starting it; nothing was changed`,
      messageZh: `数据库结构版本为 ${found}，而本版本的 @kuaiban/store 只认识到版本 ${latest}：请先升级本节点的 @kuaiban/store 再启动；数据库未作任何改动`,
      details: { found, known: latest },
    });
  }
  for (const migration of migrations) {
    if (migration.version <= found) continue;
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const done = await tx.query(
        'SELECT 1 FROM kuaiban_schema_migrations WHERE version = $1',
        [migration.version],
      );
      if (done.length > 0) return;
      for (const statement of splitStatements(migration.sql)) {
        await tx.query(statement);
      }
      await tx.query(
        'INSERT INTO kuaiban_schema_migrations (version, name) VALUES ($1, $2)',
        [migration.version, migration.name],
      );
    });
  }
  return found;
}

/**
 * A migration's statements, one by one (extended-protocol queries take one
 * statement each): split on `;` at line ends, keeping `$$` bodies whole.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inBody = false;
  for (const line of sql.split('\n')) {
    current += `${line}\n`;
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) inBody = !inBody;
    if (!inBody && line.trimEnd().endsWith(';')) {
      statements.push(current.trim());
      current = '';
    }
  }
  if (current.trim() !== '') statements.push(current.trim());
  return statements;
}
