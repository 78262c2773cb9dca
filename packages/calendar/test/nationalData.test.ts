import { describe, expect, it } from 'vitest';
import nationalData from '../data/china-national.json';
import type { NationalCalendarData } from '../src/index.js';
import { isKuaibanError, nationalCalendarSource } from '../src/index.js';

const clone = (): NationalCalendarData =>
  structuredClone(nationalData) as NationalCalendarData;

function failure(data: unknown): { code: string; paths: unknown[] } {
  try {
    nationalCalendarSource(data);
  } catch (error) {
    if (isKuaibanError(error)) {
      return { code: error.code, paths: error.issues.map((i) => i.path) };
    }
    throw error;
  }
  throw new Error('expected the data to be rejected');
}

describe('national calendar data file', () => {
  it('is valid and cites a notice for every year 2010–2026', () => {
    const source = nationalCalendarSource(nationalData);
    expect(source.id).toBe('cn-national');
    const years = (nationalData as NationalCalendarData).years.map(
      (y) => y.year,
    );
    expect(years).toEqual(Array.from({ length: 17 }, (_, i) => 2010 + i));
    for (const year of (nationalData as NationalCalendarData).years) {
      expect(year.notice.number).toMatch(/^国(办)?发明电〔\d{4}〕\d+号$/);
      expect(year.notice.url).toMatch(/^https:\/\/www\.gov\.cn\//);
      expect(year.notice.published >= year.notice.signed).toBe(true);
    }
  });

  it('TIME-CALENDAR-DATA: a new year is a data change: appending 2027 extends coverage', () => {
    const data = clone();
    data.years.push({
      year: 2027,
      notice: { ...data.years[16]!.notice, title: '2027 test arrangement' },
      holidays: [
        { name: 'Test', nameZh: '测试', from: '2027-01-01', to: '2027-01-01' },
      ],
      workdays: [],
    });
    const before = nationalCalendarSource(nationalData).table;
    const after = nationalCalendarSource(data).table;
    // 2010–2026 hold 6,209 days; 2027 adds 365.
    expect(before.last - before.first + 1).toBe(6209);
    expect(after.last - after.first + 1).toBe(6209 + 365);
    expect(after.overrides.size).toBe(before.overrides.size + 1);
  });

  it('refuses a gap between years', () => {
    const data = clone();
    data.years.splice(5, 1);
    expect(failure(data)).toEqual({
      code: 'INVALID_CALENDAR',
      paths: [['years', 5, 'year']],
    });
  });

  it('refuses a date listed as holiday and make-up workday', () => {
    const data = clone();
    data.years[15]!.workdays.push({ date: '2025-10-04', nameZh: '国庆节' });
    expect(failure(data).paths).toEqual([['years', 15, 'workdays', 5, 'date']]);
  });

  it('refuses a make-up workday on a weekday', () => {
    const data = clone();
    data.years[15]!.workdays.push({ date: '2025-10-09', nameZh: '国庆节' });
    expect(failure(data)).toEqual({
      code: 'INVALID_CALENDAR',
      paths: [['years', 15, 'workdays', 5, 'date']],
    });
  });

  it('refuses a date outside the year of its notice', () => {
    const data = clone();
    data.years[15]!.holidays.push({
      name: 'x',
      nameZh: '某',
      from: '2023-05-01',
      to: '2023-05-01',
    });
    expect(failure(data).paths).toEqual([['years', 15, 'holidays', 6]]);
  });

  it('refuses malformed entries with their paths', () => {
    const data = clone() as unknown as {
      years: { notice: { url: string }; holidays: unknown[] }[];
      zone: string;
    };
    data.zone = 'UTC';
    data.years[0]!.notice.url = 'not a url';
    data.years[1]!.holidays[0] = {
      name: 'x',
      nameZh: 'y',
      from: '2011-01-02',
      to: '2011-01-01',
    };
    expect(failure(data).paths).toEqual([
      ['zone'],
      ['years', 0, 'notice', 'url'],
      ['years', 1, 'holidays', 0],
    ]);
  });
});
