import { describe, expect, it } from 'vitest';
import type { DistributionInput } from '../src/index.js';
import {
  DistributionSchema,
  createRandom,
  distributionMean,
  mixSeed,
  sampler,
} from '../src/index.js';

const cases: DistributionInput[] = [
  { kind: 'constant', value: 2 },
  { kind: 'uniform', min: 1, max: 3 },
  { kind: 'triangular', min: 1, mode: 2, max: 6 },
  { kind: 'normal', mean: 1, sd: 1 },
  { kind: 'normal', mean: 5, sd: 2, min: 2, max: 7 },
  { kind: 'lognormal', mean: 3, sd: 2 },
  { kind: 'exponential', mean: 2 },
  { kind: 'gamma', shape: 2.5, mean: 4 },
  { kind: 'gamma', shape: 0.5, mean: 1 },
  { kind: 'erlang', k: 3, mean: 3 },
  { kind: 'empirical', values: [1, 2, 10] },
  { kind: 'empirical', values: [1, 2, 10], weights: [0, 3, 1] },
];

describe('distributions', () => {
  for (const input of cases) {
    it(`${JSON.stringify(input)}: samples average to the mean and stay in range`, () => {
      const distribution = DistributionSchema.parse(input);
      const draw = sampler(distribution);
      const random = createRandom(17);
      let sum = 0;
      let low = Infinity;
      let high = -Infinity;
      const n = 40_000;
      for (let i = 0; i < n; i++) {
        const x = draw(random);
        low = Math.min(low, x);
        high = Math.max(high, x);
        sum += x;
      }
      expect(low).toBeGreaterThanOrEqual(
        'min' in distribution ? distribution.min : 0,
      );
      if ('max' in distribution && distribution.max !== undefined)
        expect(high).toBeLessThanOrEqual(distribution.max);
      const mean = distributionMean(distribution);
      expect(Math.abs(sum / n - mean)).toBeLessThan(0.03 * Math.max(mean, 1));
    });
  }

  it('refuses inconsistent parameters, saying where', () => {
    expect(
      DistributionSchema.safeParse({ kind: 'uniform', min: 3, max: 1 }).error
        ?.issues[0]?.path,
    ).toEqual(['max']);
    expect(
      DistributionSchema.safeParse({
        kind: 'triangular',
        min: 1,
        mode: 5,
        max: 3,
      }).success,
    ).toBe(false);
    expect(
      DistributionSchema.safeParse({ kind: 'normal', mean: -50, sd: 1 })
        .success,
    ).toBe(false);
    expect(
      DistributionSchema.safeParse({
        kind: 'empirical',
        values: [1, 2],
        weights: [1],
      }).success,
    ).toBe(false);
    expect(
      DistributionSchema.safeParse({ kind: 'exponential', mean: 0 }).success,
    ).toBe(false);
  });
});

describe('random', () => {
  it('is the same for the same seed, in [0, 1), and differs between seeds and indices', () => {
    const a = createRandom(5);
    const b = createRandom(5);
    const c = createRandom(6);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(c.next()).not.toBe(xs[0]);
    expect(mixSeed(1, 0)).not.toBe(mixSeed(1, 1));
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / 1000 - 0.5)).toBeLessThan(
      0.05,
    );
  });
});
