import { IsoDateSchema, bilingual } from '@kuaiban/calendar';
import { z } from 'zod';
import type { CommandRoles } from './party.js';
import { TickEventSchema, eventBase } from './party.js';

/**
 * Matters where notification-commitment (告知承诺制) is not allowed
 * (GZ-EXCLUDED): an application in one of these domains takes the ordinary
 * route with the full proof.
 */
export const COMMITMENT_EXCLUDED_DOMAINS = [
  { code: 'national-security', name: 'National security', nameZh: '国家安全' },
  { code: 'state-secrets', name: 'State secrets', nameZh: '国家秘密' },
  { code: 'public-safety', name: 'Public safety', nameZh: '公共安全' },
  {
    code: 'financial-prudential',
    name: 'Prudential financial supervision',
    nameZh: '金融业审慎监管',
  },
  {
    code: 'ecology-environment',
    name: 'Ecological and environmental protection',
    nameZh: '生态环境保护',
  },
  {
    code: 'health-life-property',
    name: 'Personal health, safety of life and property',
    nameZh: '人身健康、生命财产安全',
  },
  {
    code: 'foreign-affairs',
    name: 'Important foreign-related matters',
    nameZh: '重要涉外事项',
  },
] as const;

/** Code of a domain excluded from notification-commitment (GZ-EXCLUDED). */
export type CommitmentExcludedDomain =
  (typeof COMMITMENT_EXCLUDED_DOMAINS)[number]['code'];

const excludedCodes = COMMITMENT_EXCLUDED_DOMAINS.map(
  (domain) => domain.code,
) as unknown as readonly [
  CommitmentExcludedDomain,
  ...CommitmentExcludedDomain[],
];

const text = z
  .string()
  .trim()
  .min(1, bilingual('Must not be empty', '不能为空'));

const days = z
  .number()
  .int(bilingual('Expected whole working days', '应为整数个工作日'))
  .min(1, bilingual('Expected at least 1 working day', '至少 1 个工作日'));

/** A proof (证明材料) that the applicant's commitment replaces. */
export const ReplacedProofSchema = z.strictObject({
  id: text,
  name: text,
  nameZh: text,
});

/** What a notification-commitment machine is started with. */
export const NotificationCommitmentInputSchema = z.strictObject({
  /** The matter's domain: `'ordinary'`, or one excluded by GZ-EXCLUDED. */
  domain: z.enum(['ordinary', ...excludedCodes]),
  /** The proofs the commitment replaces (GZ-NOTICE), at least one. */
  replacedProofs: z
    .array(ReplacedProofSchema)
    .min(
      1,
      bilingual(
        'A commitment replaces at least one proof',
        '告知承诺至少替代一项证明材料',
      ),
    )
    .refine(
      (proofs) => new Set(proofs.map((p) => p.id)).size === proofs.length,
      bilingual('Proof ids must be unique', '证明材料编号不能重复'),
    ),
  /** Working days after the decision within which the agency verifies (GZ-VERIFY). */
  verifyWithinDays: days,
  /** The legal basis of the verification period, e.g. a provincial rule. */
  verificationBasis: text,
  /** Working days the applicant gets to rectify unmet conditions (GZ-FALSE). */
  rectifyWithinDays: days,
  applicant: z.strictObject({
    id: text,
    /** A serious bad-credit record (严重失信). */
    seriousBadCredit: z.boolean().optional(),
    /** An earlier false commitment not yet repaired (GZ-FALSE). */
    unrepairedFalseCommitment: z.boolean().optional(),
  }),
});
export type NotificationCommitmentInput = z.input<
  typeof NotificationCommitmentInputSchema
>;

const NoticeContentsSchema = z.strictObject({
  item: z.boolean(),
  conditions: z.boolean(),
  replacedProofs: z.boolean(),
  howToCommit: z.boolean(),
  rightToVerify: z.boolean(),
  consequences: z.boolean(),
});

/** Which parts of the written notice (GZ-NOTICE) were given. */
export type NoticeContents = z.infer<typeof NoticeContentsSchema>;

/** What post-decision verification found (GZ-VERIFY, GZ-FALSE). */
export const VerificationFindingSchema = z.enum([
  'conditions-met',
  'conditions-unmet',
  'deliberately-false',
]);
export type VerificationFinding = z.infer<typeof VerificationFindingSchema>;

/** Every event the machine understands; each says who acts and on which date. */
export const NotificationCommitmentEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('GIVE_NOTICE'),
    ...eventBase,
    contents: NoticeContentsSchema,
  }),
  z.strictObject({ type: z.literal('CHOOSE_COMMITMENT'), ...eventBase }),
  z.strictObject({ type: z.literal('DECLINE_COMMITMENT'), ...eventBase }),
  z.strictObject({
    type: z.literal('SIGN_COMMITMENT'),
    ...eventBase,
    text: z.string(),
  }),
  z.strictObject({
    type: z.literal('DECIDE'),
    ...eventBase,
    approve: z.boolean(),
    reason: z.string().optional(),
  }),
  z.strictObject({
    type: z.literal('VERIFY'),
    ...eventBase,
    finding: VerificationFindingSchema,
  }),
  z.strictObject({ type: z.literal('RECTIFIED'), ...eventBase }),
  z.strictObject({
    type: z.literal('REVOKE'),
    ...eventBase,
    reason: text,
    basis: text,
  }),
  TickEventSchema,
]);
export type NotificationCommitmentEvent = z.infer<
  typeof NotificationCommitmentEventSchema
>;

/** Who may send each event (guards reject everyone else). */
export const notificationCommitmentRoles: CommandRoles<NotificationCommitmentEvent> =
  {
    GIVE_NOTICE: ['window-officer'],
    CHOOSE_COMMITMENT: ['applicant'],
    DECLINE_COMMITMENT: ['applicant'],
    SIGN_COMMITMENT: ['applicant'],
    DECIDE: ['window-officer', 'department-approver'],
    VERIFY: ['reviewer'],
    RECTIFIED: ['reviewer'],
    REVOKE: ['agency-head'],
    TICK: ['system'],
  };

/** Why a commitment was revoked (GZ-FALSE, ALL-69-REVOKE). */
export const RevocationCauseSchema = z.enum([
  'conditions-unmet',
  'deliberately-false',
  'revoked-after-completion',
]);
export type RevocationCause = z.infer<typeof RevocationCauseSchema>;

/** The outcome of a finished machine. */
export const NotificationCommitmentOutputSchema = z.discriminatedUnion(
  'outcome',
  [
    z.strictObject({
      outcome: z.literal('ordinary-route'),
      reason: z.enum(['excluded-domain', 'credit', 'declined']),
    }),
    z.strictObject({ outcome: z.literal('denied'), decidedOn: IsoDateSchema }),
    z.strictObject({
      outcome: z.literal('revoked'),
      revokedOn: IsoDateSchema,
      cause: RevocationCauseSchema,
      /** Always made (GZ-FALSE): access is lost until credit repair. */
      creditRecord: z.literal(true),
      /** Operation so far counts as unlicensed (deliberately false commitment). */
      treatAsUnlicensed: z.boolean(),
    }),
  ],
);
export type NotificationCommitmentOutput = z.infer<
  typeof NotificationCommitmentOutputSchema
>;

/** The machine's context: the parsed input plus what has happened so far. */
export const NotificationCommitmentContextSchema =
  NotificationCommitmentInputSchema.extend({
    noticeGivenOn: IsoDateSchema.nullable(),
    commitment: z
      .strictObject({ text: z.string(), signedOn: IsoDateSchema })
      .nullable(),
    decision: z
      .strictObject({
        approve: z.boolean(),
        decidedOn: IsoDateSchema,
        reason: z.string().nullable(),
      })
      .nullable(),
    /** Last day of the verification period; set on approval. */
    verifyBy: IsoDateSchema.nullable(),
    /** The agency let `verifyBy` pass without verifying. */
    verificationOverdue: z.boolean(),
    verification: z
      .strictObject({
        finding: VerificationFindingSchema,
        verifiedOn: IsoDateSchema,
      })
      .nullable(),
    /** Last day to rectify; set when conditions are found unmet. */
    rectifyBy: IsoDateSchema.nullable(),
    rectifiedOn: IsoDateSchema.nullable(),
    /** The agency head's reason and legal basis for revoking after completion. */
    revocation: z
      .strictObject({ reason: z.string(), basis: z.string() })
      .nullable(),
    /** Set on entering a final state; the machine's output. */
    outcome: NotificationCommitmentOutputSchema.nullable(),
  });
export type NotificationCommitmentContext = z.infer<
  typeof NotificationCommitmentContextSchema
>;
