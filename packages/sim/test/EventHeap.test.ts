import { describe, expect, it } from 'vitest';
import { EventHeap } from '../src/EventHeap.js';
import { TaskQueue } from '../src/TaskQueue.js';
import { DayTimers } from '../src/DayTimers.js';
import { createRandom } from '../src/index.js';

describe('EventHeap', () => {
  it('pops events in time order, ties in the order they were pushed, past its first capacity', () => {
    const heap = new EventHeap();
    const random = createRandom(3);
    const pushed: [number, number][] = [];
    for (let i = 0; i < 5000; i++) {
      const time = Math.floor(random.next() * 100);
      heap.push(time, i % 5, i, i + 1);
      pushed.push([time, i]);
    }
    pushed.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const popped: [number, number][] = [];
    while (heap.pop()) {
      expect(heap.kind).toBe(heap.caseIndex % 5);
      expect(heap.detail).toBe(heap.caseIndex + 1);
      popped.push([heap.time, heap.caseIndex]);
    }
    expect(popped).toEqual(pushed);
    heap.push(1, 0, 0, 0);
    heap.clear();
    expect(heap.pop()).toBe(false);
  });
});

describe('TaskQueue', () => {
  it('serves tasks first in, first out, growing as needed', () => {
    const queue = new TaskQueue();
    for (let i = 0; i < 40; i++) queue.push(i, i * 2, i / 2);
    for (let i = 0; i < 30; i++)
      expect(queue.shift() && queue.caseIndex).toBe(i);
    for (let i = 40; i < 200; i++) queue.push(i, i * 2, i / 2);
    const rest: number[] = [];
    while (queue.shift()) {
      expect(queue.activity).toBe(queue.caseIndex * 2);
      expect(queue.queued).toBe(queue.caseIndex / 2);
      rest.push(queue.caseIndex);
    }
    expect(rest).toEqual(Array.from({ length: 170 }, (_, k) => k + 30));
  });
});

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
