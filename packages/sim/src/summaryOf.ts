import type { Rate, Summary } from './kpiDocument.js';
import {
  confidenceInterval,
  mean,
  quantile,
  sortedCopy,
} from './statistics.js';

/** Rounded to `digits` decimals, as the KPI documents give figures. */
export const round = (x: number, digits = 4): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
/** An interval, rounded. */
export const interval = ([lo, hi]: [number, number]): [number, number] => [
  round(lo),
  round(hi),
];

/** A {@link Summary} of values drawn in replications (one array each). */
export function summaryOf(
  perReplication: readonly ArrayLike<number>[],
): Summary {
  const all: number[] = [];
  const means: number[] = [];
  const p90s: number[] = [];
  for (const values of perReplication) {
    means.push(mean(values));
    p90s.push(quantile(sortedCopy(values), 0.9));
    for (let i = 0; i < values.length; i++) all.push(values[i]!);
  }
  const sorted = sortedCopy(all);
  return {
    mean: round(mean(sorted)),
    ci95: interval(confidenceInterval(means)),
    p50: round(quantile(sorted, 0.5)),
    p90: round(quantile(sorted, 0.9)),
    p90Ci95: interval(confidenceInterval(p90s)),
    p99: round(quantile(sorted, 0.99)),
  };
}

/** A {@link Rate} of `[hits, total]` counted in each replication. */
export function rateOf(perReplication: readonly [number, number][]): Rate {
  let hits = 0;
  let total = 0;
  const shares: number[] = [];
  for (const [h, t] of perReplication) {
    hits += h;
    total += t;
    shares.push(t === 0 ? 0 : h / t);
  }
  return {
    share: round(total === 0 ? 0 : hits / total),
    ci95: interval(confidenceInterval(shares)),
  };
}
