import { createChinaCalendar, isKuaibanError } from '@kuaiban/calendar';
import type { KuaibanError } from '@kuaiban/calendar';
import { defineChain, materialsRequested } from '@kuaiban/core';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput, Summary } from '../src/index.js';
import {
  ChainKpiDocumentSchema,
  chainKpiText,
  itemInChain,
  replayTraces,
  simulate,
  simulateChain,
} from '../src/index.js';
import { foodPermitInChainInput, restaurantChainInput } from './fixtures.js';

const calendar = createChinaCalendar().withOptions({ beyondData: 'weekdays' });

/** Nothing goes wrong, every task takes fixed hours, officers never queue: each item's time is fixed. */
const clockwork: ScenarioInput = {
  arrivals: { kind: 'poisson', perWorkingDay: 1 },
  defaultStaff: 40,
  probabilities: {
    refusal: 0,
    materialsIncomplete: 0,
    choosesCommitment: 0,
    stepRejects: 0,
    departmentRejects: 0,
    departmentAsksSupplement: 0,
    rates: 0,
  },
  durations: {
    acceptance: { kind: 'constant', value: 1 },
    review: { kind: 'constant', value: 3 },
    departmentReview: { kind: 'constant', value: 10 },
    decision: { kind: 'constant', value: 2 },
    issuance: { kind: 'constant', value: 1 },
  },
};

const rejected = async (run: Promise<unknown>): Promise<KuaibanError> => {
  const error: unknown = await run.then(
    () => new Error('expected an error'),
    (e: unknown) => e,
  );
  if (isKuaibanError(error)) return error;
  throw error as Error;
};

describe('simulateChain: enterprises through a chain (一件事)', () => {
  it('runs items after their predecessors: end to end is the licence, then the longer of two side by side, or the sum in series', async () => {
    const options = {
      enterprises: 60,
      replications: 2,
      seed: 4,
      scenario: clockwork,
    };
    const side = await simulateChain(restaurantChainInput(), options);
    const serial = await simulateChain(restaurantChainInput(true), options);
    const [licence, food, construction] = side.kpi.items.map(
      (i) => i.kpi.cycleTime.workingDays,
    ) as [Summary, Summary, Summary];
    // Fixed times: every case of an item takes the same.
    for (const item of [licence, food, construction]) {
      expect(item.p99 - item.p50).toBeLessThan(1e-3);
    }
    expect(construction.p50).toBeGreaterThan(food.p50);
    expect(side.kpi.completed.share).toBe(1);
    expect(side.kpi.endToEnd.workingDays.p50).toBeCloseTo(
      licence.p50 + construction.p50,
      2,
    );
    expect(serial.kpi.endToEnd.workingDays.p50).toBeCloseTo(
      licence.p50 + food.p50 + construction.p50,
      2,
    );
    expect(serial.kpi.endToEnd.calendarDays.p50).toBeGreaterThanOrEqual(
      Math.floor(serial.kpi.endToEnd.workingDays.p50),
    );
  });

  it('SVC-SHARE: a material an earlier item provides is not asked for again', async () => {
    const chain = defineChain(restaurantChainInput());
    const run = await simulateChain(chain, {
      enterprises: 300,
      replications: 2,
      seed: 8,
      traceCases: 20,
      scenario: {
        probabilities: {
          materialsIncomplete: 1,
          onlyTolerableMissing: 0,
          choosesCommitment: 0,
        },
      },
    });
    const food = run.items[1]!;
    expect(food.provided).toEqual(['licence-copy']);
    expect(food.model.materialIds).toEqual(
      materialsRequested(chain, 'food-business-permit').map((m) => m.id),
    );
    expect(food.model.materialIds).not.toContain('licence-copy');
    const checked = food.traces.flatMap((t) =>
      t.steps.filter((s) => 'type' in s && s.type === 'MATERIALS_CHECKED'),
    );
    expect(checked.length).toBeGreaterThan(0);
    for (const step of checked) {
      expect(JSON.stringify(step)).not.toContain('licence-copy');
    }
    // Alone, the same item asks for the licence copy: one material more per case.
    const alone = await simulate(foodPermitInChainInput(), {
      cases: 300,
      replications: 2,
      seed: 8,
      scenario: {
        probabilities: { materialsIncomplete: 0, choosesCommitment: 0 },
      },
    });
    const inChain = await simulateChain(chain, {
      enterprises: 300,
      replications: 2,
      seed: 8,
      scenario: {
        probabilities: { materialsIncomplete: 0, choosesCommitment: 0 },
      },
    });
    expect(alone.kpi.perCase.materials.mean).toBe(4);
    expect(inChain.kpi.items[1]!.kpi.perCase.materials.mean).toBe(3);
    expect(inChain.kpi.materialsProvided).toBe(1);
  });

  it('replays an item run inside the chain through the engine: same path, states and due dates', async () => {
    const run = await simulateChain(restaurantChainInput(), {
      enterprises: 200,
      replications: 1,
      seed: 11,
      traceCases: 15,
      scenario: {
        arrivals: { kind: 'poisson', perWorkingDay: 8 },
        probabilities: {
          materialsIncomplete: 0.5,
          departmentAsksSupplement: 0.4,
        },
      },
    });
    for (const item of run.items.slice(1)) {
      expect(item.traces).toHaveLength(15);
      const report = await replayTraces(item.item, item.traces, { calendar });
      expect(report.commands).toBeGreaterThan(50);
      expect(report.mismatches).toEqual([]);
    }
  });

  it('an enterprise whose item is refused goes no further', async () => {
    const run = await simulateChain(restaurantChainInput(), {
      enterprises: 50,
      replications: 2,
      scenario: { probabilities: { refusal: 1 } },
    });
    expect(run.kpi.completed.share).toBe(0);
    expect(run.kpi.items[0]!.kpi.outcomes.refused.share).toBe(1);
    expect(run.kpi.items[1]!.kpi.cases).toBe(0);
    expect(run.kpi.endToEnd.workingDays.p90).toBe(0);
  });

  it('is deterministic, validates its document, and prints a table', async () => {
    const options = { enterprises: 100, replications: 2, seed: 2 };
    const a = await simulateChain(restaurantChainInput(), options);
    const b = await simulateChain(restaurantChainInput(), options);
    expect(a.kpi).toEqual(b.kpi);
    expect(ChainKpiDocumentSchema.parse(a.kpi)).toEqual(a.kpi);
    expect(a.kpi.enterprises).toBe(200);
    const text = chainKpiText(a.kpi);
    expect(text).toContain('2 replications × 100 enterprises, seed 2');
    expect(text).toMatch(/^construction-permit +\d+/m);
  });

  it('takes per-item scenario fields, and one scenario naming any item’s steps and pools', async () => {
    let progress = 0;
    const run = await simulateChain(restaurantChainInput(), {
      enterprises: 50,
      replications: 2,
      onProgress: () => progress++,
      scenario: {
        durations: { steps: { 'site-review': { kind: 'constant', value: 2 } } },
        staff: [
          { department: 'market-regulation', role: 'reviewer', count: 2 },
        ],
      },
      items: { 'construction-permit': { defaultStaff: 7 } },
    });
    expect(progress).toBe(2);
    const staff = (i: number) =>
      run.kpi.items[i]!.kpi.pools.map((p) => p.staff);
    expect(staff(2).every((n) => n === 7)).toBe(true);
    expect(staff(1)).toContain(2);
  });

  it('refuses bad options and scenarios with the field named', async () => {
    const chain = restaurantChainInput();
    expect(
      (await rejected(simulateChain(chain, { enterprises: 0 }))).code,
    ).toBe('INVALID_ARGUMENT');
    for (const [scenario, items, path] of [
      [
        { durations: { steps: { nowhere: { kind: 'constant', value: 1 } } } },
        {},
        'durations.steps.nowhere',
      ],
      [
        {
          durations: {
            departments: { nowhere: { kind: 'constant', value: 1 } },
          },
        },
        {},
        'durations.departments.nowhere',
      ],
      [
        { staff: [{ department: 'nowhere', role: 'reviewer', count: 1 }] },
        {},
        'staff.0',
      ],
      [{}, { 'no-such-item': {} }, 'items.no-such-item'],
    ] as [ScenarioInput, Record<string, ScenarioInput>, string][]) {
      const error = await rejected(simulateChain(chain, { scenario, items }));
      expect(error.code).toBe('INVALID_SCENARIO');
      expect(error.message).toContain(path);
    }
    const defined = defineChain(chain);
    expect(itemInChain(defined, defined.items[0]!.item)).toBe(
      defined.items[0]!.item,
    );
  });
});
