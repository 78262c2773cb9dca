import { acceptCase } from './acceptCase.js';
import {
  CLOSED,
  LAPSED,
  PROVISIONAL,
  SUBMITTED,
  T_DEEM,
  T_DEPARTMENT,
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
  departmentTimedOut(s, c, what - T_DEPARTMENT, t);
}
