import { acceptCase } from './acceptCase.js';
import {
  CLOSED,
  EXTENDED,
  LAPSED,
  PAUSED,
  PROVISIONAL,
  SUBMITTED,
  T_DEEM,
  T_DEPARTMENT,
  T_EXTEND,
  T_LAPSE,
} from './caseCodes.js';
import { departmentTimedOut } from './parallelReview.js';
import type { ReplicationState } from './ReplicationState.js';

/**
 * A wake-up at the start of a day, as the engine runs them: deemed
 * acceptance when the window has not checked in time (ALL-32-NOTICE-5D), a
 * 容缺 acceptance lapsing (RQ-FAIL), or a department's limit running out.
 */
export function wakeUp(
  s: ReplicationState,
  c: number,
  what: number,
  t: number,
): void {
  if (s.flags[c]! & CLOSED) return;
  if (what === T_DEEM) {
    if (s.phase[c] !== SUBMITTED) return;
    const day = s.recvDay[c]!;
    const epoch = s.axis.epochOf(day + s.model.noticeDays) + 1;
    return acceptCase(s, c, t, day, s.axis.rankOf(epoch), () =>
      s.wake(c, t, epoch, 'deemed-acceptance'),
    );
  }
  if (what === T_LAPSE) {
    if (!(s.flags[c]! & PROVISIONAL)) return;
    s.phase[c] = LAPSED;
    s.close(c, t, 3);
    return s.wake(c, t, s.axis.epochOf(s.supplementDue[c]!) + 1, 'lapse');
  }
  if (what === T_EXTEND) return extendLimit(s, c, t);
  departmentTimedOut(s, c, what - T_DEPARTMENT, t);
}

/**
 * The statutory due day of an undecided case begins: the agency head
 * extends the limit once, telling the applicant why (ALL-42-DECIDE-20D),
 * with the scenario's probability. A paused case is looked at again the
 * next day; a pause that moved the due day moves the look.
 */
function extendLimit(s: ReplicationState, c: number, t: number): void {
  if (s.decisionRank[c]! >= 0 || s.flags[c]! & EXTENDED) return;
  if (s.flags[c]! & PAUSED) return s.timers.push(t + 1, c, T_EXTEND);
  const limits = s.limitsOf(s.recvDay[c]!);
  const due = s.acceptRank[c]! + s.pausedDays[c]! + limits.statutory;
  if (due > t) return s.timers.push(due, c, T_EXTEND);
  if (!s.chance(c, s.model.scenario.probabilities.extension)) return;
  s.flags[c]! |= EXTENDED;
  s.note(c, t, 'EXTEND', 'agency-head', () => ({
    days: limits.extension,
    reason: '案情复杂，需延长审查期限',
    toldApplicantOn: s.axis.dateOf(t),
  }));
}
