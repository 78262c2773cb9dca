import { getDayDetail, isWorkday } from 'chinese-days';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createChinaCalendar, isKuaibanError } from '../src/index.js';
import { eachDate } from './helpers.js';

const calendar = createChinaCalendar();

/**
 * The arrangements of 2024–2026 transcribed a second time, straight from the
 * notices, independently of the data file.
 */
const announced: Record<
  number,
  { notice: string; holidays: [string, string, string][]; workdays: string[] }
> = {
  2024: {
    notice: '国办发明电〔2023〕7号',
    holidays: [
      ['元旦', '2024-01-01', '2024-01-01'],
      ['春节', '2024-02-10', '2024-02-17'],
      ['清明节', '2024-04-04', '2024-04-06'],
      ['劳动节', '2024-05-01', '2024-05-05'],
      ['端午节', '2024-06-10', '2024-06-10'],
      ['中秋节', '2024-09-15', '2024-09-17'],
      ['国庆节', '2024-10-01', '2024-10-07'],
    ],
    workdays: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  2025: {
    notice: '国办发明电〔2024〕12号',
    holidays: [
      ['元旦', '2025-01-01', '2025-01-01'],
      ['春节', '2025-01-28', '2025-02-04'],
      ['清明节', '2025-04-04', '2025-04-06'],
      ['劳动节', '2025-05-01', '2025-05-05'],
      ['端午节', '2025-05-31', '2025-06-02'],
      ['中秋节、国庆节', '2025-10-01', '2025-10-08'],
    ],
    workdays: [
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ],
  },
  2026: {
    notice: '国办发明电〔2025〕7号',
    holidays: [
      ['元旦', '2026-01-01', '2026-01-03'],
      ['春节', '2026-02-15', '2026-02-23'],
      ['清明节', '2026-04-04', '2026-04-06'],
      ['劳动节', '2026-05-01', '2026-05-05'],
      ['端午节', '2026-06-19', '2026-06-21'],
      ['中秋节', '2026-09-25', '2026-09-27'],
      ['国庆节', '2026-10-01', '2026-10-07'],
    ],
    workdays: [
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ],
  },
};

describe('createChinaCalendar: national data', () => {
  it('TIME-CALENDAR-DATA: covers 2010-01-01 through 2026-12-31, citing every notice', () => {
    expect(calendar.coverage).toEqual({
      first: '2010-01-01',
      last: '2026-12-31',
    });
    const numbers = calendar.sources.map((notice) => notice.number);
    for (let year = 2010; year <= 2026; year++) {
      expect(
        calendar.sources.some((n) => n.title.includes(`${year}年`)),
        `notice for ${year}`,
      ).toBe(true);
    }
    expect(numbers).toContain('国办发明电〔2025〕7号');
    // Amendments are cited too: the 2019 Labour Day change and the 2020
    // Spring Festival extension.
    expect(numbers).toContain('国办发明电〔2019〕3号');
    expect(numbers).toContain('国办发明电〔2020〕1号');
  });

  for (const [year, arrangement] of Object.entries(announced)) {
    describe(`${year} (${arrangement.notice})`, () => {
      const holidayDates = new Map<string, string>();
      for (const [nameZh, from, to] of arrangement.holidays) {
        for (const date of eachDate(from, to)) holidayDates.set(date, nameZh);
      }

      it('TIME-WORKDAY: every announced holiday is a day off, named and sourced', () => {
        for (const [date, nameZh] of holidayDates) {
          const info = calendar.describe(date);
          expect(info.isWorkingDay, date).toBe(false);
          expect(info.kind, date).toBe('holiday');
          expect(info.holiday?.nameZh, date).toBe(nameZh);
          expect(info.source, date).toBe(arrangement.notice);
        }
      });

      it('TIME-WORKDAY: every make-up workday (调休上班) counts as a working day', () => {
        for (const date of arrangement.workdays) {
          const info = calendar.describe(date);
          expect(info.weekday, date).toBeGreaterThanOrEqual(6);
          expect(info.isWorkingDay, date).toBe(true);
          expect(info.kind, date).toBe('makeup-workday');
        }
      });

      it('every other day follows the Monday–Friday rule', () => {
        for (const date of eachDate(`${year}-01-01`, `${year}-12-31`)) {
          if (holidayDates.has(date) || arrangement.workdays.includes(date)) {
            continue;
          }
          const weekday = DateTime.fromISO(date).weekday;
          expect(calendar.isWorkingDay(date), date).toBe(weekday <= 5);
        }
      });
    });
  }

  it('agrees with the chinese-days package on every date 2010–2026', () => {
    const disagreements: string[] = [];
    for (const date of eachDate('2010-01-01', '2026-12-31')) {
      if (calendar.isWorkingDay(date) !== isWorkday(date)) {
        disagreements.push(`${date} (${getDayDetail(date).name})`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('keeps make-up workdays a notice set in the previous December', () => {
    // 2012's New Year: 2011-12-31 (Saturday) worked; 2019's: 2018-12-29.
    expect(calendar.describe('2011-12-31')).toMatchObject({
      kind: 'makeup-workday',
      source: '国办发明电〔2011〕45号',
    });
    expect(calendar.isWorkingDay('2018-12-29')).toBe(true);
    expect(calendar.isWorkingDay('2018-12-31')).toBe(false);
  });

  it('applies amendments: 2020 Spring Festival extended, 2020-02-01 no longer worked', () => {
    expect(calendar.isWorkingDay('2020-01-31')).toBe(false);
    expect(calendar.isWorkingDay('2020-02-01')).toBe(false);
    expect(calendar.describe('2020-02-02').kind).toBe('holiday');
    expect(calendar.isWorkingDay('2020-02-03')).toBe(true);
  });
});

describe('createChinaCalendar: the contract examples', () => {
  it('TIME-NEXT-DAY: 5 working days from 2025-09-30 skip National Day and count the 10-11 make-up Saturday', () => {
    expect(calendar.addWorkingDays('2025-09-30', 5)).toBe('2025-10-14');
    expect(calendar.workingDaysBetween('2025-09-30', '2025-10-14')).toBe(5);
  });

  it('TIME-NEXT-DAY: the start day is not counted, even when it is a working day', () => {
    expect(calendar.addWorkingDays('2025-03-03', 1)).toBe('2025-03-04');
    expect(calendar.workingDaysBetween('2025-03-03', '2025-03-03')).toBe(0);
    expect(calendar.addWorkingDays('2025-03-08', 0)).toBe('2025-03-08');
  });

  it('ALL-42-DECIDE-20D: 20 working days from acceptance just before Spring Festival 2025', () => {
    // Accepted Friday 2025-01-24; 01-26 (Sunday) and 02-08 (Saturday) are
    // worked; 01-28..02-04 off.
    expect(calendar.addWorkingDays('2025-01-24', 20)).toBe('2025-02-27');
  });

  it('nextWorkingDay and previousWorkingDay step over holidays and weekends', () => {
    expect(calendar.nextWorkingDay('2025-09-30')).toBe('2025-10-09');
    expect(calendar.previousWorkingDay('2025-10-09')).toBe('2025-09-30');
    expect(calendar.nextWorkingDay('2025-10-10')).toBe('2025-10-11');
  });

  it('accepts luxon DateTime, read in Asia/Shanghai', () => {
    const lateUtc = DateTime.fromISO('2025-09-30T17:00:00Z', { zone: 'utc' });
    // 01:00 on 10-01 in Beijing: a holiday.
    expect(calendar.isWorkingDay(lateUtc)).toBe(false);
    expect(calendar.addWorkingDays(lateUtc, 1)).toBe('2025-10-09');
  });

  it('returns the same calendar object for the default options', () => {
    expect(createChinaCalendar()).toBe(calendar);
  });
});

describe('createChinaCalendar: never a silent guess', () => {
  it.each([
    ['2009-12-31', 'before'],
    ['2027-01-04', 'after'],
  ])(
    'TIME-CALENDAR-DATA: %s (%s the data) is CALENDAR_OUT_OF_RANGE',
    (date) => {
      expect(() => calendar.isWorkingDay(date)).toThrowError(
        expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' }),
      );
    },
  );

  it('TIME-CALENDAR-DATA: a result past the data is an error, not a weekday guess', () => {
    try {
      calendar.addWorkingDays('2026-12-20', 20);
      expect.unreachable();
    } catch (error) {
      expect(isKuaibanError(error)).toBe(true);
      if (!isKuaibanError(error)) return;
      expect(error.code).toBe('CALENDAR_OUT_OF_RANGE');
      expect(error.message).toContain('2010-01-01..2026-12-31');
      expect(error.messageZh).toContain('超出');
      expect(error.details).toMatchObject({ last: '2026-12-31' });
    }
  });

  it.each([
    '2025-02-30',
    'tomorrow',
    '2025-1-5',
    '',
    '2025-13-01',
    '2024-02-29x',
  ])('rejects %j as INVALID_DATE with a message in both languages', (input) => {
    expect(() => calendar.isWorkingDay(input)).toThrowError(
      expect.objectContaining({
        code: 'INVALID_DATE',
        message: expect.stringContaining('YYYY-MM-DD') as unknown,
        messageZh: expect.stringContaining('YYYY-MM-DD') as unknown,
      }),
    );
  });

  it('rejects an invalid luxon DateTime', () => {
    expect(() =>
      calendar.isWorkingDay(DateTime.invalid('broken')),
    ).toThrowError(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2_000_000])(
    'rejects %s working days as INVALID_ARGUMENT',
    (n) => {
      expect(() => calendar.addWorkingDays('2025-03-03', n)).toThrowError(
        expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
      );
    },
  );

  it('TIME-CALENDAR-DATA: works up to both edges of the data and not a day beyond', () => {
    expect(calendar.addWorkingDays('2026-12-30', 1)).toBe('2026-12-31');
    expect(() => calendar.addWorkingDays('2026-12-31', 1)).toThrowError(
      expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' }),
    );
    expect(calendar.addWorkingDays('2010-01-05', -1)).toBe('2010-01-04');
    // 2010-01-01..03 are off: the working day before 01-04 lies in 2009.
    expect(() => calendar.addWorkingDays('2010-01-04', -1)).toThrowError(
      expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' }),
    );
    expect(calendar.workingDaysBetween('2010-01-01', '2010-01-01')).toBe(0);
    let workingDays = 0;
    for (const date of eachDate('2010-01-02', '2026-12-31')) {
      if (isWorkday(date)) workingDays++;
    }
    expect(calendar.workingDaysBetween('2010-01-01', '2026-12-31')).toBe(
      workingDays,
    );
  });

  it('rejects unknown options', () => {
    expect(() => createChinaCalendar(null as never)).not.toThrow();
    expect(() => createChinaCalendar('weekdays' as never)).toThrowError(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() =>
      createChinaCalendar({ beyondData: 'guess' as 'weekdays' }),
    ).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe("createChinaCalendar({ beyondData: 'weekdays' })", () => {
  const estimating = createChinaCalendar({ beyondData: 'weekdays' });

  it('counts Monday–Friday beyond the data and says the result is estimated', () => {
    expect(estimating.beyondData).toBe('weekdays');
    expect(estimating.addWorkingDays('2026-12-30', 3)).toBe('2027-01-04');
    expect(estimating.isEstimated('2027-01-04')).toBe(true);
    expect(estimating.isEstimated('2026-12-30')).toBe(false);
    expect(estimating.describe('2027-01-02')).toEqual({
      date: '2027-01-02',
      weekday: 6,
      isWorkingDay: false,
      kind: 'weekend',
      estimated: true,
    });
  });

  it('still uses the data inside the coverage', () => {
    expect(estimating.addWorkingDays('2025-09-30', 5)).toBe('2025-10-14');
  });

  it('refuses results that no YYYY-MM-DD date can name', () => {
    expect(() => estimating.addWorkingDays('9999-12-31', 5)).toThrowError(
      /0000–9999/,
    );
    expect(() => estimating.addWorkingDays('0000-01-03', -5)).toThrowError(
      /0000–9999/,
    );
  });

  it('counts across both edges of the data', () => {
    // 2009-12-28 (Mon) .. 12-31: 4 estimated weekdays, then 2010-01-01..03
    // off, 01-04 and 01-05 worked.
    expect(estimating.workingDaysBetween('2009-12-27', '2010-01-05')).toBe(6);
    expect(estimating.addWorkingDays('2010-01-05', -5)).toBe('2009-12-28');
    expect(estimating.workingDaysBetween('2026-12-31', '2027-12-31')).toBe(261);
  });
});
