import { machineOptions } from './party.js';
import type { WorkCalendar } from '@kuaiban/calendar';
import {
  IsoDateSchema,
  createChinaCalendar,
  createDeadlineClock,
  parseWith,
  withFields,
} from '@kuaiban/calendar';
import { checkedEvent, trustedInput, trustedWhen } from './trustedInput.js';
import type { ActorRefFrom } from 'xstate';
import { and, assign, enqueueActions, sendTo, setup, spawnChild } from 'xstate';
import type {
  CaseLifecycleCommand,
  CaseLifecycleInput,
  RatingGrade,
} from './caseLifecycleSchemas.js';
import {
  CaseLifecycleCommandSchema,
  CaseLifecycleInputSchema,
  caseLifecycleCommandRoles,
} from './caseLifecycleSchemas.js';
import type { CaseLifecycleContext, ChildId } from './caseLifecycleContext.js';
import { childOf, initialContext } from './caseLifecycleContext.js';
import {
  MAX_DEADLINE_DAYS,
  createDeadlineClockMachine,
  stoppedClockOutput,
} from './deadlineClock.js';
import type {
  ParsedDeadlineClockInput,
  DeadlineClockEvent,
} from './deadlineClock.js';
import { createNotificationCommitmentMachine } from './notificationCommitment.js';
import type {
  NotificationCommitmentEvent,
  NotificationCommitmentOutput,
} from './notificationCommitment.js';
import { createParallelApprovalMachine } from './parallelApproval.js';
import type { ParallelApprovalEvent } from './parallelApproval.js';
import { eventGate } from './party.js';
import { createTolerantAcceptanceMachine } from './tolerantAcceptance.js';
import type {
  TolerantAcceptanceEvent,
  TolerantAcceptanceOutput,
} from './tolerantAcceptance.js';
import { withPlainContext } from './plainContext.js';

/** What the patterns tell the case when they run inside it. */
type ChildNotice =
  | {
      type: 'ACCEPTANCE.PROVISIONAL';
      acceptedOn: string;
      supplementDue: string;
    }
  | { type: 'ACCEPTANCE.ACCEPTED'; acceptedOn: string; mode: string }
  | { type: 'COMMITMENT.GRANTED'; decidedOn: string }
  | { type: 'COMMITMENT.REVOKED'; revokedOn: string; cause: string }
  | { type: 'PARALLEL.DONE'; outcome: 'approved' | 'rejected' }
  | { type: 'CLOCK.WARNING'; on: string }
  | { type: 'CLOCK.OVERDUE'; on: string }
  | { type: 'xstate.done.actor.acceptance'; output: TolerantAcceptanceOutput }
  | {
      type: 'xstate.done.actor.commitment';
      output: NotificationCommitmentOutput;
    };

/** A command for one of the patterns, passed on to it. */
type PatternEvent =
  | TolerantAcceptanceEvent
  | NotificationCommitmentEvent
  | ParallelApprovalEvent
  | DeadlineClockEvent;

export type CaseLifecycleEvent =
  CaseLifecycleCommand | ChildNotice | PatternEvent;

export type CaseLifecycleOutput =
  | { outcome: 'refused'; reason: string; route: string; confirmedBy: string }
  | { outcome: 'withdrawn'; on: string }
  | { outcome: 'lapsed'; consequence: string; creditRecord: boolean }
  | { outcome: 'revoked'; on: string; cause: string };

const BAD_GRADES: readonly RatingGrade[] = [
  'dissatisfied',
  'very-dissatisfied',
];

/**
 * The case's date after an event: the event's date when it is later. (Each
 * action below that moves the date also writes its own fields in the same
 * step: the case's context is copied once per step, not once per field.)
 */
function advancedAsOf(context: { asOf: string }, event: object): string {
  const at = (event as { at?: unknown }).at;
  return typeof at === 'string' && at > context.asOf ? at : context.asOf;
}

/**
 * The case (办件) from submission to archive: pre-review, acceptance
 * (standard with correction and 容缺, or 告知承诺; refusal only with a
 * supervisor's confirmation), review (a chain of steps or parallel approval),
 * decision, issuance within 10 working days, rating and its follow-up. The
 * patterns run as child actors; commands for them are passed on, and a
 * `TICK` reaches every one.
 *
 * @example
 * const machine = createCaseLifecycleMachine({ calendar: createChinaCalendar() });
 * const kase = createActor(machine, { input }).start();
 * kase.send({ type: 'PRE_REVIEW_PASSED', at: '2025-09-26', actor: officer });
 */
export function createCaseLifecycleMachine(options: {
  calendar: WorkCalendar;
}) {
  const { calendar } = machineOptions(options, 'case', '办件');
  /** The case's own commands: their shape, and a role that may send them. */
  const commandGate = eventGate<CaseLifecycleCommand>(
    CaseLifecycleCommandSchema,
    caseLifecycleCommandRoles,
  );

  const machine = setup({
    types: {
      input: {} as CaseLifecycleInput,
      context: {} as CaseLifecycleContext,
      events: {} as CaseLifecycleEvent,
      output: {} as CaseLifecycleOutput,
    },
    actors: {
      tolerantAcceptance: createTolerantAcceptanceMachine({ calendar }),
      notificationCommitment: createNotificationCommitmentMachine({ calendar }),
      parallelApproval: createParallelApprovalMachine({ calendar }),
      deadlineClock: createDeadlineClockMachine({ calendar }),
    },
    guards: {
      may: ({ event }) =>
        event.type in caseLifecycleCommandRoles &&
        commandGate(event as CaseLifecycleCommand),
      /** A notice from a child that the case runs (never from outside). */
      fromChild: ({ context, event }) => {
        const id = noticeSender(event.type);
        return id !== undefined && context.children.includes(id);
      },
      /** No acceptance is provisional any more: materials are complete. */
      acceptanceSettled: ({ context }) =>
        !context.children.includes('acceptance'),
      /**
       * Departments' joint refusal binds, and so does a refusal on the spot
       * on the 告知承诺 route; a review chain's advice may be overruled.
       */
      notAgainstDepartments: ({ context }) =>
        !(
          context.recommendation === 'deny' &&
          (context.input.review.mode === 'parallel' ||
            context.acceptanceMode === 'commitment')
        ),
      /** ALL-32-NOTICE-5D: no notice within the window since receipt. */
      noticeWindowPassed: ({ context, event }) =>
        context.acceptanceMode === 'standard' &&
        event.type === 'TICK' &&
        event.at >
          calendar.addWorkingDays(
            context.input.submittedOn,
            Number(context.childInputs.standard.noticeDays),
          ),
      onTheSpot: ({ context }) => context.input.kind === 'on-the-spot',
      parallelReview: ({ context }) => context.input.review.mode === 'parallel',
      currentStep: ({ context, event }) => {
        if (event.type !== 'REVIEW_OPINION') return false;
        const review = context.input.review;
        const step =
          review.mode === 'chain' ? review.steps[context.stepIndex] : undefined;
        return (
          step !== undefined &&
          step.id === event.step &&
          step.role === event.actor.role
        );
      },
      lastStep: ({ context }) =>
        context.input.review.mode === 'chain' &&
        context.stepIndex === context.input.review.steps.length - 1,
      stepApproves: ({ event }) =>
        event.type === 'REVIEW_OPINION' && event.opinion === 'approve',
      mayApprove: ({ context, event }) =>
        event.type === 'APPROVE' &&
        (event.actor.role === 'agency-head' ||
          (event.actor.role === 'window-officer' &&
            context.input.kind === 'on-the-spot')),
      /** ALL-38-DENY: reasons, and both remedies stated. */
      lawfulDenial: ({ event }) =>
        event.type === 'DENY' &&
        event.actor.role === 'agency-head' &&
        event.remedies.administrativeReview &&
        event.remedies.lawsuit,
      badRating: ({ event }) =>
        event.type === 'RATE' && BAD_GRADES.includes(event.grade),
      answered: ({ context }) => context.rating?.answeredOn !== undefined,
      forwardable: ({ context, event }) => {
        const target = childOf(event.type);
        return target !== undefined && context.children.includes(target);
      },
      acceptanceLapsed: ({ event }) =>
        event.type === 'xstate.done.actor.acceptance' &&
        event.output.outcome === 'lapsed',
      commitmentOrdinary: ({ event }) =>
        event.type === 'xstate.done.actor.commitment' &&
        event.output.outcome === 'ordinary-route',
    },
    actions: {
      advance: enqueueActions(({ enqueue, context, event }) => {
        const asOf = advancedAsOf(context, event);
        if (asOf !== context.asOf) enqueue.assign({ asOf });
      }),
      /** To the child the command is for (`forwardable` has found it). */
      forward: sendTo(
        ({ event }) => childOf(event.type) as ChildId,
        ({ event }) => event,
      ),
      /** The `TICK` that `may` admitted, with the schema every child shares. */
      tickChildren: enqueueActions(({ enqueue, context, event }) => {
        const tick = checkedEvent(event);
        for (const child of context.children) enqueue.sendTo(child, tick);
      }),
      spawnAcceptance: enqueueActions(({ enqueue, context }) => {
        const id: ChildId =
          context.acceptanceMode === 'commitment' ? 'commitment' : 'acceptance';
        if (context.children.includes(id)) return;
        if (id === 'commitment') {
          enqueue(
            spawnChild('notificationCommitment', {
              id,
              // Parsed with the child's schema when the case began.
              input: trustedInput(
                context.childInputs.commitment as object,
              ) as never,
            }),
          );
        } else {
          enqueue(
            spawnChild('tolerantAcceptance', {
              id,
              // Parsed with the child's schema when the case began, on the
              // same date of receipt.
              input: trustedInput({
                ...context.childInputs.standard,
                receivedOn: context.input.submittedOn,
              }) as never,
            }),
          );
          // The ALL-32 window runs from receipt: a late start is judged at once.
          if (context.asOf > context.input.submittedOn) {
            enqueue.sendTo(id, {
              type: 'TICK',
              at: context.asOf,
              actor: { id: 'case', role: 'system' },
            });
          }
        }
        enqueue.assign({ children: [...context.children, id] });
      }),
      spawnClock: enqueueActions(({ enqueue, context, event }) => {
        if (context.children.includes('clock')) return;
        const acceptedOn =
          'acceptedOn' in event ? String(event.acceptedOn) : context.asOf;
        const { limits } = context.input;
        const input: ParsedDeadlineClockInput = {
          // In the order, and with the defaults, the clock's schema gives.
          statutory: {
            start: acceptedOn,
            days: limits.statutoryDays,
            unit: 'working-days',
            basis: limits.basis,
            pauses: [],
            // ALL-42-DECIDE-20D: one extension of 10 working days, 15 for
            // joint handling (ALL-42-JOINT-45D), unless the basis says more.
            maxExtensionDays:
              limits.maxExtensionDays ??
              (context.input.kind === 'joint' ? 15 : 10),
            warnWithin: limits.warnWithin ?? 3,
          },
          ...(limits.promisedDays ? { promisedDays: limits.promisedDays } : {}),
          handler: context.input.handler,
          firstAsked: context.input.firstAsked,
        };
        enqueue(
          spawnChild('deadlineClock', {
            id: 'clock',
            // The limits, handler and first-asked officer were parsed when
            // the case began with the same rules (SVC-LIMITS among them);
            // the start and the length are checked here.
            input: trustedWhen(
              limits.statutoryDays <= MAX_DEADLINE_DAYS &&
                IsoDateSchema.safeParse(acceptedOn).success,
              input,
            ) as never,
          }),
        );
        enqueue.assign({
          children: [...context.children, 'clock'],
          acceptedOn,
          asOf: acceptedOn > context.asOf ? acceptedOn : context.asOf,
        });
      }),
      spawnParallel: enqueueActions(({ enqueue, context }) => {
        if (context.children.includes('parallel')) return;
        enqueue(
          spawnChild('parallelApproval', {
            id: 'parallel',
            // Parsed with the child's schema when the case began; the start
            // is a date the case has checked.
            input: trustedWhen(IsoDateSchema.safeParse(context.asOf).success, {
              ...context.childInputs.parallel,
              startedOn: context.asOf,
            }) as never,
          }),
        );
        enqueue.assign({ children: [...context.children, 'parallel'] });
      }),
      forget: assign({
        children: ({ context, event }) =>
          context.children.filter(
            (id) => event.type !== `xstate.done.actor.${id}`,
          ),
      }),
      /**
       * The clock stops on the decision: its reading, as `STOP` would give
       * it, goes into the case in the same step, and the child is stopped.
       */
      stopClock: enqueueActions(({ enqueue, context, event, self }) => {
        const child = self.getSnapshot().children.clock as
          | ActorRefFrom<ReturnType<typeof createDeadlineClockMachine>>
          | undefined;
        if (!context.children.includes('clock') || !child) return;
        const at = 'at' in event ? String(event.at) : context.asOf;
        const running = child.getSnapshot().context;
        enqueue.stopChild('clock');
        enqueue.assign({
          children: context.children.filter((id) => id !== 'clock'),
          clock: stoppedClockOutput(
            createDeadlineClock(calendar, running.statutory),
            running,
            at,
          ),
        });
      }),
      /** The decision, on the date of the command (or of the grant). */
      decide: assign(({ context, event }) => {
        const asOf = advancedAsOf(
          context,
          event.type === 'COMMITMENT.GRANTED' ? { at: event.decidedOn } : event,
        );
        return {
          asOf,
          decision: {
            outcome:
              event.type === 'DENY'
                ? ('denied' as const)
                : ('approved' as const),
            on: asOf,
            // A commitment granted on the spot (GZ-DECIDE) is decided by the
            // commitment machine.
            by: 'actor' in event ? event.actor.id : 'commitment',
            againstRecommendation:
              event.type === 'APPROVE' && context.recommendation === 'deny',
            ...(event.type === 'DENY' ? { reasons: event.reasons } : {}),
          },
          issueDue: calendar.addWorkingDays(asOf, context.input.issuanceDays),
        };
      }),
    },
  }).createMachine({
    id: 'case',
    context: ({ input }) =>
      initialContext(
        parseWith(CaseLifecycleInputSchema, input, {
          code: 'INVALID_ARGUMENT',
          what: 'case input',
          whatZh: '办件输入',
        }),
      ),
    initial: 'submitted',
    on: {
      TICK: { guard: 'may', actions: ['advance', 'tickChildren'] },
      'CLOCK.WARNING': {
        guard: 'fromChild',
        actions: assign({ warnedOn: ({ event }) => event.on }),
      },
      'CLOCK.OVERDUE': {
        guard: 'fromChild',
        actions: assign({ escalatedOn: ({ event }) => event.on }),
      },
      'xstate.done.actor.parallel': { guard: 'fromChild', actions: 'forget' },
      'COMMITMENT.REVOKED': {
        guard: 'fromChild',
        target: '.revoked',
        actions: assign({
          revocation: ({ event }) => ({
            on: event.revokedOn,
            cause: event.cause,
          }),
        }),
      },
      'xstate.done.actor.acceptance': [
        {
          guard: and(['fromChild', 'acceptanceLapsed']),
          target: '.lapsed',
          actions: [
            'forget',
            assign({
              lapse: ({ event }) =>
                event.output.outcome === 'lapsed'
                  ? {
                      consequence: event.output.consequence,
                      creditRecord: event.output.creditRecord,
                    }
                  : null,
            }),
          ],
        },
        // Accepted: the case goes on. (The case handles WITHDRAW itself, so
        // the child never ends withdrawn.)
        { guard: 'fromChild', actions: 'forget' },
      ],
      '*': { guard: 'forwardable', actions: 'forward' },
    },
    states: {
      submitted: {
        on: {
          PRE_REVIEW_PASSED: {
            guard: 'may',
            target: 'accepting',
            actions: 'advance',
          },
          PROPOSE_REFUSAL: {
            guard: 'may',
            target: 'refusalPending',
            actions: [
              'advance',
              assign({
                refusal: ({ event }) => ({
                  reason: event.reason,
                  route: event.route,
                }),
              }),
            ],
          },
          TICK: {
            guard: and(['may', 'noticeWindowPassed']),
            target: 'accepting',
            actions: 'advance',
          },
          WITHDRAW: { guard: 'may', target: 'withdrawn', actions: 'advance' },
        },
      },
      /** SVC-NO-VETO: a refusal stands only with a supervisor's confirmation. */
      refusalPending: {
        on: {
          CONFIRM_REFUSAL: {
            guard: 'may',
            target: 'refused',
            actions: [
              'advance',
              assign({ refusalConfirmedBy: ({ event }) => event.actor.id }),
            ],
          },
          OVERRULE_REFUSAL: {
            guard: 'may',
            target: 'submitted',
            actions: [
              'advance',
              assign(({ context, event }) => ({
                overruledRefusals: [
                  ...context.overruledRefusals,
                  {
                    reason: context.refusal?.reason ?? '',
                    route: context.refusal?.route ?? '',
                    overruledBy: event.actor.id,
                    because: event.reason,
                    on: context.asOf,
                  },
                ],
                refusal: null,
              })),
            ],
          },
        },
      },
      accepting: {
        entry: 'spawnAcceptance',
        on: {
          'ACCEPTANCE.PROVISIONAL': [
            {
              guard: and(['fromChild', 'onTheSpot']),
              target: 'deciding',
              actions: 'spawnClock',
            },
            { guard: 'fromChild', target: 'reviewing', actions: 'spawnClock' },
          ],
          'ACCEPTANCE.ACCEPTED': [
            {
              guard: and(['fromChild', 'onTheSpot']),
              target: 'deciding',
              actions: 'spawnClock',
            },
            { guard: 'fromChild', target: 'reviewing', actions: 'spawnClock' },
          ],
          'COMMITMENT.GRANTED': {
            guard: 'fromChild',
            target: 'issuing',
            actions: 'decide',
          },
          'xstate.done.actor.commitment': [
            {
              guard: and(['fromChild', 'commitmentOrdinary']),
              target: 'accepting',
              reenter: true,
              actions: [
                'forget',
                assign({ acceptanceMode: 'standard' as const }),
              ],
            },
            // Refused on the spot: the agency head gives the written denial
            // with its remedies (ALL-38-DENY). (Revocation comes only after a
            // grant, when the case has left acceptance.)
            {
              guard: 'fromChild',
              target: 'deciding',
              actions: [
                'forget',
                assign({
                  recommendation: 'deny' as const,
                  asOf: ({ context, event }) =>
                    'decidedOn' in event.output &&
                    event.output.decidedOn > context.asOf
                      ? event.output.decidedOn
                      : context.asOf,
                }),
              ],
            },
          ],
          WITHDRAW: { guard: 'may', target: 'withdrawn', actions: 'advance' },
        },
      },
      reviewing: {
        entry: enqueueActions(({ enqueue, check }) => {
          if (check('parallelReview')) enqueue('spawnParallel');
        }),
        on: {
          REVIEW_OPINION: [
            {
              guard: and(['may', 'currentStep', 'stepApproves', 'lastStep']),
              target: 'deciding',
              actions: assign(({ context, event }) => ({
                asOf: advancedAsOf(context, event),
                recommendation: 'approve' as const,
              })),
            },
            {
              guard: and(['may', 'currentStep', 'stepApproves']),
              actions: assign(({ context, event }) => ({
                asOf: advancedAsOf(context, event),
                stepIndex: context.stepIndex + 1,
              })),
            },
            {
              guard: and(['may', 'currentStep']),
              target: 'deciding',
              actions: assign(({ context, event }) => ({
                asOf: advancedAsOf(context, event),
                recommendation: 'deny' as const,
              })),
            },
          ],
          'PARALLEL.DONE': {
            guard: 'fromChild',
            target: 'deciding',
            actions: assign({
              recommendation: ({ event }) =>
                event.outcome === 'approved' ? 'approve' : 'deny',
            }),
          },
          WITHDRAW: { guard: 'may', target: 'withdrawn', actions: 'advance' },
        },
      },
      deciding: {
        on: {
          APPROVE: {
            guard: and([
              'may',
              'mayApprove',
              'acceptanceSettled',
              'notAgainstDepartments',
            ]),
            target: 'issuing',
            actions: ['decide', 'stopClock'],
          },
          DENY: {
            guard: and(['may', 'lawfulDenial']),
            target: 'rating',
            actions: ['decide', 'stopClock'],
          },
          WITHDRAW: { guard: 'may', target: 'withdrawn', actions: 'advance' },
        },
      },
      /** ALL-44-ISSUE-10D: the certificate within 10 working days of the decision. */
      issuing: {
        on: {
          ISSUE_CERTIFICATE: {
            guard: 'may',
            target: 'rating',
            actions: assign(({ context, event }) => {
              const asOf = advancedAsOf(context, event);
              return {
                asOf,
                certificate: {
                  number: event.certificateNo,
                  issuedOn: asOf,
                  onTime: context.issueDue === null || asOf <= context.issueDue,
                },
              };
            }),
          },
        },
      },
      /** SVC-RATING: one rating; a bad one is answered and rectified. */
      rating: {
        on: {
          RATE: [
            {
              guard: and(['may', 'badRating']),
              target: 'ratingFollowUp',
              actions: assign(({ context, event }) => {
                const asOf = advancedAsOf(context, event);
                return {
                  asOf,
                  rating: {
                    grade: event.grade,
                    ratedOn: asOf,
                    answerDue: calendar.addWorkingDays(asOf, 1),
                    rectifyDue: calendar.addWorkingDays(
                      asOf,
                      context.input.ratingRectifyDays,
                    ),
                  },
                };
              }),
            },
            {
              guard: 'may',
              target: 'archived',
              actions: assign(({ context, event }) => {
                const asOf = advancedAsOf(context, event);
                return { asOf, rating: { grade: event.grade, ratedOn: asOf } };
              }),
            },
          ],
          ARCHIVE: { guard: 'may', target: 'archived', actions: 'advance' },
        },
      },
      ratingFollowUp: {
        on: {
          ANSWER_RATING: {
            guard: 'may',
            actions: [
              'advance',
              assign({
                rating: ({ context }) =>
                  context.rating &&
                  withFields(context.rating, { answeredOn: context.asOf }),
              }),
            ],
          },
          RECTIFY_RATING: {
            guard: and(['may', 'answered']),
            target: 'archived',
            actions: [
              'advance',
              assign({
                rating: ({ context }) =>
                  context.rating &&
                  withFields(context.rating, { rectifiedOn: context.asOf }),
              }),
            ],
          },
        },
      },
      /** Not final: a granted permit can still be revoked (ALL-69-REVOKE, GZ-FALSE). */
      archived: {
        on: {
          REVOKE_PERMIT: {
            guard: 'may',
            target: 'revoked',
            actions: [
              'advance',
              assign({
                revocation: ({ context, event }) => ({
                  on: context.asOf,
                  cause: event.reason,
                }),
              }),
            ],
          },
        },
      },
      refused: {
        type: 'final',
        entry: assign({
          closed: ({ context }) => ({
            outcome: 'refused' as const,
            reason: context.refusal?.reason ?? '',
            route: context.refusal?.route ?? '',
            confirmedBy: context.refusalConfirmedBy ?? '',
          }),
        }),
      },
      withdrawn: {
        type: 'final',
        entry: assign({
          closed: ({ context }) => ({
            outcome: 'withdrawn' as const,
            on: context.asOf,
          }),
        }),
      },
      lapsed: {
        type: 'final',
        entry: assign({
          closed: ({ context }) => ({
            outcome: 'lapsed' as const,
            consequence: context.lapse?.consequence ?? '',
            creditRecord: context.lapse?.creditRecord ?? false,
          }),
        }),
      },
      revoked: {
        type: 'final',
        entry: assign({
          closed: ({ context }) => ({
            outcome: 'revoked' as const,
            on: context.revocation?.on ?? context.asOf,
            cause: context.revocation?.cause ?? '',
          }),
        }),
      },
    },
    output: ({ context }) =>
      context.closed ?? { outcome: 'withdrawn', on: context.asOf },
  });
  return withPlainContext(machine);
}

/** Which child sends a notice type (`ACCEPTANCE.…`, `xstate.done.actor.clock` …). */
function noticeSender(type: string): ChildId | undefined {
  const prefix = type.startsWith('xstate.done.actor.')
    ? type.slice('xstate.done.actor.'.length)
    : type.split('.')[0];
  return prefix === undefined ? undefined : NOTICE_SENDERS.get(prefix);
}

const NOTICE_SENDERS: ReadonlyMap<string, ChildId> = new Map([
  ['ACCEPTANCE', 'acceptance'],
  ['acceptance', 'acceptance'],
  ['COMMITMENT', 'commitment'],
  ['commitment', 'commitment'],
  ['PARALLEL', 'parallel'],
  ['parallel', 'parallel'],
  ['CLOCK', 'clock'],
  ['clock', 'clock'],
]);

/** The case machine on the national calendar. */
export const caseLifecycleMachine = createCaseLifecycleMachine({
  calendar: createChinaCalendar(),
});
