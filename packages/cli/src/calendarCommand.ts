import type {
  DeadlineClock,
  DeadlineReading,
  DeadlineSpec,
  WorkCalendar,
} from '@kuaiban/calendar';
import {
  IsoDateSchema,
  LAWFUL_PAUSE_REASONS,
  bilingual,
  calendarFromJSON,
  createChinaCalendar,
  createDeadlineClock,
  textMatching,
} from '@kuaiban/calendar';
import { Command, Option } from 'commander';
import { z } from 'zod';
import {
  CountNumber as Count,
  PositiveNumber,
  WholeNumber,
  parseArguments,
  unreadableFile,
} from './arguments.js';
import type { CliIO } from './io.js';
import { bold, dim, green, red, yellow } from './io.js';

const CalendarFlags = z.object({
  calendar: z.string().optional(),
  beyondData: z.boolean().optional(),
  json: z.boolean().optional(),
});
type CalendarFlags = z.infer<typeof CalendarFlags>;

const PAUSE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})?(?:@([a-z-]+))?$/;
const lawfulReasons = Object.keys(LAWFUL_PAUSE_REASONS);
const PauseArgument = textMatching(
  PAUSE,
  'Expected a pause as FROM..TO (or FROM.. while it runs), optionally @reason, e.g. 2025-10-09..2025-10-15@expert-review',
  '暂停应写作 FROM..TO（尚未结束写作 FROM..），可加 @原因，例如 2025-10-09..2025-10-15@expert-review',
).refine(
  (text) => {
    const reason = PAUSE.exec(text)?.[3];
    return reason === undefined || lawfulReasons.includes(reason);
  },
  bilingual(
    `The reason must be one of ALL art. 45: ${lawfulReasons.join(', ')}. Pauses on another legal basis need the library API, which records the basis.`,
    `暂停原因须为《行政许可法》第四十五条所列之一：${lawfulReasons.join('、')}。其他依据的暂停请通过库接口设置并写明依据。`,
  ),
);

const DeadlineFlags = CalendarFlags.extend({
  start: IsoDateSchema,
  days: PositiveNumber,
  pause: z.array(PauseArgument).default([]),
  pauseReason: z.string().default('expert-review'),
  extend: PositiveNumber.optional(),
  at: IsoDateSchema.optional(),
  warnWithin: Count.optional(),
  calendarDays: z.boolean().optional(),
});

/** 0 = Monday … 6 = Sunday, for any date (the day after the data included). */
const weekdayOf = (date: string): number =>
  (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

const WEEKDAYS = [
  'Mon 周一',
  'Tue 周二',
  'Wed 周三',
  'Thu 周四',
  'Fri 周五',
  'Sat 周六',
  'Sun 周日',
];

/** The calendar a command works on: national, or loaded from `--calendar`. */
function chooseCalendar(flags: CalendarFlags, io: CliIO): WorkCalendar {
  const options = flags.beyondData ? { beyondData: 'weekdays' as const } : {};
  if (!flags.calendar) return createChinaCalendar(options);
  let text: string;
  try {
    text = io.readFile(flags.calendar);
  } catch (cause) {
    throw unreadableFile(flags.calendar, cause);
  }
  return calendarFromJSON(text, options);
}

function print(
  io: CliIO,
  flags: CalendarFlags,
  json: unknown,
  text: () => string,
): void {
  io.stdout(flags.json ? `${JSON.stringify(json, null, 2)}\n` : `${text()}\n`);
}

function noteEstimate(
  io: CliIO,
  calendar: WorkCalendar,
  estimated: boolean,
): void {
  if (!estimated) return;
  io.stderr(
    `${yellow(io, 'note')}: estimated by the weekly rule beyond the data of ${calendar.id} (${calendar.coverage.first}..${calendar.coverage.last}) / 超出数据范围的部分按每周工作日规则估算\n`,
  );
}

const calendarOptions = (command: Command): Command =>
  command
    .option(
      '--calendar <file>',
      'a local calendar JSON file (defineCalendar format) instead of the national one',
    )
    .option(
      '--beyond-data',
      'count weekdays beyond the data instead of failing (results are marked estimated)',
    )
    .option('--json', 'print JSON instead of text');

/** `kuaiban calendar …`: the calendar subcommands of the CLI contract. */
export function calendarCommand(io: CliIO): Command {
  const calendar = new Command('calendar').description(
    'working days, holidays and statutory deadlines (工作日与法定期限)',
  );

  calendarOptions(
    calendar
      .command('is-workday')
      .description('is <date> a working day? prints true or false')
      .argument('<date>', 'a date as YYYY-MM-DD')
      .addHelpText(
        'after',
        '\nExamples:\n  kuaiban calendar is-workday 2025-10-11   # true: a make-up Saturday (调休上班)\n  kuaiban calendar is-workday 2025-10-03 --json',
      ),
  ).action((date: string, raw: unknown) => {
    const flags = parseArguments(CalendarFlags, raw);
    const work = chooseCalendar(flags, io);
    const info = work.describe(date);
    print(io, flags, { calendar: work.id, ...info }, () =>
      String(info.isWorkingDay),
    );
    noteEstimate(io, work, info.estimated);
  });

  calendarOptions(
    calendar
      .command('add')
      .description(
        'the n-th working day strictly after <date> (counting starts the next day)',
      )
      .argument('<date>', 'a date as YYYY-MM-DD')
      .argument('<n>', 'working days to add (negative counts backwards)')
      .addHelpText(
        'after',
        '\nExamples:\n  kuaiban calendar add 2025-09-30 5        # 2025-10-14\n  kuaiban calendar add 2025-10-14 -5 --json',
      ),
  ).action((date: string, n: string, raw: unknown) => {
    const flags = parseArguments(CalendarFlags, raw);
    const { n: count } = parseArguments(
      z.object({ n: WholeNumber }),
      { n },
      'arguments',
    );
    const work = chooseCalendar(flags, io);
    const result = work.addWorkingDays(date, count);
    const estimated = work.isEstimated(date) || work.isEstimated(result);
    print(
      io,
      flags,
      { calendar: work.id, date, n: count, result, estimated },
      () => result,
    );
    noteEstimate(io, work, estimated);
  });

  calendarOptions(
    calendar
      .command('between')
      .description(
        'working days in (from, to]; negative when <to> is before <from>',
      )
      .argument('<from>', 'a date as YYYY-MM-DD')
      .argument('<to>', 'a date as YYYY-MM-DD')
      .addHelpText(
        'after',
        '\nExamples:\n  kuaiban calendar between 2025-09-30 2025-10-14   # 5',
      ),
  ).action((from: string, to: string, raw: unknown) => {
    const flags = parseArguments(CalendarFlags, raw);
    const work = chooseCalendar(flags, io);
    const workingDays = work.workingDaysBetween(from, to);
    const estimated = work.isEstimated(from) || work.isEstimated(to);
    print(
      io,
      flags,
      { calendar: work.id, from, to, workingDays, estimated },
      () => String(workingDays),
    );
    noteEstimate(io, work, estimated);
  });

  calendarOptions(
    calendar
      .command('deadline')
      .description(
        'due date of a statutory limit with lawful pauses and one extension (限时办结)',
      )
      .requiredOption(
        '--start <date>',
        'the day the period starts from (not counted)',
      )
      .requiredOption(
        '--days <n>',
        'the limit, in working days (calendar days with --calendar-days)',
      )
      .option(
        '--pause <from..to>',
        'a pause, repeatable: FROM..TO, FROM.. while running, optional @reason',
        collect,
        [],
      )
      .addOption(
        new Option(
          '--pause-reason <reason>',
          'reason for pauses given without @reason',
        )
          .choices(Object.keys(LAWFUL_PAUSE_REASONS))
          .default('expert-review'),
      )
      .option('--extend <m>', 'the one extension, in days')
      .option('--at <date>', 'also read the clock on this date')
      .option(
        '--warn-within <n>',
        'warn when this many days or fewer remain (default 3)',
      )
      .option('--calendar-days', 'count calendar days instead of working days')
      .addHelpText(
        'after',
        `\nPause reasons (ALL art. 45): ${Object.entries(LAWFUL_PAUSE_REASONS)
          .map(([code, r]) => `${code} ${r.nameZh}`)
          .join(
            ', ',
          )}\n\nExamples:\n  kuaiban calendar deadline --start 2025-09-26 --days 20\n  kuaiban calendar deadline --start 2025-09-26 --days 20 --pause 2025-10-09..2025-10-15 --extend 10 --at 2025-11-18`,
      ),
  ).action((raw: unknown) => {
    const flags = parseArguments(DeadlineFlags, raw);
    const work = chooseCalendar(flags, io);
    const spec: DeadlineSpec = {
      start: flags.start,
      days: flags.days,
      unit: flags.calendarDays ? 'calendar-days' : 'working-days',
      pauses: flags.pause.map((text) => {
        const [, from = '', to, reason] = PAUSE.exec(text) ?? [];
        return {
          reason: (reason ?? flags.pauseReason) as 'expert-review',
          from,
          ...(to ? { to } : {}),
        };
      }),
      ...(flags.extend
        ? {
            extension: {
              days: flags.extend,
              reason: 'extension given on the command line',
            },
          }
        : {}),
      ...(flags.warnWithin !== undefined
        ? { warnWithin: flags.warnWithin }
        : {}),
    };
    const clock = createDeadlineClock(work, spec);
    const reading = flags.at ? clock.at(flags.at) : undefined;
    const json = {
      calendar: work.id,
      ...clockSummary(clock),
      ...(reading ? { reading } : {}),
    };
    print(io, flags, json, () => describeClock(io, clock, reading));
    noteEstimate(io, work, clock.estimated);
  });

  return calendar;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function clockSummary(clock: DeadlineClock): Record<string, unknown> {
  return {
    start: clock.spec.start,
    days: clock.spec.days,
    unit: clock.spec.unit,
    pauses: clock.spec.pauses,
    extension: clock.spec.extension ?? null,
    totalDays: clock.totalDays,
    dueDate: clock.dueDate,
    warningFrom: clock.warningFrom,
    overdueFrom: clock.overdueFrom,
    estimated: clock.estimated,
  };
}

function describeClock(
  io: CliIO,
  clock: DeadlineClock,
  reading: DeadlineReading | undefined,
): string {
  const unit =
    clock.spec.unit === 'working-days'
      ? 'working days 工作日'
      : 'calendar days 自然日';
  const withDay = (date: string | null): string =>
    date === null
      ? dim(io, 'not known while paused 暂停中，尚未确定')
      : `${date} ${dim(io, WEEKDAYS[weekdayOf(date)] ?? '')}`;
  const lines = [
    `${bold(io, 'start 起算日')}      ${clock.spec.start} ${dim(io, '(counting starts the next day 次日起算)')}`,
    `${bold(io, 'limit 时限')}        ${clock.spec.days} ${unit}${clock.spec.extension ? ` + ${clock.spec.extension.days} extension 延长 = ${clock.totalDays}` : ''}`,
  ];
  for (const pause of clock.spec.pauses) {
    const reason =
      pause.reason === 'custom'
        ? `${pause.label} ${pause.labelZh}`
        : `${pause.reason} ${LAWFUL_PAUSE_REASONS[pause.reason].nameZh}`;
    lines.push(
      `${bold(io, 'pause 暂停')}        ${pause.from}..${pause.to ?? ''} ${reason}`,
    );
  }
  lines.push(
    `${bold(io, 'due date 届满日')}   ${withDay(clock.dueDate)}`,
    `${bold(io, 'warning 预警')}      from ${withDay(clock.warningFrom)}`,
    `${bold(io, 'overdue 逾期')}      from ${withDay(clock.overdueFrom)}`,
  );
  if (reading) {
    const colour =
      reading.status === 'overdue'
        ? red
        : reading.status === 'running'
          ? green
          : yellow;
    lines.push(
      `${bold(io, `on ${reading.date}`)}     ${colour(io, reading.status)}: ${reading.usedDays} used 已用, ${reading.remainingDays} left 剩余${reading.overdueDays ? `, overdue 逾期 ${reading.overdueDays} days 日 (${reading.overdueWorkingDays} working days 工作日)` : ''}`,
    );
  }
  return lines.join('\n');
}
