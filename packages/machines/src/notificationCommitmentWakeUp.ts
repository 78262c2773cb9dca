import { addCalendarDays } from '@kuaiban/calendar';
import type { NotificationCommitmentSnapshot } from './notificationCommitment.js';

/**
 * The first date on which a `TICK` changes the machine: the day after the
 * verification period (the agency becomes late) or the rectification
 * deadline (revocation); `null` when no deadline is pending.
 */
export function nextNotificationCommitmentWakeUp(
  snapshot: NotificationCommitmentSnapshot,
): string | null {
  if (snapshot.status !== 'active') return null;
  const { verifyBy, rectifyBy, verificationOverdue } = snapshot.context;
  if (
    snapshot.matches({ granted: 'verifying' }) &&
    !verificationOverdue &&
    verifyBy !== null
  ) {
    return addCalendarDays(verifyBy, 1);
  }
  if (snapshot.matches({ granted: 'rectifying' }) && rectifyBy !== null) {
    return addCalendarDays(rectifyBy, 1);
  }
  return null;
}
