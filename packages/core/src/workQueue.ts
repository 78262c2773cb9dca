import type { Role } from '@kuaiban/machines';

const AWAITING: Readonly<Record<string, readonly Role[]>> = {
  submitted: ['window-officer'],
  refusalPending: ['supervisor'],
  accepting: ['window-officer', 'applicant'],
  reviewing: ['reviewer', 'department-approver', 'lead-department'],
  deciding: ['agency-head'],
  issuing: ['window-officer'],
  rating: ['applicant', 'window-officer'],
  ratingFollowUp: ['window-officer', 'supervisor'],
  archived: [],
};

/** The roles a case in `state` waits for: what puts it in their work queue. */
export function awaitingRoles(state: string): readonly Role[] {
  return AWAITING[state] ?? [];
}
