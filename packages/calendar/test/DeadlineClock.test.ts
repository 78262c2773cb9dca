import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeadlinePause } from '../src/index.js';
import {
  createChinaCalendar,
  createDeadlineClock,
  LAWFUL_PAUSE_REASONS,
} from '../src/index.js';
import { shiftDate } from './helpers.js';

const calendar = createChinaCalendar();

const nationalDay = createDeadlineClock(calendar, {
  start: '2025-09-26',
  days: 20,
  basis: '行政许可法 art. 42',
  pauses: [{ reason: 'expert-review', from: '2025-10-09', to: '2025-10-15' }],
  extension: { days: 10, reason: '案情复杂，经本机关负责人批准' },
  maxExtensionDays: 10,
});

describe('createDeadlineClock around National Day 2025', () => {
  it('ALL-42-DECIDE-20D: 20 working days plus one 10-day extension, an expert review excluded', () => {
    // Counted: 09-28 (make-up Sunday), 09-29, 09-30, 10-09 (the pause's first
    // day), then from 10-16; 10-10..10-15 are paused, 10-01..10-08 are off.
    expect(nationalDay.totalDays).toBe(30);
    expect(nationalDay.dueDate).toBe('2025-11-20');
    expect(nationalDay.overdueFrom).toBe('2025-11-21');
    expect(nationalDay.warningFrom).toBe('2025-11-17');
    expect(nationalDay.estimated).toBe(false);
  });

  it('TIME-PAUSE-SEMANTICS: the count stops after the pause begins and restarts the day after it ends', () => {
    expect(nationalDay.at('2025-10-09')).toMatchObject({
      status: 'running',
      usedDays: 4,
    });
    expect(nationalDay.at('2025-10-11')).toMatchObject({
      status: 'paused',
      usedDays: 4,
      remainingDays: 26,
      pause: { reason: 'expert-review' },
    });
    expect(nationalDay.at('2025-10-15')).toMatchObject({
      status: 'paused',
      usedDays: 4,
    });
    expect(nationalDay.at('2025-10-16')).toMatchObject({
      status: 'running',
      usedDays: 5,
    });
  });

  it('reports warning, due today and overdue (TIME-END: overdue from the next calendar day)', () => {
    expect(nationalDay.at('2025-11-14').status).toBe('running');
    expect(nationalDay.at('2025-11-17')).toMatchObject({
      status: 'warning',
      remainingDays: 3,
    });
    expect(nationalDay.at('2025-11-20')).toMatchObject({
      status: 'due-today',
      usedDays: 30,
      remainingDays: 0,
    });
    expect(nationalDay.at('2025-11-22')).toMatchObject({
      status: 'overdue',
      remainingDays: 0,
      overdueDays: 2,
      overdueWorkingDays: 1,
    });
    expect(nationalDay.at('2025-11-25')).toMatchObject({
      overdueDays: 5,
      overdueWorkingDays: 3,
    });
  });

  it('nextThreshold walks warning → due → overdue → none', () => {
    expect(nationalDay.nextThreshold('2025-09-26')).toEqual({
      kind: 'warning',
      date: '2025-11-17',
    });
    expect(nationalDay.nextThreshold('2025-11-17')).toEqual({
      kind: 'due',
      date: '2025-11-20',
    });
    expect(nationalDay.nextThreshold('2025-11-20')).toEqual({
      kind: 'overdue',
      date: '2025-11-21',
    });
    expect(nationalDay.nextThreshold('2025-11-21')).toBeNull();
  });
});

describe('createDeadlineClock around Spring Festival 2026', () => {
  const base = { start: '2026-02-10', days: 20 } as const;

  it('TIME-WORKDAY: make-up Saturdays 02-14 and 02-28 count, 02-15..02-23 do not', () => {
    expect(createDeadlineClock(calendar, base).dueDate).toBe('2026-03-16');
  });

  it('TIME-EXCLUDED: a hearing pauses the clock; one extension moves the due date again', () => {
    const heard = createDeadlineClock(calendar, {
      ...base,
      pauses: [{ reason: 'hearing', from: '2026-03-02', to: '2026-03-04' }],
    });
    expect(heard.dueDate).toBe('2026-03-18');
    const extended = heard.extend({
      days: 10,
      reason: '需要延长',
      grantedOn: '2026-03-10',
    });
    expect(extended.dueDate).toBe('2026-04-01');
    expect(heard.dueDate).toBe('2026-03-18');
  });

  it('an open pause holds the due date until it is resumed', () => {
    const paused = createDeadlineClock(calendar, base).pause('2026-02-24', {
      reason: 'appraisal',
    });
    expect(paused.dueDate).toBeNull();
    expect(paused.overdueFrom).toBeNull();
    expect(paused.at('2026-03-01')).toMatchObject({
      status: 'paused',
      usedDays: 5,
      remainingDays: 15,
      dueDate: null,
    });
    expect(paused.nextThreshold('2026-03-01')).toBeNull();
    const resumed = paused.resume('2026-03-03');
    expect(resumed.dueDate).toBe('2026-03-24');
    expect(resumed.at('2026-03-04').usedDays).toBe(6);
  });

  it('warnWithin sets the warning threshold, and covers the whole limit when large', () => {
    const early = createDeadlineClock(calendar, { ...base, warnWithin: 5 });
    expect(early.warningFrom).toBe('2026-03-09');
    expect(early.at('2026-03-09').status).toBe('warning');
    const always = createDeadlineClock(calendar, { ...base, warnWithin: 25 });
    expect(always.warningFrom).toBe('2026-02-10');
    expect(always.at('2026-02-10')).toMatchObject({
      status: 'warning',
      usedDays: 0,
    });
  });
});

describe('at the edges of the data', () => {
  it('TIME-CALENDAR-DATA: a period ending on 2026-12-31 has a due date; overdue from 2027-01-01', () => {
    const clock = createDeadlineClock(calendar, {
      start: '2026-12-24',
      days: 5,
    });
    expect(clock.dueDate).toBe('2026-12-31');
    expect(clock.overdueFrom).toBe('2027-01-01');
    expect(clock.at('2026-12-31').status).toBe('due-today');
  });

  it('warnWithin 0 means no warning: the due day is due-today', () => {
    const clock = createDeadlineClock(calendar, {
      start: '2025-03-03',
      days: 5,
      warnWithin: 0,
    });
    expect(clock.warningFrom).toBeNull();
    expect(clock.nextThreshold('2025-03-03')).toEqual({
      kind: 'due',
      date: '2025-03-10',
    });
    expect(clock.at('2025-03-07').status).toBe('running');
  });
});

describe('calendar-day limits', () => {
  it('TIME-END: a calendar-day period whose last day is a rest day ends on the next working day (CC art. 203)', () => {
    const clock = createDeadlineClock(calendar, {
      start: '2025-09-26',
      days: 7,
      unit: 'calendar-days',
    });
    // 09-26 + 7 = 10-03, a National Day holiday: the period runs to 10-09.
    expect(clock.dueDate).toBe('2025-10-09');
    expect(clock.at('2025-10-04').status).not.toBe('overdue');
    expect(clock.at('2025-10-10').status).toBe('overdue');
  });

  it('counts every day, with a custom pause that names its basis', () => {
    const clock = createDeadlineClock(calendar, {
      start: '2025-09-30',
      days: 30,
      unit: 'calendar-days',
      pauses: [
        {
          reason: 'custom',
          label: 'Public notice',
          labelZh: '公示',
          basis: '某市建设工程规划公示办法 art. 5',
          from: '2025-10-05',
          to: '2025-10-09',
        },
      ],
    });
    expect(clock.dueDate).toBe('2025-11-03');
    expect(clock.at('2025-10-07').pause).toMatchObject({ labelZh: '公示' });
  });

  it('takes custom pauses through pause() with their basis', () => {
    const clock = createDeadlineClock(calendar, {
      start: '2025-09-30',
      days: 30,
      unit: 'calendar-days',
    })
      .pause('2025-10-05', {
        reason: 'custom',
        label: 'Public notice',
        labelZh: '公示',
        basis: '某市建设工程规划公示办法 art. 5',
      })
      .resume('2025-10-09');
    expect(clock.dueDate).toBe('2025-11-03');
  });
});

describe('createDeadlineClock rejects unlawful or inconsistent clocks', () => {
  const invalid = (spec: unknown) =>
    expect(() => createDeadlineClock(calendar, spec as never));

  it('TIME-EXCLUDED: a pause reason outside ALL art. 45 needs the custom form with a basis', () => {
    invalid({
      start: '2025-03-03',
      days: 20,
      pauses: [
        { reason: 'public-notice', from: '2025-03-05', to: '2025-03-06' },
      ],
    }).toThrowError(expect.objectContaining({ code: 'INVALID_DEADLINE' }));
    try {
      createDeadlineClock(calendar, {
        start: '2025-03-03',
        days: 20,
        pauses: [
          {
            reason: 'custom',
            label: 'Correction',
            labelZh: '补正',
            from: '2025-03-05',
          } as DeadlinePause,
        ],
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        code: 'INVALID_DEADLINE',
        issues: [expect.objectContaining({ path: ['pauses', 0, 'basis'] })],
      });
    }
    expect(Object.keys(LAWFUL_PAUSE_REASONS)).toHaveLength(8);
  });

  it('ALL-42-DECIDE-20D: the limit may be extended once, and not beyond the allowed days', () => {
    expect(() => nationalDay.extend({ days: 5, reason: 'again' })).toThrowError(
      expect.objectContaining({
        code: 'INVALID_DEADLINE',
        message: expect.stringContaining('once') as unknown,
      }),
    );
    invalid({
      start: '2025-03-03',
      days: 20,
      maxExtensionDays: 10,
      extension: { days: 12, reason: 'too long' },
    }).toThrowError(/exceeds the 10/);
    invalid({
      start: '2025-03-03',
      days: 20,
      extension: [
        { days: 5, reason: 'a' },
        { days: 5, reason: 'b' },
      ],
    }).toThrowError(expect.objectContaining({ code: 'INVALID_DEADLINE' }));
  });

  it.each([
    [
      'a pause before the start',
      [{ reason: 'testing', from: '2025-03-01', to: '2025-03-04' }],
      /before the start/,
    ],
    [
      'a pause that ends before it begins',
      [{ reason: 'testing', from: '2025-03-10', to: '2025-03-05' }],
      /before it begins/,
    ],
    [
      'overlapping pauses',
      [
        { reason: 'testing', from: '2025-03-05', to: '2025-03-10' },
        { reason: 'tender', from: '2025-03-10', to: '2025-03-12' },
      ],
      /not overlap/,
    ],
    [
      'an open pause followed by another',
      [
        { reason: 'testing', from: '2025-03-05' },
        { reason: 'tender', from: '2025-03-10', to: '2025-03-12' },
      ],
      /only the last pause/,
    ],
    [
      'a pause after the period ran out',
      [{ reason: 'testing', from: '2025-04-15', to: '2025-04-20' }],
      /ran out on 2025-03-31/,
    ],
  ])('rejects %s', (_, pauses, message) => {
    invalid({ start: '2025-03-03', days: 20, pauses }).toThrowError(message);
  });

  it('ALL-42-DECIDE-20D: the extension must be granted before the period ran out', () => {
    const spec = { start: '2025-09-26', days: 3 };
    expect(createDeadlineClock(calendar, spec).dueDate).toBe('2025-09-30');
    invalid({
      ...spec,
      extension: { days: 10, reason: 'late', grantedOn: '2025-10-09' },
    }).toThrowError(/ran out on 2025-09-30/);
    expect(
      createDeadlineClock(calendar, {
        ...spec,
        extension: { days: 10, reason: 'in time', grantedOn: '2025-09-30' },
      }).dueDate,
    ).toBe('2025-10-21');
    invalid({
      ...spec,
      extension: { days: 1e15, reason: 'forever' },
    }).toThrowError(/extension\.days/);
  });

  it('rejects bad dates, limits and reading dates', () => {
    invalid({ start: '2025-02-30', days: 20 }).toThrowError(/start/);
    invalid({ start: '2025-03-03', days: 0 }).toThrowError(/days/);
    invalid({ start: '2025-03-03', days: 20, colour: 'red' }).toThrowError(
      /colour/,
    );
    expect(() => nationalDay.at('2025-09-01')).toThrowError(/before the start/);
    expect(() =>
      createDeadlineClock(calendar, { start: '2025-03-03', days: 20 }).resume(
        '2025-03-05',
      ),
    ).toThrowError(/no open pause/);
  });

  it('TIME-CALENDAR-DATA: a due date past the data is an error unless estimates are allowed', () => {
    const spec = { start: '2026-12-01', days: 30 };
    expect(() => createDeadlineClock(calendar, spec)).toThrowError(
      expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' }),
    );
    const estimated = createDeadlineClock(
      calendar.withOptions({ beyondData: 'weekdays' }),
      spec,
    );
    expect(estimated.estimated).toBe(true);
    expect(estimated.dueDate).toBe('2027-01-12');
  });
});

describe('the due date agrees with a day-by-day count', () => {
  /** Reference: step one day at a time, skipping paused days (S, R]. */
  function walkDueDate(
    start: string,
    total: number,
    pauses: { from: string; to: string }[],
  ): string {
    let day = start;
    let counted = 0;
    while (counted < total) {
      day = shiftDate(day, 1);
      const paused = pauses.some((p) => p.from < day && day <= p.to);
      if (!paused && calendar.isWorkingDay(day)) counted++;
    }
    return day;
  }

  it('for random starts, limits and lawful pauses', () => {
    const scenario = fc.record({
      startOffset: fc.integer({ min: 0, max: 5_800 }),
      days: fc.integer({ min: 1, max: 45 }),
      gaps: fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: 12 }),
          fc.integer({ min: 0, max: 15 }),
        ),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(scenario, ({ startOffset, days, gaps }) => {
        const start = shiftDate('2010-01-05', startOffset);
        const pauses: { from: string; to: string }[] = [];
        let cursor = start;
        for (const [gap, length] of gaps) {
          const from = shiftDate(cursor, gap + (pauses.length === 0 ? 0 : 1));
          pauses.push({ from, to: shiftDate(from, length) });
          cursor = shiftDate(from, length);
        }
        const expected = walkDueDate(start, days, pauses);
        const lawful = pauses.filter((p) => p.from < expected);
        fc.pre(lawful.length === pauses.length);
        const clock = createDeadlineClock(calendar, {
          start,
          days,
          pauses: pauses.map((p) => ({ reason: 'inspection', ...p })),
        });
        expect(clock.dueDate).toBe(expected);
        expect(clock.at(expected).status).toBe('due-today');
      }),
      { numRuns: 300 },
    );
  });
});
