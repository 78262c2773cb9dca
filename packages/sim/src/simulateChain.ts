import type { WorkCalendar } from '@kuaiban/calendar';
import { parseWith } from '@kuaiban/calendar';
import type {
  ChainDefinition,
  ChainDefinitionInput,
  ItemDefinition,
} from '@kuaiban/core';
import { defineChain, defineItem, providedMaterials } from '@kuaiban/core';
import { z } from 'zod';
import type { CaseTrace } from './caseTrace.js';
import type { ChainKpiDocument } from './chainKpiDocument.js';
import type { KpiDocument } from './kpiDocument.js';
import { kpiDocument, rateOf, summaryOf } from './kpiDocument.js';
import type {
  ChainModel,
  ChainReplicationResult,
} from './runChainReplication.js';
import { runChainReplication } from './runChainReplication.js';
import { simulationCalendar } from './runReplications.js';
import type { Scenario, ScenarioInput } from './scenarioSchema.js';
import { defineScenario } from './scenarioSchema.js';
import type { SimulationModel } from './simulationModel.js';
import { scenarioError } from './scenarioError.js';
import { compileSimulation } from './simulationModel.js';

const SimulateChainOptionsSchema = z.strictObject({
  enterprises: z.number().int().min(1).max(10_000_000).default(1000),
  replications: z.number().int().min(1).max(1000).default(5),
  seed: z.number().int().default(1),
  warmupDays: z.number().min(0).default(20),
  traceCases: z.number().int().min(0).max(1000).default(5),
});

export interface SimulateChainOptions {
  /** The chain's scenario: the enterprises' arrivals, and every item's staff, durations and choices. */
  readonly scenario?: ScenarioInput;
  /**
   * Per item id, scenario fields that replace the chain scenario's for that
   * item (its `start` and `arrivals` are the chain's).
   */
  readonly items?: Readonly<Record<string, ScenarioInput>>;
  /** Enterprises counted per replication, after the warm-up (default 1000). */
  readonly enterprises?: number;
  /** Independent replications (default 5). */
  readonly replications?: number;
  readonly seed?: number;
  /** Working days whose arrivals are not counted (default 20). */
  readonly warmupDays?: number;
  /** Counted cases of each item recorded in full in the first replication (default 5). */
  readonly traceCases?: number;
  /** Default: the national calendar, weekdays beyond its data. */
  readonly calendar?: WorkCalendar;
  /** Called after each replication. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** One item of a simulated chain. */
export interface ChainItemSimulation {
  /** The item as the chain asks for it: materials earlier items provide are marked shared. */
  readonly item: ItemDefinition;
  readonly provided: readonly string[];
  readonly model: SimulationModel;
  readonly kpi: KpiDocument;
  readonly traces: readonly CaseTrace[];
}

/** A finished chain simulation. */
export interface ChainSimulation {
  readonly kpi: ChainKpiDocument;
  readonly items: readonly ChainItemSimulation[];
  readonly replications: readonly ChainReplicationResult[];
}

/** The item as a chain asks for it: each provided material `sharedFrom` its provider (SVC-SHARE). */
export function itemInChain(
  chain: ChainDefinition,
  item: ItemDefinition,
): ItemDefinition {
  const provisions = chain.provides.filter((p) => p.to === item.id);
  if (provisions.length === 0) return item;
  return defineItem({
    ...item,
    materials: item.materials.map((material) => {
      const provision = provisions.find((p) => p.material === material.id);
      return provision && material.sharedFrom === undefined
        ? {
            ...material,
            sharedFrom: { item: provision.from, result: provision.result },
          }
        : material;
    }),
  });
}

/** Items in an order their `after` edges allow (a chain has no cycle). */
function orderOf(after: readonly (readonly number[])[]): number[] {
  const order: number[] = [];
  const placed = new Set<number>();
  while (order.length < after.length) {
    after.forEach((needs, i) => {
      if (!placed.has(i) && needs.every((k) => placed.has(k))) {
        placed.add(i);
        order.push(i);
      }
    });
  }
  return order;
}

/** Every step, department and pool the chain scenario names is one of some item's. */
function checkNames(scenario: Scenario, models: SimulationModel[]): void {
  for (const key of Object.keys(scenario.durations.steps)) {
    if (!models.some((m) => m.steps.some((s) => s.id === key)))
      throw scenarioError(
        `no item of the chain has a review step "${key}"`,
        `链条中没有事项有审查环节“${key}”`,
        ['durations', 'steps', key],
      );
  }
  for (const key of Object.keys(scenario.durations.departments)) {
    if (!models.some((m) => m.departments.some((d) => d.id === key)))
      throw scenarioError(
        `no item of the chain has a department "${key}" in its parallel review`,
        `链条中没有事项的并联审批包含部门“${key}”`,
        ['durations', 'departments', key],
      );
  }
  scenario.staff.forEach((s, index) => {
    const found = models.some((m) =>
      m.pools.some((p) => p.department === s.department && p.role === s.role),
    );
    if (!found)
      throw scenarioError(
        `no step of the chain's items is done by ${s.role} of "${s.department}"`,
        `链条各事项中没有由“${s.department}”的 ${s.role} 办理的环节`,
        ['staff', index],
      );
  });
}

/**
 * Simulates a chain (一件事): enterprises arrive, each runs the items in
 * the order their `after` edges allow (items without an order between them
 * at the same time), never asked again for materials earlier items provide
 * (SVC-SHARE). Reports the end-to-end time per enterprise and every item's
 * KPIs.
 *
 * @example
 * const { kpi } = await simulateChain(openRestaurant, { enterprises: 2000, seed: 7 });
 * kpi.endToEnd.workingDays.p90; // P90 from arrival to the last certificate
 * kpi.items[1]!.kpi.perCase.materials.mean; // fewer: the licence is shared
 */
export async function simulateChain(
  definition: ChainDefinition | ChainDefinitionInput,
  options: SimulateChainOptions = {},
): Promise<ChainSimulation> {
  const {
    scenario: input = {},
    items: perItem = {},
    calendar,
    onProgress,
    ...rest
  } = options;
  const settings = parseWith(SimulateChainOptionsSchema, rest, {
    code: 'INVALID_ARGUMENT',
    what: 'chain simulation options',
    whatZh: '链条仿真选项',
  });
  const chain = defineChain(definition);
  const base = defineScenario(input);
  const ids = chain.items.map((e) => e.item.id);
  for (const id of Object.keys(perItem)) {
    if (!ids.includes(id))
      throw scenarioError(
        `the chain has no item "${id}"`,
        `链条中没有事项“${id}”`,
        ['items', id],
      );
  }
  const on = calendar ?? simulationCalendar();
  const itemDefinitions = chain.items.map((e) => itemInChain(chain, e.item));
  const models = itemDefinitions.map((item) => {
    const own = perItem[item.id];
    const scenario = own
      ? defineScenario({
          ...input,
          ...own,
          start: base.start,
          arrivals: base.arrivals,
        })
      : base;
    return compileSimulation(item, scenario, { calendar: on, inChain: true });
  });
  checkNames(base, models);
  const after = chain.items.map((e) => e.after.map((id) => ids.indexOf(id)));
  const model: ChainModel = { items: models, after, order: orderOf(after) };
  const results: ChainReplicationResult[] = [];
  for (let r = 0; r < settings.replications; r++) {
    results.push(
      runChainReplication(model, {
        seed: settings.seed,
        replication: r,
        enterprises: settings.enterprises,
        warmupDays: settings.warmupDays,
        traceCases: r === 0 ? settings.traceCases : 0,
      }),
    );
    onProgress?.(r + 1, settings.replications);
    // Let the caller's progress bar and timers run between replications.
    await Promise.resolve();
  }
  const items = models.map((m, i): ChainItemSimulation => {
    const replications = results.map((r) => r.items[i]!);
    return {
      item: itemDefinitions[i]!,
      provided: providedMaterials(chain, m.item.id),
      model: m,
      kpi: kpiDocument(m, replications, {
        seed: settings.seed,
        cases: settings.enterprises,
        warmupDays: settings.warmupDays,
      }),
      traces: replications[0]?.traces ?? [],
    };
  });
  return {
    kpi: {
      format: 'kuaiban-sim-chain-kpi',
      version: 1,
      chain: {
        chainId: chain.id,
        name: chain.name,
        nameZh: chain.nameZh,
        items: chain.items.length,
      },
      scenario: base.name,
      run: {
        seed: settings.seed,
        replications: settings.replications,
        enterprisesPerReplication: settings.enterprises,
        warmupDays: settings.warmupDays,
        start: base.start,
      },
      enterprises: results.reduce((n, r) => n + r.enterprises, 0),
      completed: rateOf(
        results.map((r) => [r.endWorkingDays.length, r.enterprises]),
      ),
      endToEnd: {
        workingDays: summaryOf(results.map((r) => r.endWorkingDays)),
        calendarDays: summaryOf(results.map((r) => r.endCalendarDays)),
      },
      perEnterprise: {
        visits: summaryOf(results.map((r) => r.visits)),
        materials: summaryOf(results.map((r) => r.materials)),
        proofs: summaryOf(results.map((r) => r.proofs)),
        steps: summaryOf(results.map((r) => r.steps)),
      },
      materialsProvided: chain.provides.length,
      items: items.map((item, i) => ({
        itemId: item.item.id,
        after: chain.items[i]!.after,
        provided: [...item.provided],
        kpi: item.kpi,
      })),
    },
    items,
    replications: results,
  };
}
