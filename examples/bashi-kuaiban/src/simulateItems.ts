import type { ItemDefinition } from '@kuaiban/core';
import type { ChainKpiDocument, ScenarioInput, Simulation } from '@kuaiban/sim';
import { simulate, simulateChain } from '@kuaiban/sim';
import type { Comparison } from './beforeAfter.js';
import { chainScenarios } from './scenarios.js';

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

/** A before/after pair simulated end to end, for the 六减 table. */
export interface ComparisonRun {
  readonly comparison: Comparison;
  readonly before: ChainKpiDocument;
  readonly after: ChainKpiDocument;
}

/**
 * Simulates both sides of each comparison as chains (each enterprise
 * through every item in order, SVC-SHARE applied), with the same arrivals,
 * seed and item scenarios on both sides.
 */
export async function simulateComparisons(
  comparisons: readonly { comparison: Comparison; perWorkingDay: number }[],
  run: SimulationRun,
): Promise<ComparisonRun[]> {
  const out: ComparisonRun[] = [];
  for (const { comparison, perWorkingDay } of comparisons) {
    const side = async (chain: Comparison['before']) =>
      (
        await simulateChain(chain, {
          ...chainScenarios(chain, perWorkingDay),
          enterprises: Math.ceil(run.cases / run.replications),
          replications: run.replications,
          seed: run.seed,
          traceCases: 0,
        })
      ).kpi;
    out.push({
      comparison,
      before: await side(comparison.before),
      after: await side(comparison.after),
    });
  }
  return out;
}
