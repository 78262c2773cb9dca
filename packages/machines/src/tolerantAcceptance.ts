import { machineOptions } from './party.js';
import type { WorkCalendar } from '@kuaiban/calendar';
import { addCalendarDays, createChinaCalendar } from '@kuaiban/calendar';
import type { SnapshotFrom } from 'xstate';
import { initialContext } from './tolerantAcceptanceRules.js';
import { tolerantAcceptanceSetup } from './tolerantAcceptanceSetup.js';
import type { TolerantAcceptanceOutput } from './tolerantAcceptanceSchemas.js';
import { withPlainContext } from './plainContext.js';

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
  tolerantAcceptanceRoles,
} from './tolerantAcceptanceSchemas.js';
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
  TolerantAcceptanceOutput,
} from './tolerantAcceptanceSchemas.js';

/**
 * The tolerant acceptance machine (容缺受理) on a given working-day calendar:
 * the window officer checks the materials; complete ones are accepted, a
 * correction notice is given once and completely (SVC-ONE-NOTICE) or the
 * application counts as accepted (ALL-32-NOTICE-5D); where only tolerable
 * secondary materials are missing the applicant may sign a commitment and be
 * accepted provisionally (RQ-COND, RQ-COMMIT, RQ-CREDIT, RQ-VOLUNTARY) until
 * the supplement deadline (RQ-DEADLINE, RQ-FAIL).
 *
 * @example
 * const machine = createTolerantAcceptanceMachine({
 *   calendar: createChinaCalendar(),
 * });
 * const acceptance = createActor(machine, { input }).start();
 * acceptance.send({
 *   type: 'MATERIALS_CHECKED',
 *   at: '2025-10-09',
 *   actor: { id: 'officer-chen', role: 'window-officer' },
 *   findings: [{ materialId: 'application-form', status: 'complete' }],
 * });
 * acceptance.getSnapshot().output; // { outcome: 'accepted', mode: 'complete', … }
 */
export function createTolerantAcceptanceMachine(options: {
  calendar: WorkCalendar;
}) {
  const { calendar } = machineOptions(
    options,
    'tolerant acceptance',
    '容缺受理',
  );

  /** ALL-32-NOTICE-5D: no notice, and the window has passed. */
  const deemedAccepted = {
    guard: 'noticeOverdue',
    target: '#tolerantAcceptance.accepted',
    actions: 'acceptDeemed',
  } as const;
  /** RQ-FAIL: the supplement deadline has passed. */
  const lapse = {
    guard: 'supplementOverdue',
    target: '#tolerantAcceptance.lapsed',
    actions: 'lapse',
  } as const;

  const machine = tolerantAcceptanceSetup(calendar).createMachine({
    id: 'tolerantAcceptance',
    context: ({ input }) => initialContext(input, calendar),
    initial: 'checking',
    on: {
      WITHDRAW: { guard: 'allowed', target: '.withdrawn', actions: 'withdraw' },
    },
    states: {
      checking: {
        on: {
          // Any event dated after the notice window settles it first.
          '*': deemedAccepted,
          MATERIALS_CHECKED: [
            deemedAccepted,
            {
              guard: {
                type: 'findsComplete',
                params: ({ event }) => event.findings,
              },
              target: 'accepted',
              actions: {
                type: 'accept',
                params: ({ context, event }) => ({
                  mode:
                    context.notices.length > 0
                      ? ('corrected' as const)
                      : ('complete' as const),
                  acceptedOn: event.at,
                }),
              },
            },
            {
              guard: {
                type: 'toleranceApplies',
                params: ({ event }) => event.findings,
              },
              target: 'tolerance',
              actions: {
                type: 'recordFindings',
                params: ({ event }) => event.findings,
              },
            },
            {
              guard: {
                type: 'findsProblems',
                params: ({ event }) => event.findings,
              },
              target: 'correction',
              actions: {
                type: 'recordFindings',
                params: ({ event }) => event.findings,
              },
            },
          ],
        },
      },
      correction: {
        initial: 'noticePending',
        on: {
          MATERIALS_SUPPLIED: {
            guard: {
              type: 'suppliesAfterNotice',
              params: ({ event }) => event.materialIds,
            },
            target: 'checking',
            actions: {
              type: 'recordSupplied',
              params: ({ event }) => event.materialIds,
            },
          },
        },
        states: {
          noticePending: {
            on: {
              '*': deemedAccepted,
              ISSUE_NOTICE: [
                deemedAccepted,
                {
                  guard: {
                    type: 'noticeComplete',
                    params: ({ event }) => event.items,
                  },
                  target: 'awaitingApplicant',
                  actions: {
                    type: 'recordNotice',
                    params: ({ event }) => ({
                      on: event.at,
                      by: event.actor.id,
                      items: event.items,
                    }),
                  },
                },
              ],
            },
          },
          awaitingApplicant: {},
        },
      },
      tolerance: {
        initial: 'offered',
        states: {
          offered: {
            on: {
              ACCEPT_TOLERANCE: {
                guard: 'allowed',
                target: 'provisional',
                actions: {
                  type: 'acceptProvisionally',
                  params: ({ event }) => ({
                    on: event.at,
                    by: event.actor.id,
                    text: event.commitment.text,
                  }),
                },
              },
              // RQ-VOLUNTARY: the ordinary route, with a correction notice.
              DECLINE_TOLERANCE: {
                guard: 'allowed',
                target: '#tolerantAcceptance.correction',
              },
            },
          },
          provisional: {
            entry: 'notifyProvisional',
            on: {
              // Any event dated after the supplement deadline settles it first.
              '*': lapse,
              SUPPLEMENT: [
                lapse,
                {
                  guard: {
                    type: 'supplementsAll',
                    params: ({ event }) => event.materialIds,
                  },
                  target: '#tolerantAcceptance.accepted',
                  actions: [
                    {
                      type: 'recordSupplement',
                      params: ({ event }) => event.materialIds,
                    },
                    'acceptTolerant',
                  ],
                },
                {
                  guard: {
                    type: 'supplements',
                    params: ({ event }) => event.materialIds,
                  },
                  actions: {
                    type: 'recordSupplement',
                    params: ({ event }) => event.materialIds,
                  },
                },
              ],
            },
          },
        },
      },
      accepted: { type: 'final', entry: 'notifyAccepted' },
      lapsed: { type: 'final' },
      withdrawn: { type: 'final' },
    },
    // Every transition into a final state sets `outcome` first.
    output: ({ context }) => context.outcome as TolerantAcceptanceOutput,
  });
  return withPlainContext(machine);
}

/** The machine type, whatever calendar it runs on. */
export type TolerantAcceptanceMachine = ReturnType<
  typeof createTolerantAcceptanceMachine
>;
export type TolerantAcceptanceSnapshot =
  SnapshotFrom<TolerantAcceptanceMachine>;

/** The tolerant acceptance machine on the national calendar. */
export const tolerantAcceptanceMachine = createTolerantAcceptanceMachine({
  calendar: createChinaCalendar(),
});

/**
 * The first date on which a `TICK` changes the machine: the day after the
 * notice window while no notice was given (deemed acceptance), or the day
 * after the supplement deadline (lapse); `null` when nothing is pending.
 */
export function nextTolerantAcceptanceWakeUp(
  snapshot: TolerantAcceptanceSnapshot,
): string | null {
  if (snapshot.status !== 'active') return null;
  const { context } = snapshot;
  if (
    snapshot.matches({ tolerance: 'provisional' }) &&
    context.supplementDue !== null
  ) {
    return addCalendarDays(context.supplementDue, 1);
  }
  const noticePending =
    snapshot.matches('checking') ||
    snapshot.matches({ correction: 'noticePending' });
  return noticePending && context.notices.length === 0
    ? addCalendarDays(context.noticeBy, 1)
    : null;
}
