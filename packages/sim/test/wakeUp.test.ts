import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../src/index.js';
import { checkFidelity, kpiText, simulate } from '../src/index.js';
import { foodPermitInput } from './fixtures.js';

/** Reviews of 21 to 29 working days: past the 20-day statutory limit, within its 10-day extension. */
const slowReview = (extension: number): ScenarioInput => ({
  arrivals: { kind: 'poisson', perWorkingDay: 2 },
  defaultStaff: 120,
  probabilities: {
    extension,
    refusal: 0,
    materialsIncomplete: 0,
    choosesCommitment: 0,
    stepRejects: 0,
  },
  durations: { review: { kind: 'uniform', min: 150, max: 200 } },
});

describe('wake-ups: extension of the statutory limit', () => {
  it('ALL-42-DECIDE-20D: the head extends an undecided case once by the days the basis allows; it is then decided within statute', async () => {
    const options = { cases: 80, replications: 2, seed: 5, warmupDays: 0 };
    const extended = await simulate(foodPermitInput(), {
      ...options,
      scenario: slowReview(1),
    });
    expect(extended.kpi.onTime.extended?.share).toBe(1);
    expect(extended.kpi.onTime.statutory.share).toBe(1);
    expect(extended.kpi.onTime.promised.share).toBe(0);
    expect(kpiText(extended.kpi)).toContain('extended 延期 (ALL-42)');
    const trace = extended.traces[0]!;
    const extend = trace.steps.find((s) => 'type' in s && s.type === 'EXTEND');
    expect(extend).toMatchObject({ role: 'agency-head', fields: { days: 10 } });
    const never = await simulate(foodPermitInput(), {
      ...options,
      scenario: slowReview(0),
    });
    expect(never.kpi.onTime.extended?.share).toBe(0);
    expect(never.kpi.onTime.statutory.share).toBe(0);
    expect(kpiText(never.kpi)).not.toContain('ALL-42');
  });

  it('ALL-42-DECIDE-20D: an item whose basis allows no extension is never extended', async () => {
    const { limits, ...rest } = foodPermitInput();
    const run = await simulate(
      {
        ...rest,
        limits: {
          ...limits,
          statutory: { days: 20, basis: '行政许可法 art. 42' },
        },
      },
      { cases: 40, replications: 1, scenario: slowReview(1) },
    );
    expect(run.kpi.onTime.extended?.share).toBe(0);
  });

  it('the engine accepts every extension and keeps the same extended due date', async () => {
    const report = await checkFidelity(foodPermitInput(), {
      cases: 12,
      seed: 3,
      scenario: {
        ...slowReview(0.6),
        pause: { probability: 0.5, days: { kind: 'uniform', min: 1, max: 6 } },
      },
    });
    const types = report.histories.flatMap((h) =>
      h.entries.map((e) => e.command.type),
    );
    expect(types).toContain('EXTEND');
    expect(types).toContain('PAUSE');
    expect(report.mismatches).toEqual([]);
  });
});
