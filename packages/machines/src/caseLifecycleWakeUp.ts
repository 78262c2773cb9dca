import type { WorkCalendar } from '@kuaiban/calendar';
import type { DeadlineClock } from '@kuaiban/calendar';
import {
  addCalendarDays,
  createChinaCalendar,
  createDeadlineClock,
} from '@kuaiban/calendar';
import type { AnyActorRef, SnapshotFrom } from 'xstate';
import type { createCaseLifecycleMachine } from './caseLifecycle.js';
import type { createDeadlineClockMachine } from './deadlineClock.js';
import { nextNotificationCommitmentWakeUp } from './notificationCommitment.js';
import { nextParallelApprovalWakeUp } from './parallelApproval.js';
import { nextTolerantAcceptanceWakeUp } from './tolerantAcceptance.js';

type CaseSnapshot = SnapshotFrom<ReturnType<typeof createCaseLifecycleMachine>>;

/** The snapshots of the children a case runs, by id. */
function runningChildren(snapshot: CaseSnapshot) {
  const children = snapshot.children as Record<string, AnyActorRef | undefined>;
  const running = snapshot.context.children;
  return (id: string) => {
    const child = children[id];
    return child && running.includes(id as never)
      ? (child.getSnapshot() as never)
      : undefined;
  };
}

/**
 * Deadline clocks by calendar and spec. Context objects are immutable (as
 * the clock machine's own cache assumes), so a spec read once is read from
 * here after every later command that left it as it was.
 */
const clocks = new WeakMap<WorkCalendar, WeakMap<object, DeadlineClock>>();

/** The clock child's statutory deadline. */
function statutoryClock(
  clock: DeadlineClockSnapshot | undefined,
  calendar: WorkCalendar,
): DeadlineClock | null {
  if (!clock) return null;
  const spec = clock.context.statutory;
  let byCalendar = clocks.get(calendar);
  if (!byCalendar) {
    byCalendar = new WeakMap();
    clocks.set(calendar, byCalendar);
  }
  let read = byCalendar.get(spec);
  if (!read) {
    read = createDeadlineClock(calendar, spec);
    byCalendar.set(spec, read);
  }
  return read;
}

type DeadlineClockSnapshot = SnapshotFrom<
  ReturnType<typeof createDeadlineClockMachine>
>;

function wakeUpOf(
  snapshot: CaseSnapshot,
  calendar: WorkCalendar,
  live: (id: string) => never | undefined,
  clock: DeadlineClockSnapshot | undefined,
  statutory: DeadlineClock | null,
): string | null {
  if (snapshot.status !== 'active') return null;
  const { context } = snapshot;
  const dates: (string | null)[] = [];
  const acceptance = live('acceptance');
  if (acceptance) dates.push(nextTolerantAcceptanceWakeUp(acceptance));
  const commitment = live('commitment');
  if (commitment) dates.push(nextNotificationCommitmentWakeUp(commitment));
  const parallel = live('parallel');
  if (parallel) dates.push(nextParallelApprovalWakeUp(parallel));
  if (clock && statutory) {
    dates.push(
      clock.status !== 'active' || clock.matches('paused')
        ? null
        : (statutory.nextThreshold(clock.context.asOf)?.date ?? null),
    );
  }
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

function dueDatesOf(
  snapshot: CaseSnapshot,
  live: (id: string) => never | undefined,
  statutory: DeadlineClock | null,
): CaseDueDates {
  const acceptance = live('acceptance') as
    { context: Record<string, unknown> } | undefined;
  return {
    supplement:
      (acceptance?.context.supplementDue as string | null | undefined) ?? null,
    decision: statutory
      ? statutory.dueDate
      : (snapshot.context.clock?.dueDate ?? null),
    issuance: snapshot.context.issueDue,
  };
}

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
  const live = runningChildren(snapshot);
  const clock = live('clock') as DeadlineClockSnapshot | undefined;
  return wakeUpOf(
    snapshot,
    calendar,
    live,
    clock,
    statutoryClock(clock, calendar),
  );
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
  const live = runningChildren(snapshot);
  const clock = live('clock') as DeadlineClockSnapshot | undefined;
  return dueDatesOf(snapshot, live, statutoryClock(clock, calendar));
}

/**
 * {@link nextCaseWakeUp} and {@link caseDueDates} together, the statutory
 * clock read once: what a case's scheduler and its portal need after each
 * command.
 *
 * @example
 * const { nextWakeUp, dueDates } = caseSchedule(kase.getSnapshot(), calendar);
 */
export function caseSchedule(
  snapshot: CaseSnapshot,
  calendar: WorkCalendar = createChinaCalendar(),
): { readonly nextWakeUp: string | null; readonly dueDates: CaseDueDates } {
  const live = runningChildren(snapshot);
  const clock = live('clock') as DeadlineClockSnapshot | undefined;
  const statutory = statutoryClock(clock, calendar);
  return {
    nextWakeUp: wakeUpOf(snapshot, calendar, live, clock, statutory),
    dueDates: dueDatesOf(snapshot, live, statutory),
  };
}
