import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  dateInChina,
  civilOf,
  epochDayOf,
  formatEpochDay,
  isoWeekdayOf,
  toEpochDay,
  tryParseIsoDate,
} from '../src/civilDate.js';

describe('civil date arithmetic', () => {
  it('agrees with luxon on epoch days, weekdays and formatting', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (epochDay) => {
        const reference = DateTime.fromMillis(epochDay * 86_400_000, {
          zone: 'utc',
        });
        expect(civilOf(epochDay)).toEqual({
          year: reference.year,
          month: reference.month,
          day: reference.day,
        });
        expect(isoWeekdayOf(epochDay)).toBe(reference.weekday);
        expect(epochDayOf(reference.year, reference.month, reference.day)).toBe(
          epochDay,
        );
        if (reference.year >= 1000 && reference.year <= 9999) {
          expect(formatEpochDay(epochDay)).toBe(reference.toISODate());
          expect(tryParseIsoDate(formatEpochDay(epochDay))).toBe(epochDay);
        }
      }),
    );
  });

  it('knows leap years', () => {
    expect(tryParseIsoDate('2024-02-29')).toBeDefined();
    expect(tryParseIsoDate('2025-02-29')).toBeUndefined();
    expect(tryParseIsoDate('2000-02-29')).toBeDefined();
    expect(tryParseIsoDate('1900-02-29')).toBeUndefined();
    expect(tryParseIsoDate('2025-04-31')).toBeUndefined();
    expect(tryParseIsoDate('2025-00-10')).toBeUndefined();
  });

  it('takes only YYYY-MM-DD with ASCII digits, nothing before or after', () => {
    for (const text of [
      '2025-9-26',
      '2025-09-26 ',
      ' 2025-09-26',
      '2025-09-26\n',
      '2025/09/26',
      '20250926',
      '2025-09-2x',
      '２０２５-09-26',
      '+2025-09-26',
      '2025-0a-26',
      '',
    ]) {
      expect(tryParseIsoDate(text)).toBeUndefined();
    }
    expect(tryParseIsoDate(42 as never)).toBeUndefined();
    expect(tryParseIsoDate('0000-01-01')).toBe(epochDayOf(0, 1, 1));
  });

  it('reads luxon DateTime in Asia/Shanghai whatever its zone', () => {
    const newYork = DateTime.fromISO('2025-09-30T13:00', {
      zone: 'America/New_York',
    });
    expect(formatEpochDay(toEpochDay(newYork))).toBe('2025-10-01');
  });

  it('names the argument in the error', () => {
    expect(() => toEpochDay('2025-02-30', 'start')).toThrowError(/\(start\)/);
    expect(() => toEpochDay(42 as never)).toThrowError(/number is not a date/);
  });
});

describe('addCalendarDays', () => {
  it('TIME-END: the day after the last day, across month and year ends', () => {
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addCalendarDays('2025-10-01', 0)).toBe('2025-10-01');
  });

  it('refuses bad dates and counts', () => {
    expect(() => addCalendarDays('2025-02-30', 1)).toThrowError(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
    expect(() => addCalendarDays('2025-02-03', 1.5)).toThrowError(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('dateInChina', () => {
  it('TIME-END: reads a moment as a date in Asia/Shanghai', () => {
    expect(dateInChina('2025-09-30T17:00:00Z')).toBe('2025-10-01');
    expect(dateInChina('2025-10-01T08:00:00+08:00')).toBe('2025-10-01');
    expect(dateInChina('2025-09-30T16:00:00.000Z')).toBe('2025-10-01');
    expect(dateInChina('2025-09-30T15:59:59.999Z')).toBe('2025-09-30');
    // Before 1992 the zone database decides (China kept summer time 1986–91).
    expect(dateInChina('1988-07-01T15:30:00Z')).toBe('1988-07-02');
  });

  it('refuses what is not a moment', () => {
    expect(() => dateInChina('2025-10-01')).toThrowError(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
    expect(() => dateInChina('soon')).toThrowError(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });
});
