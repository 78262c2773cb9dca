import type { Role } from '@kuaiban/machines';
import type { SimulationModel } from './simulationModel.js';

/** How a case ended. */
export const OUTCOMES = ['approved', 'denied', 'refused', 'lapsed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

// Phases: the case machine's top-level states.
export const SUBMITTED = 0;
export const REFUSAL_PENDING = 1;
export const ACCEPTING = 2;
export const REVIEWING = 3;
export const DECIDING = 4;
export const ISSUING = 5;
export const RATING = 6;
export const FOLLOW_UP = 7;
export const ARCHIVED = 8;
export const REFUSED = 9;
export const LAPSED = 10;
export const REVOKED = 11;
/** The case machine's name of each phase. */
export const STATE_NAMES = [
  'submitted',
  'refusalPending',
  'accepting',
  'reviewing',
  'deciding',
  'issuing',
  'rating',
  'ratingFollowUp',
  'archived',
  'refused',
  'lapsed',
  'revoked',
];

// Flags.
export const PROVISIONAL = 1;
export const PAUSED = 2;
export const DENY = 4;
export const DECISION_QUEUED = 8;
export const COMMITMENT = 16;
export const CLOSED = 32;
/** The statutory limit was extended once (ALL-42-DECIDE-20D). */
export const EXTENDED = 64;
/** A commitment was verified after the decision (GZ-VERIFY). */
export const VERIFIED = 128;

// Events (kinds 0–7, as the event heap packs them).
export const E_TASK = 1;
export const E_APPLICANT = 2;
export const E_VERIFICATION_DUE = 3;
export const E_PAUSE_END = 4;
// Applicant responses.
export const A_CORRECTION = 0;
export const A_SUPPLEMENT = 1;
export const A_DEPARTMENT_SUPPLEMENT = 2;
export const A_RATE = 3;
// Wake-ups.
export const T_DEEM = 0;
export const T_LAPSE = 1;
export const T_EXTEND = 2;
export const T_DEPARTMENT = 3;
// Department review states.
export const D_WAITING = 0;
export const D_REVIEWING = 1;
export const D_AWAITING = 2;
export const D_ESCALATED = 3;
export const D_DECIDED = 4;
// Merged notice states of a parallel review.
export const N_RUNNING = 0;
export const N_PENDING = 1;
export const N_ISSUED = 2;

/** The officer of each role who signs a simulated case's commands. */
export const SIMULATED_OFFICERS: Readonly<Record<Role, string>> = {
  applicant: 'applicant',
  'window-officer': 'window-officer-1',
  reviewer: 'reviewer-1',
  'department-approver': 'department-approver-1',
  'lead-department': 'lead-department-1',
  'agency-head': 'agency-head-1',
  supervisor: 'supervisor-1',
  system: 'scheduler',
};

/** A label for each activity code, for traces and charts. */
export function activityLabels(model: SimulationModel): string[] {
  return [
    'acceptance',
    'recheck',
    'commitment',
    'merged-notice',
    'decision',
    'issuance',
    'rating-answer',
    'rating-rectify',
    'refusal-confirmation',
    ...model.steps.map((s) => `step:${s.id}`),
    ...model.departments.map((d) => `department:${d.id}`),
    ...model.departments.map((d) => `escalation:${d.id}`),
    ...(model.verification ? ['verification'] : []),
  ];
}
