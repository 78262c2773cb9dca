import type { WorkCalendar } from '@kuaiban/calendar';
import {
  addCalendarDays,
  createChinaCalendar,
  createDeadlineClock,
} from '@kuaiban/calendar';
import type { AnyActorRef, SnapshotFrom } from 'xstate';
import type { createCaseLifecycleMachine } from './caseLifecycle.js';
import { nextDeadlineClockWakeUp } from './deadlineClock.js';
import { nextNotificationCommitmentWakeUp } from './notificationCommitment.js';
import { nextParallelApprovalWakeUp } from './parallelApproval.js';
import { nextTolerantAcceptanceWakeUp } from './tolerantAcceptance.js';

type CaseSnapshot = SnapshotFrom<ReturnType<typeof createCaseLifecycleMachine>>;

/**
 * The first date on which a `TICK` may change the case: the earliest
 * wake-up of the patterns it runs, or the end of the notice window while it
 * waits at the window (ALL-32-NOTICE-5D). `null` when nothing is pending.
 */
export function nextCaseWakeUp(
  snapshot: CaseSnapshot,
  calendar: WorkCalendar = createChinaCalendar(),
): string | null {
  if (snapshot.status !== 'active') return null;
  const { context } = snapshot;
  const children = snapshot.children as Record<string, AnyActorRef | undefined>;
  const live = (id: string) => {
    const child = children[id];
    return child && context.children.includes(id as never)
      ? (child.getSnapshot() as never)
      : undefined;
  };
  const dates: (string | null)[] = [];
  const acceptance = live('acceptance');
  if (acceptance) dates.push(nextTolerantAcceptanceWakeUp(acceptance));
  const commitment = live('commitment');
  if (commitment) dates.push(nextNotificationCommitmentWakeUp(commitment));
  const parallel = live('parallel');
  if (parallel) dates.push(nextParallelApprovalWakeUp(parallel));
  const clock = live('clock');
  if (clock) dates.push(nextDeadlineClockWakeUp(clock, calendar));
  if (snapshot.matches('submitted') && context.acceptanceMode === 'standard') {
    const noticeBy = calendar.addWorkingDays(
      context.input.submittedOn,
      Number(context.childInputs.standard.noticeDays),
    );
    dates.push(addCalendarDays(noticeBy, 1));
  }
  const pending = dates.filter((date): date is string => date !== null);
  return pending.length === 0
    ? null
    : pending.reduce((a, b) => (a < b ? a : b));
}

/** The dates a case is held to, as a portal shows them. */
export interface CaseDueDates {
  /** The 容缺 supplement deadline (RQ-DEADLINE), while one is open. */
  readonly supplement: string | null;
  /** The statutory decision deadline, pauses and extension counted (ALL-42). */
  readonly decision: string | null;
  /** The certificate's deadline after the decision (ALL-44-ISSUE-10D). */
  readonly issuance: string | null;
}

/** Where the case stands against its deadlines, read from the machines. */
export function caseDueDates(
  snapshot: CaseSnapshot,
  calendar: WorkCalendar = createChinaCalendar(),
): CaseDueDates {
  const children = snapshot.children as Record<string, AnyActorRef | undefined>;
  const running = (id: string) =>
    snapshot.context.children.includes(id as never)
      ? (children[id]?.getSnapshot() as
          { context: Record<string, unknown> } | undefined)
      : undefined;
  const acceptance = running('acceptance');
  const clock = running('clock');
  const statutory = clock?.context.statutory;
  return {
    supplement:
      (acceptance?.context.supplementDue as string | null | undefined) ?? null,
    decision: statutory
      ? createDeadlineClock(calendar, statutory as never).dueDate
      : (snapshot.context.clock?.dueDate ?? null),
    issuance: snapshot.context.issueDue,
  };
}
