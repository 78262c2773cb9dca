import type {
  NoticeContents,
  NotificationCommitmentContext,
  NotificationCommitmentEvent,
  VerificationFinding,
} from './notificationCommitmentSchemas.js';
import {
  NotificationCommitmentEventSchema,
  notificationCommitmentRoles,
} from './notificationCommitmentSchemas.js';
import { eventGate } from './party.js';

/** What a guard sees (annotated so that `setup` infers guard params first). */
interface Args {
  context: NotificationCommitmentContext;
  event: NotificationCommitmentEvent;
}

/** The event has a sound shape and comes from a role allowed to send it. */
const isAccepted = eventGate<NotificationCommitmentEvent>(
  NotificationCommitmentEventSchema,
  notificationCommitmentRoles,
);

const finds =
  (expected: VerificationFinding) =>
  ({ event }: Args, params: { finding: VerificationFinding }) =>
    isAccepted(event) && params.finding === expected;

/**
 * The guards of the notification-commitment machine. Every guard on an event
 * first checks its shape and its sender's role (`notificationCommitmentRoles`):
 * an event from anyone else changes nothing.
 */
export const notificationCommitmentGuards = {
  /** GZ-EXCLUDED. */
  excludedDomain: ({ context }: Args) => context.domain !== 'ordinary',
  /** RQ-CREDIT, GZ-FALSE: no commitment-based handling until credit repair. */
  badCredit: ({ context }: Args) =>
    context.applicant.seriousBadCredit === true ||
    context.applicant.unrepairedFalseCommitment === true,
  allowed: ({ event }: Args) => isAccepted(event),
  /** GZ-NOTICE: every part of the written notice was given. */
  completeNotice: ({ event }: Args, params: NoticeContents) =>
    isAccepted(event) && Object.values(params).every((given) => given),
  signed: ({ event }: Args, params: { text: string }) =>
    isAccepted(event) && params.text.trim().length > 0,
  approves: ({ event }: Args, params: { approve: boolean }) =>
    isAccepted(event) && params.approve,
  /**
   * ALL-38-DENY: a denial gives its reason; SVC-NO-VETO: the window cannot
   * refuse alone, so a department approver denies.
   */
  denies: (
    { event }: Args,
    params: {
      approve: boolean;
      reason?: string | undefined;
      actor: { role: string };
    },
  ) =>
    isAccepted(event) &&
    !params.approve &&
    (params.reason ?? '').trim().length > 0 &&
    params.actor.role !== 'window-officer',
  findsConditionsMet: finds('conditions-met'),
  findsConditionsUnmet: finds('conditions-unmet'),
  findsDeliberatelyFalse: finds('deliberately-false'),
  /** The verification period has just run out (TIME-END). */
  pastVerifyBy: ({ context, event }: Args) =>
    isAccepted(event) &&
    !context.verificationOverdue &&
    event.at > (context.verifyBy ?? event.at),
  /** The rectification deadline has run out (TIME-END). */
  pastRectifyBy: ({ context, event }: Args) =>
    isAccepted(event) && event.at > (context.rectifyBy ?? event.at),
};
