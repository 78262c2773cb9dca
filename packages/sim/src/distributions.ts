import { bilingual } from '@kuaiban/calendar';
import { z } from 'zod';
import type { Random } from './random.js';

const Positive = z
  .number()
  .positive(bilingual('Expected more than 0', '应大于 0'));
const NonNegative = z
  .number()
  .nonnegative(bilingual('Expected 0 or more', '应不小于 0'));

/**
 * A duration distribution, in the unit the scenario field names (hours of
 * office time for officers' work, working days for applicants and pauses).
 */
export const DistributionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('constant'), value: NonNegative }),
  z
    .strictObject({
      kind: z.literal('uniform'),
      min: NonNegative,
      max: NonNegative,
    })
    .refine((d) => d.min <= d.max, {
      path: ['max'],
      ...bilingual('max must not be below min', 'max 不得小于 min'),
    }),
  z
    .strictObject({
      kind: z.literal('triangular'),
      min: NonNegative,
      mode: NonNegative,
      max: NonNegative,
    })
    .refine((d) => d.min <= d.mode && d.mode <= d.max && d.min < d.max, {
      path: ['mode'],
      ...bilingual(
        'expected min ≤ mode ≤ max and min < max',
        '应满足 min ≤ mode ≤ max 且 min < max',
      ),
    }),
  /** A normal distribution truncated to [min, max] (min defaults to 0). */
  z
    .strictObject({
      kind: z.literal('normal'),
      mean: z.number(),
      sd: Positive,
      min: NonNegative.default(0),
      max: Positive.optional(),
    })
    .refine((d) => d.max === undefined || d.max > d.min, {
      path: ['max'],
      ...bilingual('max must be above min', 'max 应大于 min'),
    })
    .refine((d) => d.mean + 4 * d.sd > d.min, {
      path: ['mean'],
      ...bilingual(
        'the truncation leaves almost nothing: mean + 4 sd must exceed min',
        '截断后几乎没有取值：mean + 4 sd 应大于 min',
      ),
    }),
  /** A lognormal distribution given by its own mean and standard deviation. */
  z.strictObject({
    kind: z.literal('lognormal'),
    mean: Positive,
    sd: Positive,
  }),
  z.strictObject({ kind: z.literal('exponential'), mean: Positive }),
  /** Gamma with a shape and a mean; a whole shape k is Erlang-k. */
  z.strictObject({ kind: z.literal('gamma'), shape: Positive, mean: Positive }),
  z.strictObject({
    kind: z.literal('erlang'),
    k: z.number().int().min(1),
    mean: Positive,
  }),
  /** Observed values, drawn with equal weight or the given weights. */
  z
    .strictObject({
      kind: z.literal('empirical'),
      values: z.array(NonNegative).min(1),
      weights: z.array(NonNegative).optional(),
    })
    .refine(
      (d) =>
        d.weights === undefined ||
        (d.weights.length === d.values.length && d.weights.some((w) => w > 0)),
      {
        path: ['weights'],
        ...bilingual(
          'weights must match values one to one and not all be 0',
          'weights 须与 values 一一对应且不全为 0',
        ),
      },
    ),
]);
export type Distribution = z.output<typeof DistributionSchema>;
export type DistributionInput = z.input<typeof DistributionSchema>;

/** Draws one value of a distribution from a random source. */
export type Sampler = (random: Random) => number;

function standardNormal(random: Random): number {
  const u = 1 - random.next();
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Marsaglia and Tsang's method, with the boost for shapes below 1. */
function gammaUnit(shape: number, random: Random): number {
  if (shape < 1) {
    const boost = random.next() ** (1 / shape);
    return gammaUnit(shape + 1, random) * boost;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Compiles a distribution to a sampler: a plain function, so that drawing
 * costs no parsing or branching on the kind.
 *
 * @example
 * const draw = sampler({ kind: 'triangular', min: 1, mode: 2, max: 4 });
 * draw(createRandom(7)); // a value between 1 and 4
 */
export function sampler(distribution: Distribution): Sampler {
  switch (distribution.kind) {
    case 'constant': {
      const { value } = distribution;
      return () => value;
    }
    case 'uniform': {
      const { min, max } = distribution;
      return (random) => min + (max - min) * random.next();
    }
    case 'triangular': {
      const { min, mode, max } = distribution;
      const cut = (mode - min) / (max - min);
      return (random) => {
        const u = random.next();
        return u < cut
          ? min + Math.sqrt(u * (max - min) * (mode - min))
          : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
      };
    }
    case 'normal': {
      const { mean, sd, min } = distribution;
      const max = distribution.max ?? Infinity;
      return (random) => {
        for (;;) {
          const x = mean + sd * standardNormal(random);
          if (x >= min && x <= max) return x;
        }
      };
    }
    case 'lognormal': {
      const { mean, sd } = distribution;
      const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
      const mu = Math.log(mean) - sigma2 / 2;
      const sigma = Math.sqrt(sigma2);
      return (random) => Math.exp(mu + sigma * standardNormal(random));
    }
    case 'exponential': {
      const { mean } = distribution;
      return (random) => -mean * Math.log(1 - random.next());
    }
    case 'gamma': {
      const { shape, mean } = distribution;
      return (random) => (gammaUnit(shape, random) * mean) / shape;
    }
    case 'erlang': {
      const { k, mean } = distribution;
      return (random) => {
        let product = 1;
        for (let i = 0; i < k; i++) product *= 1 - random.next();
        return (-Math.log(product) * mean) / k;
      };
    }
    case 'empirical': {
      const { values } = distribution;
      const weights = distribution.weights ?? values.map(() => 1);
      const total = weights.reduce((a, b) => a + b, 0);
      const cumulative = Float64Array.from(
        weights.map(
          (
            (sum) => (w) =>
              (sum += w / total)
          )(0),
        ),
      );
      return (random) => {
        const u = random.next();
        for (let i = 0; i < cumulative.length; i++) {
          if (u < (cumulative[i] ?? 1)) return values[i] ?? 0;
        }
        return values[values.length - 1] ?? 0;
      };
    }
  }
}

/** The mean of a distribution (of its truncated form for `normal`, by numeric integration). */
export function distributionMean(distribution: Distribution): number {
  switch (distribution.kind) {
    case 'constant':
      return distribution.value;
    case 'uniform':
      return (distribution.min + distribution.max) / 2;
    case 'triangular':
      return (distribution.min + distribution.mode + distribution.max) / 3;
    case 'normal': {
      const { mean, sd, min } = distribution;
      const max = distribution.max ?? mean + 10 * sd;
      const steps = 2000;
      let mass = 0;
      let moment = 0;
      for (let i = 0; i < steps; i++) {
        const x = min + ((i + 0.5) * (max - min)) / steps;
        const density = Math.exp(-0.5 * ((x - mean) / sd) ** 2);
        mass += density;
        moment += density * x;
      }
      return moment / mass;
    }
    case 'lognormal':
    case 'exponential':
    case 'gamma':
    case 'erlang':
      return distribution.mean;
    case 'empirical': {
      const weights = distribution.weights ?? distribution.values.map(() => 1);
      const total = weights.reduce((a, b) => a + b, 0);
      return distribution.values.reduce(
        (sum, value, i) => sum + (value * (weights[i] ?? 0)) / total,
        0,
      );
    }
  }
}
