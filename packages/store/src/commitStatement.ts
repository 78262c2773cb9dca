import type { CaseChange } from '@kuaiban/core';
import { GENESIS_HASH } from '@kuaiban/core';

/**
 * Where a commit's case row comes from: a new case (`expectedVersion` null)
 * is inserted unless it exists; an existing one is updated only at the
 * version the writer read.
 */
const CREATE_CASE = `
  INSERT INTO kuaiban_cases
    (case_id, item_id, version, snapshot, state, facts, next_wake_up, last_hash)
  SELECT $1::text, $2::text, $3::integer, $4::jsonb, $5::jsonb, $6::jsonb,
    $7::text, $8::text
  WHERE $9::integer IS NULL
  ON CONFLICT (case_id) DO NOTHING
  RETURNING case_id`;

const UPDATE_CASE = `
  UPDATE kuaiban_cases SET item_id = $2::text, version = $3::integer,
    snapshot = $4::jsonb, state = $5::jsonb, facts = $6::jsonb,
    next_wake_up = $7::text, last_hash = $8::text, updated_at = now()
  WHERE case_id = $1::text AND version = $9::integer
  RETURNING case_id`;

/**
 * The rest follows only from a written case row (`c`): the audit entry,
 * which must link to the case's last stored entry; the wake-up table,
 * where the pending timer for another date fired (a TICK) or was replaced
 * (any other command), and the timer for the new date exists; and the
 * command id. A TICK's next timer inherits the fired one's claim, so the
 * node running the case's wake-ups keeps it and no other node races it. A
 * new date whose timer fired before arms that timer again: the case's
 * next wake-up always has a pending timer.
 * A broken link aborts the whole statement.
 */
const REST = `,
a AS (
  INSERT INTO kuaiban_audit_entries (case_id, sequence, previous_hash, hash, entry)
  SELECT c.case_id, $10::integer, $11::text, $12::text, $13::json FROM c
  WHERE ($10::integer = 1 AND $11::text = $14::text)
     OR EXISTS (SELECT 1 FROM kuaiban_audit_entries p
                WHERE p.case_id = c.case_id AND p.sequence = $10::integer - 1
                  AND p.hash = $11::text)
  RETURNING 1
),
f AS (
  UPDATE kuaiban_wake_ups w SET fired_at = now() FROM c
  WHERE $15::boolean AND w.case_id = c.case_id AND w.fired_at IS NULL
    AND ($7::text IS NULL OR w.due_on <> $7::text)
  RETURNING w.claimed_by, w.claim_expires_at
),
d AS (
  DELETE FROM kuaiban_wake_ups w USING c
  WHERE NOT $15::boolean AND w.case_id = c.case_id AND w.fired_at IS NULL
    AND ($7::text IS NULL OR w.due_on <> $7::text)
  RETURNING 1
),
n AS (
  INSERT INTO kuaiban_wake_ups (case_id, due_on, claimed_by, claim_expires_at)
  SELECT c.case_id, $7::text,
    (SELECT f.claimed_by FROM f LIMIT 1),
    (SELECT f.claim_expires_at FROM f LIMIT 1)
  FROM c WHERE $7::text IS NOT NULL
  ON CONFLICT (case_id, due_on) DO UPDATE
    SET claimed_by = EXCLUDED.claimed_by,
      claim_expires_at = EXCLUDED.claim_expires_at, attempts = 0,
      fired_at = NULL
    WHERE kuaiban_wake_ups.fired_at IS NOT NULL
  RETURNING 1
),
k AS (
  INSERT INTO kuaiban_command_ids (case_id, command_id, result)
  SELECT c.case_id, $16::text, $17::jsonb FROM c WHERE $16::text IS NOT NULL
  RETURNING 1
)
SELECT (SELECT count(*) FROM c)::integer AS written,
  CASE WHEN EXISTS (SELECT 1 FROM c) AND NOT EXISTS (SELECT 1 FROM a)
    THEN kuaiban_conflict('audit entry ' || $10::integer || ' of case ' || $1::text
      || ' does not link to the last stored entry')
    ELSE true END AS linked`;

const json = (value: unknown): string => JSON.stringify(value);

/**
 * One accepted command as one SQL statement, so one round trip and one
 * transaction: the case row (optimistic concurrency on its version), the
 * audit entry, the wake-up changes and the command id commit together or
 * not at all. `written` is 0 when another writer won.
 */
export function commitStatement(change: CaseChange): {
  sql: string;
  params: unknown[];
} {
  const { record, entry } = change;
  const head = change.expectedVersion === null ? CREATE_CASE : UPDATE_CASE;
  return {
    sql: `WITH c AS (${head}\n)${REST}`,
    params: [
      record.caseId,
      record.itemId,
      record.version,
      json(record.snapshot),
      json(record.state ?? null),
      json(record.facts),
      record.facts.nextWakeUp,
      entry.hash,
      change.expectedVersion,
      entry.sequence,
      entry.previousHash,
      entry.hash,
      json(entry),
      GENESIS_HASH,
      entry.command.type === 'TICK',
      change.commandId,
      json(change.result),
    ],
  };
}
