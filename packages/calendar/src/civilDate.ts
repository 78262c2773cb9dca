import { DateTime } from 'luxon';
import { z } from 'zod';
import { KuaibanError, bilingual } from './KuaibanError.js';

/** The zone every Kuaiban date is read in (TIME-END: local time). */
export const CHINA_ZONE = 'Asia/Shanghai';

/** A calendar date as `YYYY-MM-DD`, or a luxon `DateTime` read in Asia/Shanghai. */
export type DateInput = string | DateTime;

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's algorithm). */
export function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilOf(epochDay: number): {
  year: number;
  month: number;
  day: number;
} {
  const z0 = epochDay + 719468;
  const era = Math.floor(z0 / 146097);
  const doe = z0 - era * 146097;
  const yoe = Math.floor(
    (doe -
      Math.floor(doe / 1460) +
      Math.floor(doe / 36524) -
      Math.floor(doe / 146096)) /
      365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday of an epoch day: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(epochDay: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The civil date `YYYY-MM-DD` of a day counted from 1970-01-01 (day 0). */
export function formatEpochDay(epochDay: number): string {
  const { year, month, day } = civilOf(epochDay);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The number written by `count` ASCII digits of `text` from `from`, or -1. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let index = from; index < from + count; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The epoch day of a `YYYY-MM-DD` string, or `undefined` if it is no real
 * date. Read digit by digit: every event's date comes through here.
 */
export function tryParseIsoDate(text: string): number | undefined {
  const written = typeof text === 'string' ? text : String(text);
  if (
    written.length !== 10 ||
    written.charCodeAt(4) !== 45 ||
    written.charCodeAt(7) !== 45
  ) {
    return undefined;
  }
  const year = digitsAt(written, 0, 4);
  const month = digitsAt(written, 5, 2);
  const day = digitsAt(written, 8, 2);
  if (
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month)
  ) {
    return undefined;
  }
  return epochDayOf(year, month, day);
}

function describeInput(input: unknown): string {
  if (typeof input === 'string') return JSON.stringify(input);
  if (DateTime.isDateTime(input))
    return `DateTime(${input.invalidReason ?? 'valid'})`;
  return typeof input;
}

export function invalidDate(input: unknown, where?: string): KuaibanError {
  const at = where ? ` (${where})` : '';
  const atZh = where ? `（${where}）` : '';
  return new KuaibanError({
    code: 'INVALID_DATE',
    message: `${describeInput(input)}${at} is not a date: expected YYYY-MM-DD, a real calendar date such as 2025-10-08`,
    messageZh: `${describeInput(input)}${atZh}不是有效日期：应为 YYYY-MM-DD 格式的真实日期，例如 2025-10-08`,
    details: { input: typeof input === 'string' ? input : String(input) },
  });
}

/** Reads a `DateInput` as an epoch day, or throws `INVALID_DATE`. */
export function toEpochDay(input: DateInput, where?: string): number {
  if (typeof input === 'string') {
    const epochDay = tryParseIsoDate(input);
    if (epochDay === undefined) throw invalidDate(input, where);
    return epochDay;
  }
  if (DateTime.isDateTime(input) && input.isValid) {
    const local = input.setZone(CHINA_ZONE);
    return epochDayOf(local.year, local.month, local.day);
  }
  throw invalidDate(input, where);
}

/** zod schema of a `YYYY-MM-DD` date that exists. */
export const IsoDateSchema = z
  .string()
  .refine(
    (text) => tryParseIsoDate(text) !== undefined,
    bilingual(
      'Expected a real date as YYYY-MM-DD',
      '应为 YYYY-MM-DD 格式的真实日期',
    ),
  );

/**
 * The date `n` calendar days after `date` (before it, for negative `n`): for
 * periods in calendar days, and for "the day after the last day" (TIME-END).
 *
 * @example
 * addCalendarDays('2025-12-31', 1); // '2026-01-01'
 */
export function addCalendarDays(date: DateInput, n: number): string {
  if (!Number.isSafeInteger(n)) {
    throw new KuaibanError({
      code: 'INVALID_ARGUMENT',
      message: `The number of days must be a whole number, got ${String(n)}`,
      messageZh: `天数必须是整数，实际为 ${String(n)}`,
    });
  }
  return formatEpochDay(toEpochDay(date) + n);
}

const ISO_MOMENT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const SINCE_1992 = Date.UTC(1992, 0, 1);
const EIGHT_HOURS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The calendar date in Asia/Shanghai of a moment given as an ISO 8601
 * date-time with an offset (what an injected clock returns).
 *
 * @example
 * dateInChina('2025-09-30T17:00:00Z'); // '2025-10-01'
 */
export function dateInChina(moment: string): string {
  // China has kept UTC+8 all year since 1992: from then on the date is the
  // instant plus eight hours, with no zone database needed.
  const ms =
    /T/.test(moment) && ISO_MOMENT.test(moment) ? Date.parse(moment) : NaN;
  if (ms >= SINCE_1992) {
    return formatEpochDay(Math.floor((ms + EIGHT_HOURS) / DAY_MS));
  }
  const local = DateTime.fromISO(moment, { setZone: true });
  if (!local.isValid || !/T/.test(moment)) throw invalidDate(moment, 'moment');
  return local.setZone(CHINA_ZONE).toISODate() ?? '';
}
