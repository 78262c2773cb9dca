import type { WorkCalendar } from '@kuaiban/calendar';
import {
  KuaibanError,
  formatEpochDay,
  tryParseIsoDate,
} from '@kuaiban/calendar';

const invalidDate = (date: string): KuaibanError =>
  new KuaibanError({
    code: 'INVALID_DATE',
    message: `"${date}" is not a date (YYYY-MM-DD)`,
    messageZh: `“${date}”不是有效日期（YYYY-MM-DD）`,
    details: { date },
  });

/** Days since 1970-01-01 of a civil date (`YYYY-MM-DD`, validated before). */
export function epochDayOf(date: string): number {
  const day = tryParseIsoDate(date);
  if (day === undefined) throw invalidDate(date);
  return day;
}

/** The civil date `YYYY-MM-DD` of an epoch day. */
export const dateOfEpochDay: (day: number) => string = formatEpochDay;

const CHUNK = 512;

/**
 * The simulation's time axis: working day `k` is the k-th working day from
 * the start (make-up workdays included, holidays left out), and time `t`
 * lies in working day `floor(t)`. Dates, ranks and weekdays are computed
 * once per day and kept in typed arrays, so every lookup is O(1).
 */
export class WorkingDayAxis {
  /** Epoch day of working day k. */
  private epochs = new Int32Array(CHUNK);
  /** For each calendar day from the first: the working day on or before it. */
  private ranks = new Int32Array(CHUNK * 2);
  private readonly dates: string[] = [];
  private known = 0;
  private lastEpoch: number;
  readonly firstEpoch: number;

  constructor(
    private readonly calendar: WorkCalendar,
    start: string,
  ) {
    this.firstEpoch = epochDayOf(
      calendar.nextWorkingDay(calendar.previousWorkingDay(start)),
    );
    this.lastEpoch = this.firstEpoch - 1;
    this.extend(CHUNK);
  }

  private extend(upTo: number): void {
    while (this.known < upTo) {
      let epoch = this.lastEpoch + 1;
      while (!this.calendar.isWorkingDay(dateOfEpochDay(epoch))) {
        this.setRank(epoch, this.known - 1);
        epoch++;
      }
      if (this.known >= this.epochs.length) {
        const grown = new Int32Array(this.epochs.length * 2);
        grown.set(this.epochs);
        this.epochs = grown;
      }
      this.epochs[this.known] = epoch;
      this.setRank(epoch, this.known);
      this.dates.push(dateOfEpochDay(epoch));
      this.known++;
      this.lastEpoch = epoch;
    }
  }

  private setRank(epoch: number, rank: number): void {
    const offset = epoch - this.firstEpoch;
    if (offset >= this.ranks.length) {
      const grown = new Int32Array(this.ranks.length * 2);
      grown.set(this.ranks);
      this.ranks = grown;
    }
    this.ranks[offset] = rank;
  }

  /** Epoch day of working day `k`. */
  epochOf(k: number): number {
    if (k >= this.known) this.extend(k + CHUNK);
    return this.epochs[k] ?? 0;
  }

  /** `YYYY-MM-DD` of working day `k`. */
  dateOf(k: number): string {
    if (k >= this.known) this.extend(k + CHUNK);
    return this.dates[k] ?? '';
  }

  /**
   * The working day on or before an epoch day: the rank that
   * `addWorkingDays` counts from (a holiday counts from the working day
   * before it).
   */
  rankOf(epoch: number): number {
    while (epoch > this.lastEpoch) this.extend(this.known + CHUNK);
    return this.ranks[epoch - this.firstEpoch] ?? -1;
  }

  /** The first working day whose date is on or after an epoch day. */
  firstOnOrAfter(epoch: number): number {
    const rank = this.rankOf(epoch);
    return this.epochOf(rank) === epoch ? rank : rank + 1;
  }

  /** ISO weekday (1 = Monday … 7 = Sunday) of working day `k`. */
  weekdayOf(k: number): number {
    return ((((this.epochOf(k) + 3) % 7) + 7) % 7) + 1;
  }

  /** Month (1–12) of working day `k`. */
  monthOf(k: number): number {
    return Number(this.dateOf(k).slice(5, 7));
  }
}

/**
 * The moment `YYYY-MM-DDTHH:mm` a share of a working day's office time has
 * passed, through the given sessions (minutes after midnight).
 */
export function clockTime(
  date: string,
  share: number,
  sessions: readonly { readonly from: number; readonly to: number }[],
): string {
  let total = 0;
  for (const { from, to } of sessions) total += to - from;
  let left = Math.min(Math.max(share, 0), 1) * total;
  let minute = sessions[0]?.from ?? 0;
  for (const { from, to } of sessions) {
    minute = from + Math.min(left, to - from);
    left -= to - from;
    if (left <= 0) break;
  }
  const m = Math.min(Math.round(minute), 24 * 60 - 1);
  return `${date}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
