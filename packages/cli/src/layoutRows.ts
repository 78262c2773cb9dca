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

/** A path through slots in consecutive rows, top to bottom. */
export type Link = readonly Slot[];

const ROW_GAP = 18;
const COLUMN_GAP = 28;

/**
 * Each slot's neighbours in the row above (`up`), the row below (`down`),
 * and both (`near`, in the order the links give them).
 */
function neighbours(links: readonly Link[]) {
  const up = new Map<Slot, Slot[]>();
  const down = new Map<Slot, Slot[]>();
  const near = new Map<Slot, Slot[]>();
  const add = (map: Map<Slot, Slot[]>, slot: Slot, other: Slot) =>
    map.set(slot, [...(map.get(slot) ?? []), other]);
  for (const route of links) {
    route.slice(1).forEach((slot, i) => {
      const above = route[i] as Slot;
      add(up, slot, above);
      add(down, above, slot);
      add(near, slot, above);
      add(near, above, slot);
    });
  }
  return { up, down, near };
}

/** Orders each row by the mean position of its neighbours, sweeping down and up. */
export function orderRows(rows: Slot[][], links: readonly Link[]): void {
  const { up, down } = neighbours(links);
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
export function placeRows(rows: Slot[][], links: readonly Link[]): number {
  const { near } = neighbours(links);
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
