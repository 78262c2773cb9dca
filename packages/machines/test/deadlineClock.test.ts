import { createChinaCalendar } from '@kuaiban/calendar';
import { describe, expect, it } from 'vitest';
import { createActor, sendTo, setup } from 'xstate';
import type {
  DeadlineClockEvent,
  DeadlineClockInput,
} from '../src/deadlineClock.js';
import {
  createDeadlineClockMachine,
  deadlineClockMachine,
  nextDeadlineClockWakeUp,
} from '../src/deadlineClock.js';
import type { Party } from '../src/party.js';
import { explore, missing } from './support/modelCoverage.js';
import { runWithRestarts } from './support/persistence.js';

const system: Party = { id: 'scheduler', role: 'system' };
const reviewer: Party = { id: 'reviewer-li', role: 'reviewer' };
const head: Party = { id: 'head-wang', role: 'agency-head' };
const supervisor: Party = { id: 'supervisor-zhao', role: 'supervisor' };
const officer: Party = { id: 'officer-chen', role: 'window-officer' };

/** Accepted Friday 2025-09-26: 20 working days end on 2025-10-30. */
const input: DeadlineClockInput = {
  statutory: {
    start: '2025-09-26',
    days: 20,
    basis: '行政许可法 art. 42',
    maxExtensionDays: 10,
  },
  promisedDays: 10,
  handler: { id: 'officer-chen', backup: 'officer-liu' },
  firstAsked: 'officer-chen',
};

const tick = (at: string): DeadlineClockEvent => ({
  type: 'TICK',
  at,
  actor: system,
});
const pause = (at: string): DeadlineClockEvent => ({
  type: 'PAUSE',
  at,
  actor: reviewer,
  writtenNoticeOn: at,
  expectedDays: 5,
  pause: { reason: 'expert-review' },
});
const resume = (at: string): DeadlineClockEvent => ({
  type: 'RESUME',
  at,
  actor: reviewer,
});
const extend = (
  at: string,
  days = 10,
  actor: Party = head,
): DeadlineClockEvent => ({
  type: 'EXTEND',
  at,
  actor,
  days,
  reason: '情况复杂，经本机关负责人批准',
  toldApplicantOn: at,
});

function start(overrides: Partial<DeadlineClockInput> = {}) {
  return createActor(deadlineClockMachine, {
    input: { ...input, ...overrides },
  }).start();
}

describe('deadline clock machine: every state and transition', () => {
  it('is reached by model-based exploration', () => {
    const dates = [
      '2025-10-09',
      '2025-10-27',
      '2025-10-30',
      '2025-10-31',
      '2025-11-20',
    ];
    const explored = explore(deadlineClockMachine, {
      input,
      events: () => [
        ...dates.map(tick),
        pause('2025-10-13'),
        resume('2025-10-20'),
        extend('2025-10-28'),
        extend('2025-10-30', 1),
        extend('2025-10-28', 10, reviewer),
        { type: 'HANDLER_ABSENT', at: '2025-10-10', actor: supervisor },
        {
          type: 'REASSIGN',
          at: '2025-10-10',
          actor: supervisor,
          to: 'officer-sun',
        },
        { type: 'STOP', at: '2025-10-29', actor: reviewer },
      ],
      serializeState: (snapshot) => {
        const c = snapshot.context as {
          asOf: string;
          statutory: { pauses: unknown[]; extension?: unknown };
          handler: string;
        };
        return JSON.stringify([
          snapshot.value,
          c.asOf,
          c.statutory.pauses,
          Boolean(c.statutory.extension),
          c.handler,
        ]);
      },
    });
    expect(missing(deadlineClockMachine, explored)).toEqual({
      states: [],
      transitions: [],
    });
  });
});

describe('ALL-42-DECIDE-20D: the statutory clock of a case', () => {
  it('walks running → warning → due today → overdue and escalates to a supervisor', () => {
    const clock = start();
    expect(clock.getSnapshot().value).toEqual({ running: 'normal' });
    clock.send(tick('2025-10-27'));
    expect(clock.getSnapshot().value).toEqual({ running: 'warning' });
    clock.send(tick('2025-10-30'));
    expect(clock.getSnapshot().value).toEqual({ running: 'dueToday' });
    clock.send(tick('2025-10-31'));
    expect(clock.getSnapshot().value).toBe('overdue');
    expect(clock.getSnapshot().context.escalatedOn).toBe('2025-10-31');
  });

  it('the agency head extends once, telling the applicant why; a second extension is refused', () => {
    const clock = start();
    clock.send(tick('2025-10-28'));
    clock.send(extend('2025-10-28'));
    expect(clock.getSnapshot().value).toEqual({ running: 'normal' });
    expect(clock.getSnapshot().context.statutory.extension).toMatchObject({
      days: 10,
      grantedBy: 'head-wang',
    });
    expect(clock.getSnapshot().context.extensionToldOn).toBe('2025-10-28');
    expect(nextDeadlineClockWakeUp(clock.getSnapshot())).toBe('2025-11-10');
    const before = clock.getSnapshot().context;
    clock.send(extend('2025-10-29', 5));
    expect(clock.getSnapshot().context).toBe(before);
  });

  it('only the agency head may extend, and not after the period ran out', () => {
    const clock = start();
    clock.send(extend('2025-10-20', 10, reviewer));
    expect(clock.getSnapshot().context.statutory.extension).toBeUndefined();
    clock.send(tick('2025-10-31'));
    clock.send(extend('2025-10-31'));
    expect(clock.getSnapshot().value).toBe('overdue');
    expect(clock.getSnapshot().context.statutory.extension).toBeUndefined();
  });

  it('an extension from due today brings the clock back to warning or running', () => {
    const clock = start();
    clock.send(tick('2025-10-30'));
    clock.send(extend('2025-10-30', 2));
    expect(clock.getSnapshot().value).toEqual({ running: 'warning' });
  });
});

describe('TIME-EXCLUDED, TIME-PAUSE-SEMANTICS: lawful pauses with written notice', () => {
  it('pauses for expert review, told in writing, and keeps the remaining days exactly', () => {
    const clock = start();
    clock.send(pause('2025-10-13'));
    expect(clock.getSnapshot().value).toBe('paused');
    expect(clock.getSnapshot().context.pauseNotices).toEqual([
      { from: '2025-10-13', writtenNoticeOn: '2025-10-13', expectedDays: 5 },
    ]);
    expect(nextDeadlineClockWakeUp(clock.getSnapshot())).toBeNull();
    clock.send(tick('2025-11-03'));
    expect(clock.getSnapshot().value).toBe('paused');
    clock.send(resume('2025-11-03'));
    // 10-14 .. 11-03 are not counted (15 working days): due moves from
    // 10-30 to 11-20.
    expect(clock.getSnapshot().value).toEqual({ running: 'normal' });
    expect(nextDeadlineClockWakeUp(clock.getSnapshot())).toBe('2025-11-17');
    clock.send(tick('2025-11-21'));
    expect(clock.getSnapshot().value).toBe('overdue');
  });

  it('TIME-EXCLUDED: a pause without its written notice, or a malformed resume, changes nothing', () => {
    const clock = start();
    const { writtenNoticeOn: _omitted, ...unwritten } = pause(
      '2025-10-13',
    ) as Extract<DeadlineClockEvent, { type: 'PAUSE' }>;
    clock.send(unwritten as DeadlineClockEvent);
    expect(clock.getSnapshot().value).toEqual({ running: 'normal' });
    clock.send(pause('2025-10-13'));
    clock.send({ type: 'RESUME', at: '2025-9-30', actor: reviewer });
    expect(clock.getSnapshot().status).toBe('active');
    expect(clock.getSnapshot().value).toBe('paused');
  });

  it('an applicant cannot pause the clock, and nobody can pause after it ran out', () => {
    const clock = start();
    clock.send({
      ...pause('2025-10-13'),
      actor: { id: 'applicant-1', role: 'applicant' },
    });
    expect(clock.getSnapshot().value).toEqual({ running: 'normal' });
    clock.send(tick('2025-10-31'));
    clock.send(pause('2025-10-31'));
    expect(clock.getSnapshot().value).toBe('overdue');
  });
});

describe('SVC-AB-POST and SVC-FIRST-ASK: who holds the case', () => {
  it('the backup takes over when the handler is absent, on record', () => {
    const clock = start();
    expect(clock.getSnapshot().context.firstAsked).toBe('officer-chen');
    clock.send({ type: 'HANDLER_ABSENT', at: '2025-10-10', actor: officer });
    expect(clock.getSnapshot().context.handler).toBe('officer-liu');
    expect(clock.getSnapshot().context.handovers).toEqual([
      {
        from: 'officer-chen',
        to: 'officer-liu',
        on: '2025-10-10',
        why: 'absent',
      },
    ]);
  });

  it('the backup may not pass the case on: only a supervisor reassigns, on record', () => {
    const clock = start();
    clock.send({ type: 'HANDLER_ABSENT', at: '2025-10-10', actor: officer });
    clock.send({
      type: 'REASSIGN',
      at: '2025-10-11',
      actor: { id: 'officer-liu', role: 'window-officer' },
      to: 'officer-sun',
    });
    expect(clock.getSnapshot().context.handler).toBe('officer-liu');
    clock.send({
      type: 'REASSIGN',
      at: '2025-10-11',
      actor: supervisor,
      to: 'officer-sun',
    });
    expect(clock.getSnapshot().context.handler).toBe('officer-sun');
    expect(clock.getSnapshot().context.handovers).toHaveLength(2);
    // The new holder's backup is whoever the supervisor names, not the old one's.
    expect(clock.getSnapshot().context.backup).toBeNull();
    clock.send({
      type: 'REASSIGN',
      at: '2025-10-12',
      actor: supervisor,
      to: 'officer-zhou',
      backup: 'officer-wu',
    });
    clock.send({ type: 'HANDLER_ABSENT', at: '2025-10-13', actor: supervisor });
    expect(clock.getSnapshot().context.handler).toBe('officer-wu');
  });

  it('without a backup there is nobody to hand over to', () => {
    const clock = start({ handler: { id: 'officer-chen' } });
    clock.send({ type: 'HANDLER_ABSENT', at: '2025-10-10', actor: supervisor });
    expect(clock.getSnapshot().context.handovers).toEqual([]);
  });
});

describe('SVC-LIMITS: the promised limit beside the statutory one', () => {
  it('records when the promise was overrun, and says so at the end', () => {
    const clock = start();
    clock.send(tick('2025-10-20'));
    expect(clock.getSnapshot().context.promisedOverrunOn).toBe('2025-10-20');
    clock.send({ type: 'STOP', at: '2025-10-22', actor: reviewer });
    expect(clock.getSnapshot().status).toBe('done');
    expect(clock.getSnapshot().output).toEqual({
      stoppedOn: '2025-10-22',
      usedDays: 14,
      dueDate: '2025-10-30',
      onTime: true,
      withinPromise: false,
      escalated: false,
    });
  });

  it('judges the promise on the stop date even without a TICK', () => {
    const clock = start();
    clock.send({ type: 'STOP', at: '2025-10-22', actor: reviewer });
    expect(clock.getSnapshot().output).toMatchObject({
      usedDays: 14,
      withinPromise: false,
    });
  });

  it('a case decided within the promise', () => {
    const clock = start();
    clock.send({ type: 'STOP', at: '2025-10-10', actor: reviewer });
    expect(clock.getSnapshot().output).toMatchObject({
      onTime: true,
      withinPromise: true,
      usedDays: 5,
    });
  });

  it('refuses a promise longer than the statutory limit', () => {
    const actor = createActor(deadlineClockMachine, {
      input: { ...input, promisedDays: 25 },
    });
    actor.subscribe({ error: () => undefined });
    actor.start();
    expect(actor.getSnapshot().status).toBe('error');
    expect(actor.getSnapshot().error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      issues: [
        expect.objectContaining({
          path: ['promisedDays'],
          messageZh: '承诺时限不得超过法定时限（SVC-LIMITS）',
        }),
      ],
    });
  });
});

describe('persistence and calendars', () => {
  it('a restored clock continues exactly', () => {
    const { straight, restarted } = runWithRestarts(
      deadlineClockMachine,
      input,
      [
        tick('2025-10-09'),
        pause('2025-10-13'),
        resume('2025-10-20'),
        tick('2025-11-03'),
        extend('2025-11-04'),
        tick('2025-11-12'),
      ],
    );
    expect(restarted).toEqual(straight);
    expect(straight).toMatchObject({ value: { running: 'normal' } });
  });

  it('refuses a factory call without a calendar', () => {
    expect(() =>
      createDeadlineClockMachine({ calendar: 42 } as never),
    ).toThrowError(
      expect.objectContaining({
        code: 'INVALID_ARGUMENT',
        messageZh: expect.stringContaining('工作日历') as unknown,
      }),
    );
  });

  it('takes another calendar', () => {
    const machine = createDeadlineClockMachine({
      calendar: createChinaCalendar({ beyondData: 'weekdays' }),
    });
    const clock = createActor(machine, {
      input: { ...input, statutory: { start: '2026-12-20', days: 20 } },
    }).start();
    clock.send(tick('2027-01-15'));
    expect(clock.getSnapshot().value).toEqual({ running: 'dueToday' });
  });
});

describe('inside a case', () => {
  it('tells its parent when the case enters warning and when it is overdue', () => {
    const seen: string[] = [];
    const parent = setup({
      actors: { clock: deadlineClockMachine },
    }).createMachine({
      invoke: { id: 'clock', src: 'clock', input },
      on: {
        'CLOCK.WARNING': {
          actions: ({ event }) =>
            seen.push(`warning ${(event as unknown as { on: string }).on}`),
        },
        'CLOCK.OVERDUE': {
          actions: ({ event }) =>
            seen.push(`overdue ${(event as unknown as { on: string }).on}`),
        },
        TICK: { actions: sendTo('clock', ({ event }) => event) },
      },
    });
    const actor = createActor(parent).start();
    actor.send(tick('2025-10-28'));
    actor.send(tick('2025-11-03'));
    expect(seen).toEqual(['warning 2025-10-28', 'overdue 2025-11-03']);
  });
});
