import type { NotificationCommitmentSnapshot } from './notificationCommitment.js';

/** The calendar day after `date` (a period ends at 24:00 of its last day, TIME-END). */
function dayAfter(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [
    number,
    number,
    number,
  ];
  return new Date(Date.UTC(year, month - 1, day + 1))
    .toISOString()
    .slice(0, 10);
}

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
    return dayAfter(verifyBy);
  }
  if (snapshot.matches({ granted: 'rectifying' }) && rectifyBy !== null) {
    return dayAfter(rectifyBy);
  }
  return null;
}
