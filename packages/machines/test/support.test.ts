import { describe, expect, it } from 'vitest';
import { assign, setup } from 'xstate';
import { definitionOf, explore, missing } from './support/modelCoverage.js';
import { runWithRestarts } from './support/persistence.js';

const door = setup({
  types: {
    context: {} as { opened: number },
    events: {} as
      { type: 'OPEN' } | { type: 'CLOSE' } | { type: 'LOCK'; force: boolean },
  },
}).createMachine({
  context: { opened: 0 },
  initial: 'closed',
  states: {
    closed: {
      on: {
        OPEN: {
          target: 'open',
          actions: assign({ opened: ({ context }) => context.opened + 1 }),
        },
        LOCK: [
          { guard: ({ event }) => event.force, target: 'locked' },
          { target: 'closed' },
        ],
      },
    },
    open: { on: { CLOSE: 'closed' } },
    locked: { type: 'final' },
  },
});

describe('model coverage support', () => {
  it('lists states and guarded alternatives', () => {
    expect(definitionOf(door).transitions).toEqual(
      new Set([
        '(machine).closed OPEN #1',
        '(machine).closed LOCK #1',
        '(machine).closed LOCK #2',
        '(machine).open CLOSE #1',
      ]),
    );
  });

  it('finds what a poor event model misses, and nothing when the model is complete', () => {
    const poor = explore(door, {
      input: undefined,
      events: () => [{ type: 'OPEN' }, { type: 'CLOSE' }],
      serializeState: (s) => JSON.stringify(s.value),
    });
    expect(missing(door, poor)).toEqual({
      states: ['(machine).locked'],
      transitions: ['(machine).closed LOCK #1', '(machine).closed LOCK #2'],
    });
    const full = explore(door, {
      input: undefined,
      events: () => [
        { type: 'OPEN' },
        { type: 'CLOSE' },
        { type: 'LOCK', force: true },
        { type: 'LOCK', force: false },
      ],
      serializeState: (s) => JSON.stringify(s.value),
    });
    expect(missing(door, full)).toEqual({ states: [], transitions: [] });
  });

  it('restarts from persisted snapshots', () => {
    const { straight, restarted } = runWithRestarts(door, undefined, [
      { type: 'OPEN' },
      { type: 'CLOSE' },
      { type: 'OPEN' },
    ]);
    expect(restarted).toEqual(straight);
    expect(straight).toMatchObject({ value: 'open', context: { opened: 2 } });
  });
});
