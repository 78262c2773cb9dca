import { createChinaCalendar } from '@kuaiban/calendar';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../src/index.js';
import {
  checkFidelity,
  compileSimulation,
  defineScenario,
  replayTraces,
  runReplication,
} from '../src/index.js';
import {
  constructionPermitInput,
  foodPermit,
  foodPermitInput,
} from './fixtures.js';

/** A scenario that takes every branch often: refusals, corrections, 容缺 and lapses, pauses, supplements, timeouts. */
const everyBranch: ScenarioInput = {
  arrivals: { kind: 'poisson', perWorkingDay: 9 },
  pause: { probability: 0.3, days: { kind: 'uniform', min: 1, max: 5 } },
  probabilities: {
    refusal: 0.1,
    materialsIncomplete: 0.5,
    supplementLate: 0.2,
    stepRejects: 0.2,
    departmentRejects: 0.2,
    departmentAsksSupplement: 0.4,
    grades: [1, 1, 1, 1, 1],
  },
};

describe('checkFidelity: the simulator and the engine take the same path', () => {
  for (const [name, input] of [
    ['食品经营许可 (容缺, 告知承诺, chain review)', foodPermitInput],
    ['建筑工程施工许可 (parallel review, escalation)', constructionPermitInput],
  ] as const) {
    it(`${name}: default scenario, every command accepted, same states and due dates`, async () => {
      const report = await checkFidelity(input(), { cases: 40, seed: 11 });
      expect(report.cases).toBe(40);
      expect(report.commands).toBeGreaterThan(200);
      expect(report.mismatches).toEqual([]);
    });

    it(`${name}: every branch, with one officer per post (deemed acceptance, lapses, timeouts)`, async () => {
      const report = await checkFidelity(input(), {
        cases: 60,
        seed: 5,
        scenario: { ...everyBranch, defaultStaff: 1 },
      });
      const types = new Set(
        report.histories.flatMap((h) => h.entries.map((e) => e.command.type)),
      );
      expect(types).toContain('PROPOSE_REFUSAL');
      expect(types).toContain('PAUSE');
      expect(types).toContain('TICK');
      expect(report.mismatches).toEqual([]);
    });
  }

  it('finds a mismatch when the simulator is wrong about a state or a due date', async () => {
    const calendar = createChinaCalendar().withOptions({
      beyondData: 'weekdays',
    });
    const model = compileSimulation(
      foodPermit,
      defineScenario({ probabilities: { materialsIncomplete: 0, refusal: 0 } }),
      { calendar },
    );
    const { traces } = runReplication(model, {
      seed: 2,
      replication: 0,
      cases: 3,
      warmupDays: 0,
      traceCases: 3,
    });
    const [first, second, third] = traces;
    const wrongState = {
      ...first!,
      steps: first!.steps.map((s, i) =>
        i === 0 ? { ...s, state: 'archived' } : s,
      ),
    };
    const wrongDue = {
      ...second!,
      due: { ...second!.due, issuance: '2099-01-01' },
    };
    const unknownCommand = {
      ...third!,
      steps: [{ ...third!.steps[0]!, type: 'APPROVE' } as never],
    };
    const report = await replayTraces(
      foodPermit,
      [wrongState, wrongDue, unknownCommand],
      { calendar },
    );
    expect(report.mismatches.map((m) => m.what)).toEqual([
      'state after PRE_REVIEW_PASSED',
      'issuance due date',
      'command APPROVE',
    ]);
  });

  it('refuses a design that is not a valid service item', async () => {
    await expect(checkFidelity({ id: 'x' })).rejects.toMatchObject({
      code: 'INVALID_DEFINITION',
    });
  });
});
