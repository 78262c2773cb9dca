import type { Opinion } from './departmentReview.js';
import type { ParallelApprovalSpec } from './parallelApprovalSchemas.js';

/** Tolerance for sums of fractional weights (0.1 + 0.2 is not 0.3). */
const EPSILON = 1e-9;

/** Whether `count` approvals of `weight` meet the join policy. */
function policyMet(
  spec: Pick<ParallelApprovalSpec, 'departments' | 'join'>,
  totalWeight: number,
  count: number,
  weight: number,
): boolean {
  const { join } = spec;
  switch (join.policy) {
    case 'all':
      return count === spec.departments.length;
    case 'any':
      return count >= 1;
    case 'quorum':
      return count >= join.k;
    case 'weighted':
      return weight >= join.threshold * totalWeight - EPSILON;
  }
}

/**
 * The outcome of the join (会签/或签/票签) once it is certain, or `null` while
 * it still depends on open reviews. With `short-circuit` the outcome is
 * reached as soon as no further opinion can change it; with `collect-all`
 * only when every department has decided.
 *
 * @example
 * joinOutcome(
 *   { departments, join: { policy: 'all' }, rejection: 'short-circuit' },
 *   { planning: 'reject' },
 * ); // 'rejected': one "no" vetoes a 会签
 */
export function joinOutcome(
  spec: Pick<ParallelApprovalSpec, 'departments' | 'join' | 'rejection'>,
  opinions: Readonly<Record<string, Opinion>>,
): 'approved' | 'rejected' | null {
  let approvals = 0;
  let pending = 0;
  let approvingWeight = 0;
  let pendingWeight = 0;
  let totalWeight = 0;
  for (const { id, weight } of spec.departments) {
    totalWeight += weight;
    const opinion = opinions[id];
    if (opinion === 'approve') {
      approvals += 1;
      approvingWeight += weight;
    } else if (opinion === undefined) {
      pending += 1;
      pendingWeight += weight;
    }
  }
  if (spec.rejection === 'collect-all' && pending > 0) return null;
  if (policyMet(spec, totalWeight, approvals, approvingWeight)) {
    return 'approved';
  }
  // Even if every open review approved, the policy would not be met.
  if (
    !policyMet(
      spec,
      totalWeight,
      approvals + pending,
      approvingWeight + pendingWeight,
    )
  ) {
    return 'rejected';
  }
  return null;
}
