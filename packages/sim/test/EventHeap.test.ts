import { describe, expect, it } from 'vitest';
import { EventHeap } from '../src/EventHeap.js';
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
