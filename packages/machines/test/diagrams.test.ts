import { describe, expect, it } from 'vitest';
import { and, not, or, setup } from 'xstate';
import { machineDocs, readPage, withDiagram } from '../scripts/diagrams.js';
import { toMermaid } from '../src/toMermaid.js';
import { deadlineClockMachine } from '../src/deadlineClock.js';

describe('machine diagrams in docs/machines', () => {
  it.each(machineDocs.map((doc) => [doc.page, doc] as const))(
    '%s is up to date (run `pnpm diagrams`)',
    (_, doc) => {
      const page = readPage(doc.page);
      expect(page).toBe(withDiagram(page, toMermaid(doc.machine)));
    },
  );

  it('a page whose machine changed is stale', () => {
    const page = readPage('docs/machines/deadline-clock.md');
    expect(withDiagram(page, 'stateDiagram-v2\n  [*] --> changed')).not.toBe(
      page,
    );
  });

  it('draws every state and transition of the machine', () => {
    const diagram = toMermaid(deadlineClockMachine);
    expect(diagram).toContain(
      'state "dueToday" as deadlineClock_running_dueToday',
    );
    expect(diagram).toContain(
      'deadlineClock_running --> deadlineClock_paused : PAUSE [mayPause]',
    );
    expect(diagram).toContain(
      'deadlineClock --> deadlineClock_stopped : STOP [mayStop]',
    );
    expect(diagram).toContain('deadlineClock_stopped --> [*]');
  });

  it('names combined guards', () => {
    const machine = setup({
      guards: { a: () => true, b: () => true },
    }).createMachine({
      initial: 'x',
      states: {
        x: {
          on: {
            ALL: { guard: and(['a', 'b']), target: 'y' },
            ANY: { guard: or(['a', 'b']), target: 'y' },
            NONE: { guard: not('a'), target: 'y' },
            INLINE: { guard: () => true, target: 'y' },
          },
        },
        y: {},
      },
    });
    const diagram = toMermaid(machine);
    expect(diagram).toContain(': ALL [a & b]');
    expect(diagram).toContain(': ANY [a | b]');
    expect(diagram).toContain(': NONE [!a]');
    expect(diagram).toContain(': INLINE [guard]');
  });

  it('refuses a page without a diagram marker', () => {
    expect(() => withDiagram('# no marker', 'x')).toThrow(/marker/);
  });
});
