import { KuaibanError } from '@kuaiban/calendar';
import type { AuditEntry } from './auditTrail.js';
import type {
  CaseChange,
  CaseStore,
  CommandResult,
  StoredCase,
} from './CaseStore.js';
import { frozenJson, keptInPlace } from './frozenJson.js';

/** Changes whose writer gave up every way to change them. */
const handedOver = new WeakSet<CaseChange>();

/**
 * Hands `change` over to the memory store: its writer will not change any
 * part of it again, so the store freezes it where it is instead of copying
 * it. Only the engine, which builds each change from parts nobody else
 * holds, hands changes over.
 */
export function handOver(change: CaseChange): CaseChange {
  handedOver.add(change);
  return change;
}

/**
 * What a reader gets: a fresh top-level object over the stored parts, which
 * are plain JSON and frozen, so no reader can change what the store holds.
 */
const handOut = <T extends object>(value: T | null | undefined): T | null =>
  value ? { ...value } : null;

/**
 * A store in memory: for tests, simulations and a single process that need
 * not survive a restart. Commits are atomic: JavaScript runs one at a time.
 * What it keeps is plain JSON, deeply frozen, and what it hands out is that
 * frozen data: a committed change is copied (or, handed over by the engine,
 * frozen where it is), so nobody can change what the store holds.
 *
 * @example
 * const engine = createEngine({ items, calendar, clock, ids, store: createMemoryStore() });
 */
export function createMemoryStore(): CaseStore {
  const cases = new Map<string, StoredCase>();
  const histories = new Map<string, AuditEntry[]>();
  const commands = new Map<string, CommandResult>();
  /** Submissions by applicant and command id: one case per id. */
  const submissions = new Map<string, CommandResult>();
  const key = (caseId: string, commandId: string) =>
    `${caseId}\u0000${commandId}`;

  return {
    // Async: a refusal, or a copy JSON cannot make, is a rejection.
    // eslint-disable-next-line @typescript-eslint/require-await
    async commit(change: CaseChange): Promise<void> {
      const { record, entry } = change;
      const stored = cases.get(record.caseId);
      const expected = change.expectedVersion;
      if (
        (expected === null && stored) ||
        (expected !== null && stored?.version !== expected)
      ) {
        throw new KuaibanError({
          code: 'CONFLICT',
          message: `Case ${record.caseId} was changed by another writer (expected version ${String(expected)}, found ${String(stored?.version ?? 'none')}); read it again and retry`,
          messageZh: `办件 ${record.caseId} 已被他人修改（期望版本 ${String(expected)}，实际 ${String(stored?.version ?? '无')}）；请重新读取后重试`,
          details: {
            caseId: record.caseId,
            expected,
            found: stored?.version ?? null,
          },
        });
      }
      const submission =
        expected === null && change.commandId !== null
          ? submissions.get(key(record.facts.applicant, change.commandId))
          : undefined;
      if (submission) {
        throw new KuaibanError({
          code: 'CONFLICT',
          message: `Applicant ${record.facts.applicant} already opened case ${submission.caseId} with command id "${String(change.commandId)}"; read that case instead`,
          messageZh: `申请人 ${record.facts.applicant} 已用指令编号“${String(change.commandId)}”创建办件 ${submission.caseId}；请读取该办件`,
          details: {
            caseId: record.caseId,
            commandId: change.commandId,
            existing: submission.caseId,
          },
        });
      }
      // Kept before anything is written: a value JSON cannot hold fails the
      // commit whole.
      const keep = handedOver.has(change) ? keptInPlace : frozenJson;
      const kept = keep(record);
      const keptEntry = keep(entry);
      const result: [string, CommandResult] | null =
        change.commandId === null
          ? null
          : [key(record.caseId, change.commandId), keep(change.result)];
      cases.set(record.caseId, kept);
      const history = histories.get(record.caseId);
      if (history) history.push(keptEntry);
      else histories.set(record.caseId, [keptEntry]);
      if (result) {
        commands.set(...result);
        if (expected === null && change.commandId !== null) {
          submissions.set(
            key(record.facts.applicant, change.commandId),
            result[1],
          );
        }
      }
    },
    load: (caseId) => Promise.resolve(handOut(cases.get(caseId))),
    history: (caseId) =>
      Promise.resolve(
        (histories.get(caseId) ?? []).map((entry) => ({ ...entry })),
      ),
    last: (caseId) => Promise.resolve(handOut(histories.get(caseId)?.at(-1))),
    findCommand: (caseId, commandId) =>
      Promise.resolve(handOut(commands.get(key(caseId, commandId)))),
    findSubmission: (applicant, commandId) =>
      Promise.resolve(handOut(submissions.get(key(applicant, commandId)))),
    due: (date) =>
      Promise.resolve(
        [...cases.values()]
          .filter(
            (c) => c.facts.nextWakeUp !== null && c.facts.nextWakeUp <= date,
          )
          .sort((a, b) =>
            String(a.facts.nextWakeUp).localeCompare(
              String(b.facts.nextWakeUp),
            ),
          )
          .map((c) => ({ ...c })),
      ),
    list: () => Promise.resolve([...cases.values()].map((c) => ({ ...c }))),
  };
}
