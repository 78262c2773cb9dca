import { DateTime } from 'luxon';
import { z } from 'zod';
import type { DateInput } from './civilDate.js';
import { CHINA_ZONE, epochDayOf } from './civilDate.js';
import {
  KuaibanError,
  bilingual,
  parseWith,
  textMatching,
} from './KuaibanError.js';
import type { WorkCalendar } from './WorkCalendar.js';
import { asDayCalendar, type DayCalendar } from './WorkCalendar.js';

const ClockTimeSchema = textMatching(
  /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/,
  'Expected a time as HH:mm',
  '应为 HH:mm 格式的时间',
);

const SessionSchema = z
  .strictObject({ from: ClockTimeSchema, to: ClockTimeSchema })
  .refine(
    (s) => s.from < s.to,
    bilingual(
      'a session must end after it begins',
      '办公时段的结束时间必须晚于开始时间',
    ),
  );

export const OfficeHoursSchema = z.strictObject({
  sessions: z
    .array(SessionSchema)
    .min(1)
    .superRefine((sessions, ctx) => {
      sessions.forEach((session, index) => {
        const previous = sessions[index - 1];
        if (previous && session.from < previous.to) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'from'],
            ...bilingual(
              `sessions must be in order and not overlap: ${session.from} is before ${previous.to}`,
              `办公时段须按顺序且不得重叠：${session.from} 早于 ${previous.to}`,
            ),
          });
        }
      });
    }),
});
export type OfficeHoursSpec = z.input<typeof OfficeHoursSchema>;

/**
 * A moment as `YYYY-MM-DDTHH:mm` in Asia/Shanghai (an ISO string with an
 * offset is converted), or a luxon `DateTime`. Moments are taken to the
 * minute: seconds are dropped. `T24:00` is the end of that day.
 */
export type DateTimeInput = string | DateTime;

const MAX_MINUTES = 100_000_000;

/** A working-time duration; the parts are added together. */
export const WorkingDurationSchema = z
  .strictObject({
    hours: z
      .number()
      .nonnegative()
      .max(MAX_MINUTES / 60)
      .optional(),
    minutes: z.number().int().nonnegative().max(MAX_MINUTES).optional(),
  })
  .refine(
    ({ hours = 0 }) => Number.isInteger(hours * 60),
    bilingual(
      'hours must come to a whole number of minutes',
      '小时数必须折合为整数分钟',
    ),
  );
export type WorkingDuration = z.input<typeof WorkingDurationSchema>;

/**
 * Working-time arithmetic over a calendar's working days and an office's
 * sessions, for items promised in working hours. Moments come out as
 * `YYYY-MM-DDTHH:mm`, local time. O(1) like the calendar beneath.
 */
export interface OfficeHours {
  readonly calendar: WorkCalendar;
  readonly sessions: readonly { readonly from: string; readonly to: string }[];
  /** Working minutes in one working day. */
  readonly minutesPerDay: number;
  isOpen(at: DateTimeInput): boolean;
  /** The moment `duration` of working time after `at` has elapsed. */
  addWorkingTime(at: DateTimeInput, duration: WorkingDuration): string;
  /** Working minutes in `(from, to]`; negative when `to` is before `from`. */
  workingMinutesBetween(from: DateTimeInput, to: DateTimeInput): number;
  /** `at` itself when the office is open, otherwise the next opening. */
  nextOpening(at: DateTimeInput): string;
  /** The end of the last session of `date` (TIME-END, where business hours apply). */
  closeOfBusiness(date: DateInput): string;
}

interface Moment {
  readonly day: number;
  readonly minute: number;
}

const minutesOf = (time: string): number =>
  Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const pad2 = (n: number): string => String(n).padStart(2, '0');
const LOCAL_MOMENT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/**
 * Office hours on a calendar.
 *
 * @example
 * const hours = createOfficeHours(calendar, {
 *   sessions: [{ from: '09:00', to: '12:00' }, { from: '13:30', to: '17:30' }],
 * });
 * hours.addWorkingTime('2025-09-30T16:30', { hours: 2 }); // '2025-10-09T10:00'
 */
export function createOfficeHours(
  calendar: WorkCalendar,
  spec: OfficeHoursSpec,
): OfficeHours {
  const parsed = parseWith(OfficeHoursSchema, spec, {
    code: 'INVALID_OFFICE_HOURS',
    what: 'office hours',
    whatZh: '办公时间',
  });
  return new Office(asDayCalendar(calendar), parsed.sessions);
}

class Office implements OfficeHours {
  readonly minutesPerDay: number;
  private readonly spans: readonly { from: number; to: number }[];

  constructor(
    private readonly days: DayCalendar,
    readonly sessions: readonly {
      readonly from: string;
      readonly to: string;
    }[],
  ) {
    this.spans = sessions.map((s) => ({
      from: minutesOf(s.from),
      to: minutesOf(s.to),
    }));
    this.minutesPerDay = this.spans.reduce((sum, s) => sum + s.to - s.from, 0);
  }

  get calendar(): WorkCalendar {
    return this.days;
  }

  isOpen(at: DateTimeInput): boolean {
    const { day, minute } = this.moment(at);
    return (
      this.days.isWorkingEpochDay(day) &&
      this.spans.some((s) => s.from <= minute && minute < s.to)
    );
  }

  addWorkingTime(at: DateTimeInput, duration: WorkingDuration): string {
    const { hours = 0, minutes: extra = 0 } = parseWith(
      WorkingDurationSchema,
      duration,
      { code: 'INVALID_ARGUMENT', what: 'working time', whatZh: '工作时间' },
    );
    const minutes = hours * 60 + extra;
    const start = this.moment(at);
    if (minutes === 0) return this.format(start);
    const target = this.rank(start) + minutes;
    const dayRank = Math.ceil(target / this.minutesPerDay);
    const day = this.days.dayOfRank(dayRank);
    this.days.ensureCovered(
      day,
      `${minutes} working minutes from ${this.format(start)}`,
    );
    return this.format({
      day,
      minute: this.minuteAt(target - (dayRank - 1) * this.minutesPerDay),
    });
  }

  workingMinutesBetween(from: DateTimeInput, to: DateTimeInput): number {
    return this.rank(this.moment(to)) - this.rank(this.moment(from));
  }

  nextOpening(at: DateTimeInput): string {
    const moment = this.moment(at);
    if (this.days.isWorkingEpochDay(moment.day)) {
      for (const span of this.spans) {
        if (moment.minute < span.to) {
          return this.format({
            day: moment.day,
            minute: Math.max(moment.minute, span.from),
          });
        }
      }
    }
    const next = this.days.dayOfRank(this.days.rank(moment.day) + 1);
    this.days.ensureCovered(
      next,
      `The next opening after ${this.format(moment)}`,
    );
    return this.format({ day: next, minute: this.spans[0]?.from ?? 0 });
  }

  closeOfBusiness(date: DateInput): string {
    const day = this.days.covered(date);
    if (!this.days.isWorkingEpochDay(day)) {
      const text = this.days.index.format(day);
      throw new KuaibanError({
        code: 'INVALID_ARGUMENT',
        message: `${text} is not a working day: the office does not close on it (TIME-END)`,
        messageZh: `${text} 不是工作日，当天没有下班时间（TIME-END）`,
      });
    }
    return this.format({ day, minute: this.spans.at(-1)?.to ?? 0 });
  }

  /** Working minutes from the start of the calendar's data up to `moment`. */
  private rank({ day, minute }: Moment): number {
    const before = this.days.rank(day - 1) * this.minutesPerDay;
    if (!this.days.isWorkingEpochDay(day)) return before;
    let within = 0;
    for (const span of this.spans)
      within += Math.min(Math.max(minute - span.from, 0), span.to - span.from);
    return before + within;
  }

  /** The clock time at which `position` working minutes of a day have passed, `0 < position <= minutesPerDay`. */
  private minuteAt(position: number): number {
    let passed = 0;
    for (const span of this.spans) {
      const length = span.to - span.from;
      if (passed + length >= position) return span.from + (position - passed);
      passed += length;
    }
    return this.spans.at(-1)?.to ?? 0;
  }

  private moment(at: DateTimeInput): Moment {
    let local: DateTime | undefined;
    if (typeof at === 'string') {
      const match = LOCAL_MOMENT.exec(at);
      if (match) {
        const day = this.days.covered(match[1] ?? '', 'date');
        const hour = Number(match[2]);
        const minute = Number(match[3]);
        // 24:00 is the end of the day (TIME-END), as closeOfBusiness may print.
        if ((hour < 24 && minute < 60) || (hour === 24 && minute === 0)) {
          return { day, minute: hour * 60 + minute };
        }
        throw invalidMoment(at);
      }
      if (at.includes('T')) local = DateTime.fromISO(at, { zone: CHINA_ZONE });
    } else if (DateTime.isDateTime(at)) {
      local = at.setZone(CHINA_ZONE);
    }
    if (!local?.isValid) throw invalidMoment(at);
    const day = epochDayOf(local.year, local.month, local.day);
    this.days.covered(this.days.index.format(day));
    return { day, minute: local.hour * 60 + local.minute };
  }

  private format({ day, minute }: Moment): string {
    return `${this.days.index.format(day)}T${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}`;
  }
}

function invalidMoment(at: unknown): KuaibanError {
  const shown = typeof at === 'string' ? JSON.stringify(at) : String(at);
  return new KuaibanError({
    code: 'INVALID_DATE',
    message: `${shown} is not a moment: expected YYYY-MM-DDTHH:mm in Asia/Shanghai, e.g. 2025-10-09T09:30`,
    messageZh: `${shown} 不是有效时刻：应为北京时间 YYYY-MM-DDTHH:mm，例如 2025-10-09T09:30`,
    details: { input: shown },
  });
}
