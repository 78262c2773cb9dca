/**
 * @kuaiban/machines: the approval patterns of Chinese government services as
 * xstate v5 statecharts. Each machine runs on its own
 * (`createActor(machine, { input })`) and composes into the case lifecycle.
 *
 * @packageDocumentation
 */
export {
  ROLES,
  PartySchema,
  TickEventSchema,
  byRole,
  eventBase,
} from './party.js';
export type { CommandRoles, Party, Role, TickEvent } from './party.js';
export {
  DeadlineClockEventSchema,
  DeadlineClockInputSchema,
  createDeadlineClockMachine,
  deadlineClockMachine,
  deadlineClockRoles,
  nextDeadlineClockWakeUp,
} from './deadlineClock.js';
export type {
  DeadlineClockContext,
  DeadlineClockEvent,
  DeadlineClockInput,
  DeadlineClockOutput,
} from './deadlineClock.js';
export {
  COMMITMENT_EXCLUDED_DOMAINS,
  NotificationCommitmentContextSchema,
  NotificationCommitmentEventSchema,
  NotificationCommitmentInputSchema,
  NotificationCommitmentOutputSchema,
  ReplacedProofSchema,
  RevocationCauseSchema,
  VerificationFindingSchema,
  createNotificationCommitmentMachine,
  nextNotificationCommitmentWakeUp,
  notificationCommitmentMachine,
  notificationCommitmentRoles,
} from './notificationCommitment.js';
export type {
  CommitmentExcludedDomain,
  NoticeContents,
  NotificationCommitmentContext,
  NotificationCommitmentEvent,
  NotificationCommitmentInput,
  NotificationCommitmentMachine,
  NotificationCommitmentOutput,
  NotificationCommitmentParentEvent,
  NotificationCommitmentSnapshot,
  RevocationCause,
  VerificationFinding,
} from './notificationCommitment.js';
export {
  AcceptanceModeSchema,
  FindingSchema,
  LateConsequenceSchema,
  MaterialSchema,
  NoticeItemSchema,
  ToleranceNoticeSchema,
  ToleranceSchema,
  TolerantAcceptanceContextSchema,
  TolerantAcceptanceEventSchema,
  TolerantAcceptanceInputSchema,
  TolerantAcceptanceOutputSchema,
  createTolerantAcceptanceMachine,
  nextTolerantAcceptanceWakeUp,
  tolerantAcceptanceMachine,
  tolerantAcceptanceRoles,
} from './tolerantAcceptance.js';
export type {
  AcceptanceMode,
  Finding,
  LateConsequence,
  Material,
  NoticeItem,
  ToleranceNotice,
  TolerantAcceptanceContext,
  TolerantAcceptanceEvent,
  TolerantAcceptanceInput,
  TolerantAcceptanceMachine,
  TolerantAcceptanceOutput,
  TolerantAcceptanceSnapshot,
} from './tolerantAcceptance.js';
export { toMermaid } from './toMermaid.js';
