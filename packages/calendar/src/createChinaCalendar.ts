import nationalData from '../data/china-national.json';
import { epochDayOf } from './civilDate.js';
import type { NationalCalendarData, Notice } from './calendarSchemas.js';
import { NationalCalendarDataSchema } from './calendarSchemas.js';
import { OverrideCollector } from './DayTable.js';
import { parseWith } from './KuaibanError.js';
import type {
  CalendarSource,
  WorkCalendar,
  WorkCalendarOptions,
} from './WorkCalendar.js';
import { DayCalendar, parseCalendarOptions } from './WorkCalendar.js';

/**
 * Builds a calendar source from national calendar data (the shape of
 * `data/china-national.json`), validating it first: a new year is a data
 * change, and bad data is an `INVALID_CALENDAR` error that names the path.
 */
export function nationalCalendarSource(data: unknown): CalendarSource {
  const parsed: NationalCalendarData = parseWith(
    NationalCalendarDataSchema,
    data,
    {
      code: 'INVALID_CALENDAR',
      what: 'national calendar data',
      whatZh: '全国日历数据',
    },
  );
  const firstYear = parsed.years[0]?.year ?? 0;
  const lastYear = parsed.years.at(-1)?.year ?? 0;
  const weekend = new Set(parsed.weekend);
  // The first notice may reach back into the December before its year.
  const span = {
    first: epochDayOf(firstYear - 1, 12, 1),
    last: epochDayOf(lastYear, 12, 31),
  };
  const collector = new OverrideCollector(weekend, span);
  parsed.years.forEach((arrangement, index) => {
    const source = (): string => arrangement.notice.number;
    collector.addHolidays(arrangement.holidays, source, [
      'years',
      index,
      'holidays',
    ]);
    collector.addWorkdays(arrangement.workdays, source, [
      'years',
      index,
      'workdays',
    ]);
  });
  collector.assertValid(parsed.id);
  const sources: Notice[] = parsed.years.flatMap((y) => [
    y.notice,
    ...(y.amendments ?? []),
  ]);
  return {
    id: parsed.id,
    name: parsed.name,
    nameZh: parsed.nameZh,
    sources,
    table: {
      // Coverage is whole years: the December reach-back days are kept as
      // facts but lie before the first covered date.
      first: epochDayOf(firstYear, 1, 1),
      last: span.last,
      weekend,
      overrides: collector.overrides,
    },
  };
}

let national: DayCalendar | undefined;

/**
 * The national working-day calendar of the People's Republic of China:
 * statutory holidays and make-up workdays from the State Council General
 * Office's annual notices (TIME-WORKDAY, TIME-CALENDAR-DATA).
 *
 * @example
 * const calendar = createChinaCalendar();
 * calendar.isWorkingDay('2025-10-11'); // true (调休上班)
 * calendar.addWorkingDays('2025-09-30', 5); // '2025-10-14'
 * createChinaCalendar({ beyondData: 'weekdays' }).isEstimated('2031-03-03'); // true
 */
export function createChinaCalendar(
  options: WorkCalendarOptions = {},
): WorkCalendar {
  const { beyondData } = parseCalendarOptions(options);
  national ??= new DayCalendar(nationalCalendarSource(nationalData));
  return beyondData === 'error'
    ? national
    : national.withOptions({ beyondData });
}
