import { describe, expect, it } from 'vitest';
import { DayTimers } from '../src/DayTimers.js';

describe('DayTimers', () => {
  it('gives wake-ups day by day, each day in the order set, reusing its slots', () => {
    const timers = new DayTimers();
    expect(timers.nextDay()).toBe(Infinity);
    for (let i = 0; i < 600; i++) timers.push((i * 7) % 1500, i, i + 1);
    const seen: [number, number][] = [];
    for (let day = timers.nextDay(); day !== Infinity; day = timers.nextDay()) {
      while (timers.take(day)) {
        expect(timers.detail).toBe(timers.caseIndex + 1);
        seen.push([day, timers.caseIndex]);
        if (timers.caseIndex < 3)
          timers.push(day, timers.caseIndex + 1000, timers.caseIndex + 1001);
      }
    }
    const expected = Array.from({ length: 600 }, (_, i): [number, number] => [
      (i * 7) % 1500,
      i,
    ]);
    expected.push([0, 1000], [7, 1001], [14, 1002]);
    expected.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(seen).toEqual(expected);
    expect(timers.size).toBe(0);
    timers.push(3, 9, 10);
    expect(timers.nextDay()).toBe(3);
    expect(timers.take(4)).toBe(false);
  });
});
