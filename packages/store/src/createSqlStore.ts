import type {
  AuditEntry,
  CaseChange,
  CaseStore,
  CommandResult,
  StoredCase,
} from '@kuaiban/core';
import { commitStatement } from './commitStatement.js';
import { migrate } from './migrations.js';
import type { SqlExecutor } from './SqlExecutor.js';
import { conflictError, sqlState, storeError } from './storeErrors.js';

/** A durable timer: wake case `caseId` on `dueOn` (a date in China). */
export interface WakeUp {
  readonly caseId: string;
  /** `YYYY-MM-DD`. */
  readonly dueOn: string;
  /** The node holding the claim, or `null`. */
  readonly claimedBy: string | null;
  /** ISO 8601 (UTC): after it another node may take the claim over. */
  readonly claimExpiresAt: string | null;
  /** How many times a node claimed it. */
  readonly attempts: number;
  /** ISO 8601 (UTC) when it fired, `null` while pending. */
  readonly firedAt: string | null;
}

/** What a node asks for when it claims due wake-ups. */
export interface ClaimRequest {
  readonly nodeId: string;
  /** Wake-ups due on or before this date (`YYYY-MM-DD`). */
  readonly date: string;
  readonly limit: number;
  /** How long the claim holds before another node may take it over. */
  readonly leaseMs: number;
}

/**
 * A durable case store: the core `CaseStore` port, plus the wake-up table a
 * worker claims from, and `close()`.
 */
export interface DurableStore extends CaseStore {
  /**
   * Claims up to `limit` pending wake-ups due on or before `date`, earliest
   * first, that no other live node holds (`FOR UPDATE SKIP LOCKED`; claims
   * past their expiry are taken over). A timer a node inherited with its
   * case's claim (never attempted) is that node's to take at once.
   */
  claimWakeUps(request: ClaimRequest): Promise<readonly WakeUp[]>;
  /** Marks a claimed wake-up fired; false if it was fired already. */
  markFired(wakeUp: Pick<WakeUp, 'caseId' | 'dueOn'>): Promise<boolean>;
  /** Gives a claim back so that any node may take it at once. */
  releaseClaim(
    wakeUp: Pick<WakeUp, 'caseId' | 'dueOn'>,
    nodeId: string,
  ): Promise<void>;
  /** The wake-ups of one case, or of every case, by due date. */
  wakeUps(caseId?: string): Promise<readonly WakeUp[]>;
  /** The schema version of the database. */
  schemaVersion(): Promise<number>;
  /** Closes the connection(s) the store opened. */
  close(): Promise<void>;
}

interface CaseRow {
  case_id: string;
  item_id: string;
  version: number;
  snapshot: unknown;
  state: unknown;
  facts: StoredCase['facts'];
}

interface WakeUpRow {
  case_id: string;
  due_on: string;
  claimed_by: string | null;
  claim_expires_at: Date | string | null;
  attempts: number;
  fired_at: Date | string | null;
}

const CASE_COLUMNS = 'case_id, item_id, version, snapshot, state, facts';
const WAKE_UP_COLUMNS =
  'case_id, due_on, claimed_by, claim_expires_at, attempts, fired_at';

const toCase = (row: CaseRow): StoredCase => ({
  caseId: row.case_id,
  itemId: row.item_id,
  version: row.version,
  snapshot: row.snapshot,
  state: row.state,
  facts: row.facts,
});

const instant = (value: Date | string | null): string | null =>
  value === null
    ? null
    : value instanceof Date
      ? value.toISOString()
      : new Date(value).toISOString();

const toWakeUp = (row: WakeUpRow): WakeUp => ({
  caseId: row.case_id,
  dueOn: row.due_on,
  claimedBy: row.claimed_by,
  claimExpiresAt: instant(row.claim_expires_at),
  attempts: row.attempts,
  firedAt: instant(row.fired_at),
});

const byDue = (a: WakeUp, b: WakeUp): number =>
  a.dueOn === b.dueOn
    ? a.caseId < b.caseId
      ? -1
      : 1
    : a.dueOn < b.dueOn
      ? -1
      : 1;

/**
 * The query layer over any {@link SqlExecutor}: migrates the database, then
 * implements the store with one statement, so one transaction, per commit
 * (case row, audit entry, wake-up and command id together). Both adapters are this function
 * with their driver's executor.
 */
export async function createSqlStore(db: SqlExecutor): Promise<DurableStore> {
  await migrate(db);
  const read = async <Row>(
    sql: string,
    params: readonly unknown[],
  ): Promise<Row[]> => {
    try {
      return await db.query<Row>(sql, params);
    } catch (error) {
      throw storeError(error, 'read');
    }
  };

  return {
    async commit(change: CaseChange): Promise<void> {
      const { sql, params } = commitStatement(change);
      let written: number;
      try {
        const [row] = await db.query<{ written: number }>(sql, params);
        written = row?.written ?? 0;
      } catch (error) {
        // A duplicate key or a serialization failure: another writer won.
        if (['23505', '40001', '40P01'].includes(sqlState(error) ?? '')) {
          throw conflictError(
            change.record.caseId,
            change.expectedVersion,
            null,
            error,
          );
        }
        throw storeError(error, 'commit');
      }
      if (written === 1) return;
      const [found] = await read<{ version: number }>(
        'SELECT version FROM kuaiban_cases WHERE case_id = $1',
        [change.record.caseId],
      );
      throw conflictError(
        change.record.caseId,
        change.expectedVersion,
        found?.version ?? null,
      );
    },

    async load(caseId) {
      const [row] = await read<CaseRow>(
        `SELECT ${CASE_COLUMNS} FROM kuaiban_cases WHERE case_id = $1`,
        [caseId],
      );
      return row ? toCase(row) : null;
    },

    async history(caseId) {
      const rows = await read<{ entry: AuditEntry }>(
        `SELECT entry FROM kuaiban_audit_entries WHERE case_id = $1
         ORDER BY sequence`,
        [caseId],
      );
      return rows.map((row) => row.entry);
    },

    async last(caseId) {
      const [row] = await read<{ entry: AuditEntry }>(
        `SELECT entry FROM kuaiban_audit_entries WHERE case_id = $1
         ORDER BY sequence DESC LIMIT 1`,
        [caseId],
      );
      return row?.entry ?? null;
    },

    async findCommand(caseId, commandId) {
      const [row] = await read<{ result: CommandResult }>(
        `SELECT result FROM kuaiban_command_ids
         WHERE case_id = $1 AND command_id = $2`,
        [caseId, commandId],
      );
      return row?.result ?? null;
    },

    async findSubmission(applicant, commandId) {
      const [row] = await read<{ result: CommandResult }>(
        `SELECT result FROM kuaiban_command_ids
         WHERE command_id = $1 AND result->>'command' = 'SUBMIT'
           AND result->'facts'->>'applicant' = $2`,
        [commandId, applicant],
      );
      return row?.result ?? null;
    },

    async due(date) {
      const rows = await read<CaseRow>(
        `SELECT ${CASE_COLUMNS} FROM kuaiban_cases
         WHERE next_wake_up IS NOT NULL AND next_wake_up <= $1
         ORDER BY next_wake_up, case_id`,
        [date],
      );
      return rows.map(toCase);
    },

    async list() {
      const rows = await read<CaseRow>(
        `SELECT ${CASE_COLUMNS} FROM kuaiban_cases ORDER BY case_id`,
        [],
      );
      return rows.map(toCase);
    },

    async claimWakeUps({ nodeId, date, limit, leaseMs }) {
      const rows = await read<WakeUpRow>(
        `WITH due AS (
           SELECT case_id, due_on FROM kuaiban_wake_ups
           WHERE fired_at IS NULL AND due_on <= $1
             AND (claimed_by IS NULL OR claim_expires_at < now()
                  OR (claimed_by = $3 AND attempts = 0))
           ORDER BY due_on, case_id
           LIMIT $2
           FOR UPDATE SKIP LOCKED
         )
         UPDATE kuaiban_wake_ups AS w
         SET claimed_by = $3,
             claim_expires_at = now() + $4::integer * interval '1 millisecond',
             attempts = w.attempts + 1
         FROM due WHERE w.case_id = due.case_id AND w.due_on = due.due_on
         RETURNING w.case_id, w.due_on, w.claimed_by, w.claim_expires_at,
           w.attempts, w.fired_at`,
        [date, limit, nodeId, leaseMs],
      );
      return rows.map(toWakeUp).sort(byDue);
    },

    async markFired({ caseId, dueOn }) {
      const rows = await read(
        `UPDATE kuaiban_wake_ups SET fired_at = now()
         WHERE case_id = $1 AND due_on = $2 AND fired_at IS NULL
         RETURNING 1`,
        [caseId, dueOn],
      );
      return rows.length === 1;
    },

    async releaseClaim({ caseId, dueOn }, nodeId) {
      await read(
        `UPDATE kuaiban_wake_ups SET claimed_by = NULL, claim_expires_at = NULL
         WHERE case_id = $1 AND due_on = $2 AND claimed_by = $3
           AND fired_at IS NULL`,
        [caseId, dueOn, nodeId],
      );
    },

    async wakeUps(caseId) {
      const rows = await read<WakeUpRow>(
        `SELECT ${WAKE_UP_COLUMNS} FROM kuaiban_wake_ups
         WHERE $1::text IS NULL OR case_id = $1
         ORDER BY due_on, case_id`,
        [caseId ?? null],
      );
      return rows.map(toWakeUp);
    },

    async schemaVersion() {
      const [row] = await read<{ version: number }>(
        'SELECT max(version) AS version FROM kuaiban_schema_migrations',
        [],
      );
      return row?.version ?? 0;
    },

    close: () => db.close(),
  };
}
