import { generateArrivals } from './arrivals.js';
import { mixSeed } from './random.js';
import type { ReplicationResult } from './runReplication.js';
import { OUTCOMES, runReplication } from './runReplication.js';
import type { SimulationModel } from './simulationModel.js';
import { ACTIVITY } from './simulationModel.js';
import { WorkingDayAxis } from './WorkingDayAxis.js';

/** A chain compiled for simulation: its items' models in an order their `after` edges allow. */
export interface ChainModel {
  /** The items' models, in the chain's order. */
  readonly items: readonly SimulationModel[];
  /** Indices into `items` of each item's predecessors. */
  readonly after: readonly (readonly number[])[];
  /** Indices into `items`, every item after its predecessors. */
  readonly order: readonly number[];
}

/** One replication of a chain: the enterprises' figures and each item's replication. */
export interface ChainReplicationResult {
  readonly replication: number;
  /** Enterprises counted (arrived after the warm-up). */
  readonly enterprises: number;
  /** Per counted enterprise that completed the chain: arrival to the last certificate. */
  readonly endWorkingDays: Float64Array;
  readonly endCalendarDays: Float64Array;
  /** Per completed enterprise, summed over its items. */
  readonly visits: Float64Array;
  readonly materials: Float64Array;
  readonly proofs: Float64Array;
  readonly steps: Float64Array;
  /** Each item's replication (its cases after the warm-up), in the chain's order. */
  readonly items: readonly ReplicationResult[];
}

export interface ChainReplicationOptions {
  readonly seed: number;
  readonly replication: number;
  /** Enterprises counted after the warm-up. */
  readonly enterprises: number;
  readonly warmupDays: number;
  /** Counted cases of each item recorded in full. */
  readonly traceCases?: number;
}

const APPROVED = OUTCOMES.indexOf('approved');

/**
 * Runs one replication of a chain: enterprises arrive as the first item's
 * scenario says; each starts an item as soon as every item before it is
 * approved (items without an order between them run at the same time), and
 * an enterprise whose item is denied, refused or lapsed goes no further.
 * Each item is simulated with its own officers, on one working-day axis;
 * an enterprise draws from the same stream in every run with one seed.
 */
export function runChainReplication(
  chain: ChainModel,
  options: ChainReplicationOptions,
): ChainReplicationResult {
  const first = chain.items[chain.order[0]!]!;
  const axis = new WorkingDayAxis(first.calendar, first.scenario.start);
  const repSeed = mixSeed(options.seed, options.replication);
  const arrivals = generateArrivals(axis, first.scenario, {
    seed: mixSeed(repSeed, 0x5eed),
    cases: options.enterprises,
    warmupDays: options.warmupDays,
    sessions: first.pools[first.activityPool[ACTIVITY.acceptance]!]!.sessions,
  });
  const E = arrivals.length;
  const visits = new Float64Array(E);
  const materials = new Float64Array(E);
  const proofs = new Float64Array(E);
  const steps = new Float64Array(E);
  // When each enterprise's item was approved; NaN where it was not.
  const approvedAt = chain.items.map(() => new Float64Array(E).fill(NaN));
  const items: ReplicationResult[] = [];
  for (const i of chain.order) {
    const ready: number[] = [];
    const readyAt = new Float64Array(E);
    for (let e = 0; e < E; e++) {
      let t = arrivals.times[e]!;
      for (const k of chain.after[i]!) t = Math.max(t, approvedAt[k]![e]!);
      if (Number.isNaN(t)) continue;
      readyAt[e] = t;
      ready.push(e);
    }
    ready.sort((a, b) => readyAt[a]! - readyAt[b]! || a - b);
    const keys = Int32Array.from(ready);
    const { all, ...counted } = runReplication(chain.items[i]!, {
      seed: mixSeed(options.seed, i + 1),
      replication: options.replication,
      cases: options.enterprises,
      warmupDays: options.warmupDays,
      traceCases: options.traceCases ?? 0,
      arrivals: { times: Float64Array.from(keys, (e) => readyAt[e]!), keys },
      keepCases: true,
    });
    items[i] = counted;
    for (let c = 0; c < keys.length; c++) {
      const e = keys[c]!;
      if (all!.outcome[c] === APPROVED) approvedAt[i]![e] = all!.closedAt[c]!;
      visits[e]! += all!.visits[c]!;
      materials[e]! += all!.materials[c]!;
      proofs[e]! += all!.proofs[c]!;
      steps[e]! += all!.steps[c]!;
    }
  }
  const completed: number[] = [];
  const end = new Float64Array(E);
  for (let e = arrivals.firstCounted; e < E; e++) {
    let last = arrivals.times[e]!;
    for (const done of approvedAt) last = Math.max(last, done[e]!);
    if (Number.isNaN(last)) continue;
    end[e] = last;
    completed.push(e);
  }
  const pick = (values: Float64Array) =>
    Float64Array.from(completed, (e) => values[e]!);
  return {
    replication: options.replication,
    enterprises: E - arrivals.firstCounted,
    endWorkingDays: Float64Array.from(
      completed,
      (e) => end[e]! - arrivals.times[e]!,
    ),
    endCalendarDays: Float64Array.from(
      completed,
      (e) =>
        axis.epochOf(Math.floor(end[e]!)) -
        axis.epochOf(Math.floor(arrivals.times[e]!)),
    ),
    visits: pick(visits),
    materials: pick(materials),
    proofs: pick(proofs),
    steps: pick(steps),
    items,
  };
}
