import type { DateTime } from 'luxon';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  DeadlineClock,
  DeadlineStatus,
  KuaibanErrorCode,
  WorkCalendar,
} from '../src/index.js';
import { createChinaCalendar, createDeadlineClock } from '../src/index.js';

describe('public types', () => {
  it('takes strings or DateTime and returns strings', () => {
    const calendar = createChinaCalendar();
    expectTypeOf(calendar).toEqualTypeOf<WorkCalendar>();
    expectTypeOf<WorkCalendar['addWorkingDays']>()
      .parameter(0)
      .toEqualTypeOf<string | DateTime>();
    expectTypeOf(
      calendar.addWorkingDays('2025-01-02', 1),
    ).toEqualTypeOf<string>();
    expectTypeOf<
      ReturnType<WorkCalendar['workingDaysBetween']>
    >().toEqualTypeOf<number>();
  });

  it('closes the status and error-code unions', () => {
    expectTypeOf<DeadlineStatus>().toEqualTypeOf<
      'running' | 'paused' | 'warning' | 'due-today' | 'overdue'
    >();
    expectTypeOf<'CALENDAR_OUT_OF_RANGE'>().toExtend<KuaibanErrorCode>();
    expectTypeOf<'SOMETHING_ELSE'>().not.toExtend<KuaibanErrorCode>();
  });

  it('types the deadline spec: pause reasons are a closed list', () => {
    const calendar = createChinaCalendar();
    expectTypeOf(createDeadlineClock).returns.toEqualTypeOf<DeadlineClock>();
    const unlawful = () =>
      createDeadlineClock(calendar, {
        start: '2025-01-02',
        days: 20,
        // @ts-expect-error: not a lawful pause reason (TIME-EXCLUDED)
        pauses: [{ reason: 'lunch', from: '2025-01-03' }],
      });
    expectTypeOf(unlawful).returns.toEqualTypeOf<DeadlineClock>();
  });
});
