import { describe, expect, it } from 'vitest';
import type { Slot } from '../src/layoutRows.js';
import { orderRows, placeRows } from '../src/layoutRows.js';

const box = (id: string, width = 40): Slot => ({
  id,
  kind: 'state',
  width,
  height: 20,
  row: 0,
  x: 0,
  y: 0,
});

describe('layoutRows', () => {
  it('orders a row by its neighbours, so that links do not cross', () => {
    const [a, b, c, d] = [box('a'), box('b'), box('c'), box('d')];
    const rows = [
      [a, b],
      [c, d],
    ];
    orderRows(rows, [
      [a, d],
      [b, c],
    ]);
    expect(rows[1]?.map((s) => s.id)).toEqual(['d', 'c']);
  });

  it('places rows top to bottom without overlaps, a slot under its neighbour', () => {
    const top = box('top', 200);
    const [left, right] = [box('left', 120), box('right', 120)];
    const below = box('below');
    const rows = [[top], [left, right], [below]];
    const height = placeRows(rows, [
      [top, left],
      [top, right],
      [right, below],
    ]);
    expect(height).toBe(3 * 20 + 2 * 18);
    expect(left.x + left.width).toBeLessThanOrEqual(right.x);
    expect(Math.min(top.x, left.x, below.x)).toBe(0);
    expect([top.y, left.y, below.y]).toEqual([0, 38, 76]);
    // Pulled towards its only neighbour, not left at the row's start.
    expect(below.x + below.width / 2).toBeGreaterThan(left.x + left.width);
  });
});
