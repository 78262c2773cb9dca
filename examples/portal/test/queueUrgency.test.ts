import { createChinaCalendar } from '@kuaiban/calendar';
import type { CaseFacts } from '@kuaiban/core';
import { describe, expect, it } from 'vitest';
import { queueUrgency } from '../src/queueUrgency.js';

const calendar = createChinaCalendar();
const facts = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  status: 'active',
  nextWakeUp: null,
  warnedOn: null,
  escalatedOn: null,
  handler: 'officer-chen',
  applicant: 'bakery',
  awaiting: ['reviewer'],
  dueDates: { supplement: null, decision: '2025-10-09', issuance: null },
  ...overrides,
});

describe('queueUrgency', () => {
  it('TIME-WORKDAY: due soon counts working days, so a date after National Day is near', () => {
    // 10-01 to 10-08 are holidays: 10-09 is the first working day after 09-30.
    expect(queueUrgency(facts(), '2025-09-30', calendar)).toEqual({
      overdue: false,
      warning: false,
      dueSoon: true,
      nextDue: '2025-10-09',
    });
    expect(queueUrgency(facts(), '2025-09-25', calendar).dueSoon).toBe(false);
  });

  it('takes the earliest due date still ahead, and none once all have passed', () => {
    const dueDates = {
      supplement: '2025-09-29',
      decision: '2025-10-30',
      issuance: null,
    };
    expect(
      queueUrgency(facts({ dueDates }), '2025-09-29', calendar).nextDue,
    ).toBe('2025-09-29');
    expect(
      queueUrgency(facts({ dueDates }), '2025-09-30', calendar).nextDue,
    ).toBe('2025-10-30');
    expect(
      queueUrgency(facts({ dueDates }), '2025-11-03', calendar),
    ).toMatchObject({
      nextDue: null,
      dueSoon: false,
    });
  });

  it('an escalated case is overdue and no longer a mere warning', () => {
    expect(
      queueUrgency(facts({ warnedOn: '2025-10-07' }), '2025-10-08', calendar),
    ).toMatchObject({ warning: true, overdue: false });
    expect(
      queueUrgency(
        facts({ warnedOn: '2025-10-07', escalatedOn: '2025-10-10' }),
        '2025-10-10',
        calendar,
      ),
    ).toMatchObject({ warning: false, overdue: true });
  });
});
