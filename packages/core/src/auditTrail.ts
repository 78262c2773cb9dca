import { hash } from 'node:crypto';
import {
  KuaibanError,
  bilingual,
  isKuaibanError,
  parseWith,
  textMatching,
  withFields,
} from '@kuaiban/calendar';
import { PartySchema } from '@kuaiban/machines';
import { z } from 'zod';
import { canonicalJson } from './canonicalJson.js';

/** The `previousHash` of a case's first entry: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

const HashSchema = textMatching(
  /^[0-9a-f]{64}$/,
  'Expected a SHA-256 hash: 64 lowercase hex digits',
  '应为 SHA-256 哈希：64 位小写十六进制数字',
);

const isoDateTime = z.iso.datetime({ offset: true });

const DateTimeSchema = z
  .string()
  .refine(
    (text) => isoDateTime.safeParse(text).success,
    bilingual(
      'Expected an ISO 8601 date-time with offset, e.g. 2025-09-26T09:30:00.000+08:00',
      '应为带时区偏移的 ISO 8601 日期时间，例如 2025-09-26T09:30:00.000+08:00',
    ),
  );

/**
 * One entry of a case's audit trail (留痕): who acted, in which role, when,
 * with what command and why, and the case's state afterwards. Entries are
 * hash-chained: each carries the hash of the one before (DESIGN "nothing is
 * lost").
 */
export const AuditEntrySchema = z.strictObject({
  caseId: z.string().min(1),
  /** 1 for the first entry of a case, then one more for each entry. */
  sequence: z.int().min(1),
  /** ISO 8601 date-time with offset, from the engine's injected clock. */
  at: DateTimeSchema,
  actor: PartySchema,
  /** The command as accepted (JSON). */
  command: z.looseObject({ type: z.string().min(1) }),
  /** The client's idempotency key. */
  commandId: z.string().min(1).nullable(),
  /** Why, when the command gives a reason. */
  reason: z.string().nullable(),
  /** The case's state value after the command (JSON). */
  state: z.unknown(),
  previousHash: HashSchema,
  hash: HashSchema,
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** What the engine knows of an entry before it is chained. */
export type AuditEntryDraft = Omit<
  AuditEntry,
  'sequence' | 'previousHash' | 'hash'
>;

/**
 * The SHA-256 (hex) of the canonical JSON of an entry without its `hash`
 * field. A `hash` present on the argument is ignored.
 */
export function hashEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const { hash: _hash, ...rest } = entry as Partial<AuditEntry>;
  return sha256(canonicalJson(rest));
}

function sha256(text: string): string {
  return hash('sha256', text);
}

/**
 * The entry that follows `previous` (or starts a trail, for `null`): numbered,
 * linked to `previous.hash` and hashed. The draft is validated and copied, so
 * the entry is plain JSON that later changes to the draft cannot reach; a
 * draft that is not JSON, or is for another case, is a `KuaibanError`
 * `INVALID_ARGUMENT`.
 *
 * @example
 * const first = appendEntry(null, {
 *   caseId: 'case-1',
 *   at: '2025-09-26T09:30:00.000+08:00',
 *   actor: { id: 'officer-chen', role: 'window-officer' },
 *   command: { type: 'ACCEPT' },
 *   commandId: 'cmd-1',
 *   reason: null,
 *   state: 'accepted',
 * });
 * first.sequence; // 1
 * first.previousHash === GENESIS_HASH; // true
 */
export function appendEntry(
  previous: AuditEntry | null,
  draft: AuditEntryDraft,
): AuditEntry {
  if (previous !== null && draft.caseId !== previous.caseId) {
    throw new KuaibanError({
      code: 'INVALID_ARGUMENT',
      message: `Cannot append an entry of case ${draft.caseId} to the trail of case ${previous.caseId}`,
      messageZh: `不能把办件 ${draft.caseId} 的记录追加到办件 ${previous.caseId} 的留痕中`,
      details: { caseId: draft.caseId, previousCaseId: previous.caseId },
    });
  }
  const unhashed = {
    ...draft,
    sequence: previous === null ? 1 : previous.sequence + 1,
    previousHash: previous === null ? GENESIS_HASH : previous.hash,
  };
  // The schema asks only the command's type; its other members are checked
  // as JSON below, so they are not walked twice.
  const command = draft.command as unknown;
  const commandShape =
    typeof command === 'object' && command !== null && !Array.isArray(command)
      ? { type: (command as { type?: unknown }).type }
      : command;
  const checked = parseWith(
    AuditEntrySchema,
    withFields(unhashed, { command: commandShape, hash: GENESIS_HASH }),
    { code: 'INVALID_ARGUMENT', what: 'audit entry', whatZh: '留痕记录' },
  );
  const json = canonicalJson(inOrder({ ...checked, command: draft.command }));
  return { ...inOrder(JSON.parse(json) as AuditEntry), hash: sha256(json) };
}

const HASH = /^[0-9a-f]{64}$/;

/**
 * {@link appendEntry} for a draft the engine built from parts it has checked
 * (the command parsed, the actor's role checked, the state from the case
 * machine): only what comes from outside them is checked here (the case id,
 * the clock's date-time, the previous entry read from the store). The
 * entry is hashed from its canonical JSON, written once, and shares the
 * draft's parts: the caller hands them over and changes none of them.
 */
export function chainEntry(
  previous: AuditEntry | null,
  draft: AuditEntryDraft,
): AuditEntry {
  const problem =
    typeof draft.caseId !== 'string' || draft.caseId === ''
      ? 'caseId'
      : !isoDateTime.safeParse(draft.at).success
        ? 'at'
        : previous !== null &&
            (!Number.isInteger(previous.sequence) ||
              previous.sequence < 1 ||
              typeof previous.hash !== 'string' ||
              !HASH.test(previous.hash))
          ? 'previous'
          : null;
  if (problem !== null || (previous && draft.caseId !== previous.caseId)) {
    // The exact checks, and their messages.
    return appendEntry(previous, draft);
  }
  const unhashed: Omit<AuditEntry, 'hash'> = {
    caseId: draft.caseId,
    sequence: previous === null ? 1 : previous.sequence + 1,
    at: draft.at,
    actor: draft.actor,
    command: draft.command,
    commandId: draft.commandId,
    reason: draft.reason,
    state: draft.state,
    previousHash: previous === null ? GENESIS_HASH : previous.hash,
  };
  return withFields(unhashed, { hash: sha256(canonicalJson(unhashed)) });
}

/** An entry's fields without its hash, in the schema's order. */
function inOrder(entry: AuditEntry): Omit<AuditEntry, 'hash'> {
  return {
    caseId: entry.caseId,
    sequence: entry.sequence,
    at: entry.at,
    actor: entry.actor,
    command: entry.command,
    commandId: entry.commandId,
    reason: entry.reason,
    state: entry.state,
    previousHash: entry.previousHash,
  };
}

/** Which check an entry failed first, in the order they are made. */
export type HistoryProblem = 'shape' | 'case' | 'sequence' | 'link' | 'hash';

/**
 * The result of {@link verifyHistory}. On failure, `sequence` is the position
 * (1-based) of the first entry that fails, which is the sequence number an
 * intact trail has there.
 */
export type HistoryCheck =
  | { ok: true; entries: number }
  | {
      ok: false;
      sequence: number;
      problem: HistoryProblem;
      message: string;
      messageZh: string;
    };

type Failure = Extract<HistoryCheck, { ok: false }>;

function failure(
  sequence: number,
  problem: HistoryProblem,
  message: string,
  messageZh: string,
): Failure {
  return { ok: false, sequence, problem, message, messageZh };
}

/** The result of `run`, or the `KuaibanError` it threw. */
function attempt<T>(run: () => T): T | KuaibanError {
  try {
    return run();
  } catch (error) {
    if (isKuaibanError(error)) return error;
    throw error;
  }
}

function checkEntry(
  raw: unknown,
  position: number,
  previous: AuditEntry | undefined,
  caseId: string | undefined,
): AuditEntry | Failure {
  const entry = attempt(() =>
    parseWith(AuditEntrySchema, raw, {
      code: 'HISTORY_TAMPERED',
      what: `audit entry ${position}`,
      whatZh: `第 ${position} 条留痕记录`,
    }),
  );
  if (isKuaibanError(entry)) {
    return failure(position, 'shape', entry.message, entry.messageZh);
  }
  const hash = attempt(() => hashEntry(raw as AuditEntry));
  if (isKuaibanError(hash)) {
    return failure(
      position,
      'shape',
      `Entry ${position}: ${hash.message}`,
      `第 ${position} 条记录：${hash.messageZh}`,
    );
  }
  if (caseId !== undefined && entry.caseId !== caseId) {
    return failure(
      position,
      'case',
      `Entry ${position} belongs to case ${entry.caseId}, not ${caseId}`,
      `第 ${position} 条记录属于办件 ${entry.caseId}，而不是 ${caseId}`,
    );
  }
  if (entry.sequence !== position) {
    return failure(
      position,
      'sequence',
      `Entry ${position} has sequence ${entry.sequence}: an entry was deleted, inserted or moved`,
      `第 ${position} 条记录的序号为 ${entry.sequence}：有记录被删除、插入或移动`,
    );
  }
  const expected = previous === undefined ? GENESIS_HASH : previous.hash;
  if (entry.previousHash !== expected) {
    return failure(
      position,
      'link',
      `Entry ${position} does not link to the hash of ${previous === undefined ? 'the genesis' : `entry ${position - 1}`}`,
      `第 ${position} 条记录未链接到${previous === undefined ? '创世哈希' : `第 ${position - 1} 条记录的哈希`}`,
    );
  }
  if (entry.hash !== hash) {
    return failure(
      position,
      'hash',
      `Entry ${position} does not match its hash: it was changed after it was written`,
      `第 ${position} 条记录与其哈希不符：写入后被修改过`,
    );
  }
  return entry;
}

function checkHistory(
  entries: readonly unknown[],
): { ok: true; entries: AuditEntry[] } | Failure {
  if (!Array.isArray(entries)) {
    throw new KuaibanError({
      code: 'INVALID_ARGUMENT',
      message: 'An audit trail must be an array of entries',
      messageZh: '留痕必须是记录数组',
    });
  }
  const checked: AuditEntry[] = [];
  for (const [index, raw] of entries.entries()) {
    const entry = checkEntry(
      raw,
      index + 1,
      checked[index - 1],
      checked[0]?.caseId,
    );
    if ('ok' in entry) return entry;
    checked.push(entry);
  }
  return { ok: true, entries: checked };
}

/**
 * Checks a case's audit trail, in order: every entry has the schema's shape,
 * belongs to the first entry's case, is numbered 1, 2, 3 …, links to the hash
 * of the entry before (the first to {@link GENESIS_HASH}), and matches its own
 * hash. Any edited, deleted, reordered or inserted entry fails; the first
 * failure is returned as a value. An empty trail is ok.
 *
 * Removing entries from the end leaves a shorter trail that still verifies:
 * compare the last hash with one kept elsewhere (the case row) to see that.
 *
 * @example
 * verifyHistory([first, second]); // { ok: true, entries: 2 }
 * verifyHistory([second]); // { ok: false, sequence: 1, problem: 'sequence', … }
 */
export function verifyHistory(entries: readonly unknown[]): HistoryCheck {
  const result = checkHistory(entries);
  return result.ok ? { ok: true, entries: result.entries.length } : result;
}

/**
 * The trail's entries, validated, if {@link verifyHistory} finds it intact;
 * otherwise a `KuaibanError` `HISTORY_TAMPERED` naming the entry and the
 * problem (`details: { sequence, problem }`).
 */
export function assertHistory(entries: readonly unknown[]): AuditEntry[] {
  const result = checkHistory(entries);
  if (result.ok) return result.entries;
  throw new KuaibanError({
    code: 'HISTORY_TAMPERED',
    message: `Audit trail tampered at entry ${result.sequence} (${result.problem}): ${result.message}`,
    messageZh: `留痕在第 ${result.sequence} 条记录处被篡改（${result.problem}）：${result.messageZh}`,
    details: { sequence: result.sequence, problem: result.problem },
  });
}
