import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { WorkCalendar } from '../src/index.js';
import { createChinaCalendar, defineCalendar } from '../src/index.js';
import { shiftDate } from './helpers.js';

const national = createChinaCalendar();
const estimating = createChinaCalendar({ beyondData: 'weekdays' });

/** A date inside 2010-04..2026-09, so that ±40 working days stay in the data. */
const coveredDate = fc
  .integer({ min: 0, max: 6_000 })
  .map((offset) => shiftDate('2010-04-01', offset));
/** A date anywhere from 2005 to 2031: estimated outside the data. */
const anyDate = fc
  .integer({ min: 0, max: 9_500 })
  .map((offset) => shiftDate('2005-01-01', offset));
const count = fc.integer({ min: -40, max: 40 });

/** Reference: walk day by day, asking only `isWorkingDay`. */
function walkWorkingDays(
  calendar: WorkCalendar,
  date: string,
  n: number,
): string {
  let cursor = date;
  let left = Math.abs(n);
  while (left > 0) {
    cursor = shiftDate(cursor, Math.sign(n));
    if (calendar.isWorkingDay(cursor)) left--;
  }
  return cursor;
}

function countWorkingDays(
  calendar: WorkCalendar,
  from: string,
  to: string,
): number {
  const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let total = 0;
  for (let day = shiftDate(low, 1); day <= high; day = shiftDate(day, 1)) {
    if (calendar.isWorkingDay(day)) total++;
  }
  return total === 0 ? 0 : sign * total;
}

describe.each([
  ['national data', national, coveredDate],
  ['weekdays beyond the data', estimating, anyDate],
])('WorkCalendar algebra (%s)', (_, calendar, date) => {
  it('TIME-NEXT-DAY: addWorkingDays is the n-th working day strictly after (before) the date', () => {
    fc.assert(
      fc.property(date, count, (d, n) => {
        expect(calendar.addWorkingDays(d, n)).toBe(
          n === 0 ? d : walkWorkingDays(calendar, d, n),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('workingDaysBetween counts (from, to], negative when reversed', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -60, max: 60 }), (d, span) => {
        const to = shiftDate(d, span);
        expect(calendar.workingDaysBetween(d, to)).toBe(
          countWorkingDays(calendar, d, to),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('round trip: workingDaysBetween(d, addWorkingDays(d, n)) === n for n >= 0', () => {
    fc.assert(
      fc.property(date, fc.nat(40), (d, n) => {
        expect(
          calendar.workingDaysBetween(d, calendar.addWorkingDays(d, n)),
        ).toBe(n);
      }),
    );
  });

  it('round trip backwards holds from working days (the count is over (to, from])', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -40, max: -1 }), (d, n) => {
        fc.pre(calendar.isWorkingDay(d));
        expect(
          calendar.workingDaysBetween(d, calendar.addWorkingDays(d, n)),
        ).toBe(n);
      }),
    );
    // From a Saturday, one working day back is Friday, and (Fri, Sat] holds
    // no working day.
    expect(national.addWorkingDays('2022-08-13', -1)).toBe('2022-08-12');
    expect(national.workingDaysBetween('2022-08-13', '2022-08-12')).toBe(0);
  });

  it('additivity: between(a, c) === between(a, b) + between(b, c)', () => {
    fc.assert(
      fc.property(date, date, date, (a, b, c) => {
        expect(calendar.workingDaysBetween(a, c)).toBe(
          calendar.workingDaysBetween(a, b) + calendar.workingDaysBetween(b, c),
        );
      }),
    );
  });

  it('composition: adding m then n working days from a working day adds m + n', () => {
    fc.assert(
      fc.property(date, fc.nat(30), fc.nat(30), (d, m, n) => {
        const start = calendar.isWorkingDay(d) ? d : calendar.nextWorkingDay(d);
        expect(
          calendar.addWorkingDays(calendar.addWorkingDays(start, m), n),
        ).toBe(calendar.addWorkingDays(start, m + n));
      }),
    );
  });

  it('monotonicity: later dates never give earlier results', () => {
    fc.assert(
      fc.property(date, date, fc.integer({ min: 1, max: 40 }), (a, b, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(
          calendar.addWorkingDays(early, n) <= calendar.addWorkingDays(late, n),
        ).toBe(true);
        expect(calendar.workingDaysBetween(early, late)).toBeGreaterThanOrEqual(
          0,
        );
      }),
    );
  });

  it('results of positive additions are always working days', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 40 }), (d, n) => {
        expect(calendar.isWorkingDay(calendar.addWorkingDays(d, n))).toBe(true);
      }),
    );
  });
});

describe('beyond the data', () => {
  it('isWorkingDay follows Monday–Friday, as luxon tells the weekday', () => {
    const outside = fc.oneof(
      fc
        .integer({ min: 1, max: 3_000 })
        .map((k) => shiftDate('2010-01-01', -k)),
      fc.integer({ min: 1, max: 3_000 }).map((k) => shiftDate('2026-12-31', k)),
    );
    fc.assert(
      fc.property(outside, (date) => {
        expect(estimating.isEstimated(date)).toBe(true);
        expect(estimating.isWorkingDay(date)).toBe(
          DateTime.fromISO(date).weekday <= 5,
        );
      }),
    );
  });
});

describe('weekday arithmetic with another weekend', () => {
  // A calendar of its own whose rest days are Friday to Sunday.
  const fourDayWeek = defineCalendar(
    {
      id: 'four-day-week',
      name: 'Four-day week',
      nameZh: '四天工作制',
      basis: 'test fixture',
      base: null,
      coverage: { from: '2025-01-01', to: '2025-12-31' },
      weekend: [5, 6, 7],
    },
    { beyondData: 'weekdays' },
  );
  const around2025 = fc
    .integer({ min: 0, max: 1_500 })
    .map((offset) => shiftDate('2023-06-01', offset));

  it('matches a day-by-day walk inside and beyond its coverage', () => {
    fc.assert(
      fc.property(around2025, fc.integer({ min: -50, max: 50 }), (d, n) => {
        expect(fourDayWeek.addWorkingDays(d, n)).toBe(
          n === 0 ? d : walkWorkingDays(fourDayWeek, d, n),
        );
        const to = shiftDate(d, n * 2);
        expect(fourDayWeek.workingDaysBetween(d, to)).toBe(
          countWorkingDays(fourDayWeek, d, to),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('describe', () => {
  it('names the day kind, weekday and source of a holiday', () => {
    expect(national.describe('2025-10-03')).toEqual({
      date: '2025-10-03',
      weekday: 5,
      isWorkingDay: false,
      kind: 'holiday',
      estimated: false,
      holiday: {
        name: 'Mid-autumn Festival and National Day',
        nameZh: '中秋节、国庆节',
      },
      source: '国办发明电〔2024〕12号',
    });
  });

  it('tells plain weekdays and weekends apart', () => {
    expect(national.describe('2025-03-04')).toMatchObject({
      kind: 'workday',
      isWorkingDay: true,
    });
    expect(national.describe('2025-03-08')).toMatchObject({
      kind: 'weekend',
      isWorkingDay: false,
    });
  });

  it('withOptions keeps the data and changes only the options', () => {
    const strict = estimating.withOptions({});
    expect(strict.beyondData).toBe('error');
    expect(strict.addWorkingDays('2025-09-30', 5)).toBe('2025-10-14');
    expect(() => strict.isWorkingDay('2030-01-01')).toThrow(/outside the data/);
  });
});
