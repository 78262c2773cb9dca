import { describe, expect, it } from 'vitest';
import { TaskQueue } from '../src/TaskQueue.js';

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
