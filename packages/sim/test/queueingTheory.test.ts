import { describe, expect, it } from 'vitest';
import { erlangCWait, simulate } from '../src/index.js';
import { queueOnly, singleQueueInput } from './fixtures.js';

// Office time is 7 hours a day (09:00–12:00, 13:30–17:30), so a service of
// h hours is a rate of 7 / h per working day.
async function reviewerWait(
  perDay: number,
  serviceHours: number,
  servers: number,
) {
  const { kpi } = await simulate(singleQueueInput(), {
    cases: 8000,
    replications: 12,
    seed: 20250101,
    warmupDays: 60,
    scenario: {
      ...queueOnly,
      arrivals: { kind: 'poisson', perWorkingDay: perDay },
      durations: {
        ...queueOnly.durations,
        review: { kind: 'exponential', mean: serviceHours },
      },
      staff: [
        ...queueOnly.staff,
        { department: 'market-regulation', role: 'reviewer', count: servers },
      ],
    },
  });
  const pool = kpi.pools.find((p) => p.role === 'reviewer')!;
  const theory = erlangCWait(perDay, 7 / serviceHours, servers) * 7;
  return {
    theory,
    ...pool.queueWaitHours,
    utilisation: pool.utilisation.share,
  };
}

describe('queueing theory', () => {
  it('an M/M/1 review queue waits as long as the formula says, within the 95% interval', async () => {
    const { theory, mean, ci95, utilisation } = await reviewerWait(5, 1.05, 1);
    expect(theory).toBeCloseTo(3.15, 2);
    expect(ci95[0]).toBeLessThanOrEqual(theory);
    expect(ci95[1]).toBeGreaterThanOrEqual(theory);
    expect(Math.abs(mean - theory) / theory).toBeLessThan(0.15);
    expect(utilisation).toBeCloseTo(0.75, 1);
  });

  it('an M/M/3 review queue matches Erlang C within the 95% interval', async () => {
    const { theory, ci95, utilisation } = await reviewerWait(15, 1, 3);
    expect(ci95[0]).toBeLessThanOrEqual(theory);
    expect(ci95[1]).toBeGreaterThanOrEqual(theory);
    expect(utilisation).toBeCloseTo(15 / 21, 1);
  });
});
