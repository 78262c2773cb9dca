import { describe, expect, it } from 'vitest';
import { KpiDocumentSchema, simulate } from '../src/index.js';
import { constructionPermitInput, foodPermitInput } from './fixtures.js';

describe('simulate', () => {
  it('gives a valid KPI document, the same for the same seed, another for another seed', async () => {
    const a = await simulate(foodPermitInput(), {
      cases: 400,
      replications: 4,
      seed: 3,
    });
    const b = await simulate(foodPermitInput(), {
      cases: 400,
      replications: 4,
      seed: 3,
    });
    const c = await simulate(foodPermitInput(), {
      cases: 400,
      replications: 4,
      seed: 4,
    });
    expect(KpiDocumentSchema.parse(a.kpi)).toEqual(a.kpi);
    expect(b.kpi).toEqual(a.kpi);
    expect(c.kpi.cycleTime).not.toEqual(a.kpi.cycleTime);
    expect(a.kpi.cases).toBe(1600);
    const { workingDays } = a.kpi.cycleTime;
    expect(workingDays.p50).toBeLessThanOrEqual(workingDays.p90);
    expect(workingDays.p90).toBeLessThanOrEqual(workingDays.p99);
    expect(workingDays.ci95[0]).toBeLessThanOrEqual(workingDays.mean);
    expect(a.traces).toHaveLength(5);
    const shares = Object.values(a.kpi.outcomes).reduce(
      (s, r) => s + r.share,
      0,
    );
    expect(shares).toBeCloseTo(1, 3);
  });

  it('runs replications on worker threads with the same result as one thread, reporting progress', async () => {
    const progress: [number, number][] = [];
    const one = await simulate(constructionPermitInput(), {
      cases: 300,
      replications: 3,
      seed: 8,
    });
    const two = await simulate(constructionPermitInput(), {
      cases: 300,
      replications: 3,
      seed: 8,
      threads: 2,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(two.kpi).toEqual(one.kpi);
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('SVC-SIX-CUTS: fewer visits and proofs when applicants take 告知承诺', async () => {
    const standard = await simulate(foodPermitInput(), {
      cases: 300,
      replications: 2,
      scenario: { probabilities: { choosesCommitment: 0 } },
    });
    const commitment = await simulate(foodPermitInput(), {
      cases: 300,
      replications: 2,
      scenario: { probabilities: { choosesCommitment: 1 } },
    });
    expect(commitment.kpi.perCase.proofs.mean).toBe(0);
    expect(standard.kpi.perCase.proofs.mean).toBe(1);
    expect(commitment.kpi.perCase.visits.mean).toBeLessThan(
      standard.kpi.perCase.visits.mean,
    );
    expect(commitment.kpi.cycleTime.workingDays.mean).toBeLessThan(
      standard.kpi.cycleTime.workingDays.mean,
    );
  });

  it('refuses bad options with INVALID_ARGUMENT and a bad design with INVALID_DEFINITION', async () => {
    await expect(
      simulate(foodPermitInput(), { cases: 0 }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(
      simulate({ ...foodPermitInput(), materials: [] }),
    ).rejects.toMatchObject({ code: 'INVALID_DEFINITION' });
    await expect(
      simulate(foodPermitInput(), { scenario: { defaultStaff: 0 } }),
    ).rejects.toMatchObject({ code: 'INVALID_SCENARIO' });
  });
});
