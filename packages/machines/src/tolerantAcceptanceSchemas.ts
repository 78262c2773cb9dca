import { IsoDateSchema, bilingual } from '@kuaiban/calendar';
import { z } from 'zod';
import type { CommandRoles } from './party.js';
import { TickEventSchema, eventBase } from './party.js';

const text = z
  .string()
  .trim()
  .min(1, bilingual('Must not be empty', '不能为空'));

const days = z
  .number()
  .int(bilingual('Expected whole working days', '应为整数个工作日'))
  .min(1, bilingual('Expected at least 1 working day', '至少 1 个工作日'));

/** What follows a late or missing supplement (RQ-FAIL), set per jurisdiction. */
export const LateConsequenceSchema = z.enum([
  'revoke-acceptance',
  'deemed-withdrawn',
  'refuse',
  'terminate',
]);
export type LateConsequence = z.infer<typeof LateConsequenceSchema>;

/** One material of the item's list: primary (主要材料) or secondary (次要材料). */
export const MaterialSchema = z.strictObject({
  id: text,
  name: text,
  nameZh: text,
  primary: z.boolean(),
  /** Published as one that may be missing at acceptance (RQ-COND). */
  tolerable: z.boolean(),
});
export type Material = z.infer<typeof MaterialSchema>;

/** The item's tolerant-acceptance (容缺受理) rule; absent when not offered. */
export const ToleranceSchema = z.strictObject({
  /** Working days to supply the missing materials (RQ-DEADLINE). */
  supplementDays: days,
  onLate: LateConsequenceSchema,
  /** A credit record follows a late supplement (RQ-FAIL). */
  creditRecord: z.boolean(),
  /** The local rule that sets the deadline and the consequence. */
  basis: text,
});

const inputShape = {
  /** Materials received: the ALL-32 notice window starts the next day. */
  receivedOn: IsoDateSchema,
  materials: z
    .array(MaterialSchema)
    .min(1, bilingual('Expected at least one material', '至少应有一项材料')),
  tolerance: ToleranceSchema.optional(),
  /** The item's promised limit (承诺时限), in working days. */
  promisedDays: days,
  /** ALL-32-NOTICE-5D: working days to tell the applicant what is missing. */
  noticeDays: days.default(5),
  applicant: z.strictObject({
    id: text,
    /** A serious bad-credit record (严重失信, RQ-CREDIT). */
    seriousBadCredit: z.boolean().optional(),
    /** An earlier false commitment not yet repaired (RQ-CREDIT). */
    unrepairedFalseCommitment: z.boolean().optional(),
  }),
};

/** What a tolerant acceptance machine is started with. */
export const TolerantAcceptanceInputSchema = z
  .strictObject(inputShape)
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.materials.forEach((material, index) => {
      if (seen.has(material.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['materials', index, 'id'],
          ...bilingual(
            `material id "${material.id}" is used twice`,
            `材料编号“${material.id}”重复`,
          ),
        });
      }
      seen.add(material.id);
      if (material.primary && material.tolerable) {
        ctx.addIssue({
          code: 'custom',
          path: ['materials', index, 'tolerable'],
          ...bilingual(
            'a primary material may not be missing at acceptance (RQ-COND)',
            '主要材料不得容缺（RQ-COND）',
          ),
        });
      }
    });
    if (
      input.tolerance &&
      input.tolerance.supplementDays > input.promisedDays
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['tolerance', 'supplementDays'],
        ...bilingual(
          `the supplement deadline (${input.tolerance.supplementDays} working days) may not exceed the promised limit (${input.promisedDays}) (RQ-DEADLINE)`,
          `补正期限（${input.tolerance.supplementDays} 个工作日）不得超过承诺时限（${input.promisedDays} 个工作日）（RQ-DEADLINE）`,
        ),
      });
    }
  });
export type TolerantAcceptanceInput = z.input<
  typeof TolerantAcceptanceInputSchema
>;

/** The window officer's finding on one material. */
export const FindingSchema = z.strictObject({
  materialId: text,
  status: z.enum(['complete', 'missing', 'defective']),
  note: z.string().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** One line of a correction notice (补正告知): which material, what is wrong. */
export const NoticeItemSchema = z.strictObject({
  materialId: text,
  problem: text,
});
export type NoticeItem = z.infer<typeof NoticeItemSchema>;

const materialIds = z
  .array(text)
  .min(1, bilingual('Expected at least one material', '至少应有一项材料'));

/** Every event the machine understands; each says who acts and on which date. */
export const TolerantAcceptanceEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('MATERIALS_CHECKED'),
    ...eventBase,
    findings: z.array(FindingSchema),
  }),
  z.strictObject({
    type: z.literal('ISSUE_NOTICE'),
    ...eventBase,
    items: z.array(NoticeItemSchema),
  }),
  z.strictObject({
    type: z.literal('MATERIALS_SUPPLIED'),
    ...eventBase,
    materialIds,
  }),
  z.strictObject({
    type: z.literal('ACCEPT_TOLERANCE'),
    ...eventBase,
    /** The written commitment the applicant signs (RQ-COMMIT). */
    commitment: z.strictObject({ text }),
  }),
  z.strictObject({ type: z.literal('DECLINE_TOLERANCE'), ...eventBase }),
  z.strictObject({
    type: z.literal('SUPPLEMENT'),
    ...eventBase,
    materialIds,
  }),
  z.strictObject({ type: z.literal('WITHDRAW'), ...eventBase }),
  TickEventSchema,
]);
export type TolerantAcceptanceEvent = z.infer<
  typeof TolerantAcceptanceEventSchema
>;

/** Who may send each event (guards ignore everyone else). */
export const tolerantAcceptanceRoles: CommandRoles<TolerantAcceptanceEvent> = {
  MATERIALS_CHECKED: ['window-officer'],
  ISSUE_NOTICE: ['window-officer'],
  MATERIALS_SUPPLIED: ['applicant'],
  ACCEPT_TOLERANCE: ['applicant'],
  DECLINE_TOLERANCE: ['applicant'],
  SUPPLEMENT: ['applicant'],
  WITHDRAW: ['applicant'],
  TICK: ['system'],
};

/** How an application came to be accepted. */
export const AcceptanceModeSchema = z.enum([
  'complete',
  'corrected',
  'tolerant',
  'deemed',
]);
export type AcceptanceMode = z.infer<typeof AcceptanceModeSchema>;

/** The outcome of a finished machine. */
export const TolerantAcceptanceOutputSchema = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('accepted'),
    mode: AcceptanceModeSchema,
    acceptedOn: IsoDateSchema,
  }),
  z.strictObject({
    outcome: z.literal('lapsed'),
    consequence: LateConsequenceSchema,
    creditRecord: z.boolean(),
  }),
  z.strictObject({ outcome: z.literal('withdrawn') }),
]);
export type TolerantAcceptanceOutput = z.infer<
  typeof TolerantAcceptanceOutputSchema
>;

/**
 * The one-time notice given on provisional acceptance (RQ-COMMIT): what to
 * supply, by when, what follows if it is late, and the signed commitment.
 */
export const ToleranceNoticeSchema = z.strictObject({
  materials: z.array(
    z.strictObject({
      id: text,
      name: text,
      nameZh: text,
      status: z.enum(['missing', 'defective']),
      note: z.string().optional(),
    }),
  ),
  supplyBy: IsoDateSchema,
  consequence: LateConsequenceSchema,
  creditRecord: z.boolean(),
  basis: text,
  commitment: z.strictObject({
    text,
    signedBy: text,
    signedOn: IsoDateSchema,
  }),
});
export type ToleranceNotice = z.infer<typeof ToleranceNoticeSchema>;

/** The machine's context: the parsed input plus what has happened so far. */
export const TolerantAcceptanceContextSchema = z.strictObject({
  ...inputShape,
  tolerance: ToleranceSchema.nullable(),
  noticeDays: days,
  /** Last day of the ALL-32 notice window (noticeDays working days after receipt). */
  noticeBy: IsoDateSchema,
  /** The latest check, one finding per material. */
  findings: z.array(FindingSchema),
  /** Materials found missing or defective by the latest check. */
  outstanding: z.array(text),
  /** Correction notices given (SVC-ONE-NOTICE), oldest first. */
  notices: z.array(
    z.strictObject({
      on: IsoDateSchema,
      by: text,
      items: z.array(NoticeItemSchema),
    }),
  ),
  /** Materials the applicant supplied after the first notice. */
  suppliedAfterNotice: z.array(text),
  toleranceNotice: ToleranceNoticeSchema.nullable(),
  /** Materials supplemented during provisional acceptance. */
  supplemented: z.array(text),
  /** The acceptance date, provisional (容缺) or final. */
  acceptedOn: IsoDateSchema.nullable(),
  /** Last day to supplement (RQ-DEADLINE), set on provisional acceptance. */
  supplementDue: IsoDateSchema.nullable(),
  /** Set on entering a final state; the machine's output. */
  outcome: TolerantAcceptanceOutputSchema.nullable(),
});
export type TolerantAcceptanceContext = z.infer<
  typeof TolerantAcceptanceContextSchema
>;
