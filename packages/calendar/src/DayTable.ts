import { formatEpochDay, isoWeekdayOf } from './civilDate.js';
import type { HolidayRange, MakeupWorkday } from './calendarSchemas.js';
import { rangeEpochDays } from './calendarSchemas.js';
import type { ValidationIssue } from './KuaibanError.js';
import { KuaibanError } from './KuaibanError.js';

/** What a day is in a calendar. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';

/** Why a day differs from the weekly rule, and who said so. */
export interface DayLabel {
  readonly name?: string;
  readonly nameZh: string;
  /** Document number or basis that announced the day. */
  readonly source: string;
}

interface Override {
  readonly kind: 'holiday' | 'makeup-workday';
  readonly label: DayLabel;
}

/**
 * The facts of a calendar: its span, its weekend and the days that differ
 * from the weekly rule. Everything else is derived from these.
 */
export interface DayTable {
  readonly first: number;
  readonly last: number;
  readonly weekend: ReadonlySet<number>;
  readonly overrides: ReadonlyMap<number, Override>;
}

const KIND_CODES: readonly DayKind[] = [
  'workday',
  'weekend',
  'holiday',
  'makeup-workday',
];

/**
 * Collects holiday and make-up workday overrides, reporting conflicts and
 * make-up "workdays" that are working days anyway. Later entries replace the
 * `inherited` ones (a local calendar over the national one).
 */
export class OverrideCollector {
  readonly overrides: Map<number, Override>;
  readonly issues: ValidationIssue[] = [];
  private readonly own = new Map<number, string>();

  constructor(
    private readonly weekend: ReadonlySet<number>,
    private readonly span: { first: number; last: number },
    inherited?: ReadonlyMap<number, Override>,
  ) {
    this.overrides = new Map(inherited);
  }

  addHolidays(
    holidays: readonly HolidayRange[],
    source: (range: HolidayRange) => string,
    path: readonly (string | number)[],
  ): void {
    holidays.forEach((range, index) => {
      const [from, to] = rangeEpochDays(range);
      const label = {
        name: range.name,
        nameZh: range.nameZh,
        source: source(range),
      };
      for (let day = from; day <= to; day++) {
        this.set(day, { kind: 'holiday', label }, [...path, index]);
      }
    });
  }

  addWorkdays(
    workdays: readonly MakeupWorkday[],
    source: (workday: MakeupWorkday) => string,
    path: readonly (string | number)[],
  ): void {
    workdays.forEach((workday, index) => {
      const [day] = rangeEpochDays({ from: workday.date, to: workday.date });
      const at = [...path, index, 'date'];
      if (!this.weekend.has(isoWeekdayOf(day))) {
        this.issues.push({
          path: at,
          message: `${workday.date} is a working day already; a make-up workday must fall on a weekend day`,
          messageZh: `${workday.date} 本来就是工作日；调休上班日必须是周末`,
        });
        return;
      }
      const inherited = this.overrides.get(day);
      if (inherited?.kind === 'holiday' && !this.own.has(day)) {
        this.issues.push({
          path: at,
          message: `${workday.date} is a holiday (${inherited.label.nameZh}) in the base calendar; an overlay cannot make it a working day`,
          messageZh: `${workday.date} 在基础日历中是假日（${inherited.label.nameZh}）；叠加日历不能将其改为工作日`,
        });
        return;
      }
      const label = { nameZh: workday.nameZh, source: source(workday) };
      this.set(day, { kind: 'makeup-workday', label }, at);
    });
  }

  private set(
    day: number,
    override: Override,
    path: readonly (string | number)[],
  ): void {
    const date = formatEpochDay(day);
    if (day < this.span.first || day > this.span.last) {
      this.issues.push({
        path,
        message: `${date} lies outside the calendar's coverage ${formatEpochDay(this.span.first)}..${formatEpochDay(this.span.last)}`,
        messageZh: `${date} 超出日历覆盖范围 ${formatEpochDay(this.span.first)}..${formatEpochDay(this.span.last)}`,
      });
      return;
    }
    const previous = this.own.get(day);
    if (previous !== undefined && previous !== override.kind) {
      this.issues.push({
        path,
        message: `${date} is listed both as a holiday and as a make-up workday`,
        messageZh: `${date} 同时被列为假日和调休上班日`,
      });
      return;
    }
    this.own.set(day, override.kind);
    this.overrides.set(day, override);
  }

  /** Throws `INVALID_CALENDAR` listing every issue, if there were any. */
  assertValid(calendarId: string): void {
    if (this.issues.length === 0) return;
    const lines = this.issues.map((i) => i.message);
    throw new KuaibanError({
      code: 'INVALID_CALENDAR',
      message: `Invalid calendar "${calendarId}": ${lines.join('; ')}`,
      messageZh: `日历“${calendarId}”无效：${this.issues.map((i) => i.messageZh).join('；')}`,
      issues: this.issues,
    });
  }
}

/**
 * The derived, query-ready form of a `DayTable`: the kind of every day and
 * prefix sums of working days, so that counting and adding working days are
 * O(1) array reads.
 */
export class DayIndex {
  readonly first: number;
  readonly last: number;
  /** Working days in the whole table. */
  readonly total: number;
  private readonly kinds: Uint8Array;
  /** `prefix[i]`: working days among the first `i` days of the table. */
  private readonly prefix: Int32Array;
  /** Offsets of the working days, in order. */
  private readonly workingOffsets: Int32Array;
  private readonly texts: string[];
  private readonly offsets: Map<string, number>;

  constructor(readonly table: DayTable) {
    this.first = table.first;
    this.last = table.last;
    const size = table.last - table.first + 1;
    this.kinds = new Uint8Array(size);
    this.prefix = new Int32Array(size + 1);
    this.texts = new Array<string>(size);
    this.offsets = new Map();
    const working: number[] = [];
    for (let offset = 0; offset < size; offset++) {
      const day = table.first + offset;
      const override = table.overrides.get(day);
      const kind: DayKind =
        override?.kind ??
        (table.weekend.has(isoWeekdayOf(day)) ? 'weekend' : 'workday');
      this.kinds[offset] = KIND_CODES.indexOf(kind);
      const isWorking = kind === 'workday' || kind === 'makeup-workday';
      if (isWorking) working.push(offset);
      this.prefix[offset + 1] =
        (this.prefix[offset] ?? 0) + (isWorking ? 1 : 0);
      const text = formatEpochDay(day);
      this.texts[offset] = text;
      this.offsets.set(text, offset);
    }
    this.workingOffsets = Int32Array.from(working);
    this.total = working.length;
  }

  /** Epoch day of a `YYYY-MM-DD` inside the table, without parsing. */
  lookup(text: string): number | undefined {
    const offset = this.offsets.get(text);
    return offset === undefined ? undefined : this.first + offset;
  }

  contains(day: number): boolean {
    return day >= this.first && day <= this.last;
  }

  kindOf(day: number): DayKind {
    return KIND_CODES[this.kinds[day - this.first] ?? 0] ?? 'workday';
  }

  /** Working days in `(first - 1, day]`, for `first - 1 <= day <= last`. */
  rankWithin(day: number): number {
    return this.prefix[day - this.first + 1] ?? 0;
  }

  /** The working day of rank `rank`, for `1 <= rank <= total`. */
  dayOfRankWithin(rank: number): number {
    return this.first + (this.workingOffsets[rank - 1] ?? 0);
  }

  format(day: number): string {
    return this.contains(day)
      ? (this.texts[day - this.first] ?? formatEpochDay(day))
      : formatEpochDay(day);
  }
}
