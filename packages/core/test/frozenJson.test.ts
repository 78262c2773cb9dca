import { describe, expect, it } from 'vitest';
import { frozenJson, keptInPlace } from '../src/frozenJson.js';

describe('frozenJson: what a store keeps', () => {
  it('copies as JSON does: undefined members left out, null in arrays, toJSON applied', () => {
    const source = {
      text: 'a',
      count: 1,
      yes: true,
      nothing: null,
      missing: undefined,
      call: () => 1,
      list: [1, undefined, () => 2, Number.NaN, Infinity],
      on: new Date(Date.UTC(2025, 8, 26)),
      custom: { toJSON: () => ({ shown: 'x' }), hidden: 'y' },
      nested: Object.assign(Object.create(null) as object, { deep: [{}] }),
    };
    const kept = frozenJson(source);
    expect(kept).toEqual(JSON.parse(JSON.stringify(source)));
    expect(JSON.stringify(kept)).toBe(JSON.stringify(source));
  });

  it('freezes every part, and no later change to the source reaches it', () => {
    const source = { case: { state: 'accepting', tags: ['a'] } };
    const kept = frozenJson(source);
    expect(Object.isFrozen(kept)).toBe(true);
    expect(Object.isFrozen(kept.case)).toBe(true);
    expect(Object.isFrozen(kept.case.tags)).toBe(true);
    source.case.state = 'changed';
    source.case.tags.push('b');
    expect(kept).toEqual({ case: { state: 'accepting', tags: ['a'] } });
    expect(() => {
      (kept.case as { state: string }).state = 'tampered';
    }).toThrow(TypeError);
  });

  it('refuses what JSON cannot write at all', () => {
    expect(() => frozenJson(undefined)).toThrow(TypeError);
    expect(() => frozenJson({ big: 1n })).toThrow(TypeError);
  });
});

describe('keptInPlace: what the engine hands over to the memory store', () => {
  it('freezes plain JSON where it is, without copying', () => {
    const owned = { state: { value: 'accepting' }, list: [{ id: 'a' }] };
    const { state, list } = owned;
    const kept = keptInPlace(owned);
    expect(kept).toBe(owned);
    expect(kept.state).toBe(state);
    expect(kept.list).toBe(list);
    expect(Object.isFrozen(owned.state)).toBe(true);
    expect(Object.isFrozen(owned.list[0])).toBe(true);
  });

  it('copies only the parts JSON would change, as JSON would give them back', () => {
    const shared = { id: 'kept' };
    const owned = {
      shared,
      missing: undefined,
      list: [1, undefined, Number.NaN, shared],
      on: new Date(Date.UTC(2025, 8, 26)),
      custom: { toJSON: () => 'shown' },
    };
    const kept = keptInPlace(owned);
    expect(kept).not.toBe(owned);
    expect(JSON.stringify(kept)).toBe(JSON.stringify(owned));
    expect(kept).toEqual(JSON.parse(JSON.stringify(owned)));
    expect(kept.shared).toBe(shared);
    expect(Object.isFrozen(kept.list)).toBe(true);
    expect('missing' in kept).toBe(false);
  });

  it('takes a part frozen already as kept, and refuses what is not JSON', () => {
    const frozen = frozenJson({ deep: { a: 1 } });
    const kept = keptInPlace({ frozen });
    expect(kept.frozen).toBe(frozen);
    expect(() => keptInPlace(undefined)).toThrow(TypeError);
    expect(() => keptInPlace({ big: 1n })).toThrow(TypeError);
  });
});
