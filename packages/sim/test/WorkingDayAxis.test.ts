import { createChinaCalendar } from '@kuaiban/calendar';
import { describe, expect, it } from 'vitest';
import {
  WorkingDayAxis,
  clockTime,
  dateOfEpochDay,
  epochDayOf,
} from '../src/WorkingDayAxis.js';

const calendar = createChinaCalendar().withOptions({ beyondData: 'weekdays' });

describe('epoch days', () => {
  it('round-trips civil dates and refuses dates that do not exist', () => {
    for (const date of ['1970-01-01', '2024-02-29', '2025-10-08', '2100-03-01'])
      expect(dateOfEpochDay(epochDayOf(date))).toBe(date);
    expect(epochDayOf('1970-01-02')).toBe(1);
    expect(() => epochDayOf('2025-02-29')).toThrow(/not a date/);
  });
});

describe('WorkingDayAxis', () => {
  it('TIME-WORKDAY: counts make-up workdays and leaves out holidays, like the calendar', () => {
    const axis = new WorkingDayAxis(calendar, '2025-09-25');
    const dates = Array.from({ length: 8 }, (_, k) => axis.dateOf(k));
    // 09-28 (Sunday) is a make-up workday; 10-01 … 10-08 are the National Day holidays.
    expect(dates).toEqual([
      '2025-09-25',
      '2025-09-26',
      '2025-09-28',
      '2025-09-29',
      '2025-09-30',
      '2025-10-09',
      '2025-10-10',
      '2025-10-11',
    ]);
    expect(axis.weekdayOf(2)).toBe(7);
    expect(axis.monthOf(5)).toBe(10);
  });

  it('agrees with addWorkingDays from working days and from holidays, over years', () => {
    const axis = new WorkingDayAxis(calendar, '2025-01-02');
    for (const date of [
      '2025-01-02',
      '2025-05-01',
      '2025-10-03',
      '2026-02-17',
      '2027-03-06',
    ]) {
      const rank = axis.rankOf(epochDayOf(date));
      for (const n of [1, 5, 20])
        expect(axis.dateOf(rank + n)).toBe(calendar.addWorkingDays(date, n));
    }
    expect(axis.firstOnOrAfter(epochDayOf('2025-10-03'))).toBe(
      axis.rankOf(epochDayOf('2025-10-09')),
    );
  });

  it('converts epoch days and dates both ways', () => {
    for (const date of [
      '1970-01-01',
      '2000-02-29',
      '2025-12-31',
      '2100-03-01',
    ]) {
      expect(dateOfEpochDay(epochDayOf(date))).toBe(date);
    }
    expect(epochDayOf('1970-01-02')).toBe(1);
  });

  it('places a share of the office day on the clock, skipping the lunch break', () => {
    const sessions = [
      { from: 540, to: 720 },
      { from: 810, to: 1050 },
    ];
    expect(clockTime('2025-01-02', 0, sessions)).toBe('2025-01-02T09:00');
    expect(clockTime('2025-01-02', 3 / 7, sessions)).toBe('2025-01-02T12:00');
    expect(clockTime('2025-01-02', 0.5, sessions)).toBe('2025-01-02T14:00');
    expect(clockTime('2025-01-02', 1, sessions)).toBe('2025-01-02T17:30');
  });
});
