import { describe, expect, it } from 'vitest';
import { walkthrough } from '../src/walkthrough.js';

describe('the calendar walkthrough', () => {
  const lines: string[] = [];
  walkthrough((line) => lines.push(line));
  const output = lines.join('\n');

  it('TIME-NEXT-DAY: shows the contract example', () => {
    expect(output).toContain('5 working days after 2025-09-30: 2025-10-14');
  });

  it('ALL-42-DECIDE-20D: shows the clock paused, extended once and read', () => {
    expect(output).toContain('accepted 2025-09-26: decide by 2025-10-30');
    expect(output).toContain('decide by 2025-11-06');
    expect(output).toContain(
      'extended once by 10 working days: decide by 2025-11-20',
    );
    expect(output).toContain('a second extension is refused: INVALID_DEADLINE');
  });

  it('ALL-32-NOTICE-5D: the notice window runs across Spring Festival 2026', () => {
    // 02-13 (1), 02-14 make-up Saturday (2), 02-15..02-23 off, 02-24..02-26.
    expect(output).toContain('notice due by 2026-02-26');
  });

  it('TIME-CALENDAR-DATA: refuses to guess, then estimates on request', () => {
    expect(output).toContain('CALENDAR_OUT_OF_RANGE');
    expect(output).toMatch(
      /opting in to weekdays beyond the data: 2027-01-\d\d \(estimated: true\)/,
    );
  });

  it('uses the local calendar', () => {
    expect(output).toContain('in 示例县: 2025-10-15');
  });
});
