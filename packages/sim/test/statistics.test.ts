import { describe, expect, it } from 'vitest';
import { confidenceInterval, erlangCWait, quantile } from '../src/index.js';
import { t975 } from '../src/statistics.js';

describe('statistics', () => {
  it('takes exact quantiles by the nearest rank', () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(sorted, 0.5)).toBe(50);
    expect(quantile(sorted, 0.9)).toBe(90);
    expect(quantile(sorted, 0.99)).toBe(99);
    expect(quantile(sorted, 1)).toBe(100);
    expect(quantile(new Float64Array(0), 0.5)).toBe(0);
  });

  it('gives a Student-t interval over replications', () => {
    // Mean 2, standard deviation 1, t(2) = 4.303.
    const [lo, hi] = confidenceInterval([1, 2, 3]);
    expect(lo).toBeCloseTo(2 - 4.303 / Math.sqrt(3));
    expect(hi).toBeCloseTo(2 + 4.303 / Math.sqrt(3));
    expect(confidenceInterval([4])).toEqual([4, 4]);
    expect(t975(1)).toBe(12.706);
    expect(t975(200)).toBe(1.96);
    expect(t975(0)).toBe(Infinity);
  });

  it('computes Erlang C waits: M/M/1 is ρ/(μ−λ), more servers wait less', () => {
    expect(erlangCWait(0.8, 1, 1)).toBeCloseTo(4);
    expect(erlangCWait(2, 1, 3)).toBeCloseTo(0.4444, 3);
    expect(erlangCWait(3, 1, 3)).toBe(Infinity);
  });
});
