import type { WorkCalendar } from '@kuaiban/calendar';
import { parseWith } from '@kuaiban/calendar';
import type { ItemDefinition, ItemDefinitionInput } from '@kuaiban/core';
import { defineItem } from '@kuaiban/core';
import { z } from 'zod';
import type { CaseTrace } from './caseTrace.js';
import type { KpiDocument } from './kpiDocument.js';
import { kpiDocument } from './kpiDocument.js';
import type { ReplicationResult } from './runReplication.js';
import type { ReplicationJob } from './runReplications.js';
import {
  runInWorkers,
  runReplicationsHere,
  simulationCalendar,
} from './runReplications.js';
import type { ScenarioInput } from './scenarioSchema.js';
import { defineScenario } from './scenarioSchema.js';
import type { SimulationModel } from './simulationModel.js';
import { compileSimulation } from './simulationModel.js';

const SimulateOptionsSchema = z.strictObject({
  cases: z.number().int().min(1).max(10_000_000).default(1000),
  replications: z.number().int().min(1).max(1000).default(10),
  seed: z.number().int().default(1),
  warmupDays: z.number().min(0).default(20),
  traceCases: z.number().int().min(0).max(1000).default(5),
  threads: z.number().int().min(1).max(64).default(1),
});

export interface SimulateOptions {
  /** The scenario (validated; `{}` or absent is the default scenario). */
  readonly scenario?: ScenarioInput;
  /** Cases counted per replication, after the warm-up (default 1000). */
  readonly cases?: number;
  /** Independent replications (default 10). */
  readonly replications?: number;
  /** The same seed gives the same numbers; two designs run with one seed share their random numbers. */
  readonly seed?: number;
  /** Working days whose arrivals are not counted (default 20). */
  readonly warmupDays?: number;
  /** Counted cases of the first replication recorded in full (default 5). */
  readonly traceCases?: number;
  /** Default: the national calendar, weekdays beyond its data. */
  readonly calendar?: WorkCalendar;
  /** Worker threads for the replications (default 1: this thread). Needs the default calendar. */
  readonly threads?: number;
  /** Called after each replication. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A finished simulation: the KPI document, the raw replications and the recorded cases. */
export interface Simulation {
  readonly kpi: KpiDocument;
  readonly model: SimulationModel;
  readonly replications: readonly ReplicationResult[];
  readonly traces: readonly CaseTrace[];
}

/**
 * Simulates a design (a service item) under a scenario: replications of
 * `cases` cases each after a warm-up, on one thread or on worker threads,
 * summarised in the KPI document.
 *
 * @example
 * const { kpi } = await simulate(foodPermit, { cases: 2000, seed: 7 });
 * kpi.cycleTime.workingDays.p90; // P90 from submission to closure, in working days
 * kpi.onTime.promised.share;     // share decided within the promise
 */
export async function simulate(
  definition: ItemDefinition | ItemDefinitionInput,
  options: SimulateOptions = {},
): Promise<Simulation> {
  const { scenario: scenarioInput, calendar, onProgress, ...rest } = options;
  const settings = parseWith(SimulateOptionsSchema, rest, {
    code: 'INVALID_ARGUMENT',
    what: 'simulation options',
    whatZh: '仿真选项',
  });
  const item = defineItem(definition);
  const scenario = defineScenario(scenarioInput ?? {});
  const model = compileSimulation(item, scenario, {
    calendar: calendar ?? simulationCalendar(),
  });
  const job: ReplicationJob = {
    item,
    scenario,
    seed: settings.seed,
    cases: settings.cases,
    warmupDays: settings.warmupDays,
    traceCases: settings.traceCases,
    replications: Array.from({ length: settings.replications }, (_, i) => i),
  };
  let done = 0;
  const report = () => onProgress?.(++done, settings.replications);
  let results: ReplicationResult[];
  if (settings.threads > 1 && calendar === undefined) {
    results = await runInWorkers(
      job,
      Math.min(settings.threads, settings.replications),
      report,
    );
  } else {
    results = [];
    runReplicationsHere(
      job,
      (result) => {
        results.push(result);
        report();
      },
      model,
    );
  }
  return {
    kpi: kpiDocument(model, results, {
      seed: settings.seed,
      cases: settings.cases,
      warmupDays: settings.warmupDays,
    }),
    model,
    replications: results,
    traces: results[0]?.traces ?? [],
  };
}
