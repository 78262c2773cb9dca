import { describe, expect, it } from 'vitest';
import {
  CONSTRUCTION_PERMITS_COMPARISON,
  PROPERTY_TRANSFER_COMPARISON,
} from '../src/beforeAfter.js';
import { designFigures } from '../src/designFigures.js';
import { ENTERPRISE_CHAIN } from '../src/enterpriseChain.js';

describe('designFigures: the reform on paper', () => {
  it('SVC-SIX-CUTS, GC-120WD: construction permits, 14 serial permits (200+ working days) against four joint stages (120 promised)', () => {
    const before = designFigures(CONSTRUCTION_PERMITS_COMPARISON.before);
    const after = designFigures(CONSTRUCTION_PERMITS_COMPARISON.after);
    expect(before).toEqual({
      applications: 14,
      reviewSteps: 28,
      materialsBrought: 82,
      // 13 permits at 20 working days and one at 15 calendar days (11).
      statutoryDays: 271,
      promisedDays: 271,
    });
    expect(after).toEqual({
      applications: 4,
      reviewSteps: 14,
      materialsBrought: 20,
      statutoryDays: 180,
      promisedDays: 120,
    });
    expect(before.statutoryDays).toBeGreaterThan(200);
  });

  it('SVC-SIX-CUTS: property transfer, three windows in turn against one window in 1 working day', () => {
    expect(designFigures(PROPERTY_TRANSFER_COMPARISON.before)).toEqual({
      applications: 3,
      reviewSteps: 4,
      materialsBrought: 18,
      statutoryDays: 70,
      promisedDays: 9,
    });
    expect(designFigures(PROPERTY_TRANSFER_COMPARISON.after)).toEqual({
      applications: 1,
      reviewSteps: 3,
      materialsBrought: 4,
      statutoryDays: 30,
      promisedDays: 1,
    });
  });

  it('SVC-SHARE: the whole chain counts only what the applicant still brings', () => {
    const figures = designFigures(ENTERPRISE_CHAIN);
    const listed = ENTERPRISE_CHAIN.items.reduce(
      (sum, e) => sum + e.item.materials.length,
      0,
    );
    expect(figures.applications).toBe(20);
    expect(figures.materialsBrought).toBeLessThan(listed / 2);
  });
});
