import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withFields } from '../src/index.js';

describe('withFields', () => {
  it('copies the base and lets the fields win, like a spread', () => {
    const base = { days: 20, start: '2025-09-01', basis: 'ALL art. 42' };
    const copy = withFields(base, { start: '2025-09-26', warnWithin: 3 });
    expect(copy).toEqual({
      days: 20,
      start: '2025-09-26',
      basis: 'ALL art. 42',
      warnWithin: 3,
    });
    expect(Object.keys(copy)).toEqual(['days', 'start', 'basis', 'warnWithin']);
    expect(base).toEqual({
      days: 20,
      start: '2025-09-01',
      basis: 'ALL art. 42',
    });
  });

  it('keeps only own members and never touches the prototype', () => {
    const inherited = Object.create({ hidden: true }) as Record<
      string,
      unknown
    >;
    inherited.seen = 1;
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": true}, "id": "x"}',
    ) as Record<string, unknown>;
    const copy = withFields(inherited, hostile) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy.hidden).toBeUndefined();
    expect(copy.polluted).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['seen', '__proto__', 'id']);
    expect(copy).toEqual({ ...inherited, ...hostile });
  });

  it('equals { ...base, ...fields } for any JSON objects', () => {
    const json = fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 8 });
    fc.assert(
      fc.property(json, json, (base, fields) => {
        const copy = withFields(base, fields);
        expect(copy).toStrictEqual({ ...base, ...fields });
        expect(Object.keys(copy)).toEqual(Object.keys({ ...base, ...fields }));
      }),
    );
  });
});
