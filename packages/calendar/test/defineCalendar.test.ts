import { describe, expect, it } from 'vitest';
import type { CalendarDefinition } from '../src/index.js';
import {
  calendarFromJSON,
  createChinaCalendar,
  defineCalendar,
  isKuaibanError,
} from '../src/index.js';

const county: CalendarDefinition = {
  id: 'example-county',
  name: 'Example county',
  nameZh: '示例县',
  basis: '示例县人民政府关于民族传统节日放假的规定',
  holidays: [
    {
      name: 'Local festival',
      nameZh: '地方传统节日',
      from: '2025-04-01',
      to: '2025-04-02',
    },
  ],
  workdays: [
    {
      date: '2025-04-12',
      nameZh: '地方传统节日',
      basis: '示例县2025年调休通知',
    },
  ],
};

function issuesOf(
  run: () => unknown,
): { path: unknown; message: string; messageZh: string }[] {
  try {
    run();
  } catch (error) {
    if (isKuaibanError(error)) {
      expect(error.code).toBe('INVALID_CALENDAR');
      return error.issues.map((i) => ({ ...i }));
    }
    throw error;
  }
  throw new Error('expected INVALID_CALENDAR');
}

describe('defineCalendar over the national calendar', () => {
  const local = defineCalendar(county);

  it('adds regional holidays and workdays on top of the national ones', () => {
    expect(local.isWorkingDay('2025-04-01')).toBe(false);
    expect(local.isWorkingDay('2025-04-12')).toBe(true);
    // National facts stay: National Day and its make-up Saturday.
    expect(local.isWorkingDay('2025-10-03')).toBe(false);
    expect(local.isWorkingDay('2025-10-11')).toBe(true);
    expect(local.coverage).toEqual(createChinaCalendar().coverage);
  });

  it('counts with the local days', () => {
    // 03-31 Mon; 04-01, 04-02 off locally; 04-03 (1); 04-04..06 清明 off;
    // 04-07 (2) .. 04-11 (6); 04-12, a Saturday worked locally (7).
    expect(local.addWorkingDays('2025-03-31', 3)).toBe('2025-04-08');
    expect(local.addWorkingDays('2025-03-31', 7)).toBe('2025-04-12');
    expect(local.workingDaysBetween('2025-03-31', '2025-04-14')).toBe(8);
  });

  it('describes local days with their basis', () => {
    expect(local.describe('2025-04-01')).toMatchObject({
      kind: 'holiday',
      holiday: { nameZh: '地方传统节日' },
      source: county.basis,
    });
    expect(local.describe('2025-04-12').source).toBe('示例县2025年调休通知');
  });

  it('cannot turn a national holiday into a working day', () => {
    expect(
      issuesOf(() =>
        defineCalendar({
          ...county,
          workdays: [{ date: '2025-10-04', nameZh: '国庆节' }],
        }),
      ),
    ).toEqual([
      expect.objectContaining({
        path: ['workdays', 0, 'date'],
        message: expect.stringContaining(
          'holiday (中秋节、国庆节) in the base',
        ) as unknown,
      }),
    ]);
  });

  it('a local holiday may fall on a national make-up workday', () => {
    const festive = defineCalendar({
      ...county,
      holidays: [
        { name: 'Fair', nameZh: '庙会', from: '2025-10-11', to: '2025-10-11' },
      ],
      workdays: [],
    });
    expect(festive.isWorkingDay('2025-10-11')).toBe(false);
  });

  it('keeps the options of a calendar object it stacks on, unless given its own', () => {
    const estimating = createChinaCalendar({ beyondData: 'weekdays' });
    const stacked = defineCalendar({ ...county, base: estimating });
    expect(stacked.beyondData).toBe('weekdays');
    expect(stacked.addWorkingDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(defineCalendar({ ...county, base: estimating }, {}).beyondData).toBe(
      'error',
    );
  });

  it('can stack on another calendar object', () => {
    const village = defineCalendar({
      id: 'example-village',
      name: 'Example village',
      nameZh: '示例村',
      basis: 'test fixture',
      base: local,
      holidays: [
        { name: 'Fair', nameZh: '庙会', from: '2025-05-08', to: '2025-05-08' },
      ],
    });
    expect(village.isWorkingDay('2025-04-01')).toBe(false);
    expect(village.isWorkingDay('2025-05-08')).toBe(false);
    expect(local.isWorkingDay('2025-05-08')).toBe(true);
  });
});

describe('defineCalendar from scratch', () => {
  it('uses its own coverage and weekend', () => {
    const sixDay = defineCalendar({
      id: 'six-day',
      name: 'Six-day week',
      nameZh: '六天工作制',
      basis: 'test fixture',
      base: null,
      coverage: { from: '2030-01-01', to: '2030-12-31' },
      weekend: [7],
    });
    expect(sixDay.coverage).toEqual({
      first: '2030-01-01',
      last: '2030-12-31',
    });
    expect(sixDay.isWorkingDay('2030-01-05')).toBe(true);
    expect(sixDay.isWorkingDay('2030-01-06')).toBe(false);
    expect(() => sixDay.isWorkingDay('2031-01-01')).toThrowError(
      expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' }),
    );
    expect(sixDay.sources).toEqual([]);
  });
});

describe('calendarFromJSON', () => {
  it('loads a local calendar from JSON text', () => {
    const local = calendarFromJSON(JSON.stringify(county));
    expect(local.id).toBe('example-county');
    expect(local.isWorkingDay('2025-04-02')).toBe(false);
  });

  it('accepts options such as beyondData', () => {
    const local = calendarFromJSON(county, { beyondData: 'weekdays' });
    expect(local.isEstimated('2028-03-01')).toBe(true);
  });

  it('reports malformed JSON as INVALID_CALENDAR', () => {
    expect(() => calendarFromJSON('{"id": "x",')).toThrowError(
      expect.objectContaining({
        code: 'INVALID_CALENDAR',
        message: expect.stringContaining('malformed') as unknown,
        messageZh: expect.stringContaining('格式错误') as unknown,
      }),
    );
  });

  it.each([null, 42, [], 'null'])('reports %j as INVALID_CALENDAR', (value) => {
    expect(() => calendarFromJSON(value)).toThrowError(
      expect.objectContaining({ code: 'INVALID_CALENDAR' }),
    );
  });
});

describe('defineCalendar validation: every problem, with its path, in two languages', () => {
  it('lists schema problems together', () => {
    const issues = issuesOf(() =>
      calendarFromJSON({
        ...county,
        name: '',
        holidays: [
          { name: 'x', nameZh: '某节', from: '2025-04-31', to: '2025-04-01' },
        ],
        workdays: [{ date: 'tomorrow', nameZh: '某节' }],
        extra: true,
      }),
    );
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        ['name'],
        ['holidays', 0, 'from'],
        ['workdays', 0, 'date'],
        [],
      ]),
    );
    for (const issue of issues) {
      expect(issue.message.length).toBeGreaterThan(0);
      expect(issue.messageZh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('an overlay takes its coverage from its base', () => {
    expect(
      issuesOf(() =>
        defineCalendar({
          ...county,
          coverage: { from: '2025-01-01', to: '2025-12-31' },
        }),
      ).map((i) => i.path),
    ).toEqual([['coverage']]);
  });

  it('caps the coverage of a calendar of its own at 200 years', () => {
    const issues = issuesOf(() =>
      defineCalendar({
        ...county,
        base: null,
        holidays: [],
        workdays: [],
        coverage: { from: '0001-01-01', to: '9999-12-31' },
      }),
    );
    expect(issues).toEqual([
      expect.objectContaining({
        path: ['coverage'],
        messageZh: '日历最多覆盖 200 年',
      }),
    ]);
  });

  it('requires coverage without a base, and keeps the base weekend for overlays', () => {
    expect(
      issuesOf(() => defineCalendar({ ...county, base: null })).map(
        (i) => i.path,
      ),
    ).toEqual([['coverage']]);
    expect(
      issuesOf(() => defineCalendar({ ...county, weekend: [6] })).map(
        (i) => i.path,
      ),
    ).toEqual([['weekend']]);
  });

  it('rejects a day listed both as holiday and workday, a make-up day on a weekday, and days outside coverage', () => {
    const issues = issuesOf(() =>
      defineCalendar({
        ...county,
        base: null,
        coverage: { from: '2025-01-01', to: '2025-06-30' },
        holidays: [
          { name: 'a', nameZh: '甲', from: '2025-04-05', to: '2025-04-06' },
          { name: 'b', nameZh: '乙', from: '2025-07-01', to: '2025-07-01' },
        ],
        workdays: [
          { date: '2025-04-05', nameZh: '甲' },
          { date: '2025-04-08', nameZh: '甲' },
        ],
      }),
    );
    expect(issues).toEqual([
      expect.objectContaining({
        path: ['holidays', 1],
        message: expect.stringContaining('outside') as unknown,
      }),
      expect.objectContaining({
        path: ['workdays', 0, 'date'],
        messageZh: expect.stringContaining('同时') as unknown,
      }),
      expect.objectContaining({
        path: ['workdays', 1, 'date'],
        message: expect.stringContaining('weekend') as unknown,
      }),
    ]);
  });

  it('rejects a base that is not a calendar', () => {
    expect(() =>
      defineCalendar({
        ...county,
        base: { isWorkingDay: () => true } as never,
      }),
    ).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
