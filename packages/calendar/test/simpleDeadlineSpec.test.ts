import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DeadlineSpecSchema,
  createChinaCalendar,
  createDeadlineClock,
} from '../src/index.js';
import { simpleDeadlineSpec } from '../src/simpleDeadlineSpec.js';

/** Lawful values mostly, then near misses and wrong types. */
const mostly = <T, U>(lawful: readonly T[], wrong: readonly U[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...lawful), weight: 6 },
    { arbitrary: fc.constantFrom(...wrong), weight: 1 },
  );

/** Values each member may take (a member may also be missing). */
const members = {
  start: mostly(
    ['2025-09-26', '2024-02-29'],
    ['2025-02-29', '2025-9-26', ' 2025-09-26', 20250926, null, undefined],
  ),
  days: mostly(
    [1, 20, 45, 100_000],
    [100_001, 0, -3, 2.5, Number.NaN, Infinity, 2 ** 53, '20', undefined],
  ),
  unit: mostly(['working-days', 'calendar-days'], ['hours', undefined]),
  basis: mostly(['行政许可法 art. 42', '  ALL art. 42  '], ['', '   ', 7]),
  pauses: mostly(
    [[]],
    [
      [{ reason: 'expert-review', from: '2025-10-09', to: '2025-10-15' }],
      'none',
    ],
  ),
  extension: fc.constant({ days: 10, reason: '案情复杂' }),
  maxExtensionDays: mostly([10, 15], [0, -1, 1.5]),
  warnWithin: mostly([0, 3, 5], [-1, 0.5, undefined]),
  note: fc.constant('extra member'),
};

const spec = fc.record(members, { requiredKeys: [] }).filter(
  // Mostly without the members a simple spec never has.
  (candidate) => !('extension' in candidate && 'note' in candidate),
);

describe('simpleDeadlineSpec', () => {
  it('reads a spec exactly as DeadlineSpecSchema does, or leaves it to the schema', () => {
    let readHere = 0;
    fc.assert(
      fc.property(spec, (candidate) => {
        const read = simpleDeadlineSpec(candidate);
        if (read === undefined) return;
        readHere++;
        const parsed = DeadlineSpecSchema.safeParse(candidate);
        expect(parsed.success).toBe(true);
        expect(read).toStrictEqual(parsed.data);
        expect(Object.keys(read)).toEqual(Object.keys(parsed.data!));
        // Members written in another order are read in the schema's order.
        const reversed = Object.fromEntries(
          Object.entries(candidate).reverse(),
        );
        expect(Object.keys(simpleDeadlineSpec(reversed)!)).toEqual(
          Object.keys(parsed.data!),
        );
      }),
      { numRuns: 2_000 },
    );
    // The generator reaches the member-by-member reading often enough to count.
    expect(readHere).toBeGreaterThan(20);
  });

  it('reads every lawful spec without pauses or an extension itself', () => {
    const lawful = fc.record(
      {
        start: fc.constantFrom('2025-09-26', '2024-02-29'),
        days: fc.integer({ min: 1, max: 100_000 }),
        unit: fc.constantFrom(
          'working-days' as const,
          'calendar-days' as const,
        ),
        basis: fc.constantFrom('行政许可法 art. 42', '  ALL art. 42  '),
        pauses: fc.constant([]),
        maxExtensionDays: fc.integer({ min: 1, max: 30 }),
        warnWithin: fc.integer({ min: 0, max: 10 }),
      },
      { requiredKeys: ['start', 'days'] },
    );
    fc.assert(
      fc.property(lawful, (candidate) => {
        expect(simpleDeadlineSpec(candidate)).toStrictEqual(
          DeadlineSpecSchema.parse(candidate),
        );
      }),
    );
  });

  it('leaves pauses, extensions, unknown members and odd objects to the schema', () => {
    const start = '2025-09-26';
    for (const candidate of [
      { start, days: 20, pauses: [{ reason: 'hearing', from: '2025-10-09' }] },
      { start, days: 20, extension: { days: 5, reason: '案情复杂' } },
      { start, days: 20, note: 'x' },
      { start, days: 20, basis: undefined },
      { start, days: 100_001 },
      { start, days: 0 },
      { start, days: 20, warnWithin: -1 },
      { start, days: 20, basis: '  ' },
      Object.assign(Object.create({ inherited: true }) as object, {
        start,
        days: 20,
      }),
      [start, 20],
      null,
    ]) {
      expect(simpleDeadlineSpec(candidate)).toBeUndefined();
    }
  });

  it('changes nothing a clock reports, and bad specs still fail with INVALID_DEADLINE', () => {
    const calendar = createChinaCalendar();
    const clock = createDeadlineClock(calendar, {
      start: '2025-09-26',
      days: 20,
      basis: ' 行政许可法 art. 42 ',
    });
    expect(clock.spec).toStrictEqual({
      start: '2025-09-26',
      days: 20,
      unit: 'working-days',
      basis: '行政许可法 art. 42',
      pauses: [],
      warnWithin: 3,
    });
    expect(clock.dueDate).toBe('2025-10-30');
    expect(() =>
      createDeadlineClock(calendar, { start: '2025-09-26', days: 0 }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_DEADLINE' }));
  });
});
