import { cycleIn } from './cycleIn.js';
import { IsoDateSchema, bilingual } from '@kuaiban/calendar';
import { z } from 'zod';
import {
  EscalationResolvedEventSchema,
  OpinionEventSchema,
  OpinionSchema,
  RequestSupplementEventSchema,
  ReviewDepartmentSchema,
  SupplementProvidedEventSchema,
} from './parallelApprovalDepartment.js';
import type { CommandRoles } from './party.js';
import { TickEventSchema, eventBase } from './party.js';

const Text = z.string().trim().min(1);

/** ALL-42-JOINT-45D: joint handling takes at most 45 working days … */
export const JOINT_LIMIT_DAYS = 45;
/** … extendable once by at most 15 with the government head's approval. */
export const JOINT_EXTENSION_DAYS = 15;

/**
 * How the departments' opinions combine: 会签 (`all`), 或签 (`any`), 票签 by
 * count (`quorum`) or by weight (`weighted`, the approving share of the
 * total weight).
 */
export const JoinPolicySchema = z.discriminatedUnion('policy', [
  z.strictObject({ policy: z.literal('all') }),
  z.strictObject({ policy: z.literal('any') }),
  z.strictObject({ policy: z.literal('quorum'), k: z.number().int().min(1) }),
  z.strictObject({
    policy: z.literal('weighted'),
    threshold: z.number().gt(0).max(1),
  }),
]);
export type JoinPolicy = z.infer<typeof JoinPolicySchema>;

/**
 * Does one "no" end the review at once (`short-circuit`: as soon as the
 * outcome is certain), or are all opinions collected first (`collect-all`)?
 */
export const RejectionModeSchema = z.enum(['short-circuit', 'collect-all']);
export type RejectionMode = z.infer<typeof RejectionModeSchema>;

/**
 * Input of a parallel approval (并联审批): one accepted application, one lead
 * department (GC-LEAD) and the departments that review it at the same time.
 */
export const ParallelApprovalInputSchema = z
  .strictObject({
    /** The day the lead dispatched the application; counting starts after it. */
    startedOn: IsoDateSchema,
    lead: z.strictObject({ id: Text, name: Text, nameZh: Text }),
    departments: z.array(ReviewDepartmentSchema).min(1),
    join: JoinPolicySchema,
    rejection: RejectionModeSchema,
    jointLimitDays: z.number().int().min(1).default(JOINT_LIMIT_DAYS),
    jointExtensionDays: z.number().int().min(0).default(JOINT_EXTENSION_DAYS),
    /** The law or regulation that sets a longer joint limit or extension. */
    limitBasis: Text.optional(),
  })
  .superRefine((input, ctx) => {
    const issue = (path: PropertyKey[], message: string, zh: string) =>
      ctx.addIssue({ code: 'custom', path, ...bilingual(message, zh) });
    const ids = input.departments.map((d) => d.id);
    input.departments.forEach((department, index) => {
      if (ids.indexOf(department.id) !== index) {
        issue(
          ['departments', index, 'id'],
          `department ${department.id} is listed twice`,
          `部门 ${department.id} 重复`,
        );
      }
      department.dependsOn.forEach((needed, at) => {
        if (needed === department.id || !ids.includes(needed)) {
          issue(
            ['departments', index, 'dependsOn', at],
            `${department.id} depends on ${needed}, which is not another department of this review`,
            `${department.id} 依赖的 ${needed} 不是本次并联审批的其他部门`,
          );
        }
      });
    });
    const cycle = cycleIn(
      input.departments.map((d) => ({ id: d.id, needs: d.dependsOn })),
    );
    if (cycle.length > 0) {
      issue(
        ['departments'],
        `dependencies form a cycle: ${cycle.join(' → ')}`,
        `部门依赖关系成环：${cycle.join(' → ')}`,
      );
    }
    if (input.join.policy === 'quorum' && input.join.k > ids.length) {
      issue(
        ['join', 'k'],
        `a quorum of ${input.join.k} cannot be reached by ${ids.length} departments`,
        `${ids.length} 个部门无法达到 ${input.join.k} 票的法定票数`,
      );
    }
    if (input.limitBasis === undefined) {
      if (input.jointLimitDays > JOINT_LIMIT_DAYS) {
        issue(
          ['jointLimitDays'],
          `a joint limit above ${JOINT_LIMIT_DAYS} working days needs a limitBasis (ALL-42-JOINT-45D)`,
          `联合办理时限超过 ${JOINT_LIMIT_DAYS} 个工作日须注明法律依据 limitBasis（ALL-42-JOINT-45D）`,
        );
      }
      if (input.jointExtensionDays > JOINT_EXTENSION_DAYS) {
        issue(
          ['jointExtensionDays'],
          `a joint extension above ${JOINT_EXTENSION_DAYS} working days needs a limitBasis (ALL-42-JOINT-45D)`,
          `联合办理延长超过 ${JOINT_EXTENSION_DAYS} 个工作日须注明法律依据 limitBasis（ALL-42-JOINT-45D）`,
        );
      }
    }
  });
export type ParallelApprovalInput = z.input<typeof ParallelApprovalInputSchema>;
/** The input with its defaults applied, as kept in the context. */
export type ParallelApprovalSpec = z.output<typeof ParallelApprovalInputSchema>;

/** Every event a parallel approval accepts from outside. */
export const ParallelApprovalEventSchema = z.discriminatedUnion('type', [
  OpinionEventSchema,
  RequestSupplementEventSchema,
  /** SVC-ONE-NOTICE: the lead merges every pending request into one notice. */
  z.strictObject({ type: z.literal('ISSUE_MERGED_NOTICE'), ...eventBase }),
  SupplementProvidedEventSchema,
  /** ALL-42-JOINT-45D: once, approved by the government head. */
  z.strictObject({
    type: z.literal('EXTEND_JOINT'),
    ...eventBase,
    days: z.number().int().min(1),
    reason: Text,
  }),
  EscalationResolvedEventSchema,
  TickEventSchema,
]);
export type ParallelApprovalEvent = z.infer<typeof ParallelApprovalEventSchema>;

/** Who may send each event of a parallel approval. */
export const parallelApprovalRoles: CommandRoles<ParallelApprovalEvent> = {
  OPINION: ['department-approver'],
  REQUEST_SUPPLEMENT: ['department-approver'],
  ISSUE_MERGED_NOTICE: ['lead-department'],
  SUPPLEMENT_PROVIDED: ['applicant'],
  EXTEND_JOINT: ['agency-head'],
  ESCALATION_RESOLVED: ['supervisor'],
  TICK: ['system'],
};

/** The outcome of the joint review, the output of the machine. */
export const ParallelApprovalOutputSchema = z.strictObject({
  outcome: z.enum(['approved', 'rejected']),
  decidedOn: IsoDateSchema,
  /** Every department that decided before the review ended. */
  opinions: z.record(z.string(), OpinionSchema),
  /** Departments whose opinion was deemed on timeout (DEEM-APPROVAL). */
  deemed: z.array(z.string()),
  /** The joint limit ran out before the decision (ALL-42-JOINT-45D). */
  overdue: z.boolean(),
});
export type ParallelApprovalOutput = z.infer<
  typeof ParallelApprovalOutputSchema
>;
