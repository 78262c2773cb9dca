/** Two-sided 97.5% quantiles of Student's t for 1–30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201,
  2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074,
  2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The t quantile for a 95% confidence interval with `df` degrees of freedom. */
export function t975(df: number): number {
  if (df < 1) return Infinity;
  if (df <= 30) return T975[df - 1] ?? 1.96;
  if (df <= 60) return 2.042 - ((df - 30) * (2.042 - 2.0)) / 30;
  if (df <= 120) return 2.0 - ((df - 60) * (2.0 - 1.98)) / 60;
  return 1.96;
}

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return values.length === 0 ? 0 : sum / values.length;
}

/**
 * A 95% confidence interval for the mean of independent replications'
 * values (Student's t); one replication gives an interval of no width.
 */
export function confidenceInterval(
  values: readonly number[],
): [number, number] {
  const m = mean(values);
  const n = values.length;
  if (n < 2) return [m, m];
  let ss = 0;
  for (const v of values) ss += (v - m) ** 2;
  const half = (t975(n - 1) * Math.sqrt(ss / (n - 1))) / Math.sqrt(n);
  return [m - half, m + half];
}

/**
 * The exact q-quantile of sorted values by the nearest-rank rule: the
 * smallest value with at least a share q of the values at or below it.
 */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil(q * sorted.length) - 1),
  );
  return sorted[index]!;
}

/** Values in ascending order, as a new typed array. */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * Mean waiting time in queue of an M/M/c queue (Erlang C): arrival rate λ,
 * service rate μ per server, c servers, in the unit of 1/λ.
 *
 * @example
 * erlangCWait(0.8, 1, 1); // 4: an M/M/1 queue at 80% load
 */
export function erlangCWait(lambda: number, mu: number, c: number): number {
  const a = lambda / mu;
  const rho = a / c;
  if (rho >= 1) return Infinity;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const last = (term * a) / c / (1 - rho);
  const waitProbability = last / (sum + last);
  return waitProbability / (c * mu - lambda);
}
