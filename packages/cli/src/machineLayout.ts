import type { MachineGraph } from '@kuaiban/core';

/** Something placed in a row: a state, an edge's label, or a bend of an edge. */
export interface Slot {
  readonly id: string;
  readonly kind: 'state' | 'label' | 'bend';
  readonly width: number;
  readonly height: number;
  row: number;
  /** Left edge, and top of the row it sits in. */
  x: number;
  y: number;
}

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
const ROW_GAP = 18;
const COLUMN_GAP = 28;
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

/** Orders each row by the mean position of its neighbours, sweeping down and up. */
function order(rows: Slot[][], links: readonly (readonly Slot[])[]): void {
  const up = new Map<Slot, Slot[]>();
  const down = new Map<Slot, Slot[]>();
  for (const route of links) {
    route.slice(1).forEach((slot, i) => {
      const above = route[i] as Slot;
      up.set(slot, [...(up.get(slot) ?? []), above]);
      down.set(above, [...(down.get(above) ?? []), slot]);
    });
  }
  const index = new Map<Slot, number>();
  const remember = (row: Slot[]) => row.forEach((s, i) => index.set(s, i));
  rows.forEach(remember);
  const sortBy = (row: Slot[], neighbours: Map<Slot, Slot[]>): void => {
    const key = new Map(
      row.map((slot, i) => {
        const near = neighbours.get(slot) ?? [];
        const sum = near.reduce((a, n) => a + (index.get(n) ?? 0), 0);
        return [slot, near.length ? sum / near.length : i];
      }),
    );
    row.sort((a, b) => (key.get(a) ?? 0) - (key.get(b) ?? 0));
    remember(row);
  };
  for (let sweep = 0; sweep < 4; sweep++) {
    for (const row of rows.slice(1)) sortBy(row, up);
    for (const row of rows.slice(0, -1).reverse()) sortBy(row, down);
  }
}

/** Places rows top to bottom, each slot pulled towards its neighbours. */
function position(rows: Slot[][], links: readonly (readonly Slot[])[]): number {
  const near = new Map<Slot, Slot[]>();
  for (const route of links) {
    route.slice(1).forEach((slot, i) => {
      const above = route[i] as Slot;
      near.set(slot, [...(near.get(slot) ?? []), above]);
      near.set(above, [...(near.get(above) ?? []), slot]);
    });
  }
  const gap = (slot: Slot) => (slot.kind === 'bend' ? 10 : COLUMN_GAP);
  for (const row of rows) {
    let x = 0;
    for (const slot of row) {
      slot.x = x;
      x += slot.width + gap(slot);
    }
  }
  const centre = (slot: Slot) => slot.x + slot.width / 2;
  // Each slot wants the mean centre of its neighbours; overlaps are pushed
  // apart rightwards and leftwards, and the two placements averaged.
  for (let pass = 0; pass < 12; pass++) {
    const sequence = pass % 2 === 0 ? rows : [...rows].reverse();
    for (const row of sequence) {
      const want = row.map((slot) => {
        const others = near.get(slot) ?? [];
        return others.length
          ? others.reduce((a, o) => a + centre(o), 0) / others.length -
              slot.width / 2
          : slot.x;
      });
      const rightwards: number[] = [];
      let edge = -Infinity;
      row.forEach((slot, i) => {
        rightwards[i] = Math.max(want[i] ?? 0, edge);
        edge = (rightwards[i] ?? 0) + slot.width + gap(slot);
      });
      const leftwards: number[] = [];
      edge = Infinity;
      for (let i = row.length - 1; i >= 0; i--) {
        const slot = row[i] as Slot;
        leftwards[i] = Math.min(want[i] ?? 0, edge - gap(slot) - slot.width);
        edge = leftwards[i] ?? 0;
      }
      // The average of two placements without overlaps has none either.
      row.forEach((slot, i) => {
        slot.x = ((rightwards[i] ?? 0) + (leftwards[i] ?? 0)) / 2;
      });
    }
  }
  const left = Math.min(...rows.flat().map((s) => s.x));
  let y = 0;
  for (const row of rows) {
    const height = Math.max(...row.map((s) => s.height));
    for (const slot of row) {
      slot.x -= left;
      slot.y = y + (height - slot.height) / 2;
    }
    y += height + ROW_GAP;
  }
  return y - ROW_GAP;
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
  order(filled, links);
  const height = position(filled, links);
  const width = Math.max(
    ...[...states.values(), ...labels].map((s) => s.x + s.width),
  );
  return { states: [...states.values()], labels, edges: laid, width, height };
}
