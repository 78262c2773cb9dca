/**
 * Every state of the compiled machines that the rules read by name, in one
 * place: a renamed state in the machines fails the test that checks each of
 * these against the compiled item, instead of silently weakening a rule.
 */

/** Top-level states of the case machine, as the conformance checks see them. */
export const CASE_STATE = {
  accepting: 'accepting',
  reviewing: 'reviewing',
  deciding: 'deciding',
  issuing: 'issuing',
  refused: 'refused',
  rating: 'rating',
} as const;

/** The full ids of the states the design rules ask about. */
export const STATE_ID = {
  reviewing: 'case.reviewing',
  refused: 'case.refused',
  rating: 'case.rating',
  toleranceLapsed: 'tolerantAcceptance.lapsed',
  toleranceProvisional: 'tolerantAcceptance.tolerance.provisional',
  toleranceAccepted: 'tolerantAcceptance.accepted',
  commitmentOrdinaryRoute: 'notificationCommitment.ordinaryRoute',
  commitmentGranted: 'notificationCommitment.granted',
  commitmentRevoked: 'notificationCommitment.revoked',
} as const;

/**
 * Last segments of pattern states the rules match by suffix: the one state
 * from which a notice may be sent (SVC-ONE-NOTICE), and the state a parallel
 * review's merged notice leads to.
 */
export const STATE_SUFFIX = {
  noticePending: 'noticePending',
  noticeIssued: 'noticeIssued',
} as const;
