import { IsoDateSchema, bilingual } from '@kuaiban/calendar';
import { z } from 'zod';
import type { CommandRoles } from './party.js';
import { TickEventSchema, eventBase } from './party.js';

const Text = z.string().trim().min(1);
const Days = z.number().int().positive();
/** A part that the machine it is handed to validates, with its own paths. */
const Part = z.record(z.string(), z.unknown());

/** Case kinds (SVC-CLASS): 即办件, 承诺件, 联办件, 上报件. */
export const CASE_KINDS = [
  'on-the-spot',
  'promised',
  'joint',
  'escalated',
] as const;

/** 好差评 grades (SVC-RATING), best first. */
export const RATING_GRADES = [
  'very-satisfied',
  'satisfied',
  'basically-satisfied',
  'dissatisfied',
  'very-dissatisfied',
] as const;
export type RatingGrade = (typeof RATING_GRADES)[number];

export const CaseLifecycleInputSchema = z
  .strictObject({
    caseId: Text,
    itemId: Text,
    kind: z.enum(CASE_KINDS),
    submittedOn: IsoDateSchema,
    applicant: z.strictObject({
      id: Text,
      seriousBadCredit: z.boolean().optional(),
      unrepairedFalseCommitment: z.boolean().optional(),
    }),
    /**
     * `standard`: materials checked, corrected or tolerated (容缺受理), as
     * the tolerant-acceptance machine takes them (`materials`, `tolerance`,
     * `noticeDays`); `commitment`: 告知承诺, as the notification-commitment
     * machine takes it, with the materials of the ordinary route beside it.
     */
    acceptance: z.discriminatedUnion('mode', [
      z.strictObject({ mode: z.literal('standard'), standard: Part }),
      z.strictObject({
        mode: z.literal('commitment'),
        commitment: Part,
        ordinaryRoute: Part,
      }),
    ]),
    /** A chain of review steps, or parallel approval (as that machine takes it, without `startedOn`). */
    review: z.discriminatedUnion('mode', [
      z.strictObject({
        mode: z.literal('chain'),
        steps: z
          .array(
            z.strictObject({
              id: Text,
              name: Text,
              nameZh: Text,
              role: z.enum([
                'reviewer',
                'department-approver',
                'lead-department',
              ]),
            }),
          )
          .min(1),
      }),
      z.strictObject({ mode: z.literal('parallel'), approval: Part }),
    ]),
    limits: z
      .strictObject({
        statutoryDays: Days,
        basis: Text,
        promisedDays: Days.optional(),
        maxExtensionDays: Days.optional(),
        warnWithin: z.number().int().nonnegative().optional(),
      })
      .refine(
        (limits) =>
          limits.promisedDays === undefined ||
          limits.promisedDays <= limits.statutoryDays,
        {
          path: ['promisedDays'],
          ...bilingual(
            'SVC-LIMITS: the promised limit may not exceed the statutory one',
            'SVC-LIMITS：承诺时限不得超过法定时限',
          ),
        },
      ),
    /** ALL-44-ISSUE-10D: the certificate within 10 working days of the decision. */
    issuanceDays: Days.max(
      10,
      bilingual(
        'ALL-44-ISSUE-10D: at most 10 working days',
        'ALL-44-ISSUE-10D：不超过 10 个工作日',
      ),
    ).default(10),
    /** SVC-RATING: working days to rectify after a bad rating (local: 5 or 15). */
    ratingRectifyDays: Days.default(5),
    handler: z.strictObject({ id: Text, backup: Text.optional() }),
    firstAsked: Text,
  })
  .superRefine((input, ctx) => {
    const joint = input.kind === 'joint';
    const parallel = input.review.mode === 'parallel';
    if (joint !== parallel) {
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        ...bilingual(
          'SVC-CLASS: a joint case (联办件) is reviewed in parallel, and a parallel review makes a joint case',
          'SVC-CLASS：联办件采用并联审批，并联审批的办件即为联办件',
        ),
      });
    }
  });
export type CaseLifecycleInput = z.input<typeof CaseLifecycleInputSchema>;
export type ParsedCaseLifecycleInput = z.output<
  typeof CaseLifecycleInputSchema
>;

/** The lifecycle's own commands; the patterns' events are passed to them. */
export const CaseLifecycleCommandSchema = z.discriminatedUnion('type', [
  TickEventSchema,
  z.strictObject({ type: z.literal('PRE_REVIEW_PASSED'), ...eventBase }),
  /** ALL-32-REFUSE: the window proposes; it cannot refuse alone (SVC-NO-VETO). */
  z.strictObject({
    type: z.literal('PROPOSE_REFUSAL'),
    ...eventBase,
    reason: Text,
    route: Text,
  }),
  z.strictObject({ type: z.literal('CONFIRM_REFUSAL'), ...eventBase }),
  z.strictObject({
    type: z.literal('OVERRULE_REFUSAL'),
    ...eventBase,
    reason: Text,
  }),
  z.strictObject({
    type: z.literal('REVIEW_OPINION'),
    ...eventBase,
    step: Text,
    opinion: z.enum(['approve', 'reject']),
    reason: Text.optional(),
  }),
  z.strictObject({ type: z.literal('APPROVE'), ...eventBase }),
  /** ALL-38-DENY: written reasons and the remedies open to the applicant. */
  z.strictObject({
    type: z.literal('DENY'),
    ...eventBase,
    reasons: z.array(Text).min(1),
    remedies: z.strictObject({
      administrativeReview: z.boolean(),
      lawsuit: z.boolean(),
    }),
  }),
  z.strictObject({
    type: z.literal('ISSUE_CERTIFICATE'),
    ...eventBase,
    certificateNo: Text,
  }),
  z.strictObject({
    type: z.literal('RATE'),
    ...eventBase,
    grade: z.enum(RATING_GRADES),
    comment: Text.optional(),
  }),
  z.strictObject({
    type: z.literal('ANSWER_RATING'),
    ...eventBase,
    answer: Text,
  }),
  z.strictObject({
    type: z.literal('RECTIFY_RATING'),
    ...eventBase,
    measures: Text,
  }),
  z.strictObject({ type: z.literal('ARCHIVE'), ...eventBase }),
  z.strictObject({ type: z.literal('WITHDRAW'), ...eventBase }),
  /** ALL-69-REVOKE: revocation of a granted permit, with its basis. */
  z.strictObject({
    type: z.literal('REVOKE_PERMIT'),
    ...eventBase,
    reason: Text,
    basis: Text,
  }),
]);
export type CaseLifecycleCommand = z.infer<typeof CaseLifecycleCommandSchema>;

export const caseLifecycleCommandRoles: CommandRoles<CaseLifecycleCommand> = {
  TICK: ['system'],
  PRE_REVIEW_PASSED: ['window-officer'],
  PROPOSE_REFUSAL: ['window-officer'],
  CONFIRM_REFUSAL: ['supervisor'],
  OVERRULE_REFUSAL: ['supervisor'],
  REVIEW_OPINION: ['reviewer', 'department-approver', 'lead-department'],
  APPROVE: ['agency-head', 'window-officer'],
  DENY: ['agency-head'],
  ISSUE_CERTIFICATE: ['window-officer'],
  RATE: ['applicant'],
  ANSWER_RATING: ['window-officer', 'supervisor'],
  RECTIFY_RATING: ['supervisor'],
  ARCHIVE: ['window-officer'],
  WITHDRAW: ['applicant'],
  REVOKE_PERMIT: ['agency-head'],
};
