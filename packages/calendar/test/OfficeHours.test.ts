import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createChinaCalendar, createOfficeHours } from '../src/index.js';
import { shiftDate } from './helpers.js';

const calendar = createChinaCalendar();
const hours = createOfficeHours(calendar, {
  sessions: [
    { from: '09:00', to: '12:00' },
    { from: '13:30', to: '17:30' },
  ],
});

describe('createOfficeHours', () => {
  it('has 7 working hours a day', () => {
    expect(hours.minutesPerDay).toBe(420);
    expect(hours.calendar).toBe(calendar);
  });

  it('is open during sessions of working days only', () => {
    expect(hours.isOpen('2025-09-30T09:00')).toBe(true);
    expect(hours.isOpen('2025-09-30T12:00')).toBe(false);
    expect(hours.isOpen('2025-09-30T13:29')).toBe(false);
    expect(hours.isOpen('2025-10-03T10:00')).toBe(false);
    expect(hours.isOpen('2025-10-11T10:00')).toBe(true);
  });

  it('adds working time across the lunch break, holidays and a make-up Saturday', () => {
    expect(hours.addWorkingTime('2025-09-30T11:00', { hours: 2 })).toBe(
      '2025-09-30T14:30',
    );
    expect(hours.addWorkingTime('2025-09-30T11:00', { hours: 1 })).toBe(
      '2025-09-30T12:00',
    );
    // 16:30 on the eve of National Day: one hour left, then 10-09 from 09:00.
    expect(hours.addWorkingTime('2025-09-30T16:30', { hours: 2 })).toBe(
      '2025-10-09T10:00',
    );
    // A full day and a half from Friday 10-10 at 09:00 reaches the make-up Saturday.
    expect(
      hours.addWorkingTime('2025-10-10T09:00', { hours: 7, minutes: 210 }),
    ).toBe('2025-10-11T14:00');
    expect(hours.addWorkingTime('2025-10-03T08:00', { minutes: 1 })).toBe(
      '2025-10-09T09:01',
    );
    expect(hours.addWorkingTime('2025-09-30T10:15', {})).toBe(
      '2025-09-30T10:15',
    );
  });

  it('counts working minutes between two moments', () => {
    expect(
      hours.workingMinutesBetween('2025-09-30T16:30', '2025-10-09T10:00'),
    ).toBe(120);
    expect(
      hours.workingMinutesBetween('2025-10-09T10:00', '2025-09-30T16:30'),
    ).toBe(-120);
    expect(
      hours.workingMinutesBetween('2025-10-01T10:00', '2025-10-05T10:00'),
    ).toBe(0);
  });

  it('finds the next opening and the close of business (TIME-END)', () => {
    expect(hours.nextOpening('2025-09-30T12:30')).toBe('2025-09-30T13:30');
    expect(hours.nextOpening('2025-09-30T10:00')).toBe('2025-09-30T10:00');
    expect(hours.nextOpening('2025-09-30T18:00')).toBe('2025-10-09T09:00');
    expect(hours.nextOpening('2025-10-10T17:30')).toBe('2025-10-11T09:00');
    expect(hours.closeOfBusiness('2025-09-30')).toBe('2025-09-30T17:30');
  });

  it('reads ISO strings with offsets and luxon DateTime in Asia/Shanghai', () => {
    expect(hours.isOpen('2025-09-30T01:00:00Z')).toBe(true);
    const utc = DateTime.fromISO('2025-09-30T05:00', { zone: 'utc' });
    expect(hours.addWorkingTime(utc, { minutes: 30 })).toBe('2025-09-30T14:00');
  });

  it('round-trips: the minutes between t and addWorkingTime(t, m) are m', () => {
    const moment = fc
      .record({
        offset: fc.integer({ min: 0, max: 5_000 }),
        minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
      })
      .map(({ offset, minute }) => {
        const date = shiftDate('2011-01-01', offset);
        const hh = String(Math.floor(minute / 60)).padStart(2, '0');
        const mm = String(minute % 60).padStart(2, '0');
        return `${date}T${hh}:${mm}`;
      });
    fc.assert(
      fc.property(
        moment,
        fc.integer({ min: 1, max: 420 * 30 }),
        (at, minutes) => {
          const end = hours.addWorkingTime(at, { minutes });
          expect(hours.workingMinutesBetween(at, end)).toBe(minutes);
          expect(
            hours.workingMinutesBetween(
              at,
              hours.addWorkingTime(at, { minutes: minutes - 1 }),
            ),
          ).toBe(minutes - 1);
        },
      ),
    );
  });
});

describe('the end of the day (TIME-END)', () => {
  const allDay = createOfficeHours(calendar, {
    sessions: [{ from: '00:00', to: '24:00' }],
  });

  it('prints and reads back 24:00', () => {
    const end = allDay.addWorkingTime('2025-10-09T23:00', { hours: 1 });
    expect(end).toBe('2025-10-09T24:00');
    expect(allDay.closeOfBusiness('2025-10-09')).toBe('2025-10-09T24:00');
    expect(allDay.isOpen(end)).toBe(false);
    expect(allDay.workingMinutesBetween('2025-10-09T23:00', end)).toBe(60);
    expect(allDay.addWorkingTime(end, { minutes: 1 })).toBe('2025-10-10T00:01');
  });

  it('drops seconds: moments are taken to the minute', () => {
    expect(
      hours.workingMinutesBetween(
        '2025-09-30T09:00:59+08:00',
        '2025-09-30T09:01',
      ),
    ).toBe(1);
  });
});

describe('createOfficeHours validation', () => {
  it('closeOfBusiness refuses a day the office is closed', () => {
    expect(() => hours.closeOfBusiness('2025-10-03')).toThrowError(
      /not a working day/,
    );
  });

  it.each([
    null,
    { hours: '2' },
    { hours: -1, minutes: 90 },
    { hours: 1e12 },
    { hours: 0.01 },
    { days: 1 },
  ])('rejects the duration %j', (duration) => {
    expect(() =>
      hours.addWorkingTime('2025-09-30T10:00', duration as never),
    ).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('accepts fractional hours that come to whole minutes', () => {
    expect(hours.addWorkingTime('2025-09-30T09:00', { hours: 1.5 })).toBe(
      '2025-09-30T10:30',
    );
  });

  it.each([
    [{ sessions: [] }, /sessions/],
    [{ sessions: [{ from: '12:00', to: '09:00' }] }, /end after it begins/],
    [{ sessions: [{ from: '9:00', to: '12:00' }] }, /HH:mm/],
    [
      {
        sessions: [
          { from: '09:00', to: '12:00' },
          { from: '11:00', to: '17:00' },
        ],
      },
      /not overlap/,
    ],
  ])('rejects %j', (spec, message) => {
    expect(() => createOfficeHours(calendar, spec)).toThrowError(message);
    expect(() => createOfficeHours(calendar, spec)).toThrowError(
      expect.objectContaining({ code: 'INVALID_OFFICE_HOURS' }),
    );
  });

  it.each([
    '2025-09-30 10:00',
    '2025-09-30T25:00',
    '2025-09-31T10:00',
    '2025-09-30',
    'soon',
  ])('rejects the moment %j', (at) => {
    expect(() => hours.isOpen(at)).toThrowError(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });

  it('rejects negative or fractional durations and moments outside the data', () => {
    expect(() =>
      hours.addWorkingTime('2025-09-30T10:00', { minutes: -5 }),
    ).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() =>
      hours.addWorkingTime('2025-09-30T10:00', { hours: 0.01 }),
    ).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => hours.isOpen('2030-01-02T10:00')).toThrowError(
      expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' }),
    );
    expect(() => hours.isOpen('2030-01-02T10:00+08:00')).toThrowError(
      expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' }),
    );
    expect(() =>
      hours.addWorkingTime('2026-12-31T10:00', { hours: 14 }),
    ).toThrowError(expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' }));
    expect(() => hours.nextOpening('2026-12-31T18:00')).toThrowError(
      expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' }),
    );
  });
});
