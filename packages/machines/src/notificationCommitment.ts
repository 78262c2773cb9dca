import { machineOptions } from './party.js';
import type { WorkCalendar } from '@kuaiban/calendar';
import { createChinaCalendar } from '@kuaiban/calendar';
import { parseInput } from './trustedInput.js';
import type { SnapshotFrom } from 'xstate';
import { assign, enqueueActions, setup } from 'xstate';
import type {
  NotificationCommitmentContext,
  NotificationCommitmentEvent,
  NotificationCommitmentInput,
  NotificationCommitmentOutput,
  RevocationCause,
  VerificationFinding,
} from './notificationCommitmentSchemas.js';
import { NotificationCommitmentInputSchema } from './notificationCommitmentSchemas.js';
import { notificationCommitmentGuards } from './notificationCommitmentGuards.js';
import { withPlainContext } from './plainContext.js';

export {
  COMMITMENT_EXCLUDED_DOMAINS,
  NotificationCommitmentContextSchema,
  NotificationCommitmentEventSchema,
  NotificationCommitmentInputSchema,
  NotificationCommitmentOutputSchema,
  ReplacedProofSchema,
  RevocationCauseSchema,
  VerificationFindingSchema,
  notificationCommitmentRoles,
} from './notificationCommitmentSchemas.js';
export type {
  CommitmentExcludedDomain,
  NoticeContents,
  NotificationCommitmentContext,
  NotificationCommitmentEvent,
  NotificationCommitmentInput,
  NotificationCommitmentOutput,
  RevocationCause,
  VerificationFinding,
} from './notificationCommitmentSchemas.js';
export { nextNotificationCommitmentWakeUp } from './notificationCommitmentWakeUp.js';

/** What the machine tells its parent, when it runs as a child actor. */
export type NotificationCommitmentParentEvent =
  | { type: 'COMMITMENT.GRANTED'; decidedOn: string }
  | { type: 'COMMITMENT.REVOKED'; revokedOn: string; cause: RevocationCause };

type OrdinaryReason = Extract<
  NotificationCommitmentOutput,
  { outcome: 'ordinary-route' }
>['reason'];

const ordinaryRoute = (reason: OrdinaryReason) =>
  ({ type: 'routeOrdinary', params: { reason } }) as const;
const revoke = (cause: RevocationCause) =>
  ({ type: 'revoke', params: { cause } }) as const;
const finding = ({ event }: { event: { finding: VerificationFinding } }) => ({
  finding: event.finding,
});

function initialContext(input: unknown): NotificationCommitmentContext {
  const parsed = parseInput(
    NotificationCommitmentInputSchema,
    input,
    'notification-commitment input',
    '告知承诺制输入',
  );
  return {
    ...parsed,
    noticeGivenOn: null,
    commitment: null,
    decision: null,
    verifyBy: null,
    verificationOverdue: false,
    verification: null,
    rectifyBy: null,
    rectifiedOn: null,
    revocation: null,
    outcome: null,
  };
}

/**
 * The notification-commitment machine (告知承诺制, OBE-40, ZZ-COMMIT) on a
 * given working-day calendar: eligibility (GZ-EXCLUDED, credit), written
 * notice (GZ-NOTICE), free choice (GZ-CHOICE), signed commitment, decision
 * on the spot (GZ-DECIDE), then post-decision verification (GZ-VERIFY) with
 * rectification or revocation (GZ-FALSE, ALL-69-REVOKE).
 *
 * @example
 * const machine = createNotificationCommitmentMachine({
 *   calendar: createChinaCalendar(),
 * });
 * const actor = createActor(machine, { input: foodPermit }).start();
 * const officer = { id: 'window-07', role: 'window-officer' } as const;
 * actor.send({ type: 'GIVE_NOTICE', actor: officer, at: '2025-03-03', contents });
 * actor.getSnapshot().value; // 'choosing'
 */
export function createNotificationCommitmentMachine(options: {
  calendar: WorkCalendar;
}) {
  const { calendar } = machineOptions(
    options,
    'notification-commitment',
    '告知承诺制',
  );

  const machine = setup({
    types: {
      context: {} as NotificationCommitmentContext,
      events: {} as NotificationCommitmentEvent,
      input: {} as NotificationCommitmentInput,
      output: {} as NotificationCommitmentOutput,
    },
    guards: notificationCommitmentGuards,
    actions: {
      routeOrdinary: assign((_, params: { reason: OrdinaryReason }) => ({
        outcome: { outcome: 'ordinary-route' as const, reason: params.reason },
      })),
      recordNotice: assign(({ event }) => ({ noticeGivenOn: event.at })),
      recordCommitment: assign(({ event }, params: { text: string }) => ({
        commitment: { text: params.text.trim(), signedOn: event.at },
      })),
      approve: assign(
        ({ context, event }, params: { reason?: string | undefined }) => ({
          decision: {
            approve: true,
            decidedOn: event.at,
            reason: params.reason ?? null,
          },
          verifyBy: calendar.addWorkingDays(event.at, context.verifyWithinDays),
        }),
      ),
      deny: assign(({ event }, params: { reason?: string | undefined }) => ({
        decision: {
          approve: false,
          decidedOn: event.at,
          reason: params.reason ?? null,
        },
        outcome: { outcome: 'denied' as const, decidedOn: event.at },
      })),
      recordVerification: assign(
        ({ context, event }, params: { finding: VerificationFinding }) => ({
          verification: { finding: params.finding, verifiedOn: event.at },
          verificationOverdue:
            context.verificationOverdue ||
            event.at > (context.verifyBy ?? event.at),
        }),
      ),
      markVerificationOverdue: assign({ verificationOverdue: true }),
      orderRectification: assign(({ context, event }) => ({
        rectifyBy: calendar.addWorkingDays(event.at, context.rectifyWithinDays),
      })),
      recordRectified: assign(({ event }) => ({ rectifiedOn: event.at })),
      recordRevocation: assign(
        (_, params: { reason: string; basis: string }) => ({
          revocation: { reason: params.reason, basis: params.basis },
        }),
      ),
      revoke: assign(({ event }, params: { cause: RevocationCause }) => ({
        outcome: {
          outcome: 'revoked' as const,
          revokedOn: event.at,
          cause: params.cause,
          creditRecord: true as const,
          treatAsUnlicensed: params.cause === 'deliberately-false',
        },
      })),
      notifyGranted: enqueueActions(({ enqueue, self, context }) => {
        const decidedOn = context.decision?.decidedOn;
        if (self._parent && decidedOn !== undefined) {
          enqueue.sendParent({
            type: 'COMMITMENT.GRANTED',
            decidedOn,
          } satisfies NotificationCommitmentParentEvent);
        }
      }),
      notifyRevoked: enqueueActions(({ enqueue, self, context }) => {
        const { outcome } = context;
        if (self._parent && outcome?.outcome === 'revoked') {
          enqueue.sendParent({
            type: 'COMMITMENT.REVOKED',
            revokedOn: outcome.revokedOn,
            cause: outcome.cause,
          } satisfies NotificationCommitmentParentEvent);
        }
      }),
    },
  }).createMachine({
    id: 'notificationCommitment',
    context: ({ input }) => initialContext(input),
    initial: 'eligibility',
    states: {
      eligibility: {
        always: [
          {
            guard: 'excludedDomain',
            target: 'ordinaryRoute',
            actions: ordinaryRoute('excluded-domain'),
          },
          {
            guard: 'badCredit',
            target: 'ordinaryRoute',
            actions: ordinaryRoute('credit'),
          },
          { target: 'noticing' },
        ],
      },
      noticing: {
        on: {
          GIVE_NOTICE: {
            guard: {
              type: 'completeNotice',
              params: ({ event }) => event.contents,
            },
            target: 'choosing',
            actions: 'recordNotice',
          },
        },
      },
      choosing: {
        on: {
          CHOOSE_COMMITMENT: { guard: 'allowed', target: 'signing' },
          DECLINE_COMMITMENT: {
            guard: 'allowed',
            target: 'ordinaryRoute',
            actions: ordinaryRoute('declined'),
          },
        },
      },
      signing: {
        on: {
          SIGN_COMMITMENT: {
            guard: { type: 'signed', params: ({ event }) => event },
            target: 'deciding',
            actions: { type: 'recordCommitment', params: ({ event }) => event },
          },
        },
      },
      deciding: {
        on: {
          DECIDE: [
            {
              guard: { type: 'approves', params: ({ event }) => event },
              target: 'granted',
              actions: { type: 'approve', params: ({ event }) => event },
            },
            {
              guard: { type: 'denies', params: ({ event }) => event },
              target: 'denied',
              actions: { type: 'deny', params: ({ event }) => event },
            },
          ],
        },
      },
      granted: {
        entry: 'notifyGranted',
        initial: 'verifying',
        on: {
          REVOKE: {
            guard: 'allowed',
            target: 'revoked',
            actions: [
              { type: 'recordRevocation', params: ({ event }) => event },
              revoke('revoked-after-completion'),
            ],
          },
        },
        states: {
          verifying: {
            on: {
              VERIFY: [
                {
                  guard: { type: 'findsConditionsMet', params: finding },
                  target: 'verified',
                  actions: { type: 'recordVerification', params: finding },
                },
                {
                  guard: { type: 'findsConditionsUnmet', params: finding },
                  target: 'rectifying',
                  actions: [
                    { type: 'recordVerification', params: finding },
                    'orderRectification',
                  ],
                },
                {
                  guard: { type: 'findsDeliberatelyFalse', params: finding },
                  target: '#notificationCommitment.revoked',
                  actions: [
                    { type: 'recordVerification', params: finding },
                    revoke('deliberately-false'),
                  ],
                },
              ],
              TICK: {
                guard: 'pastVerifyBy',
                actions: 'markVerificationOverdue',
              },
            },
          },
          rectifying: {
            on: {
              // A confirmation dated after the deadline comes too late: the
              // outcome must not depend on whether a TICK arrived first.
              RECTIFIED: [
                {
                  guard: 'pastRectifyBy',
                  target: '#notificationCommitment.revoked',
                  actions: revoke('conditions-unmet'),
                },
                {
                  guard: 'allowed',
                  target: 'verified',
                  actions: 'recordRectified',
                },
              ],
              TICK: {
                guard: 'pastRectifyBy',
                target: '#notificationCommitment.revoked',
                actions: revoke('conditions-unmet'),
              },
            },
          },
          verified: {},
        },
      },
      denied: { type: 'final' },
      revoked: { type: 'final', entry: 'notifyRevoked' },
      ordinaryRoute: { type: 'final' },
    },
    // Every transition into a final state sets `outcome` first.
    output: ({ context }) => context.outcome as NotificationCommitmentOutput,
  });
  return withPlainContext(machine);
}

/** The machine type, whatever calendar it runs on. */
export type NotificationCommitmentMachine = ReturnType<
  typeof createNotificationCommitmentMachine
>;
export type NotificationCommitmentSnapshot =
  SnapshotFrom<NotificationCommitmentMachine>;

/** The notification-commitment machine on the national calendar. */
export const notificationCommitmentMachine =
  createNotificationCommitmentMachine({ calendar: createChinaCalendar() });
