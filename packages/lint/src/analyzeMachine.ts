import type { MachineGraph } from '@kuaiban/core';
import type { WitnessStep } from './Finding.js';
import type { Reading } from './readGuard.js';

export type { Reading, Tri } from './readGuard.js';

export type Transition = MachineGraph['transitions'][number];

/** A machine's graph with its initial states, as the analysis reads it. */
export interface MachineModel {
  readonly name: string;
  readonly graph: MachineGraph;
  /** For each compound state, its initial child. */
  readonly initial: ReadonlyMap<string, string>;
}

/** A transition as it stands in one leaf state. */
export interface LeafEdge {
  readonly transition: Transition;
  readonly actual: boolean;
  readonly intended: boolean;
  /** The leaves it leads to; empty when it stays. */
  readonly to: readonly string[];
}

/** What a machine's structure is, for one design. */
export interface MachineAnalysis {
  readonly model: MachineModel;
  readonly initialLeaf: string;
  readonly leaves: readonly string[];
  readonly finals: ReadonlySet<string>;
  readonly edges: ReadonlyMap<string, readonly LeafEdge[]>;
  /** Leaves reachable as the design runs, each with the step that first reaches it. */
  readonly reached: ReadonlyMap<string, WitnessStep | null>;
  /** Leaves the design means to reach. */
  readonly intended: ReadonlySet<string>;
  /** Leaves reachable when every guard may hold. */
  readonly possible: ReadonlySet<string>;
}

/**
 * Reads a machine for one design: which leaf states it has, which
 * transitions can fire in each (first match wins, deepest state first), and
 * which leaves are reachable as the design runs, as it means to run, and at
 * all.
 */
export function analyzeMachine(
  model: MachineModel,
  evaluate: (transition: Transition) => Reading,
): MachineAnalysis {
  const { graph } = model;
  const children = new Map<string, string[]>();
  const parent = new Map<string, string | null>();
  const finals = new Set<string>();
  for (const state of graph.states) {
    parent.set(state.id, state.parent);
    if (state.final) finals.add(state.id);
    if (state.parent !== null) {
      const list = children.get(state.parent) ?? [];
      list.push(state.id);
      children.set(state.parent, list);
    }
  }
  const root = graph.states.find((s) => s.parent === null)?.id ?? '';
  const resolve = (id: string): string => {
    let at = id;
    for (;;) {
      const kids = children.get(at);
      if (!kids || kids.length === 0) return at;
      at = model.initial.get(at) ?? kids[0] ?? at;
    }
  };
  const leaves = graph.states
    .filter((s) => (children.get(s.id) ?? []).length === 0)
    .map((s) => s.id);
  const bySource = new Map<string, Transition[]>();
  for (const transition of graph.transitions) {
    const list = bySource.get(transition.source) ?? [];
    list.push(transition);
    bySource.set(transition.source, list);
  }
  const readings = new Map<Transition, Reading>();
  const readingOf = (t: Transition): Reading => {
    let reading = readings.get(t);
    if (!reading) {
      reading = evaluate(t);
      readings.set(t, reading);
    }
    return reading;
  };
  const targetsOf = new Map<Transition, readonly string[]>();
  const resolved = (t: Transition): readonly string[] => {
    let to = targetsOf.get(t);
    if (!to) {
      to = t.targets.map(resolve);
      targetsOf.set(t, to);
    }
    return to;
  };
  const edges = new Map<string, LeafEdge[]>();
  for (const leaf of leaves) {
    const list: LeafEdge[] = [];
    const taken = { actual: new Set<string>(), intended: new Set<string>() };
    for (let node: string | null = leaf; node !== null;) {
      for (const transition of bySource.get(node) ?? []) {
        const reading = readingOf(transition);
        const wildcard = transition.event.includes('*');
        const actual =
          reading.actual !== 'F' && !taken.actual.has(transition.event);
        const intended =
          reading.intended !== 'F' && !taken.intended.has(transition.event);
        if (!wildcard && reading.actual === 'T')
          taken.actual.add(transition.event);
        if (!wildcard && reading.intended === 'T')
          taken.intended.add(transition.event);
        list.push({
          transition,
          actual,
          intended,
          to: resolved(transition),
        });
      }
      node = parent.get(node) ?? null;
    }
    edges.set(leaf, list);
  }
  const initialLeaf = resolve(root);
  const explore = (
    live: (edge: LeafEdge) => boolean,
  ): Map<string, WitnessStep | null> => {
    const seen = new Map<string, WitnessStep | null>([[initialLeaf, null]]);
    const queue = [initialLeaf];
    for (let i = 0; i < queue.length; i++) {
      const from = queue[i] ?? '';
      for (const edge of edges.get(from) ?? []) {
        if (!live(edge)) continue;
        for (const to of edge.to) {
          if (seen.has(to)) continue;
          seen.set(to, { from, event: edge.transition.event, to });
          queue.push(to);
        }
      }
    }
    return seen;
  };
  return {
    model,
    initialLeaf,
    leaves,
    finals,
    edges,
    reached: explore((e) => e.actual),
    intended: new Set(explore((e) => e.intended).keys()),
    possible: new Set(explore(() => true).keys()),
  };
}

/** The steps from the initial state to `leaf`, as the design runs. */
export function witnessTo(
  analysis: MachineAnalysis,
  leaf: string,
): WitnessStep[] {
  const steps: WitnessStep[] = [];
  for (
    let step = analysis.reached.get(leaf) ?? null;
    step !== null;
    step = analysis.reached.get(step.from) ?? null
  ) {
    steps.unshift(step);
    if (steps.length > analysis.leaves.length) break;
  }
  return steps;
}

/** Leaves reached as the design runs from which no final state can be reached. */
export function stuckLeaves(
  analysis: MachineAnalysis,
  ends: ReadonlySet<string> = analysis.finals,
): { deadlocks: string[]; livelocks: string[] } {
  const back = new Map<string, string[]>();
  for (const [from, list] of analysis.edges) {
    for (const edge of list) {
      if (!edge.actual) continue;
      for (const to of edge.to) {
        const sources = back.get(to) ?? [];
        sources.push(from);
        back.set(to, sources);
      }
    }
  }
  const canEnd = new Set(ends);
  const queue = [...ends];
  for (let i = 0; i < queue.length; i++) {
    for (const from of back.get(queue[i] ?? '') ?? []) {
      if (!canEnd.has(from)) {
        canEnd.add(from);
        queue.push(from);
      }
    }
  }
  const deadlocks: string[] = [];
  const livelocks: string[] = [];
  for (const leaf of analysis.reached.keys()) {
    if (canEnd.has(leaf)) continue;
    const moves = (analysis.edges.get(leaf) ?? []).some(
      (e) => e.actual && e.to.some((to) => to !== leaf),
    );
    (moves ? livelocks : deadlocks).push(leaf);
  }
  return { deadlocks, livelocks };
}

/**
 * Cycles of eventless transitions that could loop forever: a strongly
 * connected set of leaves joined by `always` transitions whose guards are
 * all absent or all the same (distinct guards are taken to exclude each
 * other, as a machine's phase guards do).
 */
export function alwaysCycles(analysis: MachineAnalysis): WitnessStep[][] {
  const next = new Map<string, LeafEdge[]>();
  for (const [from, list] of analysis.edges) {
    next.set(
      from,
      list.filter((e) => e.actual && e.transition.event === ''),
    );
  }
  const cycles: WitnessStep[][] = [];
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  const connect = (leaf: string): void => {
    index.set(leaf, counter);
    low.set(leaf, counter++);
    stack.push(leaf);
    onStack.add(leaf);
    for (const edge of next.get(leaf) ?? []) {
      for (const to of edge.to) {
        if (!index.has(to)) {
          connect(to);
          low.set(leaf, Math.min(low.get(leaf) ?? 0, low.get(to) ?? 0));
        } else if (onStack.has(to)) {
          low.set(leaf, Math.min(low.get(leaf) ?? 0, index.get(to) ?? 0));
        }
      }
    }
    if (low.get(leaf) !== index.get(leaf)) return;
    const component = new Set<string>();
    for (;;) {
      const top = stack.pop() ?? leaf;
      onStack.delete(top);
      component.add(top);
      if (top === leaf) break;
    }
    const inside: WitnessStep[] = [];
    const guards = new Set<string | null>();
    for (const from of component) {
      for (const edge of next.get(from) ?? []) {
        for (const to of edge.to) {
          if (!component.has(to)) continue;
          inside.push({ from, event: '(always)', to });
          guards.add(edge.transition.guard);
        }
      }
    }
    if (inside.length > 0 && guards.size <= 1) cycles.push(inside);
  };
  for (const leaf of analysis.leaves) if (!index.has(leaf)) connect(leaf);
  return cycles;
}
