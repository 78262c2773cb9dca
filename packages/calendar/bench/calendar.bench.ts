/**
 * `pnpm bench`: times the calendar against named baselines, side by side in
 * one process, and writes BENCHMARKS.md. Each case runs its contender and
 * baseline alternately, several rounds; the median round counts.
 */
import { performance } from 'node:perf_hooks';
import { createChinaCalendar, createDeadlineClock } from '@kuaiban/calendar';
import chineseDays from 'chinese-days';
import { DateTime } from 'luxon';
import {
  formatNs,
  median,
  progress,
  writeSection,
} from '../../../tests/bench/report.js';

// chinese-days ships CommonJS: its functions hang off the default export.
const { findWorkday, getWorkdaysInRange, isWorkday } = chineseDays;

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const TARGET_MS = Number(process.env.BENCH_ROUND_MS ?? 150);

const calendar = createChinaCalendar();

/** Every date of 2024 and 2025: the inputs of each case. */
const dates: string[] = [];
for (
  let day = DateTime.fromISO('2024-01-01', { zone: 'Asia/Shanghai' });
  day.year < 2026;
  day = day.plus({ days: 1 })
) {
  dates.push(day.toISODate() ?? '');
}
const later = dates.map(
  (date) => DateTime.fromISO(date).plus({ days: 45 }).toISODate() ?? '',
);

interface Contender {
  readonly name: string;
  /** Runs the operation on input `i`, returning something to keep it alive. */
  readonly run: (i: number) => unknown;
}

interface Case {
  readonly title: string;
  readonly ours: Contender;
  readonly baselines: readonly Contender[];
  /** Results must agree before anything is timed. */
  readonly check: (i: number) => [unknown, unknown];
}

/** A luxon loop that steps one day at a time: the design the index replaces. */
function luxonLoopAdd(date: string, n: number): string {
  let day = DateTime.fromISO(date, { zone: 'Asia/Shanghai' });
  let left = n;
  while (left > 0) {
    day = day.plus({ days: 1 });
    if (calendar.isWorkingDay(day.toISODate() ?? '')) left--;
  }
  return day.toISODate() ?? '';
}

const input = (i: number): string => dates[i % dates.length] ?? '';
/** The date `k` days after input `i`, never wrapping past the end. */
const after = (i: number, k: number): string =>
  dates[(i % (dates.length - 30)) + k] ?? '';
const inputLater = (i: number): string => later[i % later.length] ?? '';

const cases: Case[] = [
  {
    title: 'addWorkingDays(date, 20), string in and out',
    ours: {
      name: 'kuaiban',
      run: (i) => calendar.addWorkingDays(input(i), 20),
    },
    baselines: [
      {
        name: 'chinese-days findWorkday',
        run: (i) => findWorkday(20, input(i)),
      },
      { name: 'luxon day-by-day loop', run: (i) => luxonLoopAdd(input(i), 20) },
    ],
    check: (i) => [
      calendar.addWorkingDays(input(i), 20),
      findWorkday(20, input(i)),
    ],
  },
  {
    title: 'workingDaysBetween(from, from + 45 days)',
    ours: {
      name: 'kuaiban',
      run: (i) => calendar.workingDaysBetween(input(i), inputLater(i)),
    },
    baselines: [
      {
        name: 'chinese-days getWorkdaysInRange',
        run: (i) =>
          getWorkdaysInRange(input(i), inputLater(i)).length -
          (isWorkday(input(i)) ? 1 : 0),
      },
    ],
    check: (i) => [
      calendar.workingDaysBetween(input(i), inputLater(i)),
      getWorkdaysInRange(input(i), inputLater(i)).length -
        (isWorkday(input(i)) ? 1 : 0),
    ],
  },
  {
    title: 'isWorkingDay(date)',
    ours: { name: 'kuaiban', run: (i) => calendar.isWorkingDay(input(i)) },
    baselines: [
      { name: 'chinese-days isWorkday', run: (i) => isWorkday(input(i)) },
    ],
    check: (i) => [calendar.isWorkingDay(input(i)), isWorkday(input(i))],
  },
  {
    title: 'deadline clock: 20 days, one pause, one extension, read once',
    ours: {
      name: 'kuaiban',
      run: (i) =>
        createDeadlineClock(calendar, {
          start: after(i, 0),
          days: 20,
          pauses: [
            { reason: 'expert-review', from: after(i, 3), to: after(i, 9) },
          ],
          extension: { days: 10, reason: 'bench' },
        }).at(after(i, 20)).status,
    },
    baselines: [],
    check: () => [true, true],
  },
];

let sink: unknown;

/** Operations per second-ish calibration: how many ops fill one round. */
function calibrate(contender: Contender): number {
  let ops = 16;
  for (;;) {
    const started = performance.now();
    for (let i = 0; i < ops; i++) sink = contender.run(i);
    const elapsed = performance.now() - started;
    if (elapsed >= TARGET_MS / 4 || ops > 1e8) {
      return Math.max(
        16,
        Math.round((ops * TARGET_MS) / Math.max(elapsed, 0.001)),
      );
    }
    ops *= 4;
  }
}

function timeRound(contender: Contender, ops: number): number {
  const started = performance.now();
  for (let i = 0; i < ops; i++) sink = contender.run(i);
  return ((performance.now() - started) * 1e6) / ops;
}

interface Result {
  readonly title: string;
  readonly rows: { name: string; medianNs: number; rounds: number[] }[];
}

const results: Result[] = [];
for (const [index, benchCase] of cases.entries()) {
  for (let i = 0; i < dates.length; i++) {
    const [a, b] = benchCase.check(i);
    if (a !== b) {
      throw new Error(
        `${benchCase.title}: results differ on ${input(i)}: ${String(a)} vs ${String(b)}`,
      );
    }
  }
  const contenders = [benchCase.ours, ...benchCase.baselines];
  const ops = contenders.map(calibrate);
  const rounds = contenders.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    progress(
      `[${index + 1}/${cases.length}] ${benchCase.title}: round ${round + 1}/${ROUNDS}`,
      round === 0,
    );
    contenders.forEach((contender, c) =>
      rounds[c]?.push(timeRound(contender, ops[c] ?? 16)),
    );
  }
  if (process.stdout.isTTY) process.stdout.write('\n');
  results.push({
    title: benchCase.title,
    rows: contenders.map((contender, c) => ({
      name: contender.name,
      medianNs: median(rounds[c] ?? []),
      rounds: rounds[c] ?? [],
    })),
  });
}
void sink;

const lines = [
  'Inputs: every date of 2024 and 2025 through the public string API; results are checked equal',
  `before timing; ${ROUNDS} rounds of about ${TARGET_MS} ms per implementation.`,
  '',
];
for (const result of results) {
  const ours = result.rows[0]?.medianNs ?? 1;
  const note =
    result.rows.length === 1
      ? ['No baseline: the absolute cost, for reference.', '']
      : [];
  lines.push(
    `## Calendar: ${result.title}`,
    '',
    ...note,
    '| implementation | median per op | Kuaiban is faster by |',
    '|---|---:|---:|',
  );
  for (const row of result.rows) {
    const ratio =
      row === result.rows[0] ? '—' : `${(row.medianNs / ours).toFixed(0)}×`;
    lines.push(`| ${row.name} | ${formatNs(row.medianNs)} | ${ratio} |`);
  }
  lines.push('');
}
writeSection('calendar', lines);
console.log(lines.join('\n'));
