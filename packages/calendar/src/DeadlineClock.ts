import { z } from 'zod';
import type { DateInput } from './civilDate.js';
import { IsoDateSchema, tryParseIsoDate } from './civilDate.js';
import { KuaibanError, bilingual, parseWith } from './KuaibanError.js';
import { LawfulPauseReasonSchema } from './pauseReasons.js';
import { simpleDeadlineSpec } from './simpleDeadlineSpec.js';
import { withFields } from './withFields.js';
import type { WorkCalendar } from './WorkCalendar.js';
import { asDayCalendar, type DayCalendar } from './WorkCalendar.js';

const Text = z.string().trim().min(1);

/** A suspension for one of the lawful reasons of ALL art. 45. */
const LawfulPauseSchema = z.strictObject({
  reason: LawfulPauseReasonSchema,
  from: IsoDateSchema,
  /** Last day of the pause; absent while it is still running. */
  to: IsoDateSchema.optional(),
  note: Text.optional(),
});

/** A suspension with its own legal basis (公示, 补正 …): TIME-EXCLUDED. */
const CustomPauseSchema = z.strictObject({
  reason: z.literal('custom'),
  label: Text,
  labelZh: Text,
  basis: Text,
  from: IsoDateSchema,
  to: IsoDateSchema.optional(),
  note: Text.optional(),
});

export const DeadlinePauseSchema = z.discriminatedUnion('reason', [
  LawfulPauseSchema,
  CustomPauseSchema,
]);
export type DeadlinePause = z.infer<typeof DeadlinePauseSchema>;

/** A pause without its dates: the reason, and for custom pauses their basis. */
export const PauseDetailsSchema = z.discriminatedUnion('reason', [
  LawfulPauseSchema.omit({ from: true, to: true }),
  CustomPauseSchema.omit({ from: true, to: true }),
]);
export type PauseDetails = z.infer<typeof PauseDetailsSchema>;

/** The single extension a limit allows (ALL-42-DECIDE-20D). */
export const DeadlineExtensionSchema = z.strictObject({
  days: z.number().int().positive().max(100_000),
  reason: Text,
  grantedOn: IsoDateSchema.optional(),
  grantedBy: Text.optional(),
});
export type DeadlineExtension = z.infer<typeof DeadlineExtensionSchema>;

export const DeadlineSpecSchema = z
  .strictObject({
    /** The day the period starts from; counting begins the next day (TIME-NEXT-DAY). */
    start: IsoDateSchema,
    /** The limit, in `unit`s. */
    days: z.number().int().positive().max(100_000),
    unit: z.enum(['working-days', 'calendar-days']).default('working-days'),
    /** Legal basis of the limit, e.g. `行政许可法 art. 42`. */
    basis: Text.optional(),
    pauses: z.array(DeadlinePauseSchema).default([]),
    extension: DeadlineExtensionSchema.optional(),
    /** The longest extension the basis allows, when it sets one (10 under ALL art. 42). */
    maxExtensionDays: z.number().int().positive().optional(),
    /** Status turns to `warning` when this many days or fewer remain. */
    warnWithin: z.number().int().nonnegative().default(3),
  })
  .superRefine((spec, ctx) => {
    spec.pauses.forEach((pause, index) => {
      const previous = spec.pauses[index - 1];
      const issue = (message: string, zh: string, key: string): void => {
        ctx.addIssue({
          code: 'custom',
          path: ['pauses', index, key],
          ...bilingual(message, zh),
        });
      };
      if (pause.from < spec.start) {
        issue(
          `pause begins ${pause.from}, before the start ${spec.start}`,
          `暂停开始日 ${pause.from} 早于起算日 ${spec.start}`,
          'from',
        );
      }
      if (pause.to !== undefined && pause.to < pause.from) {
        issue(
          `pause ends ${pause.to}, before it begins ${pause.from}`,
          `暂停结束日 ${pause.to} 早于开始日 ${pause.from}`,
          'to',
        );
      }
      if (previous && previous.to === undefined) {
        issue(
          'only the last pause may still be running',
          '只有最后一次暂停可以尚未结束',
          'from',
        );
      } else if (previous?.to !== undefined && pause.from <= previous.to) {
        issue(
          `pauses must be in order and not overlap: ${pause.from} is not after ${previous.to}`,
          `暂停须按时间顺序且不得重叠：${pause.from} 不晚于 ${previous.to}`,
          'from',
        );
      }
    });
    const { extension, maxExtensionDays } = spec;
    if (
      extension &&
      maxExtensionDays !== undefined &&
      extension.days > maxExtensionDays
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['extension', 'days'],
        ...bilingual(
          `extension of ${extension.days} days exceeds the ${maxExtensionDays} the basis allows`,
          `延长 ${extension.days} 日超过依据允许的 ${maxExtensionDays} 日`,
        ),
      });
    }
    if (
      extension?.grantedOn !== undefined &&
      extension.grantedOn < spec.start
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['extension', 'grantedOn'],
        ...bilingual(
          'extension granted before the start',
          '延长批准日早于起算日',
        ),
      });
    }
  });
export type DeadlineSpec = z.input<typeof DeadlineSpecSchema>;
export type ParsedDeadlineSpec = z.output<typeof DeadlineSpecSchema>;

export type DeadlineStatus =
  'running' | 'paused' | 'warning' | 'due-today' | 'overdue';

/** The clock read on one date. */
export interface DeadlineReading {
  readonly date: string;
  readonly status: DeadlineStatus;
  /** Days counted so far, pauses excluded. */
  readonly usedDays: number;
  /** Days left, never negative. */
  readonly remainingDays: number;
  /** Calendar days since the due date (0 unless overdue). */
  readonly overdueDays: number;
  /** Working days since the due date (0 unless overdue). */
  readonly overdueWorkingDays: number;
  /** `null` while a pause is open: the due date is not known yet. */
  readonly dueDate: string | null;
  /** The pause in force on this date. */
  readonly pause?: DeadlinePause;
}

/** The next point at which the clock changes status. */
export interface DeadlineThreshold {
  readonly kind: 'warning' | 'due' | 'overdue';
  readonly date: string;
}

/**
 * A statutory clock as a pure value (TIME-PAUSE-SEMANTICS): built from a
 * start, a limit, lawful pauses and at most one extension, it answers the due
 * date, the days used and left, and the status on any date.
 */
export interface DeadlineClock {
  readonly spec: ParsedDeadlineSpec;
  /** Limit plus extension. */
  readonly totalDays: number;
  readonly dueDate: string | null;
  /** First date with status `warning` (or later ones), if known. */
  readonly warningFrom: string | null;
  /** The day after the due date: from then on the case is overdue (TIME-END). */
  readonly overdueFrom: string | null;
  /** True when any date involved lies beyond the calendar's data. */
  readonly estimated: boolean;
  at(date: DateInput): DeadlineReading;
  /** The first threshold strictly after `date`, or `null`. */
  nextThreshold(date: DateInput): DeadlineThreshold | null;
  /** A new clock with a pause begun on `from` (still running). */
  pause(from: string, pause: PauseDetails): DeadlineClock;
  /** A new clock whose open pause ended on `to`. */
  resume(to: string): DeadlineClock;
  /** A new clock with the one extension the law allows. */
  extend(extension: DeadlineExtension): DeadlineClock;
}

interface DayCounter {
  /** Units counted in `(from, to]`. */
  between(from: number, to: number): number;
  /** The `n`-th unit strictly after `day`. */
  add(day: number, n: number): number;
}

const calendarDays: DayCounter = {
  between: (from, to) => to - from,
  add: (day, n) => day + n,
};

function workingDays(calendar: DayCalendar): DayCounter {
  return {
    between: (from, to) => calendar.rank(to) - calendar.rank(from),
    add: (day, n) => calendar.addToEpochDay(day, n),
  };
}

interface PauseSpan {
  readonly from: number;
  readonly to: number | undefined;
  readonly pause: DeadlinePause;
}

const epoch = (date: string): number => tryParseIsoDate(date) ?? NaN;

function deadlineError(message: string, messageZh: string): KuaibanError {
  return new KuaibanError({ code: 'INVALID_DEADLINE', message, messageZh });
}

/**
 * Builds a deadline clock on a calendar. The spec is validated (lawful pause
 * reasons, pause order, one extension); a pause that begins on or after the
 * due date is refused, because it cannot revive a period that has run out.
 *
 * @example
 * const clock = createDeadlineClock(calendar, {
 *   start: '2025-09-26',
 *   days: 20,
 *   basis: '行政许可法 art. 42',
 *   pauses: [{ reason: 'expert-review', from: '2025-10-09', to: '2025-10-15' }],
 *   extension: { days: 10, reason: '案情复杂，经本机关负责人批准' },
 * });
 * clock.dueDate; // '2025-11-20'
 * clock.at('2025-11-18').status; // 'warning'
 */
export function createDeadlineClock(
  calendar: WorkCalendar,
  spec: DeadlineSpec,
): DeadlineClock {
  const parsed =
    simpleDeadlineSpec(spec) ??
    parseWith(DeadlineSpecSchema, spec, {
      code: 'INVALID_DEADLINE',
      what: 'deadline',
      whatZh: '期限',
    });
  return new Clock(asDayCalendar(calendar), parsed);
}

class Clock implements DeadlineClock {
  readonly totalDays: number;
  readonly dueDate: string | null;
  readonly warningFrom: string | null;
  readonly overdueFrom: string | null;
  readonly estimated: boolean;
  private readonly counter: DayCounter;
  private readonly start: number;
  private readonly pauses: readonly PauseSpan[];
  private readonly due: number | null;

  constructor(
    private readonly calendar: DayCalendar,
    readonly spec: ParsedDeadlineSpec,
  ) {
    this.counter =
      spec.unit === 'working-days' ? workingDays(calendar) : calendarDays;
    this.start = this.checked(spec.start, 'start');
    this.pauses = spec.pauses.map((pause, index) => ({
      from: this.checked(pause.from, `pauses[${index}].from`),
      to:
        pause.to === undefined
          ? undefined
          : this.checked(pause.to, `pauses[${index}].to`),
      pause,
    }));
    this.totalDays = spec.days + (spec.extension?.days ?? 0);
    this.checkExtensionInTime();
    this.due = this.periodEnd(this.totalDays, true);
    const warnAt = this.totalDays - spec.warnWithin;
    const warning = warnAt <= 0 ? this.start : this.dateWhenUsed(warnAt, false);
    // No warning on the due day itself: that day is `due-today`.
    const warns = warning !== null && (this.due === null || warning < this.due);
    this.dueDate = this.due === null ? null : this.formatChecked(this.due);
    this.warningFrom = warns ? calendar.index.format(warning) : null;
    this.overdueFrom =
      this.due === null ? null : calendar.index.format(this.due + 1);
    const involved = [
      this.start,
      ...this.pauses.flatMap((p) => [p.from, p.to ?? p.from]),
    ];
    if (this.due !== null) involved.push(this.due);
    this.estimated = involved.some((day) => !calendar.index.contains(day));
  }

  at(date: DateInput): DeadlineReading {
    const day = this.calendar.covered(date);
    if (day < this.start) {
      throw deadlineError(
        `${this.calendar.index.format(day)} is before the start ${this.spec.start}`,
        `${this.calendar.index.format(day)} 早于起算日 ${this.spec.start}`,
      );
    }
    const used = this.usedOn(day);
    const inPause = this.pauses.find(
      (p) => p.from < day && (p.to === undefined || day <= p.to),
    );
    const due = this.due;
    const overdue = due !== null && day > due;
    const status: DeadlineStatus = inPause
      ? 'paused'
      : overdue
        ? 'overdue'
        : day === due
          ? 'due-today'
          : this.totalDays - used <= this.spec.warnWithin
            ? 'warning'
            : 'running';
    return {
      date: this.calendar.index.format(day),
      status,
      usedDays: Math.min(used, this.totalDays),
      remainingDays: Math.max(0, this.totalDays - used),
      overdueDays: overdue ? day - due : 0,
      overdueWorkingDays: overdue
        ? this.calendar.rank(day) - this.calendar.rank(due)
        : 0,
      dueDate: this.dueDate,
      ...(inPause ? { pause: inPause.pause } : {}),
    };
  }

  nextThreshold(date: DateInput): DeadlineThreshold | null {
    const day = this.calendar.covered(date);
    const candidates: [DeadlineThreshold['kind'], string | null][] = [
      ['warning', this.warningFrom],
      ['due', this.dueDate],
      ['overdue', this.overdueFrom],
    ];
    for (const [kind, when] of candidates) {
      if (when !== null && epoch(when) > day) return { kind, date: when };
    }
    return null;
  }

  pause(from: string, pause: PauseDetails): DeadlineClock {
    const next = withFields(pause, { from }) as DeadlinePause;
    return this.rebuild({ pauses: [...this.spec.pauses, next] });
  }

  resume(to: string): DeadlineClock {
    const open = this.spec.pauses.at(-1);
    if (!open || open.to !== undefined) {
      throw deadlineError(
        'There is no open pause to resume',
        '没有尚未结束的暂停可以恢复',
      );
    }
    return this.rebuild({
      pauses: [...this.spec.pauses.slice(0, -1), withFields(open, { to })],
    });
  }

  extend(extension: DeadlineExtension): DeadlineClock {
    if (this.spec.extension) {
      throw deadlineError(
        'The limit has been extended once already; the law allows one extension (ALL-42-DECIDE-20D)',
        '期限已延长过一次；法律只允许延长一次（ALL-42-DECIDE-20D）',
      );
    }
    return this.rebuild({ extension });
  }

  private rebuild(change: Partial<ParsedDeadlineSpec>): DeadlineClock {
    return createDeadlineClock(
      this.calendar,
      withFields(this.spec, change) as ParsedDeadlineSpec,
    );
  }

  /**
   * The last day of a period of `k` days. A period in calendar days whose
   * last day is a rest day ends on the next working day (TIME-END, CC art.
   * 203); working days end on a working day anyway.
   */
  private periodEnd(k: number, strict: boolean): number | null {
    const last = this.dateWhenUsed(k, strict);
    if (last === null || this.spec.unit === 'working-days') return last;
    return this.calendar.isWorkingEpochDay(last)
      ? last
      : this.calendar.addToEpochDay(last, 1);
  }

  /** An extension must be granted before the period it extends ran out. */
  private checkExtensionInTime(): void {
    const grantedOn = this.spec.extension?.grantedOn;
    if (grantedOn === undefined) return;
    const lapsed = this.periodEnd(this.spec.days, false);
    if (lapsed !== null && epoch(grantedOn) > lapsed) {
      const ranOut = this.calendar.index.format(lapsed);
      throw deadlineError(
        `The extension granted on ${grantedOn} comes after the period ran out on ${ranOut} (ALL-42-DECIDE-20D: extend within the period)`,
        `${grantedOn} 批准的延长晚于期限届满日 ${ranOut}（ALL-42-DECIDE-20D：应在期限内决定延长）`,
      );
    }
  }

  /** Days counted in `(start, day]` with the pauses taken out. */
  private usedOn(day: number): number {
    let used = this.counter.between(this.start, day);
    for (const { from, to } of this.pauses) {
      if (from >= day) break;
      used -= this.counter.between(
        from,
        to === undefined ? day : Math.min(to, day),
      );
    }
    return used;
  }

  /**
   * The date on which the `k`-th day is counted, or `null` if an open pause
   * holds it. With `strict`, a pause that begins on or after that date fails:
   * it would begin after the period ran out.
   */
  private dateWhenUsed(k: number, strict: boolean): number | null {
    let cursor = this.start;
    let remaining = k;
    for (const { from, to } of this.pauses) {
      const available = this.counter.between(cursor, from);
      if (available >= remaining) {
        if (!strict) break;
        const due = this.counter.add(cursor, remaining);
        throw deadlineError(
          `A pause beginning ${this.calendar.index.format(from)} comes after the period ran out on ${this.calendar.index.format(due)}`,
          `${this.calendar.index.format(from)} 开始的暂停晚于期限届满日 ${this.calendar.index.format(due)}`,
        );
      }
      remaining -= available;
      if (to === undefined) return null;
      cursor = to;
    }
    return this.counter.add(cursor, remaining);
  }

  private checked(date: string, where: string): number {
    return this.calendar.covered(date, where);
  }

  private formatChecked(day: number): string {
    this.calendar.ensureCovered(
      day,
      `The deadline of ${this.totalDays} days from ${this.spec.start}`,
      `自 ${this.spec.start} 起 ${this.totalDays} 日的期限`,
    );
    return this.calendar.index.format(day);
  }
}
