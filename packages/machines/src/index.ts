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
  stoppedClockOutput,
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
export {
  JOINT_EXTENSION_DAYS,
  JOINT_LIMIT_DAYS,
  JoinPolicySchema,
  ParallelApprovalEventSchema,
  ParallelApprovalInputSchema,
  ParallelApprovalOutputSchema,
  RejectionModeSchema,
  createParallelApprovalMachine,
  joinOutcome,
  nextParallelApprovalWakeUp,
  parallelApprovalMachine,
  parallelApprovalRoles,
} from './parallelApproval.js';
export type {
  DepartmentRequest,
  JoinPolicy,
  MergedNotice,
  ParallelApprovalContext,
  ParallelApprovalEvent,
  ParallelApprovalInput,
  ParallelApprovalMachine,
  ParallelApprovalOutput,
  ParallelApprovalSpec,
  RejectionMode,
} from './parallelApproval.js';
export {
  DepartmentReviewEventSchema,
  DepartmentReviewInputSchema,
  DepartmentReviewOutputSchema,
  OpinionSchema,
  ReviewDepartmentSchema,
  SupplementItemSchema,
  TimeoutActionSchema,
  createDepartmentReviewMachine,
  departmentReviewMachine,
  departmentReviewRoles,
  nextDepartmentReviewWakeUp,
} from './departmentReview.js';
export type {
  DepartmentReviewContext,
  DepartmentReviewEvent,
  DepartmentReviewInput,
  DepartmentReviewMachine,
  DepartmentReviewOutput,
  Opinion,
  ReviewDepartment,
  SupplementItem,
  TimeoutAction,
} from './departmentReview.js';
export {
  CASE_KINDS,
  CaseLifecycleCommandSchema,
  CaseLifecycleInputSchema,
  RATING_GRADES,
  caseLifecycleCommandRoles,
} from './caseLifecycleSchemas.js';
export type {
  CaseLifecycleCommand,
  CaseLifecycleInput,
  RatingGrade,
} from './caseLifecycleSchemas.js';
export {
  caseLifecycleMachine,
  createCaseLifecycleMachine,
} from './caseLifecycle.js';
export type {
  CaseLifecycleEvent,
  CaseLifecycleOutput,
} from './caseLifecycle.js';
export type { CaseLifecycleContext, ChildId } from './caseLifecycleContext.js';
export {
  CaseCommandSchema,
  caseCommandRoles,
  parseCaseCommand,
} from './caseCommands.js';
export type { CaseCommand } from './caseCommands.js';
export {
  caseDueDates,
  caseSchedule,
  nextCaseWakeUp,
} from './caseLifecycleWakeUp.js';
export type { CaseDueDates } from './caseLifecycleWakeUp.js';
export { cycleIn } from './cycleIn.js';
export { toMermaid } from './toMermaid.js';
