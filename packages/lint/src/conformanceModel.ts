import type { WorkCalendar } from '@kuaiban/calendar';
import type { CompiledItem } from '@kuaiban/core';
import {
  caseCommandRoles,
  deadlineClockRoles,
  notificationCommitmentRoles,
  parallelApprovalRoles,
  tolerantAcceptanceRoles,
} from '@kuaiban/machines';
import { designModels } from './designModels.js';
import { parallelSoundness } from './parallelSoundness.js';
import { limitsInWorkingDays } from './timeFindings.js';

/** What replaying a case against one compiled item needs, computed once. */
export interface ConformanceModel {
  readonly compiled: CompiledItem;
  readonly calendar: WorkCalendar;
  /** `calendar.addWorkingDays`, remembered: a log's cases share their dates. */
  addWorkingDays(date: string, days: number): string;
  /** `calendar.workingDaysBetween` (already fast: no memory needed). */
  workingDaysBetween(from: string, to: string): number;
  /** state → activity → the states the activity may lead to. */
  readonly moves: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>;
  readonly roles: Readonly<Record<string, readonly string[]>>;
  readonly initialState: string;
  readonly statutoryDays: number;
  /** The one extension the law allows, in working days. */
  readonly maxExtensionDays: number;
  readonly noticeDays: number;
  readonly issuanceDays: number;
}

/** The case's top-level state of a leaf: `case.reviewing.site-review` → `reviewing`. */
const topState = (leaf: string): string => leaf.split('.')[1] ?? leaf;

/** Which pattern's commands can make it send a notice to the case. */
function sendersOf(event: string): readonly string[] {
  const commands = (roles: object) => [...Object.keys(roles)];
  if (
    event.startsWith('ACCEPTANCE.') ||
    event === 'xstate.done.actor.acceptance'
  )
    return commands(tolerantAcceptanceRoles);
  if (
    event.startsWith('COMMITMENT.') ||
    event === 'xstate.done.actor.commitment'
  )
    return commands(notificationCommitmentRoles);
  if (event === 'PARALLEL.DONE' || event === 'xstate.done.actor.parallel')
    return commands(parallelApprovalRoles);
  return [];
}

/**
 * The moves a case of this item may make, read from the compiled machine:
 * the case's own commands where they are live, the patterns' commands where
 * their notices move the case, and any pattern command that leaves the case
 * where it is.
 */
export function conformanceModel(
  compiled: CompiledItem,
  calendar: WorkCalendar,
): ConformanceModel {
  const item = compiled.definition;
  const soundness =
    item.review.mode === 'parallel'
      ? parallelSoundness(item.review, 2_000)
      : null;
  const models = designModels(compiled, soundness);
  const moves = new Map<string, Map<string, Set<string>>>();
  const add = (from: string, activity: string, to: string) => {
    let byActivity = moves.get(from);
    if (!byActivity) {
      byActivity = new Map();
      moves.set(from, byActivity);
    }
    let set = byActivity.get(activity);
    if (!set) {
      set = new Set();
      byActivity.set(activity, set);
    }
    set.add(to);
  };
  const childCommands = [
    ...Object.keys(tolerantAcceptanceRoles),
    ...Object.keys(notificationCommitmentRoles),
    ...Object.keys(parallelApprovalRoles),
    ...Object.keys(deadlineClockRoles),
  ];
  const analysis = models.case;
  for (const [leaf, edges] of analysis.edges) {
    if (!analysis.reached.has(leaf)) continue;
    const from = topState(leaf);
    if (!analysis.finals.has(leaf)) {
      for (const command of childCommands) add(from, command, from);
    }
    for (const edge of edges) {
      if (!edge.actual) continue;
      const event = edge.transition.event;
      const targets = edge.to.length > 0 ? edge.to.map(topState) : [from];
      const triggers = event in caseCommandRoles ? [event] : sendersOf(event);
      for (const activity of triggers) {
        for (const to of targets) add(from, activity, to);
      }
    }
  }
  const { statutoryDays } = limitsInWorkingDays(compiled);
  const added = new Map<string, string>();
  return {
    compiled,
    calendar,
    addWorkingDays(date, days) {
      const key = `${date}+${days}`;
      let found = added.get(key);
      if (found === undefined) {
        found = calendar.addWorkingDays(date, days);
        added.set(key, found);
      }
      return found;
    },
    workingDaysBetween: (from, to) => calendar.workingDaysBetween(from, to),
    moves,
    roles: caseCommandRoles,
    initialState: topState(analysis.initialLeaf),
    statutoryDays,
    maxExtensionDays:
      item.limits.statutory.extensionDays ??
      (item.caseKind === 'joint' ? 15 : 10),
    noticeDays: item.acceptance.noticeDays ?? 5,
    issuanceDays: item.issuance.days,
  };
}
