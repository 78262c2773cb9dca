import type { ItemDefinition } from '@kuaiban/core';
import type { ScenarioInput, Simulation } from '@kuaiban/sim';
import { simulate } from '@kuaiban/sim';
import type { Comparison } from './beforeAfter.js';

/** How many cases, in how many replications, with which seed. */
export interface SimulationRun {
  readonly cases: number;
  readonly replications: number;
  readonly seed: number;
}

/**
 * Simulates each item under its scenario: `cases` applications in all,
 * split over the replications, with one seed for every item.
 */
export async function simulateItems(
  items: readonly ItemDefinition[],
  scenarios: Readonly<Record<string, ScenarioInput>>,
  run: SimulationRun,
  onProgress?: (done: number, total: number, item: ItemDefinition) => void,
): Promise<Map<string, Simulation>> {
  const results = new Map<string, Simulation>();
  for (const item of items) {
    if (results.has(item.id)) continue;
    results.set(
      item.id,
      await simulate(item, {
        scenario: scenarios[item.id] ?? {},
        cases: Math.ceil(run.cases / run.replications),
        replications: run.replications,
        seed: run.seed,
        traceCases: 1,
      }),
    );
    onProgress?.(results.size, items.length, item);
  }
  return results;
}

/** Per-case means of a process of items done one after another (SVC-SIX-CUTS). */
export interface ProcessMeans {
  readonly items: number;
  /** Sum of the items' mean working days: the mean of a serial process. */
  readonly workingDays: number;
  readonly visits: number;
  readonly materials: number;
  readonly proofs: number;
  readonly steps: number;
}

/**
 * The means of a serial process from its items' simulations: means add up
 * along a sequence (quantiles do not, so none is given).
 */
export function processMeans(
  items: readonly ItemDefinition[],
  simulations: ReadonlyMap<string, Simulation>,
): ProcessMeans {
  const sum = (of: (s: Simulation) => number) =>
    items.reduce((total, item) => {
      const simulation = simulations.get(item.id);
      return simulation ? total + of(simulation) : total;
    }, 0);
  return {
    items: items.length,
    workingDays: sum((s) => s.kpi.cycleTime.workingDays.mean),
    visits: sum((s) => s.kpi.perCase.visits.mean),
    materials: sum((s) => s.kpi.perCase.materials.mean),
    proofs: sum((s) => s.kpi.perCase.proofs.mean),
    steps: sum((s) => s.kpi.perCase.steps.mean),
  };
}

/** A before/after pair's means, for the 六减 table. */
export interface ComparisonMeans {
  readonly comparison: Comparison;
  readonly before: ProcessMeans;
  readonly after: ProcessMeans;
}

const itemsOf = (chain: Comparison['before']) =>
  chain.items.map((entry) => entry.item);

/** Simulates both sides of each comparison, every item under its scenario. */
export async function simulateComparisons(
  comparisons: readonly Comparison[],
  scenarios: Readonly<Record<string, ScenarioInput>>,
  run: SimulationRun,
): Promise<ComparisonMeans[]> {
  const out: ComparisonMeans[] = [];
  for (const comparison of comparisons) {
    const before = itemsOf(comparison.before);
    const after = itemsOf(comparison.after);
    const simulations = await simulateItems(
      [...before, ...after],
      scenarios,
      run,
    );
    out.push({
      comparison,
      before: processMeans(before, simulations),
      after: processMeans(after, simulations),
    });
  }
  return out;
}
