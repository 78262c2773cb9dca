import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../src/index.js';
import { checkFidelity, kpiText, simulate } from '../src/index.js';
import { constructionPermitInput, foodPermitInput } from './fixtures.js';

const verifying = (falseShare: number): ScenarioInput => ({
  probabilities: { choosesCommitment: 0.7, refusal: 0 },
  verification: {
    days: { kind: 'uniform', min: 2, max: 30 },
    falseShare,
  },
});

describe('finishing tasks: post-decision verification of commitments', () => {
  it('GZ-VERIFY: every approved 告知承诺 case is checked after its certificate; GZ-FALSE: those found false are revoked', async () => {
    const options = { cases: 300, replications: 2, seed: 9 };
    const some = await simulate(foodPermitInput(), {
      ...options,
      scenario: verifying(0.3),
    });
    expect(some.kpi.verification?.verified.share).toBe(1);
    const revoked = some.kpi.verification?.revoked.share ?? 0;
    expect(revoked).toBeGreaterThan(0.2);
    expect(revoked).toBeLessThan(0.4);
    expect(kpiText(some.kpi)).toContain('revoked 撤销 (GZ-FALSE)');
    expect(some.model.pools.map((p) => p.role)).toContain('reviewer');
    const none = await simulate(foodPermitInput(), {
      ...options,
      scenario: verifying(0),
    });
    expect(none.kpi.verification?.revoked.share).toBe(0);
    const all = await simulate(foodPermitInput(), {
      ...options,
      scenario: verifying(1),
    });
    expect(all.kpi.verification?.revoked.share).toBe(1);
    // Revocation comes after the certificate: the cycle time is the same.
    expect(all.kpi.cycleTime).toEqual(none.kpi.cycleTime);
  });

  it('GZ-VERIFY: no verification without the scenario asking for it, or without 告知承诺 in the item', async () => {
    const plain = await simulate(foodPermitInput(), {
      cases: 50,
      replications: 1,
    });
    expect(plain.kpi.verification).toBeUndefined();
    expect(kpiText(plain.kpi)).not.toContain('GZ-VERIFY');
    const noCommitment = await simulate(constructionPermitInput(), {
      cases: 50,
      replications: 1,
      scenario: verifying(0.5),
    });
    expect(noCommitment.kpi.verification).toBeUndefined();
  });

  it('GZ-FALSE: the engine takes every verification, revokes the same permits and refuses nothing after', async () => {
    const report = await checkFidelity(foodPermitInput(), {
      cases: 30,
      seed: 4,
      scenario: {
        ...verifying(0.5),
        probabilities: { choosesCommitment: 1, grades: [1, 1, 1, 1, 1] },
        verification: {
          days: { kind: 'uniform', min: 0, max: 3 },
          falseShare: 0.5,
        },
      },
    });
    const entries = report.histories.flatMap((h) => h.entries);
    const verified = entries.filter((e) => e.command.type === 'VERIFY');
    expect(verified.length).toBeGreaterThan(5);
    expect(JSON.stringify(verified)).toContain('deliberately-false');
    expect(JSON.stringify(verified)).toContain('conditions-met');
    expect(report.mismatches).toEqual([]);
  });
});
