import { createChinaCalendar } from '@kuaiban/calendar';
import { describe, expect, it } from 'vitest';
import { generateArrivals } from '../src/arrivals.js';
import { defineScenario } from '../src/index.js';
import { WorkingDayAxis } from '../src/WorkingDayAxis.js';

const calendar = createChinaCalendar().withOptions({ beyondData: 'weekdays' });
const sessions = [
  { from: 540, to: 720 },
  { from: 810, to: 1050 },
];
const arrivalsOf = (input: object, cases = 5000, warmupDays = 0) => {
  const scenario = defineScenario(input);
  const axis = new WorkingDayAxis(calendar, scenario.start);
  return {
    axis,
    arrivals: generateArrivals(axis, scenario, {
      seed: 1,
      cases,
      warmupDays,
      sessions,
    }),
  };
};

describe('generateArrivals', () => {
  it('arrives at the given rate per working day, counting after the warm-up', () => {
    const { arrivals } = arrivalsOf(
      { arrivals: { kind: 'poisson', perWorkingDay: 10 } },
      5000,
      20,
    );
    expect(arrivals.length - arrivals.firstCounted).toBe(5000);
    expect(arrivals.times[arrivals.firstCounted]).toBeGreaterThanOrEqual(20);
    expect(arrivals.times[arrivals.firstCounted - 1]).toBeLessThan(20);
    const days = arrivals.times[arrivals.length - 1]!;
    expect(arrivals.length / days).toBeCloseTo(10, 0);
  });

  it('shapes arrivals by weekday and month factors', () => {
    const { axis, arrivals } = arrivalsOf({
      arrivals: {
        kind: 'poisson',
        perWorkingDay: 10,
        weekday: [0, 1, 1, 1, 2, 1, 1],
        month: [1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      },
    });
    const counts = new Map<number, number>();
    for (const t of arrivals.times) {
      const k = Math.floor(t);
      expect(axis.weekdayOf(k)).not.toBe(1);
      expect(axis.monthOf(k)).not.toBe(2);
      counts.set(axis.weekdayOf(k), (counts.get(axis.weekdayOf(k)) ?? 0) + 1);
    }
    expect(counts.get(5)! / counts.get(3)!).toBeCloseTo(2, 0);
  });

  it('refuses factors that leave no day with applications, and a trace before the start', () => {
    expect(() =>
      arrivalsOf({
        arrivals: {
          kind: 'poisson',
          perWorkingDay: 1,
          weekday: [0, 0, 0, 0, 0, 0, 0],
        },
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_SCENARIO' }) as Error);
    expect(() =>
      arrivalsOf({
        start: '2025-03-03',
        arrivals: { kind: 'trace', submissions: ['2025-02-03'] },
      }),
    ).toThrow(/before the start 2025-03-03/);
  });

  it('keeps a trace in order, capped at the cases asked for after the warm-up', () => {
    const { arrivals } = arrivalsOf(
      {
        arrivals: {
          kind: 'trace',
          submissions: [
            '2025-01-10',
            '2025-01-02T09:30',
            '2025-01-03',
            '2025-02-10',
          ],
        },
      },
      2,
      2,
    );
    expect(arrivals.firstCounted).toBe(2);
    expect(arrivals.length).toBe(4);
    expect(arrivals.times[0]).toBeCloseTo(30 / 420);
  });
});
