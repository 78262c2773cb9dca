import { describe, expect, it } from 'vitest';
import {
  ComparisonDocumentSchema,
  compareDesigns,
  comparisonText,
} from '../src/index.js';
import {
  constructionPermitInput,
  foodPermitInput,
  serialConstructionInput,
} from './fixtures.js';

describe('compareDesigns', () => {
  it('a design against itself differs by nothing (common random numbers)', async () => {
    const { comparison } = await compareDesigns(
      foodPermitInput(),
      foodPermitInput(),
      { cases: 300, replications: 3 },
    );
    expect(ComparisonDocumentSchema.parse(comparison)).toEqual(comparison);
    for (const d of comparison.differences) {
      expect(d.difference).toBe(0);
      expect(d.ci95).toEqual([0, 0]);
    }
  });

  it('GC-LEAD: parallel review cuts the P90 cycle time of the serial one', async () => {
    const scenario = {
      durations: {
        review: { kind: 'triangular', min: 4, mode: 10, max: 20 },
        departmentReview: { kind: 'triangular', min: 4, mode: 10, max: 20 },
      },
    } as const;
    const { comparison } = await compareDesigns(
      serialConstructionInput(),
      constructionPermitInput(),
      {
        cases: 500,
        replications: 4,
        seed: 2,
        scenario,
      },
    );
    const p90 = comparison.differences.find(
      (d) => d.metric === 'cycleTime.workingDays.p90',
    )!;
    expect(p90.difference).toBeLessThan(0);
    expect(p90.ci95[1]).toBeLessThan(0);
    expect(comparisonText(comparison)).toContain('cycleTime.workingDays.p90');
  });
});
