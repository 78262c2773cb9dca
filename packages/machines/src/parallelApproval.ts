import { machineOptions } from './party.js';
import type { WorkCalendar } from '@kuaiban/calendar';
import { parseInput } from './trustedInput.js';
import { createChinaCalendar, createDeadlineClock } from '@kuaiban/calendar';
import type { SnapshotFrom } from 'xstate';
import type { DepartmentReviewMachine } from './departmentReview.js';
import { nextDepartmentReviewWakeUp } from './departmentReview.js';
import { jointBasis, reviewIdOf } from './parallelApprovalContext.js';
import { ParallelApprovalInputSchema } from './parallelApprovalSchemas.js';
import type { ParallelApprovalOutput } from './parallelApprovalSchemas.js';
import { jointView, parallelApprovalSetup } from './parallelApprovalSetup.js';
import { withPlainContext } from './plainContext.js';

export {
  JOINT_EXTENSION_DAYS,
  JOINT_LIMIT_DAYS,
  JoinPolicySchema,
  ParallelApprovalEventSchema,
  ParallelApprovalInputSchema,
  ParallelApprovalOutputSchema,
  RejectionModeSchema,
  parallelApprovalRoles,
} from './parallelApprovalSchemas.js';
export type {
  JoinPolicy,
  ParallelApprovalEvent,
  ParallelApprovalInput,
  ParallelApprovalOutput,
  ParallelApprovalSpec,
  RejectionMode,
} from './parallelApprovalSchemas.js';
export { joinOutcome } from './parallelApprovalJoin.js';
export { reviewIdOf } from './parallelApprovalContext.js';
export type {
  DepartmentRequest,
  MergedNotice,
  ParallelApprovalContext,
} from './parallelApprovalContext.js';

/**
 * The parallel approval (并联审批) of one accepted application: the lead
 * department (GC-LEAD) dispatches it to every department at once, each
 * reviewing as a child actor within its own limit; prerequisite results are
 * pushed to the reviews that need them; requests for materials are merged
 * into one notice (SVC-ONE-NOTICE); the join policy (会签/或签/票签) decides;
 * the joint limit is 45 working days, extendable once by 15
 * (ALL-42-JOINT-45D). Time comes only from each event's `at`.
 *
 * @example
 * const review = createActor(createParallelApprovalMachine({ calendar }), {
 *   input: {
 *     startedOn: '2025-09-01',
 *     lead: { id: 'housing', name: 'Housing and construction', nameZh: '住建局' },
 *     departments: [
 *       { id: 'planning', name: 'Planning', nameZh: '规划', limitDays: 5,
 *         onTimeout: { action: 'escalate' } },
 *       { id: 'fire', name: 'Fire protection', nameZh: '消防', limitDays: 5,
 *         dependsOn: ['planning'], onTimeout: { action: 'escalate' } },
 *     ],
 *     join: { policy: 'all' },
 *     rejection: 'short-circuit',
 *   },
 * }).start();
 */
export function createParallelApprovalMachine(options: {
  calendar: WorkCalendar;
}) {
  const { calendar } = machineOptions(options, 'parallel approval', '并联审批');
  const machine = parallelApprovalSetup(calendar).createMachine({
    id: 'parallelApproval',
    context: ({ input }) => {
      const spec = parseInput(
        ParallelApprovalInputSchema,
        input,
        'parallel approval input',
        '并联审批输入',
      );
      return {
        spec,
        today: spec.startedOn,
        joint: jointView(
          createDeadlineClock(calendar, {
            start: spec.startedOn,
            days: spec.jointLimitDays,
            basis: jointBasis(spec),
            ...(spec.jointExtensionDays > 0
              ? { maxExtensionDays: spec.jointExtensionDays }
              : {}),
          }),
        ),
        overdue: false,
        opinions: {},
        deemed: [],
        pendingRequests: [],
        notices: [],
        outcome: null,
      };
    },
    initial: 'reviewing',
    states: {
      /** The departments review at the same time; the join is evaluated after every result. */
      reviewing: {
        entry: 'dispatch',
        always: [
          { guard: 'joinApproves', target: 'approved' },
          { guard: 'joinRejects', target: 'rejected' },
        ],
        on: {
          OPINION: {
            guard: 'mayGiveOpinion',
            actions: [
              'advance',
              { type: 'forward', params: ({ event }) => event },
            ],
          },
          ESCALATION_RESOLVED: {
            guard: 'mayResolveEscalation',
            actions: [
              'advance',
              { type: 'forward', params: ({ event }) => event },
            ],
          },
          EXTEND_JOINT: {
            guard: 'mayExtend',
            actions: [
              'advance',
              {
                type: 'extendJoint',
                params: ({ event }) => ({
                  days: event.days,
                  reason: event.reason,
                  grantedOn: event.at,
                  grantedBy: event.actor.id,
                }),
              },
            ],
          },
          TICK: { guard: 'permitted', actions: ['advance', 'forwardToOpen'] },
          'xstate.done.actor.*': {
            actions: {
              type: 'recordResult',
              params: ({ event }) => event.output,
            },
          },
        },
        initial: 'running',
        states: {
          /** No request for materials is waiting for a notice. */
          running: {
            on: {
              REQUEST_SUPPLEMENT: {
                guard: 'mayRequestSupplement',
                actions: [
                  'advance',
                  { type: 'forward', params: ({ event }) => event },
                ],
              },
              'DEPARTMENT.SUPPLEMENT_REQUESTED': {
                target: 'noticePending',
                actions: {
                  type: 'collectRequest',
                  params: ({ event }) => event,
                },
              },
            },
          },
          /** Requests wait for the lead's one merged notice (SVC-ONE-NOTICE). */
          noticePending: {
            on: {
              REQUEST_SUPPLEMENT: {
                guard: 'mayRequestSupplement',
                actions: [
                  'advance',
                  { type: 'forward', params: ({ event }) => event },
                ],
              },
              'DEPARTMENT.SUPPLEMENT_REQUESTED': {
                actions: {
                  type: 'collectRequest',
                  params: ({ event }) => event,
                },
              },
              ISSUE_MERGED_NOTICE: {
                guard: 'mayIssueNotice',
                target: 'noticeIssued',
                actions: [
                  'advance',
                  {
                    type: 'issueNotice',
                    params: ({ event }) => event.actor.id,
                  },
                ],
              },
            },
          },
          /** The applicant is supplying; no new request until then. */
          noticeIssued: {
            on: {
              SUPPLEMENT_PROVIDED: {
                guard: 'permitted',
                target: 'running',
                actions: ['advance', 'resumeAsked'],
              },
            },
          },
        },
      },
      approved: {
        type: 'final',
        entry: { type: 'conclude', params: 'approved' as const },
      },
      rejected: {
        type: 'final',
        entry: { type: 'conclude', params: 'rejected' as const },
      },
    },
    // Final states are entered only through `conclude`, which sets the outcome.
    output: ({ context }): ParallelApprovalOutput => ({
      outcome: context.outcome as ParallelApprovalOutput['outcome'],
      decidedOn: context.today,
      opinions: context.opinions,
      deemed: context.deemed,
      overdue: context.overdue,
    }),
  });
  return withPlainContext(machine);
}

export type ParallelApprovalMachine = ReturnType<
  typeof createParallelApprovalMachine
>;

/** A parallel approval on the national calendar. */
export const parallelApprovalMachine =
  /* @__PURE__ */ createParallelApprovalMachine({
    calendar: createChinaCalendar(),
  });

/**
 * The next date on which a `TICK` changes something: a department's limit or
 * the joint limit runs out. `null` once decided, or when nothing is running.
 */
export function nextParallelApprovalWakeUp(
  snapshot: SnapshotFrom<ParallelApprovalMachine>,
): string | null {
  if (snapshot.status !== 'active') return null;
  const { context } = snapshot;
  const dates: string[] = [];
  if (!context.overdue && context.joint.overdueFrom !== null) {
    dates.push(context.joint.overdueFrom);
  }
  for (const { id } of context.spec.departments) {
    const child = snapshot.children[reviewIdOf(id)] as
      { getSnapshot(): SnapshotFrom<DepartmentReviewMachine> } | undefined;
    const date = child ? nextDepartmentReviewWakeUp(child.getSnapshot()) : null;
    if (date !== null) dates.push(date);
  }
  return dates.sort()[0] ?? null;
}
