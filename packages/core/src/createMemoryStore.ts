import { KuaibanError } from '@kuaiban/calendar';
import type { AuditEntry } from './auditTrail.js';
import type {
  CaseChange,
  CaseStore,
  CommandResult,
  StoredCase,
} from './CaseStore.js';

/** Deep copies keep callers from changing what the store holds (plain JSON). */
const copy = <T>(value: T): T =>
  value === null ? value : (JSON.parse(JSON.stringify(value)) as T);

/**
 * A store in memory: for tests, simulations and a single process that need
 * not survive a restart. Commits are atomic: JavaScript runs one at a time.
 *
 * @example
 * const engine = createEngine({ items, calendar, clock, ids, store: createMemoryStore() });
 */
export function createMemoryStore(): CaseStore {
  const cases = new Map<string, StoredCase>();
  const histories = new Map<string, AuditEntry[]>();
  const commands = new Map<string, CommandResult>();
  const key = (caseId: string, commandId: string) =>
    `${caseId}\u0000${commandId}`;

  return {
    commit(change: CaseChange): Promise<void> {
      const { record, entry } = change;
      const stored = cases.get(record.caseId);
      const expected = change.expectedVersion;
      if (
        (expected === null && stored) ||
        (expected !== null && stored?.version !== expected)
      ) {
        return Promise.reject(
          new KuaibanError({
            code: 'CONFLICT',
            message: `Case ${record.caseId} was changed by another writer (expected version ${String(expected)}, found ${String(stored?.version ?? 'none')}); read it again and retry`,
            messageZh: `办件 ${record.caseId} 已被他人修改（期望版本 ${String(expected)}，实际 ${String(stored?.version ?? '无')}）；请重新读取后重试`,
            details: {
              caseId: record.caseId,
              expected,
              found: stored?.version ?? null,
            },
          }),
        );
      }
      cases.set(record.caseId, copy(record));
      histories.set(record.caseId, [
        ...(histories.get(record.caseId) ?? []),
        copy(entry),
      ]);
      if (change.commandId !== null) {
        commands.set(key(record.caseId, change.commandId), copy(change.result));
      }
      return Promise.resolve();
    },
    load: (caseId) => Promise.resolve(copy(cases.get(caseId) ?? null)),
    history: (caseId) => Promise.resolve(copy(histories.get(caseId) ?? [])),
    last: (caseId) =>
      Promise.resolve(copy(histories.get(caseId)?.at(-1) ?? null)),
    findCommand: (caseId, commandId) =>
      Promise.resolve(copy(commands.get(key(caseId, commandId)) ?? null)),
    due: (date) =>
      Promise.resolve(
        copy(
          [...cases.values()]
            .filter(
              (c) => c.facts.nextWakeUp !== null && c.facts.nextWakeUp <= date,
            )
            .sort((a, b) =>
              String(a.facts.nextWakeUp).localeCompare(
                String(b.facts.nextWakeUp),
              ),
            ),
        ),
      ),
    list: () => Promise.resolve(copy([...cases.values()])),
  };
}
