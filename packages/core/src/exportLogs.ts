import { KuaibanError } from '@kuaiban/calendar';
import type { AuditEntry } from './auditTrail.js';
import { canonicalJson } from './canonicalJson.js';

/** One case's audit trail, with the service item (事项) it is a case of. */
export interface CaseHistory {
  readonly caseId: string;
  readonly itemId: string;
  readonly entries: readonly AuditEntry[];
}

/**
 * Checks that case ids are unique and that every entry belongs to the case it
 * is listed under, in rising sequence order: an exported log must not mix two
 * cases into one or give two events one id.
 */
export function checkHistories(histories: readonly CaseHistory[]): void {
  const seen = new Set<string>();
  for (const history of histories) {
    if (seen.has(history.caseId)) {
      throw new KuaibanError({
        code: 'INVALID_ARGUMENT',
        message: `Case ${history.caseId} is listed twice`,
        messageZh: `办件 ${history.caseId} 出现了两次`,
        details: { caseId: history.caseId },
      });
    }
    seen.add(history.caseId);
    let sequence = 0;
    for (const entry of history.entries) {
      if (entry.caseId !== history.caseId) {
        throw new KuaibanError({
          code: 'INVALID_ARGUMENT',
          message: `Entry ${entry.sequence} of case ${entry.caseId} is listed under case ${history.caseId}`,
          messageZh: `办件 ${entry.caseId} 的第 ${entry.sequence} 条记录被列在办件 ${history.caseId} 下`,
          details: { caseId: history.caseId, entryCaseId: entry.caseId },
        });
      }
      if (entry.sequence <= sequence) {
        throw new KuaibanError({
          code: 'INVALID_ARGUMENT',
          message: `Entries of case ${history.caseId} are not in sequence order: ${entry.sequence} follows ${sequence}`,
          messageZh: `办件 ${history.caseId} 的记录未按序号排列：${entry.sequence} 排在 ${sequence} 之后`,
          details: { caseId: history.caseId, sequence: entry.sequence },
        });
      }
      sequence = entry.sequence;
    }
  }
}

/**
 * The state as one string for formats whose attributes are strings: a state
 * name as it is, a nested state value as canonical JSON, none as `null`.
 */
export function stateText(state: unknown): string | null {
  if (state === undefined) return null;
  return typeof state === 'string' ? state : canonicalJson(state);
}

/**
 * Case histories as JSON Lines: one object per entry, each line ending in a
 * newline, with `caseId`, `itemId`, `sequence`, `at`, `activity` (the command
 * type), `actor` (the actor's id), `role`, `state`, `commandId` and `reason`.
 * This is the case log `kuaiban conform` reads.
 *
 * @example
 * toJsonl([{ caseId: 'case-1', itemId: 'business-licence', entries }]);
 * // '{"caseId":"case-1","itemId":"business-licence","sequence":1,…}\n'
 */
export function toJsonl(histories: readonly CaseHistory[]): string {
  checkHistories(histories);
  let text = '';
  for (const { caseId, itemId, entries } of histories) {
    for (const entry of entries) {
      const line = {
        caseId,
        itemId,
        sequence: entry.sequence,
        at: entry.at,
        activity: entry.command.type,
        actor: entry.actor.id,
        role: entry.actor.role,
        state: entry.state === undefined ? null : entry.state,
        commandId: entry.commandId,
        reason: entry.reason,
      };
      text += `${JSON.stringify(line)}\n`;
    }
  }
  return text;
}
