import type { ItemDefinition, ItemDefinitionInput } from '@kuaiban/core';
import { z } from 'zod';
import { KpiDocumentSchema } from './kpiDocument.js';
import type { ReplicationResult } from './runReplication.js';
import type { Simulation, SimulateOptions } from './simulate.js';
import { simulate } from './simulate.js';
import {
  confidenceInterval,
  mean,
  quantile,
  sortedCopy,
} from './statistics.js';

/** A what-if comparison: both KPI documents and the paired differences (alternative − baseline). */
export const ComparisonDocumentSchema = z.strictObject({
  format: z.literal('kuaiban-sim-comparison'),
  version: z.literal(1),
  baseline: KpiDocumentSchema,
  alternative: KpiDocumentSchema,
  differences: z.array(
    z.strictObject({
      metric: z.string(),
      baseline: z.number(),
      alternative: z.number(),
      difference: z.number(),
      /** 95% interval of the difference from paired replications (common random numbers). */
      ci95: z.tuple([z.number(), z.number()]),
    }),
  ),
});
export type ComparisonDocument = z.infer<typeof ComparisonDocumentSchema>;

const METRICS: readonly [string, (r: ReplicationResult) => number][] = [
  ['cycleTime.workingDays.mean', (r) => mean(r.cycleWorkingDays)],
  [
    'cycleTime.workingDays.p90',
    (r) => quantile(sortedCopy(r.cycleWorkingDays), 0.9),
  ],
  ['cycleTime.calendarDays.mean', (r) => mean(r.cycleCalendarDays)],
  ['onTime.promised.share', (r) => share(r.onTimePromised)],
  ['onTime.statutory.share', (r) => share(r.onTimeStatutory)],
  ['perCase.visits.mean', (r) => mean(r.visits)],
  ['perCase.materials.mean', (r) => mean(r.materials)],
  ['perCase.proofs.mean', (r) => mean(r.proofs)],
  ['perCase.steps.mean', (r) => mean(r.steps)],
];

function share(values: Uint8Array): number {
  let hits = 0;
  let total = 0;
  for (const v of values) {
    if (v === 2) continue;
    total++;
    hits += v;
  }
  return total === 0 ? 0 : hits / total;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** The comparison document of two finished simulations run with one seed. */
export function comparisonDocument(
  baseline: Simulation,
  alternative: Simulation,
): ComparisonDocument {
  return {
    format: 'kuaiban-sim-comparison',
    version: 1,
    baseline: baseline.kpi,
    alternative: alternative.kpi,
    differences: METRICS.map(([metric, of]) => {
      const a = baseline.replications.map(of);
      const b = alternative.replications.map(of);
      const paired = b.map((v, i) => v - (a[i] ?? 0));
      const [lo, hi] = confidenceInterval(paired);
      return {
        metric,
        baseline: round(mean(a)),
        alternative: round(mean(b)),
        difference: round(mean(paired)),
        ci95: [round(lo), round(hi)],
      };
    }),
  };
}

/**
 * What if? Simulates two designs under one scenario with one seed, so that
 * both meet the same applicants with the same choices (common random
 * numbers), and gives the paired differences with their intervals.
 *
 * @example
 * const { comparison } = await compareDesigns(serialReview, parallelReview, { seed: 3 });
 * comparison.differences.find((d) => d.metric === 'cycleTime.workingDays.p90');
 */
export async function compareDesigns(
  baseline: ItemDefinition | ItemDefinitionInput,
  alternative: ItemDefinition | ItemDefinitionInput,
  options: SimulateOptions = {},
): Promise<{
  baseline: Simulation;
  alternative: Simulation;
  comparison: ComparisonDocument;
}> {
  const first = await simulate(baseline, options);
  const second = await simulate(alternative, options);
  return {
    baseline: first,
    alternative: second,
    comparison: comparisonDocument(first, second),
  };
}
