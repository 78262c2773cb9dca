import { z } from 'zod';
import type { ReplicationResult } from './runReplication.js';
import { OUTCOMES } from './caseCodes.js';
import type { SimulationModel } from './simulationModel.js';
import { confidenceInterval } from './statistics.js';
import { interval, rateOf, round, summaryOf } from './summaryOf.js';

export { rateOf, summaryOf } from './summaryOf.js';

const Interval = z.tuple([z.number(), z.number()]);

/** A distribution over cases: mean with its 95% interval over replications, exact quantiles over all cases. */
export const SummarySchema = z.strictObject({
  mean: z.number(),
  ci95: Interval,
  p50: z.number(),
  p90: z.number(),
  /** 95% interval of the P90 over replications. */
  p90Ci95: Interval,
  p99: z.number(),
});
export type Summary = z.infer<typeof SummarySchema>;

/** A share of cases, with its 95% interval over replications. */
export const RateSchema = z.strictObject({ share: z.number(), ci95: Interval });
export type Rate = z.infer<typeof RateSchema>;

const PoolSchema = z.strictObject({
  department: z.string(),
  role: z.string(),
  staff: z.number().int(),
  /** Busy share of the officers' office time. */
  utilisation: RateSchema,
  /** Wait in the queue per task, in hours of office time: mean and its 95% interval. */
  queueWaitHours: z.strictObject({ mean: z.number(), ci95: Interval }),
  /** Queue wait each case spends here on average, in working days. */
  waitWorkingDaysPerCase: z.number(),
  tasksPerCase: z.number(),
});

/** The KPI document (`kuaiban simulate --format json`): stable, versioned. */
export const KpiDocumentSchema = z.strictObject({
  format: z.literal('kuaiban-sim-kpi'),
  version: z.literal(1),
  design: z.strictObject({
    itemId: z.string(),
    name: z.string(),
    nameZh: z.string(),
    review: z.enum(['chain', 'parallel']),
  }),
  scenario: z.string(),
  run: z.strictObject({
    seed: z.number().int(),
    replications: z.number().int(),
    casesPerReplication: z.number().int(),
    warmupDays: z.number(),
    start: z.string(),
  }),
  cases: z.number().int(),
  outcomes: z.strictObject({
    approved: RateSchema,
    denied: RateSchema,
    refused: RateSchema,
    lapsed: RateSchema,
  }),
  /** Submission to closure (certificate issued, denial, refusal or lapse). */
  cycleTime: z.strictObject({
    workingDays: SummarySchema,
    calendarDays: SummarySchema,
  }),
  /** Among decided cases: decided within the promised and the statutory limit. */
  onTime: z.strictObject({
    promised: RateSchema,
    statutory: RateSchema,
    /** Share whose statutory limit the agency head extended (ALL-42), counted in `statutory`. */
    extended: RateSchema.optional(),
  }),
  /**
   * GZ-VERIFY, when the scenario has it: among approved 告知承诺 cases, the
   * share verified; among verified ones, the share found false and revoked.
   */
  verification: z
    .strictObject({ verified: RateSchema, revoked: RateSchema })
    .optional(),
  /** SVC-SIX-CUTS (六减) per case. */
  perCase: z.strictObject({
    visits: SummarySchema,
    materials: SummarySchema,
    proofs: SummarySchema,
    steps: SummarySchema,
  }),
  pools: z.array(PoolSchema),
  /** Pools by the queue wait they add to a case, worst first. */
  bottlenecks: z.array(
    z.strictObject({
      rank: z.number().int(),
      department: z.string(),
      role: z.string(),
      waitWorkingDaysPerCase: z.number(),
      utilisation: z.number(),
    }),
  ),
});
export type KpiDocument = z.infer<typeof KpiDocumentSchema>;

function summary(
  results: readonly ReplicationResult[],
  pick: (r: ReplicationResult) => ArrayLike<number>,
): Summary {
  return summaryOf(results.map(pick));
}

function rate(
  results: readonly ReplicationResult[],
  count: (r: ReplicationResult) => [number, number],
): Rate {
  return rateOf(results.map(count));
}

function counts(values: Uint8Array, hit: number, skip = -1): [number, number] {
  let h = 0;
  let t = 0;
  for (const v of values) {
    if (v === skip) continue;
    t++;
    if (v === hit) h++;
  }
  return [h, t];
}

/** `[hits, total]` over a replication's cases: those `among`, and of them those that `hit`. */
function tally(
  r: ReplicationResult,
  among: (verification: number, outcome: number) => boolean,
  hit: (verification: number) => boolean,
): [number, number] {
  let hits = 0;
  let total = 0;
  r.verification.forEach((v, i) => {
    if (!among(v, r.outcome[i]!)) return;
    total++;
    if (hit(v)) hits++;
  });
  return [hits, total];
}

/** What the run was asked for. */
export interface KpiRun {
  readonly seed: number;
  readonly cases: number;
  readonly warmupDays: number;
}

/** The KPI document of a run's replications. */
export function kpiDocument(
  model: SimulationModel,
  results: readonly ReplicationResult[],
  run: KpiRun,
): KpiDocument {
  const totalCases = results.reduce((n, r) => n + r.outcome.length, 0);
  const pools = model.pools.map((pool, index) => {
    const utilisation = rate(results, (r) => [
      r.poolBusy[index]! / pool.servers,
      r.span,
    ]);
    const waitDays = results.reduce((s, r) => s + r.poolWait[index]!, 0);
    const tasks = results.reduce((s, r) => s + r.poolTasks[index]!, 0);
    const countedCases = results.reduce((s, r) => s + r.outcome.length, 0);
    return {
      department: pool.department,
      role: pool.role,
      staff: pool.servers,
      utilisation,
      queueWaitHours: {
        mean: round(tasks === 0 ? 0 : waitDays / tasks / pool.daysPerHour),
        ci95: interval(
          confidenceInterval(
            results.map((r) =>
              r.poolTasks[index]! === 0
                ? 0
                : r.poolWait[index]! / r.poolTasks[index]! / pool.daysPerHour,
            ),
          ),
        ),
      },
      waitWorkingDaysPerCase: round(
        countedCases === 0 ? 0 : waitDays / countedCases,
      ),
      tasksPerCase: round(countedCases === 0 ? 0 : tasks / countedCases),
    };
  });
  const bottlenecks = [...pools]
    .sort(
      (a, b) =>
        b.waitWorkingDaysPerCase - a.waitWorkingDaysPerCase ||
        b.utilisation.share - a.utilisation.share,
    )
    .map((pool, index) => ({
      rank: index + 1,
      department: pool.department,
      role: pool.role,
      waitWorkingDaysPerCase: pool.waitWorkingDaysPerCase,
      utilisation: pool.utilisation.share,
    }));
  const outcome = (name: (typeof OUTCOMES)[number]) =>
    rate(results, (r) => counts(r.outcome, OUTCOMES.indexOf(name)));
  return {
    format: 'kuaiban-sim-kpi',
    version: 1,
    design: {
      itemId: model.item.id,
      name: model.item.name,
      nameZh: model.item.nameZh,
      review: model.parallel ? 'parallel' : 'chain',
    },
    scenario: model.scenario.name,
    run: {
      seed: run.seed,
      replications: results.length,
      casesPerReplication: run.cases,
      warmupDays: run.warmupDays,
      start: model.scenario.start,
    },
    cases: totalCases,
    outcomes: {
      approved: outcome('approved'),
      denied: outcome('denied'),
      refused: outcome('refused'),
      lapsed: outcome('lapsed'),
    },
    cycleTime: {
      workingDays: summary(results, (r) => r.cycleWorkingDays),
      calendarDays: summary(results, (r) => r.cycleCalendarDays),
    },
    onTime: {
      promised: rate(results, (r) => counts(r.onTimePromised, 1, 2)),
      statutory: rate(results, (r) => counts(r.onTimeStatutory, 1, 2)),
      extended: rate(results, (r) => {
        let hits = 0;
        let total = 0;
        r.onTimeStatutory.forEach((v, i) => {
          if (v === 2) return;
          total++;
          hits += r.extended[i]!;
        });
        return [hits, total];
      }),
    },
    ...(model.verification
      ? {
          verification: {
            verified: rate(results, (r) =>
              tally(
                r,
                (v, o) => v > 0 && o === 0,
                (v) => v >= 2,
              ),
            ),
            revoked: rate(results, (r) =>
              tally(
                r,
                (v) => v >= 2,
                (v) => v === 3,
              ),
            ),
          },
        }
      : {}),
    perCase: {
      visits: summary(results, (r) => r.visits),
      materials: summary(results, (r) => r.materials),
      proofs: summary(results, (r) => r.proofs),
      steps: summary(results, (r) => r.steps),
    },
    pools,
    bottlenecks,
  };
}
