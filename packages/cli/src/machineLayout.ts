import type { MachineGraph } from '@kuaiban/core';
import type { Slot } from './layoutRows.js';
import { orderRows, placeRows } from './layoutRows.js';

export type { Slot };

export interface StateSlot extends Slot {
  readonly kind: 'state';
  readonly label: string;
  readonly final: boolean;
  readonly compound: boolean;
}

export interface LabelSlot extends Slot {
  readonly kind: 'label';
  readonly lines: readonly string[];
}

/** A transition (or several between the same two states, merged). */
export interface LaidEdge {
  readonly source: string;
  readonly target: string;
  readonly labels: readonly string[];
  /** Each transition with its guard, for the arrow's tooltip. */
  readonly tips: readonly string[];
  /** From the source's box to the target's: the slots it runs through. */
  readonly route: readonly Slot[];
  /** Drawn against the flow (a loop back to an earlier state). */
  readonly back: boolean;
}

export interface MachineLayout {
  readonly states: readonly StateSlot[];
  readonly labels: readonly LabelSlot[];
  readonly edges: readonly LaidEdge[];
  readonly width: number;
  readonly height: number;
}

export const STATE_HEIGHT = 36;
export const LABEL_LINE = 13;
/** The box for transitions the root defines: they apply in any state. */
export const ANY_STATE = '(any state)';

/** Rough text width: CJK characters are about twice as wide as Latin ones. */
export function textWidth(text: string, size: number): number {
  let width = 0;
  for (const char of text) {
    width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? size : size * 0.6;
  }
  return width;
}

/** The event as shown: `done: acceptance` for a child's completion. */
function eventLabel(event: string): string | null {
  if (event === '') return '(always)';
  if (event === '*') return 'any event';
  if (event.startsWith('xstate.done.actor.')) {
    return `done: ${event.slice('xstate.done.actor.'.length)}`;
  }
  return event.startsWith('xstate.') ? null : event;
}

interface Edge {
  readonly source: string;
  readonly target: string;
  readonly labels: string[];
  readonly tips: string[];
}

function statesAndEdges(graph: MachineGraph) {
  const root = graph.states.find((s) => s.parent === null)?.id ?? '';
  const nested = graph.states.some((s) => s.parent !== null);
  const states = new Map<string, StateSlot>();
  const add = (id: string, label: string, final: boolean): void => {
    states.set(id, {
      id,
      kind: 'state',
      label,
      final,
      compound: graph.states.some((s) => s.parent === id),
      width: Math.max(84, textWidth(label, 12) + 28),
      height: STATE_HEIGHT,
      row: 0,
      x: 0,
      y: 0,
    });
  };
  for (const state of graph.states) {
    if (nested && state.id === root) continue;
    const label = state.id.startsWith(`${root}.`)
      ? state.id.slice(root.length + 1)
      : state.id;
    add(state.id, label, state.final);
  }
  const edges = new Map<string, Edge>();
  for (const transition of graph.transitions) {
    const label = eventLabel(transition.event);
    if (label === null) continue;
    const source =
      nested && transition.source === root ? ANY_STATE : transition.source;
    for (const target of transition.targets) {
      if (!states.has(target)) continue;
      if (!states.has(source)) add(ANY_STATE, 'any state 任一状态', false);
      const key = `${source}\n${target}`;
      const edge = edges.get(key) ?? { source, target, labels: [], tips: [] };
      if (!edge.labels.includes(label)) edge.labels.push(label);
      edge.tips.push(
        `${label}${transition.guard ? ` [${transition.guard}]` : ''}`,
      );
      edges.set(key, edge);
    }
  }
  return { states, edges: [...edges.values()] };
}

/**
 * Layers by longest path, once the edges that loop back (found by a
 * depth-first walk from the initial state, in document order) are turned
 * round. The "any state" box sits just above its highest target.
 */
function layers(
  states: ReadonlyMap<string, StateSlot>,
  edges: readonly Edge[],
  initial: string | undefined,
): { layer: Map<string, number>; back: Set<Edge> } {
  const out = new Map<string, Edge[]>();
  for (const edge of edges) {
    if (edge.source !== edge.target) {
      out.set(edge.source, [...(out.get(edge.source) ?? []), edge]);
    }
  }
  const back = new Set<Edge>();
  const seen = new Map<string, 'open' | 'done'>();
  const finished: string[] = [];
  const visit = (id: string): void => {
    seen.set(id, 'open');
    for (const edge of out.get(id) ?? []) {
      const mark = seen.get(edge.target);
      if (mark === 'open') back.add(edge);
      else if (mark === undefined) visit(edge.target);
    }
    seen.set(id, 'done');
    finished.push(id);
  };
  const first = initial && states.has(initial) ? [initial] : [];
  for (const id of [...first, ...states.keys()]) {
    if (id !== ANY_STATE && !seen.has(id)) visit(id);
  }
  if (states.has(ANY_STATE)) visit(ANY_STATE);
  const layer = new Map([...states.keys()].map((id) => [id, 0]));
  for (const id of finished.reverse()) {
    for (const edge of out.get(id) ?? []) {
      if (back.has(edge)) continue;
      const next = (layer.get(id) ?? 0) + 1;
      if (next > (layer.get(edge.target) ?? 0)) layer.set(edge.target, next);
    }
  }
  const anyTargets = (out.get(ANY_STATE) ?? []).map(
    (e) => layer.get(e.target) ?? 1,
  );
  if (anyTargets.length) layer.set(ANY_STATE, Math.min(...anyTargets) - 1);
  return { layer, back };
}

/**
 * A layered layout of a machine's graph: states in rows (the initial state
 * on top), each transition routed through one row of labels and bends, so
 * that no label overlaps another. The same graph always gives the same
 * layout.
 */
export function layoutMachine(
  graph: MachineGraph,
  initial?: string,
): MachineLayout {
  const { states, edges } = statesAndEdges(graph);
  const { layer, back } = layers(states, edges, initial);
  const rows: Slot[][] = [];
  const put = (slot: Slot, row: number): Slot => {
    slot.row = row;
    (rows[row] ??= []).push(slot);
    return slot;
  };
  for (const state of states.values())
    put(state, 2 * (layer.get(state.id) ?? 0));
  const labels: LabelSlot[] = [];
  const laid: LaidEdge[] = edges.map((edge, n) => {
    const source = states.get(edge.source) as StateSlot;
    const target = states.get(edge.target) as StateSlot;
    const lines = edge.labels;
    const label: LabelSlot = {
      id: `label-${n}`,
      kind: 'label',
      lines,
      width: Math.max(...lines.map((l) => textWidth(l, 10))) + 8,
      height: lines.length * LABEL_LINE + 4,
      row: 0,
      x: 0,
      y: 0,
    };
    labels.push(label);
    if (edge.source === edge.target) {
      // A loop hangs below its state, round its label.
      const route = [source, put(label, source.row + 1), target];
      return { ...edge, route, back: false };
    }
    const reversed = back.has(edge);
    const [top, bottom] = reversed ? [target, source] : [source, target];
    const route: Slot[] = [top, put(label, top.row + 1)];
    for (let row = top.row + 2; row < bottom.row; row++) {
      const bend = { id: `bend-${n}-${row}`, kind: 'bend', width: 6 } as const;
      route.push(put({ ...bend, height: 6, row, x: 0, y: 0 }, row));
    }
    route.push(bottom);
    return {
      ...edge,
      route: reversed ? route.reverse() : route,
      back: reversed,
    };
  });
  const filled = Array.from(rows, (row) => row ?? []).filter(
    (row) => row.length > 0,
  );
  const links = laid.map((e) =>
    e.source === e.target
      ? e.route.slice(0, 2)
      : e.back
        ? [...e.route].reverse()
        : e.route,
  );
  orderRows(filled, links);
  const height = placeRows(filled, links);
  const width = Math.max(
    ...[...states.values(), ...labels].map((s) => s.x + s.width),
  );
  return { states: [...states.values()], labels, edges: laid, width, height };
}
