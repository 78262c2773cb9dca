import { bilingual, parseWith } from '@kuaiban/calendar';
import {
  CASE_KINDS,
  CaseLifecycleInputSchema,
  NotificationCommitmentInputSchema,
  ParallelApprovalInputSchema,
  ToleranceSchema,
} from '@kuaiban/machines';
import { z } from 'zod';
import { crossFieldCheck } from './itemDefinitionChecks.js';
import { checkItem, checkParallelReview } from './itemDefinitionRules.js';

export { HOURS_PER_WORKING_DAY } from './itemDefinitionRules.js';

const Text = z
  .string()
  .trim()
  .min(1, bilingual('Must not be empty', '不能为空'));

/** A count in a limit's own unit. */
const Count = z
  .number()
  .int(bilingual('Expected a whole number', '应为整数'))
  .min(1, bilingual('Expected at least 1', '至少为 1'));

const WorkingDays = z
  .number()
  .int(bilingual('Expected whole working days', '应为整数个工作日'))
  .min(1, bilingual('Expected at least 1 working day', '至少 1 个工作日'));

/** The 证照分离 reform modes (ZZ-CANCEL, ZZ-FILING, ZZ-COMMIT, ZZ-OPTIMIZE). */
export const REFORM_MODES = [
  'cancel',
  'filing',
  'commitment',
  'optimize',
] as const;
export type ReformMode = (typeof REFORM_MODES)[number];

/** Units a statutory limit may be set in; TIME-WORKDAY makes working days the default. */
export const LIMIT_UNITS = [
  'working-days',
  'working-hours',
  'calendar-days',
] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];

/** One material an applicant may be asked for (申请材料). */
export const ItemMaterialSchema = z.strictObject({
  id: Text,
  name: Text,
  nameZh: Text,
  /** A primary material (主要材料): never tolerated missing (RQ-COND). */
  primary: z.boolean(),
  /** Published as one that may be missing at acceptance (容缺, RQ-COND). */
  tolerable: z.boolean(),
  /** A proof that a signed commitment replaces (告知承诺, GZ-NOTICE). */
  replaceableByCommitment: z.boolean().default(false),
  /** Obtained by data sharing from another item's result, so never asked for (SVC-SHARE). */
  sharedFrom: z.strictObject({ item: Text, result: Text }).optional(),
});
export type ItemMaterial = z.output<typeof ItemMaterialSchema>;
/** The contract's name for {@link ItemMaterial}. */
export type Material = ItemMaterial;

const LimitsSchema = z.strictObject({
  /** The limit set by law (法定时限), with its basis. */
  statutory: z.strictObject({
    /** The limit, counted in `unit`s. */
    days: Count,
    unit: z.enum(LIMIT_UNITS).default('working-days'),
    basis: Text,
    /** The longest extension the basis allows, in `unit`s. */
    extensionDays: Count.optional(),
  }),
  /** The published promise (承诺时限, SVC-LIMITS), in the statutory unit. */
  promised: z.strictObject({ days: Count, basis: Text.optional() }).optional(),
});

const AcceptanceSchema = z.strictObject({
  /** 容缺受理: absent when the item does not offer it. */
  tolerant: ToleranceSchema.optional(),
  /** 告知承诺: the replaced proofs are the materials marked `replaceableByCommitment`. */
  commitment: NotificationCommitmentInputSchema.pick({
    domain: true,
    verifyWithinDays: true,
    verificationBasis: true,
    rectifyWithinDays: true,
  }).optional(),
  /** ALL-32-NOTICE-5D: on the spot or within 5 working days (default 5). */
  noticeDays: WorkingDays.max(
    5,
    bilingual(
      'ALL-32-NOTICE-5D: at most 5 working days',
      'ALL-32-NOTICE-5D：不超过 5 个工作日',
    ),
  ).optional(),
});

const ChainReviewSchema = CaseLifecycleInputSchema.shape.review.options[0];

const { startedOn: _startedOn, ...parallelShape } =
  ParallelApprovalInputSchema.shape;
const ParallelReviewSchema = z
  .strictObject({ mode: z.literal('parallel'), ...parallelShape })
  .check(crossFieldCheck(checkParallelReview));

const ItemFieldsSchema = z.strictObject({
  id: Text,
  name: Text,
  nameZh: Text,
  /** The department that handles the item (实施机关). */
  department: z.strictObject({ id: Text, name: Text, nameZh: Text }),
  legalBasis: Text,
  reformMode: z.enum(REFORM_MODES),
  /** SVC-CLASS: 即办件, 承诺件, 联办件, 上报件. */
  caseKind: z.enum(CASE_KINDS),
  limits: LimitsSchema,
  materials: z
    .array(ItemMaterialSchema)
    .min(1, bilingual('Expected at least one material', '至少应有一项材料')),
  acceptance: AcceptanceSchema.prefault({}),
  /** A chain of review steps, or parallel approval (并联审批, GC-LEAD). */
  review: z.discriminatedUnion('mode', [
    ChainReviewSchema,
    ParallelReviewSchema,
  ]),
  /** ALL-44-ISSUE-10D: the certificate within 10 working days of the decision. */
  issuance: z
    .strictObject({
      days: WorkingDays.max(
        10,
        bilingual(
          'ALL-44-ISSUE-10D: at most 10 working days',
          'ALL-44-ISSUE-10D：不超过 10 个工作日',
        ),
      ).default(10),
    })
    .prefault({}),
  /** SVC-RATING: working days to rectify after a bad rating (local: 5 or 15). */
  rating: z.strictObject({ rectifyDays: WorkingDays.default(5) }).prefault({}),
  roles: z
    .strictObject({
      /** The post that handles the item's cases unless an application names one (SVC-AB-POST). */
      handler: z.strictObject({ id: Text, backup: Text.optional() }).optional(),
    })
    .optional(),
});

export type ItemDefinition = z.output<typeof ItemFieldsSchema>;
export type ItemDefinitionInput = z.input<typeof ItemFieldsSchema>;

/**
 * A service item (事项) as published in the catalogue: department, legal
 * basis, reform mode (证照分离), case kind, limits, materials, acceptance
 * options, review, issuance and rating. JSON-serialisable; every cross-field
 * rule reports its own path, in English and Chinese.
 */
export const ItemDefinitionSchema = ItemFieldsSchema.check(
  crossFieldCheck<ItemDefinition>(checkItem),
);

/** What a parse failure of a definition says it was about. */
export function definitionLabel(
  input: unknown,
  what: string,
  whatZh: string,
): { what: string; whatZh: string } {
  const id = (input as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.trim() !== ''
    ? { what: `${what} "${id}"`, whatZh: `${whatZh}“${id}”` }
    : { what, whatZh };
}

/**
 * Validates a service item and returns it with its defaults applied, or
 * throws a `KuaibanError` (`INVALID_DEFINITION`) listing every problem with
 * its path, in English and Chinese.
 *
 * @example
 * const item = defineItem({
 *   id: 'food-business-permit', name: 'Food business permit', nameZh: '食品经营许可',
 *   department: { id: 'samr', name: 'Market regulation', nameZh: '市场监管局' },
 *   legalBasis: '食品经营许可和备案管理办法', reformMode: 'optimize', caseKind: 'promised',
 *   limits: { statutory: { days: 20, basis: '行政许可法 art. 42' }, promised: { days: 10 } },
 *   materials: [{ id: 'application', name: 'Application form', nameZh: '申请书',
 *     primary: true, tolerable: false }],
 *   review: { mode: 'chain', steps: [{ id: 'site-review', name: 'Site review',
 *     nameZh: '现场核查', role: 'reviewer' }] },
 * });
 * item.issuance.days; // 10 (ALL-44-ISSUE-10D)
 */
export function defineItem(definition: ItemDefinitionInput): ItemDefinition {
  return parseWith(ItemDefinitionSchema, definition, {
    code: 'INVALID_DEFINITION',
    ...definitionLabel(definition, 'service item', '事项'),
  });
}

/**
 * The materials an applicant is asked for: the item's own, minus those
 * obtained by data sharing (`sharedFrom`) or `provided` by an earlier item's
 * result (SVC-SHARE, 免提交).
 */
export function requestedMaterials(
  item: ItemDefinition,
  provided: Iterable<string> = [],
): ItemMaterial[] {
  const skip = new Set(provided);
  return item.materials.filter(
    (material) => material.sharedFrom === undefined && !skip.has(material.id),
  );
}
