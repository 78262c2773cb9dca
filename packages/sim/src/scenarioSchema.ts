import {
  IsoDateSchema,
  LawfulPauseReasonSchema,
  OfficeHoursSchema,
  bilingual,
  parseWith,
} from '@kuaiban/calendar';
import { RATING_GRADES } from '@kuaiban/machines';
import { z } from 'zod';
import type { Distribution } from './distributions.js';
import { DistributionSchema } from './distributions.js';

const Text = z
  .string()
  .trim()
  .min(1, bilingual('Must not be empty', '不能为空'));
const Probability = z
  .number()
  .min(
    0,
    bilingual('Expected a probability from 0 to 1', '概率应在 0 到 1 之间'),
  )
  .max(
    1,
    bilingual('Expected a probability from 0 to 1', '概率应在 0 到 1 之间'),
  );
const Factor = z
  .number()
  .nonnegative(bilingual('Expected 0 or more', '应不小于 0'));

const hours = (value: number): Distribution => ({ kind: 'constant', value });

/** Poisson arrivals per working day, shaped by weekday and month; or a trace. */
export const ArrivalsSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('poisson'),
    /** Mean applications per working day (those sent on a holiday count on the next working day). */
    perWorkingDay: z
      .number()
      .positive(bilingual('Expected more than 0', '应大于 0')),
    /** Factors Monday … Sunday (a make-up Saturday uses Saturday's). */
    weekday: z.array(Factor).length(7).optional(),
    /** Factors January … December. */
    month: z.array(Factor).length(12).optional(),
  }),
  z.strictObject({
    kind: z.literal('trace'),
    /** Submission dates `YYYY-MM-DD` (at opening) or moments `YYYY-MM-DDTHH:mm`. */
    submissions: z
      .array(
        z
          .string()
          .regex(
            /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/,
            bilingual(
              'Expected YYYY-MM-DD or YYYY-MM-DDTHH:mm',
              '应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:mm',
            ),
          ),
      )
      .min(1),
  }),
]);

/** Officers of one role in one department (a resource pool). */
export const StaffSchema = z.strictObject({
  department: Text,
  role: z.enum([
    'window-officer',
    'reviewer',
    'department-approver',
    'lead-department',
    'agency-head',
    'supervisor',
  ]),
  count: z
    .number()
    .int()
    .min(1, bilingual('Expected at least 1 officer', '至少 1 名工作人员')),
  /** Their office hours when not the scenario's. */
  officeHours: OfficeHoursSchema.optional(),
});

const Hours = DistributionSchema;

/**
 * A simulation scenario (仿真情景): who applies when, who works when, how
 * long each step takes and how applicants and officers decide. It is kept
 * apart from the design: the same design runs under many scenarios.
 */
export const ScenarioSchema = z.strictObject({
  name: Text.default('scenario'),
  /** First day of the simulated period. */
  start: IsoDateSchema.default('2025-01-02'),
  arrivals: ArrivalsSchema.default({ kind: 'poisson', perWorkingDay: 6 }),
  /** Office hours of every pool unless its staff entry says otherwise. */
  officeHours: OfficeHoursSchema.default({
    sessions: [
      { from: '09:00', to: '12:00' },
      { from: '13:30', to: '17:30' },
    ],
  }),
  staff: z.array(StaffSchema).default([]),
  /** Officers in any pool the staff list does not name. */
  defaultStaff: z.number().int().min(1).default(3),
  /** Officers' work, in hours of office time. */
  durations: z
    .strictObject({
      /** Pre-review and materials check at the window (受理). */
      acceptance: Hours.default(hours(0.5)),
      /** A second check after a correction (补正后复核). */
      recheck: Hours.default(hours(0.25)),
      /** 告知承诺 at the window: notice, signature, decision. */
      commitment: Hours.default(hours(0.5)),
      /** Each review step unless `steps` names it. */
      review: Hours.default({
        kind: 'triangular',
        min: 0.5,
        mode: 1.5,
        max: 4,
      }),
      steps: z.record(z.string(), Hours).default({}),
      /** Each department of a parallel review unless `departments` names it. */
      departmentReview: Hours.default({
        kind: 'triangular',
        min: 1,
        mode: 2,
        max: 4,
      }),
      departments: z.record(z.string(), Hours).default({}),
      /** The lead department's merged notice (SVC-ONE-NOTICE). */
      mergedNotice: Hours.default(hours(0.5)),
      /** A supervisor resolving an escalated department. */
      escalation: Hours.default(hours(1)),
      /** The agency head's decision. */
      decision: Hours.default(hours(0.5)),
      /** Issuing the certificate. */
      issuance: Hours.default(hours(0.25)),
      /** Answering and rectifying a bad rating. */
      ratingAnswer: Hours.default(hours(0.5)),
      ratingRectify: Hours.default(hours(2)),
      /** A reviewer's check of a commitment after the decision (GZ-VERIFY). */
      verification: Hours.default(hours(2)),
    })
    .prefault({}),
  /** Applicants' response times, in working days. */
  applicant: z
    .strictObject({
      /** From a correction notice to the supplied materials. */
      correction: DistributionSchema.default({
        kind: 'triangular',
        min: 0.5,
        mode: 2,
        max: 6,
      }),
      /** From provisional acceptance (容缺) to the supplement. */
      supplement: DistributionSchema.default({
        kind: 'triangular',
        min: 0.5,
        mode: 2,
        max: 5,
      }),
      /** From a department's merged notice to the supplement. */
      departmentSupplement: DistributionSchema.default({
        kind: 'triangular',
        min: 0.5,
        mode: 2,
        max: 5,
      }),
      /** From closure to the rating. */
      rating: DistributionSchema.default({ kind: 'exponential', mean: 1 }),
    })
    .prefault({}),
  probabilities: z
    .strictObject({
      /** The window proposes a refusal (ALL-32-REFUSE) and the supervisor confirms it. */
      refusal: Probability.default(0.02),
      /** Materials are incomplete or defective at the first check. */
      materialsIncomplete: Probability.default(0.3),
      /** Of incomplete ones: only materials the item tolerates are missing. */
      onlyTolerableMissing: Probability.default(0.6),
      /** The applicant takes 容缺 when offered (RQ-VOLUNTARY). */
      choosesTolerance: Probability.default(0.8),
      /** The applicant takes 告知承诺 when offered (GZ-CHOICE). */
      choosesCommitment: Probability.default(0.5),
      /** A 容缺 supplement arrives after its deadline (RQ-FAIL). */
      supplementLate: Probability.default(0.05),
      /** A review step advises against. */
      stepRejects: Probability.default(0.05),
      /** A department says no. */
      departmentRejects: Probability.default(0.05),
      /** A department asks for a supplement (once per case). */
      departmentAsksSupplement: Probability.default(0.15),
      /**
       * The agency head extends, once, a case not decided when its statutory
       * due day begins, where the item's basis allows it (ALL-42-DECIDE-20D).
       */
      extension: Probability.default(0),
      /** The applicant rates the service (好差评). */
      rates: Probability.default(0.8),
      /** Weights of the five grades, best first (SVC-RATING). */
      grades: z
        .array(Factor)
        .length(RATING_GRADES.length)
        .refine(
          (w) => w.some((x) => x > 0),
          bilingual('At least one weight above 0', '至少一个权重大于 0'),
        )
        .default([70, 20, 6, 3, 1]),
    })
    .prefault({}),
  /**
   * Post-decision verification of 告知承诺 cases (GZ-VERIFY): a reviewer
   * checks each commitment `days` working days after the certificate; a
   * share is found deliberately false and the permit revoked (GZ-FALSE).
   */
  verification: z
    .strictObject({
      days: DistributionSchema,
      falseShare: Probability,
    })
    .optional(),
  /** A lawful suspension (TIME-EXCLUDED) during review, e.g. expert review. */
  pause: z
    .strictObject({
      probability: Probability,
      reason: LawfulPauseReasonSchema.default('expert-review'),
      /** Working days the suspension lasts. */
      days: DistributionSchema,
    })
    .optional(),
  /** Visits (跑动) the applicant makes for each step (0 where it is online). */
  visits: z
    .strictObject({
      submission: z.number().int().min(0).default(1),
      correction: z.number().int().min(0).default(1),
      supplement: z.number().int().min(0).default(1),
      collection: z.number().int().min(0).default(1),
    })
    .prefault({}),
});
export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;

/**
 * Validates a scenario and applies its defaults, or throws a `KuaibanError`
 * (`INVALID_SCENARIO`) listing every problem with its path, in English and
 * Chinese. `defineScenario({})` is the documented default scenario.
 *
 * @example
 * const scenario = defineScenario({ arrivals: { kind: 'poisson', perWorkingDay: 12 } });
 * scenario.defaultStaff; // 3
 */
export function defineScenario(input: unknown): Scenario {
  return parseWith(ScenarioSchema, input, {
    code: 'INVALID_SCENARIO',
    what: 'scenario',
    whatZh: '仿真情景',
  });
}
