import { eventGate } from './party.js';
import type { ParsedDeadlineSpec } from '@kuaiban/calendar';
import type { DoneActorEvent } from 'xstate';
import type {
  DepartmentReviewOutput,
  Opinion,
  SupplementItem,
  SupplementRequestedReport,
} from './parallelApprovalDepartment.js';
import { actsForDepartment } from './parallelApprovalDepartment.js';
import { joinOutcome } from './parallelApprovalJoin.js';
import type {
  ParallelApprovalEvent,
  ParallelApprovalOutput,
  ParallelApprovalSpec,
} from './parallelApprovalSchemas.js';
import {
  ParallelApprovalEventSchema,
  parallelApprovalRoles,
} from './parallelApprovalSchemas.js';

// The context of a parallel approval and the guards read from it.

/** A department's request for materials, waiting to go into a notice. */
export interface DepartmentRequest {
  department: string;
  requestedOn: string;
  items: SupplementItem[];
}

/** One merged notice to the applicant (一次告知, SVC-ONE-NOTICE). */
export interface MergedNotice {
  issuedOn: string;
  issuedBy: string;
  requests: DepartmentRequest[];
  /** When the applicant supplied everything; `null` while outstanding. */
  suppliedOn: string | null;
}

/** What a parallel approval keeps (JSON); the reviews are its children. */
export interface ParallelApprovalContext {
  spec: ParallelApprovalSpec;
  /** Date of the last event taken: time never runs backwards. */
  today: string;
  /** The joint limit (ALL-42-JOINT-45D), with its one extension. */
  joint: {
    deadline: ParsedDeadlineSpec;
    dueDate: string | null;
    overdueFrom: string | null;
  };
  overdue: boolean;
  opinions: Record<string, Opinion>;
  deemed: string[];
  pendingRequests: DepartmentRequest[];
  notices: MergedNotice[];
  outcome: ParallelApprovalOutput['outcome'] | null;
}

/** Events the department reviews send their parent. */
export type ParallelApprovalInternalEvent =
  SupplementRequestedReport | DoneActorEvent<DepartmentReviewOutput>;

/** The id of a department's review among the children. */
export const reviewIdOf = (department: string): string =>
  `review:${department}`;

/** The basis of the joint limit: the input's, or ALL art. 42. */
export const jointBasis = (spec: ParallelApprovalSpec): string =>
  spec.limitBasis ?? '行政许可法 art. 42 (ALL-42-JOINT-45D)';

interface GuardArgs {
  context: ParallelApprovalContext;
  event: ParallelApprovalEvent | ParallelApprovalInternalEvent;
}

/** The guards of the parallel approval machine. */
export const parallelApprovalGuards = {
  permitted: ({ context, event }: GuardArgs) => permitted(context, event),
  /** A department approver gives only its own department's opinion. */
  mayGiveOpinion: ({ context, event }: GuardArgs) =>
    permitted(context, event) &&
    event.type === 'OPINION' &&
    actsForDepartment(event) &&
    isOpen(context, event.department),
  /** SVC-ONE-NOTICE: after a notice, only about materials supplied since. */
  mayRequestSupplement: ({ context, event }: GuardArgs) =>
    permitted(context, event) &&
    event.type === 'REQUEST_SUPPLEMENT' &&
    actsForDepartment(event) &&
    isOpen(context, event.department) &&
    (context.notices.length === 0 ||
      event.items.every((item) =>
        suppliedMaterials(context).has(item.materialId),
      )),
  /** The lead department issues the notice. */
  mayIssueNotice: ({ context, event }: GuardArgs) =>
    permitted(context, event) &&
    (event.actor.department === undefined ||
      event.actor.department === context.spec.lead.id),
  /** ALL-42-JOINT-45D: once, within the limit, at most the extension. */
  mayExtend: ({ context, event }: GuardArgs) =>
    permitted(context, event) &&
    event.type === 'EXTEND_JOINT' &&
    context.joint.deadline.extension === undefined &&
    event.days <= context.spec.jointExtensionDays &&
    context.joint.dueDate !== null &&
    event.at <= context.joint.dueDate,
  mayResolveEscalation: ({ context, event }: GuardArgs) =>
    permitted(context, event) &&
    event.type === 'ESCALATION_RESOLVED' &&
    isOpen(context, event.department),
  joinApproves: ({ context }: GuardArgs) =>
    joinOutcome(context.spec, context.opinions) === 'approved',
  joinRejects: ({ context }: GuardArgs) =>
    joinOutcome(context.spec, context.opinions) === 'rejected',
};

const parallelGate = eventGate<ParallelApprovalEvent>(
  ParallelApprovalEventSchema,
  parallelApprovalRoles,
);

function permitted(
  context: ParallelApprovalContext,
  event: unknown,
): event is ParallelApprovalEvent {
  return (
    parallelGate(event as ParallelApprovalEvent) &&
    (event as ParallelApprovalEvent).at >= context.today
  );
}

/** Known, and not decided yet. */
export function isOpen(
  context: ParallelApprovalContext,
  department: string,
): boolean {
  return (
    context.spec.departments.some((d) => d.id === department) &&
    !(department in context.opinions)
  );
}

/** Materials the applicant supplied in answer to a notice. */
function suppliedMaterials(context: ParallelApprovalContext): Set<string> {
  return new Set(
    context.notices
      .filter((notice) => notice.suppliedOn !== null)
      .flatMap((notice) => notice.requests)
      .flatMap((request) => request.items.map((item) => item.materialId)),
  );
}
