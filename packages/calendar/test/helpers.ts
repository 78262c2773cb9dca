import { epochDayOf, formatEpochDay } from '../src/civilDate.js';

const epochOf = (date: string): number =>
  epochDayOf(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)),
    Number(date.slice(8, 10)),
  );

/** Every date from `from` to `to`, inclusive. */
export function* eachDate(from: string, to: string): Generator<string> {
  for (let day = epochOf(from); day <= epochOf(to); day++) {
    yield formatEpochDay(day);
  }
}

/** `date` shifted by `days` calendar days. */
export function shiftDate(date: string, days: number): string {
  return formatEpochDay(epochOf(date) + days);
}
