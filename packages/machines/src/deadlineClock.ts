import { machineOptions } from './party.js';
import type {
  DeadlineClock,
  DeadlineStatus,
  ParsedDeadlineSpec,
  WorkCalendar,
} from '@kuaiban/calendar';
import {
  DeadlineSpecSchema,
  IsoDateSchema,
  createChinaCalendar,
  createDeadlineClock,
  isKuaibanError,
  PauseDetailsSchema,
  withFields,
} from '@kuaiban/calendar';
import type { SnapshotFrom } from 'xstate';
import { assign, enqueueActions, setup } from 'xstate';
import { z } from 'zod';
import type { CommandRoles } from './party.js';
import { TickEventSchema, eventBase, eventGate } from './party.js';
import { withPlainContext } from './plainContext.js';
import { parseInput } from './trustedInput.js';

const Text = z.string().trim().min(1);

/**
 * The statutory clock of a case (限时办结), with the promised limit beside it
 * (SVC-LIMITS), the handler and backup of the post (SVC-AB-POST) and the
 * first-asked officer (SVC-FIRST-ASK).
 */
export const DeadlineClockInputSchema = z
  .strictObject({
    statutory: DeadlineSpecSchema,
    /** The published promise, shorter than the statutory limit. */
    promisedDays: z.number().int().positive().optional(),
    handler: z.strictObject({ id: Text, backup: Text.optional() }),
    /** The officer first asked, responsible until a handover on record. */
    firstAsked: Text,
  })
  .refine(
    (input) =>
      input.promisedDays === undefined ||
      input.promisedDays <= input.statutory.days,
    {
      message:
        'the promised limit may not exceed the statutory one (SVC-LIMITS)',
      params: { zh: '承诺时限不得超过法定时限（SVC-LIMITS）' },
      path: ['promisedDays'],
    },
  );
export type DeadlineClockInput = z.input<typeof DeadlineClockInputSchema>;
/** A clock's input as its schema gives it back, defaults applied. */
export type ParsedDeadlineClockInput = z.output<
  typeof DeadlineClockInputSchema
>;
/** The longest limit a deadline may count (the calendar's own bound). */
export const MAX_DEADLINE_DAYS = 100_000;

const PauseEventSchema = z.strictObject({
  type: z.literal('PAUSE'),
  ...eventBase,
  /** TIME-EXCLUDED: the applicant is told in writing how long it will take. */
  writtenNoticeOn: IsoDateSchema,
  expectedDays: z.number().int().positive().optional(),
  pause: PauseDetailsSchema,
});

export const DeadlineClockEventSchema = z.discriminatedUnion('type', [
  TickEventSchema,
  PauseEventSchema,
  z.strictObject({ type: z.literal('RESUME'), ...eventBase }),
  z.strictObject({
    type: z.literal('EXTEND'),
    ...eventBase,
    days: z.number().int().positive(),
    reason: Text,
    /** ALL-42-DECIDE-20D: the applicant is told why. */
    toldApplicantOn: IsoDateSchema,
  }),
  /** The handler is absent: the backup takes over (SVC-AB-POST). */
  z.strictObject({ type: z.literal('HANDLER_ABSENT'), ...eventBase }),
  /** A handover on record to another officer (SVC-FIRST-ASK). */
  z.strictObject({
    type: z.literal('REASSIGN'),
    ...eventBase,
    to: Text,
    /** The new holder's backup (SVC-AB-POST); none until named. */
    backup: Text.optional(),
  }),
  /** The decision is made: the clock stops. */
  z.strictObject({ type: z.literal('STOP'), ...eventBase }),
]);
export type DeadlineClockEvent = z.infer<typeof DeadlineClockEventSchema>;

const officers = [
  'window-officer',
  'reviewer',
  'department-approver',
  'lead-department',
] as const;

export const deadlineClockRoles: CommandRoles<DeadlineClockEvent> = {
  TICK: ['system'],
  PAUSE: officers,
  RESUME: officers,
  EXTEND: ['agency-head'],
  HANDLER_ABSENT: ['supervisor', 'window-officer'],
  REASSIGN: ['supervisor'],
  STOP: [...officers, 'agency-head', 'system'],
};

interface Handover {
  readonly from: string;
  readonly to: string;
  readonly on: string;
  readonly why: 'absent' | 'reassigned';
}

export interface DeadlineClockContext {
  readonly statutory: ParsedDeadlineSpec;
  readonly promisedDays: number | null;
  /** The latest date any event carried: the clock is read on it. */
  readonly asOf: string;
  readonly handler: string;
  readonly backup: string | null;
  readonly firstAsked: string;
  readonly handovers: readonly Handover[];
  readonly pauseNotices: readonly {
    readonly from: string;
    readonly writtenNoticeOn: string;
    readonly expectedDays: number | null;
  }[];
  readonly extensionToldOn: string | null;
  readonly escalatedOn: string | null;
  readonly promisedOverrunOn: string | null;
  readonly stoppedOn: string | null;
}

export interface DeadlineClockOutput {
  readonly stoppedOn: string;
  readonly usedDays: number;
  readonly dueDate: string | null;
  readonly onTime: boolean;
  /** `null` when no promise was published. */
  readonly withinPromise: boolean | null;
  readonly escalated: boolean;
}

const later = (a: string, b: string): string => (a > b ? a : b);

/**
 * What a clock reports when `STOP` reaches it on `at` (its output then):
 * the days used up to the later of `at` and its own date, whether it was
 * on time and within the promise (SVC-LIMITS: judged on the stop date,
 * whether or not a `TICK` came), and whether it was escalated. `clock` is
 * the deadline of `context.statutory`. The case lifecycle reads its clock
 * child this way when it decides, and stops the child.
 */
export function stoppedClockOutput(
  clock: DeadlineClock,
  context: DeadlineClockContext,
  at: string,
): DeadlineClockOutput {
  const stoppedOn = later(context.asOf, at);
  const reading = clock.at(stoppedOn);
  return {
    stoppedOn,
    usedDays: reading.usedDays,
    dueDate: clock.dueDate,
    onTime: reading.status !== 'overdue',
    withinPromise:
      context.promisedDays === null
        ? null
        : context.promisedOverrunOn === null &&
          reading.usedDays <= context.promisedDays,
    escalated: context.escalatedOn !== null,
  };
}

/**
 * The statutory clock as a machine over the calendar's deadline value: it is
 * re-read on every event (a `TICK` from the scheduler, or any command), so
 * restored snapshots continue exactly; it never uses xstate delays.
 *
 * @example
 * const machine = createDeadlineClockMachine({ calendar: createChinaCalendar() });
 * const clock = createActor(machine, {
 *   input: {
 *     statutory: { start: '2025-09-26', days: 20, basis: '行政许可法 art. 42' },
 *     handler: { id: 'officer-a', backup: 'officer-b' },
 *     firstAsked: 'officer-a',
 *   },
 * }).start();
 * clock.send({ type: 'TICK', at: '2025-10-27', actor: { id: 'clock', role: 'system' } });
 * clock.getSnapshot().value; // { running: 'warning' }
 */
export function createDeadlineClockMachine(options: {
  calendar: WorkCalendar;
}) {
  const { calendar } = machineOptions(options, 'deadline clock', '期限时钟');
  // Context objects are immutable: a spec read once is read from the cache
  // on every later guard and output.
  const clocks = new WeakMap<ParsedDeadlineSpec, DeadlineClock>();
  const clockOf = (spec: ParsedDeadlineSpec): DeadlineClock => {
    let clock = clocks.get(spec);
    if (!clock) {
      clock = createDeadlineClock(calendar, spec);
      clocks.set(spec, clock);
    }
    return clock;
  };
  /** The clock with `change` applied, or null when the law refuses it. */
  const tryClock = (
    spec: ParsedDeadlineSpec,
    change: Partial<ParsedDeadlineSpec>,
  ): DeadlineClock | null => {
    try {
      return clockOf(withFields(spec, change) as ParsedDeadlineSpec);
    } catch (error) {
      if (isKuaibanError(error)) return null;
      throw error;
    }
  };
  /** Shape and sender of an event, each checked once. */
  const admitted = eventGate<DeadlineClockEvent>(
    DeadlineClockEventSchema,
    deadlineClockRoles,
  );
  const statusOf = (context: DeadlineClockContext): DeadlineStatus =>
    clockOf(context.statutory).at(context.asOf).status;
  const is =
    (status: DeadlineStatus) =>
    ({ context }: { context: DeadlineClockContext }) =>
      statusOf(context) === status;

  const machine = setup({
    types: {
      input: {} as DeadlineClockInput,
      context: {} as DeadlineClockContext,
      events: {} as DeadlineClockEvent,
      output: {} as DeadlineClockOutput,
    },
    guards: {
      isRunning: is('running'),
      isWarning: is('warning'),
      isDueToday: is('due-today'),
      isOverdue: is('overdue'),
      mayPause: ({ context, event }) =>
        event.type === 'PAUSE' &&
        admitted(event) &&
        tryClock(context.statutory, {
          pauses: [
            ...context.statutory.pauses,
            withFields(event.pause, { from: later(context.asOf, event.at) }),
          ],
        }) !== null,
      mayResume: ({ event }) => admitted(event),
      mayExtend: ({ context, event }) =>
        event.type === 'EXTEND' &&
        admitted(event) &&
        context.statutory.extension === undefined &&
        tryClock(context.statutory, {
          extension: {
            days: event.days,
            reason: event.reason,
            grantedOn: later(context.asOf, event.at),
          },
        }) !== null,
      mayHandOver: ({ context, event }) =>
        admitted(event) &&
        context.backup !== null &&
        context.handler !== context.backup,
      mayReassign: ({ event }) => admitted(event),
      mayStop: ({ event }) => admitted(event),
      isTick: ({ event }) => admitted(event),
    },
    actions: {
      advance: assign({
        asOf: ({ context, event }) => later(context.asOf, event.at),
      }),
      notePromiseOverrun: assign({
        promisedOverrunOn: ({ context }) =>
          context.promisedOverrunOn ??
          (context.promisedDays !== null &&
          clockOf(context.statutory).at(context.asOf).usedDays >
            context.promisedDays
            ? context.asOf
            : null),
      }),
      escalate: enqueueActions(({ enqueue, context, self }) => {
        enqueue.assign({ escalatedOn: context.asOf });
        if (self._parent) {
          enqueue.sendParent({ type: 'CLOCK.OVERDUE', on: context.asOf });
        }
      }),
      warn: enqueueActions(({ enqueue, context, self }) => {
        if (self._parent) {
          enqueue.sendParent({ type: 'CLOCK.WARNING', on: context.asOf });
        }
      }),
    },
  }).createMachine({
    id: 'deadlineClock',
    context: ({ input }) => {
      const parsed = parseInput(
        DeadlineClockInputSchema,
        input,
        'deadline clock input',
        '期限时钟输入',
      );
      clockOf(parsed.statutory);
      return {
        statutory: parsed.statutory,
        promisedDays: parsed.promisedDays ?? null,
        asOf: parsed.statutory.start,
        handler: parsed.handler.id,
        backup: parsed.handler.backup ?? null,
        firstAsked: parsed.firstAsked,
        handovers: [],
        pauseNotices: [],
        extensionToldOn: null,
        escalatedOn: null,
        promisedOverrunOn: null,
        stoppedOn: null,
      };
    },
    initial: 'running',
    on: {
      TICK: {
        guard: 'isTick',
        actions: ['advance', 'notePromiseOverrun'],
      },
      HANDLER_ABSENT: {
        guard: 'mayHandOver',
        actions: assign(({ context, event }) => ({
          handler: context.backup ?? context.handler,
          handovers: [
            ...context.handovers,
            {
              from: context.handler,
              to: context.backup ?? context.handler,
              on: event.at,
              why: 'absent' as const,
            },
          ],
        })),
      },
      REASSIGN: {
        guard: 'mayReassign',
        actions: assign(({ context, event }) => ({
          handler: event.to,
          backup: event.backup ?? null,
          handovers: [
            ...context.handovers,
            {
              from: context.handler,
              to: event.to,
              on: event.at,
              why: 'reassigned' as const,
            },
          ],
        })),
      },
      STOP: {
        guard: 'mayStop',
        target: '.stopped',
        actions: [
          'advance',
          assign({ stoppedOn: ({ context }) => context.asOf }),
        ],
      },
    },
    states: {
      running: {
        initial: 'normal',
        on: {
          PAUSE: {
            guard: 'mayPause',
            target: 'paused',
            actions: [
              'advance',
              assign(({ context, event }) => ({
                statutory: {
                  ...context.statutory,
                  pauses: [
                    ...context.statutory.pauses,
                    withFields(event.pause, { from: context.asOf }),
                  ],
                },
                pauseNotices: [
                  ...context.pauseNotices,
                  {
                    from: context.asOf,
                    writtenNoticeOn: event.writtenNoticeOn,
                    expectedDays: event.expectedDays ?? null,
                  },
                ],
              })),
            ],
          },
          EXTEND: {
            guard: 'mayExtend',
            actions: [
              'advance',
              assign(({ context, event }) => ({
                statutory: withFields(context.statutory, {
                  extension: {
                    days: event.days,
                    reason: event.reason,
                    grantedOn: context.asOf,
                    grantedBy: event.actor.id,
                  },
                }),
                extensionToldOn: event.toldApplicantOn,
              })),
            ],
          },
        },
        states: {
          normal: {
            always: [
              { guard: 'isWarning', target: 'warning' },
              { guard: 'isDueToday', target: 'dueToday' },
              { guard: 'isOverdue', target: '#deadlineClock.overdue' },
            ],
          },
          warning: {
            entry: 'warn',
            always: [
              { guard: 'isRunning', target: 'normal' },
              { guard: 'isDueToday', target: 'dueToday' },
              { guard: 'isOverdue', target: '#deadlineClock.overdue' },
            ],
          },
          dueToday: {
            always: [
              { guard: 'isRunning', target: 'normal' },
              { guard: 'isWarning', target: 'warning' },
              { guard: 'isOverdue', target: '#deadlineClock.overdue' },
            ],
          },
        },
      },
      paused: {
        on: {
          RESUME: {
            guard: 'mayResume',
            target: 'running',
            actions: [
              'advance',
              assign({
                statutory: ({ context }) => ({
                  ...context.statutory,
                  pauses: context.statutory.pauses.map((pause, index, all) =>
                    index === all.length - 1
                      ? withFields(pause, { to: context.asOf })
                      : pause,
                  ),
                }),
              }),
            ],
          },
        },
      },
      overdue: {
        entry: 'escalate',
      },
      stopped: {
        type: 'final',
      },
    },
    output: ({ context }) =>
      stoppedClockOutput(
        clockOf(context.statutory),
        context,
        context.stoppedOn ?? context.asOf,
      ),
  });
  return withPlainContext(machine);
}

/** The clock machine on the national calendar. */
export const deadlineClockMachine = createDeadlineClockMachine({
  calendar: createChinaCalendar(),
});

/**
 * The date on which a `TICK` would next change the clock's status, or
 * `null` while it is paused or stopped: what a scheduler wakes the case for.
 */
export function nextDeadlineClockWakeUp(
  snapshot: SnapshotFrom<ReturnType<typeof createDeadlineClockMachine>>,
  calendar: WorkCalendar = createChinaCalendar(),
): string | null {
  if (snapshot.status !== 'active' || snapshot.matches('paused')) return null;
  const clock = createDeadlineClock(calendar, snapshot.context.statutory);
  return clock.nextThreshold(snapshot.context.asOf)?.date ?? null;
}
