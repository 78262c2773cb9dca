import { checkedEvent, trustedInput } from './trustedInput.js';
import type {
  DeadlineClock,
  DeadlineExtension,
  WorkCalendar,
} from '@kuaiban/calendar';
import { createDeadlineClock, withFields } from '@kuaiban/calendar';
import { assign, enqueueActions, sendTo, setup } from 'xstate';
import { createDepartmentReviewMachine } from './departmentReview.js';
import type {
  ParallelApprovalContext,
  ParallelApprovalInternalEvent,
} from './parallelApprovalContext.js';
import {
  isOpen,
  parallelApprovalGuards,
  reviewIdOf,
} from './parallelApprovalContext.js';
import type {
  DepartmentReviewOutput,
  SupplementRequestedReport,
} from './parallelApprovalDepartment.js';
import type {
  ParallelApprovalEvent,
  ParallelApprovalInput,
  ParallelApprovalOutput,
} from './parallelApprovalSchemas.js';

/** The joint limit's due dates, read from its clock. */
export const jointView = (clock: DeadlineClock) => ({
  deadline: clock.spec,
  dueDate: clock.dueDate,
  overdueFrom: clock.overdueFrom,
});

/**
 * Types, child logic, guards and actions of the parallel approval machine
 * on `calendar`; the graph itself is in `parallelApproval.ts`.
 */
export function parallelApprovalSetup(calendar: WorkCalendar) {
  return setup({
    types: {
      input: {} as ParallelApprovalInput,
      context: {} as ParallelApprovalContext,
      events: {} as ParallelApprovalEvent | ParallelApprovalInternalEvent,
      output: {} as ParallelApprovalOutput,
    },
    actors: {
      departmentReview: createDepartmentReviewMachine({ calendar }),
    },
    guards: parallelApprovalGuards,
    actions: {
      advance: assign(({ context, event }) => {
        // Reports of the reviews carry no date of their own: today stays.
        const { at } = { at: context.today, ...event };
        const { dueDate } = context.joint;
        return {
          today: at,
          overdue: context.overdue || (dueDate !== null && at > dueDate),
        };
      }),
      dispatch: enqueueActions(({ context, enqueue }) => {
        for (const department of context.spec.departments) {
          enqueue.spawnChild('departmentReview', {
            id: reviewIdOf(department.id),
            // Both parts were parsed with the approval's input.
            input: trustedInput({
              department,
              dispatchedOn: context.spec.startedOn,
            }),
          });
        }
      }),
      // The events passed on were admitted by the approval's gate, with the
      // schemas a department review checks them with.
      forward: sendTo(
        (_, event: ParallelApprovalEvent & { department: string }) =>
          reviewIdOf(event.department),
        (_, event: ParallelApprovalEvent & { department: string }) =>
          checkedEvent(event),
      ),
      forwardToOpen: enqueueActions(({ context, enqueue, event }) => {
        const checked = checkedEvent(event);
        for (const { id } of context.spec.departments) {
          if (isOpen(context, id)) enqueue.sendTo(reviewIdOf(id), checked);
        }
      }),
      collectRequest: assign({
        pendingRequests: ({ context }, report: SupplementRequestedReport) => [
          ...context.pendingRequests,
          {
            department: report.department,
            requestedOn: report.at,
            items: report.items,
          },
        ],
      }),
      issueNotice: assign(({ context }, issuedBy: string) => ({
        notices: [
          ...context.notices,
          {
            issuedOn: context.today,
            issuedBy,
            requests: context.pendingRequests,
            suppliedOn: null,
          },
        ],
        pendingRequests: [],
      })),
      /** The departments that asked resume; the notice is answered. */
      resumeAsked: enqueueActions(({ context, enqueue, event }) => {
        const last = context.notices.length - 1;
        const checked = checkedEvent(event);
        for (const { requests } of context.notices.slice(last)) {
          for (const { department } of requests) {
            enqueue.sendTo(reviewIdOf(department), checked);
          }
        }
        enqueue.assign({
          notices: context.notices.map((n, index) =>
            index === last ? { ...n, suppliedOn: context.today } : n,
          ),
        });
      }),
      extendJoint: assign({
        joint: ({ context }, extension: DeadlineExtension) =>
          jointView(
            createDeadlineClock(calendar, context.joint.deadline).extend(
              extension,
            ),
          ),
      }),
      /** Records a result and pushes it to the reviews that need it (GC-LEAD). */
      recordResult: enqueueActions(
        ({ context, enqueue }, result: DepartmentReviewOutput) => {
          enqueue.stopChild(reviewIdOf(result.department));
          enqueue.assign({
            opinions: withFields(context.opinions, {
              [result.department]: result.opinion,
            }),
            deemed: result.deemed
              ? [...context.deemed, result.department]
              : context.deemed,
          });
          const { lead } = context.spec;
          const dependents = context.spec.departments.filter(
            (d) =>
              d.dependsOn.includes(result.department) && isOpen(context, d.id),
          );
          for (const { id } of dependents) {
            enqueue.sendTo(reviewIdOf(id), {
              type: 'PREREQUISITE_RESULT',
              prerequisite: result.department,
              opinion: result.opinion,
              at: result.decidedOn,
              actor: {
                id: lead.id,
                role: 'lead-department',
                department: lead.id,
              },
            });
          }
        },
      ),
      conclude: enqueueActions(
        (
          { context, enqueue, self },
          outcome: ParallelApprovalOutput['outcome'],
        ) => {
          enqueue.assign({ outcome });
          for (const { id } of context.spec.departments) {
            if (isOpen(context, id)) enqueue.stopChild(reviewIdOf(id));
          }
          if (self._parent) {
            enqueue.sendParent({ type: 'PARALLEL.DONE', outcome });
          }
        },
      ),
    },
  });
}
