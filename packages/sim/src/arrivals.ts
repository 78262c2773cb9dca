import { KuaibanError } from '@kuaiban/calendar';
import { StreamRandom } from './random.js';
import type { Scenario } from './scenarioSchema.js';
import type { WorkingDayAxis } from './WorkingDayAxis.js';
import { epochDayOf } from './WorkingDayAxis.js';

/** Arrival times on the working-day axis, and which of them are counted. */
export interface Arrivals {
  readonly times: Float64Array;
  readonly length: number;
  /** Index of the first arrival after the warm-up. */
  readonly firstCounted: number;
  /** Time the warm-up ends. */
  readonly warmupEnd: number;
}

/** Office time before `minute` of a day, as a share of the day. */
function dayShare(
  sessions: readonly { from: number; to: number }[],
  minute: number,
): number {
  let before = 0;
  let total = 0;
  for (const { from, to } of sessions) {
    total += to - from;
    before += Math.max(0, Math.min(minute, to) - from);
  }
  return before / total;
}

/**
 * Arrivals of a scenario: a Poisson process on working time whose rate each
 * day is `perWorkingDay` times the weekday and month factors (until
 * `cases` arrive after the warm-up), or a trace of submission moments (a
 * moment on a holiday or outside office hours counts from the next opening).
 */
export function generateArrivals(
  axis: WorkingDayAxis,
  scenario: Scenario,
  options: {
    seed: number;
    cases: number;
    warmupDays: number;
    sessions: readonly { from: number; to: number }[];
  },
): Arrivals {
  const { arrivals } = scenario;
  const warmupEnd = options.warmupDays;
  if (arrivals.kind === 'trace') {
    const early = arrivals.submissions.findIndex(
      (moment) => epochDayOf(moment.slice(0, 10)) < axis.firstEpoch,
    );
    if (early >= 0) {
      throw new KuaibanError({
        code: 'INVALID_SCENARIO',
        message: `Invalid scenario: arrivals.submissions[${early}]: ${arrivals.submissions[early]} is before the start ${scenario.start}`,
        messageZh: `仿真情景无效：arrivals.submissions[${early}]：${arrivals.submissions[early]} 早于起始日 ${scenario.start}`,
        issues: [
          {
            path: ['arrivals', 'submissions', early],
            message: 'before the start',
            messageZh: '早于起始日',
          },
        ],
      });
    }
    const times = arrivals.submissions
      .map((moment) => {
        const epoch = epochDayOf(moment.slice(0, 10));
        const day = axis.firstOnOrAfter(epoch);
        if (axis.epochOf(day) !== epoch || moment.length === 10) return day;
        const minute =
          Number(moment.slice(11, 13)) * 60 + Number(moment.slice(14, 16));
        const share = dayShare(options.sessions, minute);
        return share >= 1 ? day + 1 : day + share;
      })
      .sort((a, b) => a - b);
    const firstCounted = times.findIndex((t) => t >= warmupEnd);
    const counted = firstCounted < 0 ? times.length : firstCounted;
    const kept = times.slice(
      0,
      Math.min(times.length, counted + options.cases),
    );
    return {
      times: Float64Array.from(kept),
      length: kept.length,
      firstCounted: Math.min(counted, kept.length),
      warmupEnd,
    };
  }
  const random = new StreamRandom(options.seed);
  const weekday = arrivals.weekday ?? [1, 1, 1, 1, 1, 1, 1];
  const month = arrivals.month ?? [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
  let times = new Float64Array(
    Math.max(
      16,
      options.cases + Math.ceil(warmupEnd * arrivals.perWorkingDay * 1.5),
    ),
  );
  let length = 0;
  let firstCounted = -1;
  let quietDays = 0;
  for (let day = 0; ; day++) {
    const rate =
      arrivals.perWorkingDay *
      (weekday[axis.weekdayOf(day) - 1] ?? 1) *
      (month[axis.monthOf(day) - 1] ?? 1);
    if (rate <= 0) {
      if (++quietDays > 3660) {
        throw new KuaibanError({
          code: 'INVALID_SCENARIO',
          message:
            'Invalid scenario: arrivals: the weekday and month factors leave no day with applications',
          messageZh:
            '仿真情景无效：arrivals：按星期和月份系数，没有任何一天有申请',
          issues: [
            {
              path: ['arrivals'],
              message: 'no day with applications',
              messageZh: '没有任何一天有申请',
            },
          ],
        });
      }
      continue;
    }
    quietDays = 0;
    let t = day;
    for (;;) {
      t += -Math.log(1 - random.next()) / rate;
      if (t >= day + 1) break;
      if (length === times.length) {
        const grown = new Float64Array(times.length * 2);
        grown.set(times);
        times = grown;
      }
      if (firstCounted < 0 && t >= warmupEnd) firstCounted = length;
      times[length++] = t;
      if (firstCounted >= 0 && length - firstCounted >= options.cases) {
        return {
          times: times.subarray(0, length),
          length,
          firstCounted,
          warmupEnd,
        };
      }
    }
  }
}

/** Given arrival times as {@link Arrivals}: those after the warm-up counted. */
export function givenArrivals(
  times: Float64Array,
  warmupEnd: number,
): Arrivals {
  let firstCounted = 0;
  while (firstCounted < times.length && times[firstCounted]! < warmupEnd)
    firstCounted++;
  return { times, length: times.length, firstCounted, warmupEnd };
}
