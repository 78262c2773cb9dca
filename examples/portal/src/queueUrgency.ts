import type { WorkCalendar } from '@kuaiban/calendar';
import type { CaseFacts } from '@kuaiban/core';

/** Working days ahead within which a due date counts as due soon. */
export const DUE_SOON_WORKING_DAYS = 2;

/** How pressing a case in a work queue is. */
export interface Urgency {
  /** Past its legal deadline (the clock escalated it). */
  readonly overdue: boolean;
  /** Inside the deadline clock's warning period. */
  readonly warning: boolean;
  /** Its next due date is today or within {@link DUE_SOON_WORKING_DAYS}. */
  readonly dueSoon: boolean;
  /** The earliest due date still ahead or today, if any. */
  readonly nextDue: string | null;
}

/** The urgency of a case on `today`, from its facts and the calendar. */
export function queueUrgency(
  facts: CaseFacts,
  today: string,
  calendar: WorkCalendar,
): Urgency {
  const { supplement, decision, issuance } = facts.dueDates;
  const ahead = [supplement, decision, issuance]
    .filter((d): d is string => d !== null && d >= today)
    .sort();
  const nextDue = ahead[0] ?? null;
  return {
    overdue: facts.escalatedOn !== null,
    warning: facts.warnedOn !== null && facts.escalatedOn === null,
    dueSoon:
      nextDue !== null &&
      calendar.workingDaysBetween(today, nextDue) <= DUE_SOON_WORKING_DAYS,
    nextDue,
  };
}
