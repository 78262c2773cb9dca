import { parseWith, withFields } from '@kuaiban/calendar';
import type { z } from 'zod';
import type {
  ParsedCaseLifecycleInput,
  RatingGrade,
} from './caseLifecycleSchemas.js';
import type { CaseLifecycleOutput } from './caseLifecycle.js';
import type { DeadlineClockOutput } from './deadlineClock.js';
import { NotificationCommitmentInputSchema } from './notificationCommitment.js';
import { ParallelApprovalInputSchema } from './parallelApproval.js';
import { TolerantAcceptanceInputSchema } from './tolerantAcceptance.js';

/** The child actors a case may run, by id. */
export type ChildId = 'acceptance' | 'commitment' | 'parallel' | 'clock';

const ROUTES: Readonly<Record<string, ChildId>> = {
  MATERIALS_CHECKED: 'acceptance',
  ISSUE_NOTICE: 'acceptance',
  MATERIALS_SUPPLIED: 'acceptance',
  ACCEPT_TOLERANCE: 'acceptance',
  DECLINE_TOLERANCE: 'acceptance',
  SUPPLEMENT: 'acceptance',
  GIVE_NOTICE: 'commitment',
  CHOOSE_COMMITMENT: 'commitment',
  DECLINE_COMMITMENT: 'commitment',
  SIGN_COMMITMENT: 'commitment',
  DECIDE: 'commitment',
  VERIFY: 'commitment',
  RECTIFIED: 'commitment',
  REVOKE: 'commitment',
  OPINION: 'parallel',
  REQUEST_SUPPLEMENT: 'parallel',
  ISSUE_MERGED_NOTICE: 'parallel',
  SUPPLEMENT_PROVIDED: 'parallel',
  EXTEND_JOINT: 'parallel',
  ESCALATION_RESOLVED: 'parallel',
  PAUSE: 'clock',
  RESUME: 'clock',
  EXTEND: 'clock',
  HANDLER_ABSENT: 'clock',
  REASSIGN: 'clock',
};

/** Which child a command is for, if it is one of the patterns' commands. */
export function childOf(eventType: string): ChildId | undefined {
  return ROUTES[eventType];
}

/** The event types passed on to the patterns. */
export const forwardedEventTypes = Object.keys(ROUTES);

export interface CaseLifecycleContext {
  readonly input: ParsedCaseLifecycleInput;
  /** Parsed inputs of the patterns; dates are set when they start. */
  readonly childInputs: {
    readonly standard: Record<string, unknown>;
    readonly commitment: Record<string, unknown> | null;
    readonly parallel: Record<string, unknown> | null;
  };
  readonly acceptanceMode: 'standard' | 'commitment';
  readonly children: readonly ChildId[];
  readonly asOf: string;
  readonly acceptedOn: string | null;
  readonly refusal: { readonly reason: string; readonly route: string } | null;
  readonly refusalConfirmedBy: string | null;
  /** SVC-NO-VETO: refusals proposed and overruled stay on record. */
  readonly overruledRefusals: readonly {
    readonly reason: string;
    readonly route: string;
    readonly overruledBy: string;
    readonly because: string;
    readonly on: string;
  }[];
  readonly stepIndex: number;
  readonly recommendation: 'approve' | 'deny' | null;
  readonly decision: {
    readonly outcome: 'approved' | 'denied';
    readonly on: string;
    readonly by: string;
    readonly reasons?: readonly string[];
    /** The head approved against the review's advice (on record). */
    readonly againstRecommendation: boolean;
  } | null;
  readonly issueDue: string | null;
  readonly certificate: {
    readonly number: string;
    readonly issuedOn: string;
    readonly onTime: boolean;
  } | null;
  readonly rating: {
    readonly grade: RatingGrade;
    readonly ratedOn: string;
    readonly answerDue?: string;
    readonly rectifyDue?: string;
    readonly answeredOn?: string;
    readonly rectifiedOn?: string;
  } | null;
  readonly warnedOn: string | null;
  readonly escalatedOn: string | null;
  readonly clock: DeadlineClockOutput | null;
  readonly lapse: {
    readonly consequence: string;
    readonly creditRecord: boolean;
  } | null;
  readonly revocation: { readonly on: string; readonly cause: string } | null;
  /** How the case ended, for the output of its final state. */
  readonly closed: CaseLifecycleOutput | null;
}

function validated<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what: string,
  whatZh: string,
): Record<string, unknown> {
  return parseWith(schema, value, {
    code: 'INVALID_ARGUMENT',
    what,
    whatZh,
  }) as Record<string, unknown>;
}

/**
 * The first context of a case. The patterns' inputs are checked now, so that
 * a bad design fails at submission and not weeks later in review.
 */
export function initialContext(
  input: ParsedCaseLifecycleInput,
): CaseLifecycleContext {
  const { acceptance, review, applicant, submittedOn } = input;
  const promisedDays = input.limits.promisedDays ?? input.limits.statutoryDays;
  const standardPart =
    acceptance.mode === 'standard'
      ? acceptance.standard
      : acceptance.ordinaryRoute;
  const standard = validated(
    TolerantAcceptanceInputSchema,
    withFields(standardPart, {
      promisedDays,
      applicant,
      receivedOn: submittedOn,
    }),
    'acceptance (standard)',
    '受理（标准）',
  );
  const commitment =
    acceptance.mode === 'commitment'
      ? validated(
          NotificationCommitmentInputSchema,
          withFields(acceptance.commitment, { applicant }),
          'acceptance (commitment)',
          '受理（告知承诺）',
        )
      : null;
  const parallel =
    review.mode === 'parallel'
      ? validated(
          ParallelApprovalInputSchema,
          withFields(review.approval, { startedOn: submittedOn }),
          'parallel approval',
          '并联审批',
        )
      : null;
  const context: CaseLifecycleContext = {
    input,
    childInputs: { standard, commitment, parallel },
    acceptanceMode: acceptance.mode,
    children: [],
    asOf: submittedOn,
    acceptedOn: null,
    refusal: null,
    refusalConfirmedBy: null,
    overruledRefusals: [],
    stepIndex: 0,
    recommendation: null,
    decision: null,
    issueDue: null,
    certificate: null,
    rating: null,
    warnedOn: null,
    escalatedOn: null,
    clock: null,
    lapse: null,
    revocation: null,
    closed: null,
  };
  // A spread copy: V8 keeps it, and the copy xstate makes of it on every
  // assign, in fast mode; the copies of an object literal this wide fall into
  // dictionary mode, where each assign costs many times more.
  return { ...context };
}
