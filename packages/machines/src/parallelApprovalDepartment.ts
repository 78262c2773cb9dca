import type { DeadlineSpec } from '@kuaiban/calendar';
import { IsoDateSchema } from '@kuaiban/calendar';
import { z } from 'zod';
import type { CommandRoles, Party } from './party.js';
import { TickEventSchema, eventBase, eventGate } from './party.js';

// The department side of a parallel approval: its schemas, and the rules its
// review machine and the parallel machine share.

const Text = z.string().trim().min(1);

/** A department's answer: 同意 or 不同意. */
export const OpinionSchema = z.enum(['approve', 'reject']);
export type Opinion = z.infer<typeof OpinionSchema>;

/**
 * What happens when a department lets its limit run out: escalate to a
 * supervisor, or a deemed opinion (默认同意/不同意) that needs a cited legal
 * basis (DEEM-APPROVAL).
 */
export const TimeoutActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('escalate') }),
  z.strictObject({
    action: z.literal('deem'),
    opinion: OpinionSchema,
    basis: Text,
  }),
]);
export type TimeoutAction = z.infer<typeof TimeoutActionSchema>;

/** One department taking part in a parallel approval (GC-LEAD). */
export const ReviewDepartmentSchema = z.strictObject({
  id: Text,
  name: Text,
  nameZh: Text,
  /** The department's own limit in working days. */
  limitDays: z.number().int().min(1),
  /** Its vote in a weighted join (票签). */
  weight: z.number().positive().default(1),
  /** Departments whose result this review needs first. */
  dependsOn: z.array(Text).default([]),
  onTimeout: TimeoutActionSchema,
});
export type ReviewDepartment = z.output<typeof ReviewDepartmentSchema>;

/** Input of one department review: the department and the dispatch date. */
export const DepartmentReviewInputSchema = z.strictObject({
  department: ReviewDepartmentSchema,
  dispatchedOn: IsoDateSchema,
});
export type DepartmentReviewInput = z.input<typeof DepartmentReviewInputSchema>;

/** One material to supply again, and what is wrong with it. */
export const SupplementItemSchema = z.strictObject({
  materialId: Text,
  problem: Text,
});
export type SupplementItem = z.infer<typeof SupplementItemSchema>;

/** `OPINION`: a department approver gives its own department's opinion. */
export const OpinionEventSchema = z.strictObject({
  type: z.literal('OPINION'),
  ...eventBase,
  department: Text,
  opinion: OpinionSchema,
  reason: Text.optional(),
});

/** `REQUEST_SUPPLEMENT`: the department pauses until materials arrive. */
export const RequestSupplementEventSchema = z.strictObject({
  type: z.literal('REQUEST_SUPPLEMENT'),
  ...eventBase,
  department: Text,
  items: z.array(SupplementItemSchema).min(1),
});

/** `SUPPLEMENT_PROVIDED`: the applicant supplied what was asked. */
export const SupplementProvidedEventSchema = z.strictObject({
  type: z.literal('SUPPLEMENT_PROVIDED'),
  ...eventBase,
});

/** `ESCALATION_RESOLVED`: a supervisor decides for an escalated department. */
export const EscalationResolvedEventSchema = z.strictObject({
  type: z.literal('ESCALATION_RESOLVED'),
  ...eventBase,
  department: Text,
  opinion: OpinionSchema,
});

/** `PREREQUISITE_RESULT`: the lead pushes a prerequisite's result (GC-LEAD). */
export const PrerequisiteResultEventSchema = z.strictObject({
  type: z.literal('PREREQUISITE_RESULT'),
  ...eventBase,
  prerequisite: Text,
  opinion: OpinionSchema,
});

/** Every event a department review accepts. */
export const DepartmentReviewEventSchema = z.discriminatedUnion('type', [
  OpinionEventSchema,
  RequestSupplementEventSchema,
  SupplementProvidedEventSchema,
  EscalationResolvedEventSchema,
  PrerequisiteResultEventSchema,
  TickEventSchema,
]);
export type DepartmentReviewEvent = z.infer<typeof DepartmentReviewEventSchema>;

/** Who may send each event to a department review. */
export const departmentReviewRoles: CommandRoles<DepartmentReviewEvent> = {
  OPINION: ['department-approver'],
  REQUEST_SUPPLEMENT: ['department-approver'],
  SUPPLEMENT_PROVIDED: ['applicant'],
  ESCALATION_RESOLVED: ['supervisor'],
  PREREQUISITE_RESULT: ['lead-department'],
  TICK: ['system'],
};

/** The decided opinion, the output of a department review. */
export const DepartmentReviewOutputSchema = z.strictObject({
  department: Text,
  opinion: OpinionSchema,
  /** True when the opinion was deemed on timeout (DEEM-APPROVAL). */
  deemed: z.boolean(),
  decidedOn: IsoDateSchema,
});
export type DepartmentReviewOutput = z.infer<
  typeof DepartmentReviewOutputSchema
>;

/** The report a department sends its parent when it asks for materials. */
export interface SupplementRequestedReport {
  type: 'DEPARTMENT.SUPPLEMENT_REQUESTED';
  department: string;
  items: SupplementItem[];
  at: string;
}

/**
 * The pause while the applicant supplies materials (补正). It is not one of
 * the ALL art. 45 reasons, so it names its own basis (TIME-EXCLUDED).
 */
export const SUPPLEMENT_PAUSE = {
  reason: 'custom',
  label: 'Supplement',
  labelZh: '补正',
  basis:
    '行政许可法 art. 32 补正告知; 补正期间不计入部门审查时限 (TIME-EXCLUDED, SVC-ONE-NOTICE)',
} as const;

/** What a department review keeps (JSON): its clock, requests and decision. */
export interface DepartmentReviewContext {
  department: ReviewDepartment;
  dispatchedOn: string;
  /** Date of the last event taken: time never runs backwards. */
  today: string;
  /** Prerequisite results pushed by the lead (GC-LEAD). */
  prerequisites: Record<string, Opinion>;
  /** The department's clock, once its review has started. */
  deadline: DeadlineSpec | null;
  dueDate: string | null;
  overdueFrom: string | null;
  requests: {
    requestedOn: string;
    items: SupplementItem[];
    resumedOn: string | null;
  }[];
  escalatedOn: string | null;
  decision: {
    opinion: Opinion;
    deemed: boolean;
    decidedOn: string;
    decidedBy: string;
    reason: string | null;
  } | null;
}

/** True when the actor is a member of the department the event is about. */
export function actsForDepartment(event: {
  actor: Party;
  department: string;
}): boolean {
  return event.actor.department === event.department;
}

const departmentGate = eventGate<DepartmentReviewEvent>(
  DepartmentReviewEventSchema,
  departmentReviewRoles,
);

function departmentPermits(
  context: DepartmentReviewContext,
  event: DepartmentReviewEvent,
): boolean {
  return departmentGate(event) && event.at >= context.today;
}

function ownDepartment(
  context: DepartmentReviewContext,
  event: DepartmentReviewEvent,
): boolean {
  return (
    'department' in event &&
    event.department === context.department.id &&
    actsForDepartment(event)
  );
}

/** A `TICK` after the due date while reviewing (the clock is not paused). */
function timedOut(
  context: DepartmentReviewContext,
  event: DepartmentReviewEvent,
): boolean {
  return (
    departmentPermits(context, event) &&
    context.dueDate !== null &&
    event.at > context.dueDate
  );
}

/** A department's decision with who gave it and why. */
export type Decision = NonNullable<DepartmentReviewContext['decision']>;

/** A decision given by `event`'s actor on its date. */
export function decisionOf(
  event: { opinion: Opinion; at: string; actor: Party },
  reason: string | null,
): Decision {
  return {
    opinion: event.opinion,
    deemed: false,
    decidedOn: event.at,
    decidedBy: event.actor.id,
    reason,
  };
}

/**
 * The deemed decision a timeout stands for, with its basis, or `null` when
 * the department escalates instead (DEEM-APPROVAL).
 */
export function deemedDecision(
  onTimeout: TimeoutAction,
  tick: { at: string; actor: Party },
): Decision | null {
  return onTimeout.action === 'deem'
    ? {
        opinion: onTimeout.opinion,
        deemed: true,
        decidedOn: tick.at,
        decidedBy: tick.actor.id,
        reason: onTimeout.basis,
      }
    : null;
}

interface GuardArgs {
  context: DepartmentReviewContext;
  event: DepartmentReviewEvent;
}

/** The guards of the department review machine. */
export const departmentReviewGuards = {
  permitted: ({ context, event }: GuardArgs) =>
    departmentPermits(context, event),
  isAwaitedPrerequisite: ({ context, event }: GuardArgs) =>
    departmentPermits(context, event) &&
    event.type === 'PREREQUISITE_RESULT' &&
    context.department.dependsOn.includes(event.prerequisite) &&
    !(event.prerequisite in context.prerequisites),
  prerequisitesIn: ({ context }: GuardArgs) =>
    context.department.dependsOn.every((id) => id in context.prerequisites),
  /** Only a member of this department gives its opinion. */
  mayGiveOpinion: ({ context, event }: GuardArgs) =>
    departmentPermits(context, event) && ownDepartment(context, event),
  /** A pause begins inside the period and after the last resumption. */
  mayRequestSupplement: ({ context, event }: GuardArgs) =>
    departmentPermits(context, event) &&
    ownDepartment(context, event) &&
    context.dueDate !== null &&
    event.at < context.dueDate &&
    context.requests.every(
      (r) => r.resumedOn !== null && event.at > r.resumedOn,
    ),
  mayResolveEscalation: ({ context, event }: GuardArgs) =>
    departmentPermits(context, event) &&
    'department' in event &&
    event.department === context.department.id,
  deemsOnTimeout: ({ context, event }: GuardArgs) =>
    timedOut(context, event) &&
    deemedDecision(context.department.onTimeout, event) !== null,
  escalatesOnTimeout: ({ context, event }: GuardArgs) =>
    timedOut(context, event),
};
