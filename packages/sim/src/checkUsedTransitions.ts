import { KuaibanError } from '@kuaiban/calendar';
import type { CompiledItem } from '@kuaiban/core';

/** The transitions of the case machine the simulator moves cases along. */
const USED_TRANSITIONS: readonly (readonly [string, string, string])[] = [
  ['case.submitted', 'PRE_REVIEW_PASSED', 'case.accepting'],
  ['case.submitted', 'PROPOSE_REFUSAL', 'case.refusalPending'],
  ['case.refusalPending', 'CONFIRM_REFUSAL', 'case.refused'],
  ['case.accepting', 'ACCEPTANCE.ACCEPTED', 'case.reviewing'],
  ['case.accepting', 'ACCEPTANCE.PROVISIONAL', 'case.reviewing'],
  ['case.accepting', 'COMMITMENT.GRANTED', 'case.issuing'],
  ['case.reviewing', 'REVIEW_OPINION', 'case.deciding'],
  ['case.reviewing', 'PARALLEL.DONE', 'case.deciding'],
  ['case.deciding', 'APPROVE', 'case.issuing'],
  ['case.deciding', 'DENY', 'case.rating'],
  ['case.issuing', 'ISSUE_CERTIFICATE', 'case.rating'],
  ['case.rating', 'RATE', 'case.ratingFollowUp'],
  ['case.rating', 'RATE', 'case.archived'],
  ['case.rating', 'ARCHIVE', 'case.archived'],
  ['case.ratingFollowUp', 'RECTIFY_RATING', 'case.archived'],
  ['case', 'xstate.done.actor.acceptance', 'case.lapsed'],
];

/** GZ-FALSE: a commitment found false revokes the permit. */
const REVOCATION = ['case', 'COMMITMENT.REVOKED', 'case.revoked'] as const;

/**
 * Throws `INVALID_DEFINITION` unless the compiled case machine's graph has
 * every transition the simulator moves cases along (with `revocation`, the
 * revocation of a permit whose commitment was found false).
 */
export function checkUsedTransitions(
  compiled: CompiledItem,
  revocation: boolean,
): void {
  const used = revocation
    ? [...USED_TRANSITIONS, REVOCATION]
    : USED_TRANSITIONS;
  for (const [source, event, target] of used) {
    const found = compiled.graph.transitions.some(
      (t) =>
        t.source === source && t.event === event && t.targets.includes(target),
    );
    if (!found) {
      throw new KuaibanError({
        code: 'INVALID_DEFINITION',
        message: `The case machine has no transition ${source} --${event}--> ${target} that the simulator needs`,
        messageZh: `办件状态机缺少仿真所需的转移 ${source} --${event}--> ${target}`,
        details: { source, event, target },
      });
    }
  }
}
