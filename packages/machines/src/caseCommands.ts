import { z } from 'zod';
import type { CaseLifecycleCommand } from './caseLifecycleSchemas.js';
import {
  CaseLifecycleCommandSchema,
  caseLifecycleCommandRoles,
} from './caseLifecycleSchemas.js';
import type { DeadlineClockEvent } from './deadlineClock.js';
import {
  DeadlineClockEventSchema,
  deadlineClockRoles,
} from './deadlineClock.js';
import type { NotificationCommitmentEvent } from './notificationCommitment.js';
import {
  NotificationCommitmentEventSchema,
  notificationCommitmentRoles,
} from './notificationCommitment.js';
import type { ParallelApprovalEvent } from './parallelApproval.js';
import {
  ParallelApprovalEventSchema,
  parallelApprovalRoles,
} from './parallelApproval.js';
import type { Role } from './party.js';
import type { TolerantAcceptanceEvent } from './tolerantAcceptance.js';
import {
  TolerantAcceptanceEventSchema,
  tolerantAcceptanceRoles,
} from './tolerantAcceptance.js';

/**
 * Every command a case accepts from outside: its own, and those it passes on
 * to the patterns it runs. The children's notices to the case are not here:
 * they are not commands.
 */
export const CaseCommandSchema = z.union([
  CaseLifecycleCommandSchema,
  TolerantAcceptanceEventSchema,
  NotificationCommitmentEventSchema,
  ParallelApprovalEventSchema,
  DeadlineClockEventSchema,
]);
export type CaseCommand =
  | CaseLifecycleCommand
  | TolerantAcceptanceEvent
  | NotificationCommitmentEvent
  | ParallelApprovalEvent
  | DeadlineClockEvent;

/** Which roles may send each command to a case. */
export const caseCommandRoles: Readonly<
  Record<CaseCommand['type'], readonly Role[]>
> = {
  ...tolerantAcceptanceRoles,
  ...notificationCommitmentRoles,
  ...parallelApprovalRoles,
  ...deadlineClockRoles,
  ...caseLifecycleCommandRoles,
};
