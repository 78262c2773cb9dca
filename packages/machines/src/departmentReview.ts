import { machineOptions } from './party.js';
import type {
  DeadlineClock,
  DeadlineSpec,
  WorkCalendar,
} from '@kuaiban/calendar';
import { parseInput } from './trustedInput.js';
import {
  createChinaCalendar,
  createDeadlineClock,
  withFields,
} from '@kuaiban/calendar';
import type { SnapshotFrom } from 'xstate';
import { assign, enqueueActions, setup } from 'xstate';
import type {
  Decision,
  DepartmentReviewContext,
  DepartmentReviewEvent,
  DepartmentReviewInput,
  DepartmentReviewOutput,
  Opinion,
  SupplementItem,
  SupplementRequestedReport,
} from './parallelApprovalDepartment.js';
import {
  DepartmentReviewInputSchema,
  SUPPLEMENT_PAUSE,
  decisionOf,
  deemedDecision,
  departmentReviewGuards,
} from './parallelApprovalDepartment.js';
import { withPlainContext } from './plainContext.js';

export {
  DepartmentReviewEventSchema,
  DepartmentReviewInputSchema,
  DepartmentReviewOutputSchema,
  EscalationResolvedEventSchema,
  OpinionEventSchema,
  OpinionSchema,
  PrerequisiteResultEventSchema,
  RequestSupplementEventSchema,
  ReviewDepartmentSchema,
  SUPPLEMENT_PAUSE,
  SupplementItemSchema,
  SupplementProvidedEventSchema,
  TimeoutActionSchema,
  departmentReviewRoles,
} from './parallelApprovalDepartment.js';
export type {
  DepartmentReviewContext,
  DepartmentReviewEvent,
  DepartmentReviewInput,
  DepartmentReviewOutput,
  Opinion,
  ReviewDepartment,
  SupplementItem,
  SupplementRequestedReport,
  TimeoutAction,
} from './parallelApprovalDepartment.js';

/**
 * The state machine of one department's review inside a parallel approval
 * (并联审批的部门审查): it waits for its prerequisites' results, reviews
 * within its own limit (paused while materials are supplemented), and on
 * timeout escalates or records a deemed opinion with its basis.
 *
 * @example
 * const review = createActor(createDepartmentReviewMachine({ calendar }), {
 *   input: {
 *     department: { id: 'fire', name: 'Fire protection', nameZh: '消防',
 *       limitDays: 5, onTimeout: { action: 'escalate' } },
 *     dispatchedOn: '2025-09-01',
 *   },
 * }).start();
 */
export function createDepartmentReviewMachine(options: {
  calendar: WorkCalendar;
}) {
  const { calendar } = machineOptions(options, 'department review', '部门审查');
  // Only a started review pauses or resumes; a missing clock would fail
  // createDeadlineClock's own validation (INVALID_DEADLINE).
  const clockOf = (deadline: DeadlineSpec | null) =>
    createDeadlineClock(calendar, deadline as DeadlineSpec);
  const withClock = (clock: DeadlineClock) => ({
    deadline: clock.spec,
    dueDate: clock.dueDate,
    overdueFrom: clock.overdueFrom,
  });
  const machine = setup({
    types: {
      input: {} as DepartmentReviewInput,
      context: {} as DepartmentReviewContext,
      events: {} as DepartmentReviewEvent,
      output: {} as DepartmentReviewOutput,
    },
    guards: departmentReviewGuards,
    actions: {
      advance: assign({ today: ({ event }) => event.at }),
      notePrerequisite: assign({
        prerequisites: (
          { context },
          result: { id: string; opinion: Opinion },
        ) => withFields(context.prerequisites, { [result.id]: result.opinion }),
      }),
      startClock: assign(({ context }) =>
        withClock(
          clockOf({
            start: context.today,
            days: context.department.limitDays,
          }),
        ),
      ),
      pause: assign(
        ({ context }, request: { at: string; items: SupplementItem[] }) => ({
          ...withClock(
            clockOf(context.deadline).pause(request.at, SUPPLEMENT_PAUSE),
          ),
          requests: [
            ...context.requests,
            { requestedOn: request.at, items: request.items, resumedOn: null },
          ],
        }),
      ),
      reportRequest: enqueueActions(
        (
          { enqueue, self, context },
          request: { at: string; items: SupplementItem[] },
        ) => {
          if (!self._parent) return;
          const report: SupplementRequestedReport = {
            type: 'DEPARTMENT.SUPPLEMENT_REQUESTED',
            department: context.department.id,
            items: request.items,
            at: request.at,
          };
          enqueue.sendParent(report);
        },
      ),
      resume: assign(({ context, event }) => ({
        ...withClock(clockOf(context.deadline).resume(event.at)),
        requests: context.requests.map((r) =>
          r.resumedOn === null ? { ...r, resumedOn: event.at } : r,
        ),
      })),
      escalate: assign({ escalatedOn: ({ event }) => event.at }),
      decide: assign({
        decision: (_, decision: Decision | null) => decision,
      }),
    },
  }).createMachine({
    id: 'departmentReview',
    context: ({ input }) => {
      const parsed = parseInput(
        DepartmentReviewInputSchema,
        input,
        'department review input',
        '部门审查输入',
      );
      return {
        department: parsed.department,
        dispatchedOn: parsed.dispatchedOn,
        today: parsed.dispatchedOn,
        prerequisites: {},
        deadline: null,
        dueDate: null,
        overdueFrom: null,
        requests: [],
        escalatedOn: null,
        decision: null,
      };
    },
    // Time moves on in every state; `reviewing` may time out first.
    on: { TICK: { guard: 'permitted', actions: 'advance' } },
    initial: 'waiting',
    states: {
      /** Waiting for the prerequisites' results (GC-LEAD); no clock yet. */
      waiting: {
        always: {
          guard: 'prerequisitesIn',
          target: 'reviewing',
          actions: 'startClock',
        },
        on: {
          PREREQUISITE_RESULT: {
            guard: 'isAwaitedPrerequisite',
            actions: [
              'advance',
              {
                type: 'notePrerequisite',
                params: ({ event }) => ({
                  id: event.prerequisite,
                  opinion: event.opinion,
                }),
              },
            ],
          },
        },
      },
      reviewing: {
        on: {
          OPINION: {
            guard: 'mayGiveOpinion',
            target: 'decided',
            actions: [
              'advance',
              {
                type: 'decide',
                params: ({ event }) => decisionOf(event, event.reason ?? null),
              },
            ],
          },
          REQUEST_SUPPLEMENT: {
            guard: 'mayRequestSupplement',
            target: 'awaitingSupplement',
            actions: [
              'advance',
              { type: 'pause', params: ({ event }) => event },
              { type: 'reportRequest', params: ({ event }) => event },
            ],
          },
          TICK: [
            {
              guard: 'deemsOnTimeout',
              target: 'decided',
              actions: [
                'advance',
                {
                  type: 'decide',
                  params: ({ context, event }) =>
                    deemedDecision(context.department.onTimeout, event),
                },
              ],
            },
            {
              guard: 'escalatesOnTimeout',
              target: 'escalated',
              actions: ['advance', 'escalate'],
            },
          ],
        },
      },
      /** The clock is paused until the applicant supplies (补正). */
      awaitingSupplement: {
        on: {
          SUPPLEMENT_PROVIDED: {
            guard: 'permitted',
            target: 'reviewing',
            actions: ['advance', 'resume'],
          },
        },
      },
      /** Timed out; a supervisor decides for the department. */
      escalated: {
        on: {
          ESCALATION_RESOLVED: {
            guard: 'mayResolveEscalation',
            target: 'decided',
            actions: [
              'advance',
              {
                type: 'decide',
                params: ({ event }) => decisionOf(event, null),
              },
            ],
          },
        },
      },
      decided: { type: 'final' },
    },
    output: ({ context }): DepartmentReviewOutput => {
      // `decided` is only entered with a decision.
      const { opinion, deemed, decidedOn } = context.decision as Decision;
      return { department: context.department.id, opinion, deemed, decidedOn };
    },
  });
  return withPlainContext(machine);
}

export type DepartmentReviewMachine = ReturnType<
  typeof createDepartmentReviewMachine
>;

/** A department review on the national calendar. */
export const departmentReviewMachine =
  /* @__PURE__ */ createDepartmentReviewMachine({
    calendar: createChinaCalendar(),
  });

/**
 * The date on which a `TICK` would time the department out, or `null` when
 * no clock is running (waiting, paused, escalated, decided).
 */
export function nextDepartmentReviewWakeUp(
  snapshot: SnapshotFrom<DepartmentReviewMachine>,
): string | null {
  return snapshot.status === 'active' && snapshot.value === 'reviewing'
    ? snapshot.context.overdueFrom
    : null;
}
