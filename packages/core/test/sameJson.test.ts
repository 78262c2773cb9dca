import { describe, expect, it } from 'vitest';
import { sameJson } from '../src/sameJson.js';

describe('sameJson: whether two values write the same JSON', () => {
  it('ignores key order and members JSON leaves out', () => {
    expect(sameJson({ a: 1, b: [true, null] }, { b: [true, null], a: 1 })).toBe(
      true,
    );
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, f: () => 1 })).toBe(true);
    expect(sameJson([undefined], [null])).toBe(true);
  });

  it('tells any written difference', () => {
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameJson({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
    expect(sameJson({ a: undefined }, { a: null })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson([1], [1, 2])).toBe(false);
    expect(sameJson([1], { 0: 1 })).toBe(false);
    expect(sameJson({ 0: 1 }, [1])).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });

  it('compares numbers and class instances by their JSON', () => {
    expect(sameJson(Number.NaN, Number.NaN)).toBe(true);
    expect(sameJson(0, -0)).toBe(true);
    const day = (d: number) => new Date(Date.UTC(2025, 8, d));
    expect(sameJson({ on: day(26) }, { on: day(26) })).toBe(true);
    expect(sameJson({ on: day(26) }, { on: day(27) })).toBe(false);
  });

  it('does not walk what both sides share', () => {
    const shared = {
      get trap(): never {
        throw new Error('walked');
      },
    };
    expect(sameJson({ shared, a: 1 }, { shared, a: 1 })).toBe(true);
  });
});
