import type { DateInput } from './civilDate.js';
import {
  CHINA_ZONE,
  formatEpochDay,
  isoWeekdayOf,
  toEpochDay,
} from './civilDate.js';
import type { DayKind, DayTable } from './DayTable.js';
import { DayIndex } from './DayTable.js';
import { KuaibanError, parseWith } from './KuaibanError.js';
import type { Notice } from './calendarSchemas.js';
import { z } from 'zod';

/**
 * What to do with a date outside the calendar's data (TIME-CALENDAR-DATA):
 * `'error'` (default) throws `CALENDAR_OUT_OF_RANGE`; `'weekdays'` counts
 * the calendar's weekdays as working days there and marks such results as
 * estimated.
 */
export type BeyondData = 'error' | 'weekdays';

export const WorkCalendarOptionsSchema = z.strictObject({
  beyondData: z.enum(['error', 'weekdays']).optional(),
});

export interface WorkCalendarOptions {
  readonly beyondData?: BeyondData;
}

/** Validated options with their defaults; `INVALID_ARGUMENT` otherwise. */
export function parseCalendarOptions(options: unknown): {
  beyondData: BeyondData;
} {
  const parsed = parseWith(WorkCalendarOptionsSchema, options ?? {}, {
    code: 'INVALID_ARGUMENT',
    what: 'calendar options',
    whatZh: '日历选项',
  });
  return { beyondData: parsed.beyondData ?? 'error' };
}

/** Everything the calendar knows about one date. */
export interface DayInfo {
  readonly date: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  readonly isWorkingDay: boolean;
  readonly kind: DayKind;
  /** True when the date lies outside the data and follows the weekday rule. */
  readonly estimated: boolean;
  /** The holiday, or the holiday a make-up workday makes up for. */
  readonly holiday?: { readonly name?: string; readonly nameZh: string };
  /** The notice or basis that announced the day. */
  readonly source?: string;
}

/**
 * A working-day calendar (TIME-WORKDAY, TIME-NEXT-DAY). Dates go in as
 * `YYYY-MM-DD` strings (or luxon `DateTime`, read in Asia/Shanghai) and come
 * out as `YYYY-MM-DD` strings. Counting and adding are O(1).
 *
 * @example
 * const calendar = createChinaCalendar();
 * calendar.addWorkingDays('2025-09-30', 5); // '2025-10-14'
 * calendar.isWorkingDay('2025-10-11'); // true: a make-up Saturday
 */
export interface WorkCalendar {
  readonly id: string;
  readonly name: string;
  readonly nameZh: string;
  readonly zone: typeof CHINA_ZONE;
  readonly beyondData: BeyondData;
  /** First and last date with data. */
  readonly coverage: { readonly first: string; readonly last: string };
  /** The notices the data rests on, oldest first. */
  readonly sources: readonly Notice[];
  isWorkingDay(date: DateInput): boolean;
  /**
   * The `n`-th working day strictly after `date` (counting starts the next
   * day, TIME-NEXT-DAY); for negative `n`, the `|n|`-th working day strictly
   * before it; `n = 0` returns `date` itself.
   */
  addWorkingDays(date: DateInput, n: number): string;
  /** Working days in `(from, to]`; negative when `to` is before `from`. */
  workingDaysBetween(from: DateInput, to: DateInput): number;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: DateInput): string;
  /** The last working day strictly before `date`. */
  previousWorkingDay(date: DateInput): string;
  describe(date: DateInput): DayInfo;
  /** True when `date` lies outside the data (only possible with `beyondData: 'weekdays'`). */
  isEstimated(date: DateInput): boolean;
  /** The same calendar with other options. */
  withOptions(options: WorkCalendarOptions): WorkCalendar;
}

/** Identity, sources and facts of a calendar, from which it is built. */
export interface CalendarSource {
  readonly id: string;
  readonly name: string;
  readonly nameZh: string;
  readonly sources: readonly Notice[];
  readonly table: DayTable;
}

/**
 * The calendar implementation. Other modules of this package use its
 * epoch-day methods; the package entry exports only the `WorkCalendar` type.
 */
export class DayCalendar implements WorkCalendar {
  readonly id: string;
  readonly name: string;
  readonly nameZh: string;
  readonly zone = CHINA_ZONE;
  readonly beyondData: BeyondData;
  readonly coverage: { readonly first: string; readonly last: string };
  readonly sources: readonly Notice[];
  readonly index: DayIndex;
  /** Weekdays (working days of the weekly rule) in one week. */
  private readonly weekdaysPerWeek: number;

  constructor(
    readonly source: CalendarSource,
    options: WorkCalendarOptions = {},
    index?: DayIndex,
  ) {
    this.id = source.id;
    this.name = source.name;
    this.nameZh = source.nameZh;
    this.sources = source.sources;
    this.beyondData = parseCalendarOptions(options).beyondData;
    this.index = index ?? new DayIndex(source.table);
    this.coverage = {
      first: formatEpochDay(this.index.first),
      last: formatEpochDay(this.index.last),
    };
    this.weekdaysPerWeek = 7 - source.table.weekend.size;
  }

  withOptions(options: WorkCalendarOptions): WorkCalendar {
    return new DayCalendar(this.source, options, this.index);
  }

  isWorkingDay(date: DateInput): boolean {
    return this.isWorkingEpochDay(this.covered(date));
  }

  addWorkingDays(date: DateInput, n: number): string {
    const day = this.covered(date);
    const result = this.addToEpochDay(day, checkCount(n));
    const from = this.index.format(day);
    this.ensureCovered(
      result,
      `${n} working days from ${from}`,
      `${from} 起 ${n} 个工作日`,
    );
    return this.index.format(result);
  }

  workingDaysBetween(from: DateInput, to: DateInput): number {
    return (
      this.rank(this.covered(to, 'to')) - this.rank(this.covered(from, 'from'))
    );
  }

  nextWorkingDay(date: DateInput): string {
    return this.addWorkingDays(date, 1);
  }

  previousWorkingDay(date: DateInput): string {
    return this.addWorkingDays(date, -1);
  }

  isEstimated(date: DateInput): boolean {
    return !this.index.contains(this.covered(date));
  }

  describe(date: DateInput): DayInfo {
    const day = this.covered(date);
    const weekday = isoWeekdayOf(day);
    const text = this.index.format(day);
    if (!this.index.contains(day)) {
      const isWorkingDay = this.isWorkingEpochDay(day);
      return {
        date: text,
        weekday,
        isWorkingDay,
        kind: isWorkingDay ? 'workday' : 'weekend',
        estimated: true,
      };
    }
    const kind = this.index.kindOf(day);
    const override = this.source.table.overrides.get(day);
    return {
      date: text,
      weekday,
      isWorkingDay: kind === 'workday' || kind === 'makeup-workday',
      kind,
      estimated: false,
      ...(override
        ? {
            holiday: {
              ...(override.label.name ? { name: override.label.name } : {}),
              nameZh: override.label.nameZh,
            },
            source: override.label.source,
          }
        : {}),
    };
  }

  /** Epoch day of `date`, or throws if it lies outside the data (mode 'error'). */
  covered(date: DateInput, where?: string): number {
    const day =
      (typeof date === 'string' ? this.index.lookup(date) : undefined) ??
      toEpochDay(date, where);
    if (this.beyondData === 'error' && !this.index.contains(day)) {
      throw this.outOfRange(formatEpochDay(day));
    }
    return day;
  }

  isWorkingEpochDay(day: number): boolean {
    if (this.index.contains(day)) {
      const kind = this.index.kindOf(day);
      return kind === 'workday' || kind === 'makeup-workday';
    }
    return !this.source.table.weekend.has(isoWeekdayOf(day));
  }

  /** `addWorkingDays` on epoch days; may leave the data in mode 'weekdays'. */
  addToEpochDay(day: number, n: number): number {
    if (n === 0) return day;
    return n > 0
      ? this.dayOfRank(this.rank(day) + n)
      : this.dayOfRank(this.rank(day - 1) + n + 1);
  }

  /**
   * Working days in `(first - 1, day]`: a monotone count whose differences
   * are `workingDaysBetween`. Beyond the data it continues with weekdays.
   */
  rank(day: number): number {
    const { index } = this;
    if (day >= index.first - 1 && day <= index.last) {
      return index.rankWithin(day);
    }
    if (day > index.last) return index.total + this.weekdaysIn(index.last, day);
    return -this.weekdaysIn(day, index.first - 1);
  }

  /** The working day whose rank is `rank`. */
  dayOfRank(rank: number): number {
    const { index } = this;
    if (rank >= 1 && rank <= index.total) return index.dayOfRankWithin(rank);
    if (rank > index.total)
      return this.weekdayAfter(index.last, rank - index.total);
    return this.weekdayBefore(index.first, 1 - rank);
  }

  /** Fails a result that left the data, unless the calendar allows it. */
  ensureCovered(day: number, what: string, whatZh = what): number {
    if (this.beyondData === 'error' && !this.index.contains(day)) {
      throw this.outOfRange(what, whatZh);
    }
    if (day < FIRST_REPRESENTABLE || day > LAST_REPRESENTABLE) {
      throw new KuaibanError({
        code: 'INVALID_ARGUMENT',
        message: `${what} falls outside the years 0000–9999`,
        messageZh: `${whatZh} 超出 0000–9999 年的范围`,
      });
    }
    return day;
  }

  outOfRange(what: string, whatZh = what): KuaibanError {
    const { first, last } = this.coverage;
    return new KuaibanError({
      code: 'CALENDAR_OUT_OF_RANGE',
      message: `${what} falls outside the data of calendar "${this.id}" (${first}..${last}). Dates beyond the announced holidays are not guessed; pass { beyondData: 'weekdays' } to count weekdays there as estimates.`,
      messageZh: `${whatZh} 超出日历“${this.nameZh}”的数据范围（${first}..${last}）。未公布的节假日不做推测；如需按周一至周五估算，请传入 { beyondData: 'weekdays' }。`,
      details: { calendar: this.id, first, last },
    });
  }

  /** Weekdays (by the weekly rule) in `(from, to]`, `from <= to`. */
  private weekdaysIn(from: number, to: number): number {
    const weeks = Math.floor((to - from) / 7);
    let count = weeks * this.weekdaysPerWeek;
    for (let day = from + weeks * 7 + 1; day <= to; day++) {
      if (!this.source.table.weekend.has(isoWeekdayOf(day))) count++;
    }
    return count;
  }

  /** The `k`-th weekday strictly after `day`, `k >= 1`. */
  private weekdayAfter(day: number, k: number): number {
    const weeks = Math.floor((k - 1) / this.weekdaysPerWeek);
    let remaining = k - weeks * this.weekdaysPerWeek;
    let cursor = day + weeks * 7;
    while (remaining > 0) {
      cursor++;
      if (!this.source.table.weekend.has(isoWeekdayOf(cursor))) remaining--;
    }
    return cursor;
  }

  /** The `k`-th weekday strictly before `day`, `k >= 1`. */
  private weekdayBefore(day: number, k: number): number {
    const weeks = Math.floor((k - 1) / this.weekdaysPerWeek);
    let remaining = k - weeks * this.weekdaysPerWeek;
    let cursor = day - weeks * 7;
    while (remaining > 0) {
      cursor--;
      if (!this.source.table.weekend.has(isoWeekdayOf(cursor))) remaining--;
    }
    return cursor;
  }
}

const MAX_COUNT = 1_000_000;
/** 0000-01-01 and 9999-12-31: the dates a `YYYY-MM-DD` string can name. */
const FIRST_REPRESENTABLE = -719_528;
const LAST_REPRESENTABLE = 2_932_896;

function checkCount(n: number): number {
  if (Number.isInteger(n) && Math.abs(n) <= MAX_COUNT) return n;
  throw new KuaibanError({
    code: 'INVALID_ARGUMENT',
    message: `The number of working days must be a whole number between -${MAX_COUNT} and ${MAX_COUNT}, got ${String(n)}`,
    messageZh: `工作日数必须是 -${MAX_COUNT} 到 ${MAX_COUNT} 之间的整数，实际为 ${String(n)}`,
    details: { n },
  });
}

/** The implementation behind a `WorkCalendar`, for this package's modules. */
export function asDayCalendar(calendar: WorkCalendar): DayCalendar {
  if (calendar instanceof DayCalendar) return calendar;
  throw new KuaibanError({
    code: 'INVALID_ARGUMENT',
    message:
      'Expected a WorkCalendar made by createChinaCalendar or defineCalendar',
    messageZh: '应传入由 createChinaCalendar 或 defineCalendar 创建的工作日历',
  });
}
