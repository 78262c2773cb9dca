import type { WorkCalendar } from '@kuaiban/calendar';
import { IsoDateSchema, bilingual, parseWith } from '@kuaiban/calendar';
import type { EventObject } from 'xstate';
import { z } from 'zod';
import { isCheckedEvent } from './trustedInput.js';

/**
 * Who may act on a case. `system` is the clock: it sends `TICK` so that
 * deadlines are re-evaluated.
 */
export const ROLES = [
  'applicant',
  'window-officer',
  'reviewer',
  'department-approver',
  'lead-department',
  'agency-head',
  'supervisor',
  'system',
] as const;
export type Role = (typeof ROLES)[number];

/** The acting party of an event: who, in which role (and department). */
export const PartySchema = z.strictObject({
  id: z.string().trim().min(1),
  role: z.enum(ROLES),
  department: z.string().trim().min(1).optional(),
});
export type Party = z.infer<typeof PartySchema>;

/** Fields every event carries: who acts, and on which date (injected time). */
export const eventBase = {
  actor: PartySchema,
  at: IsoDateSchema,
};

/** `TICK`: time has moved to `at`; deadlines are re-evaluated. */
export const TickEventSchema = z.strictObject({
  type: z.literal('TICK'),
  ...eventBase,
});
export type TickEvent = z.infer<typeof TickEventSchema>;

/** Which roles may send each event type of a machine. */
export type CommandRoles<TEvent extends EventObject> = {
  readonly [Type in TEvent['type']]: readonly Role[];
};

/** A guard that lets only `roles` through. */
export function byRole(roles: readonly Role[]) {
  return ({ event }: { event: { actor?: Party } }): boolean =>
    event.actor !== undefined && roles.includes(event.actor.role);
}

/**
 * A check that an event has its schema's shape and comes from a role that
 * may send it. An event is parsed once while the guards of a step ask about
 * it, one after another; one its parent machine checked with the same schema
 * and passed on is not parsed again.
 */
export function eventGate<TEvent extends { type: string; actor?: Party }>(
  schema: z.ZodType,
  roles: CommandRoles<TEvent>,
): (event: TEvent) => boolean {
  let last: object | undefined;
  let lastShaped = false;
  return (event) => {
    if (event !== last) {
      lastShaped = isCheckedEvent(event) || schema.safeParse(event).success;
      last = event;
    }
    const shaped = lastShaped;
    // A type this machine does not take (one parsed for another machine):
    // no role may send it here.
    const senders = (roles as Partial<CommandRoles<TEvent>>)[
      event.type as TEvent['type']
    ];
    return (
      shaped &&
      event.actor !== undefined &&
      senders !== undefined &&
      senders.includes(event.actor.role)
    );
  };
}

const MachineOptionsSchema = z.strictObject({
  calendar: z.custom<WorkCalendar>(
    (value) =>
      typeof (value as Partial<WorkCalendar> | null)?.addWorkingDays ===
      'function',
    bilingual('Expected a WorkCalendar', '应为工作日历（WorkCalendar）'),
  ),
});

/** The options every machine factory takes, validated. */
export function machineOptions(
  options: unknown,
  what: string,
  whatZh: string,
): { calendar: WorkCalendar } {
  return parseWith(MachineOptionsSchema, options, {
    code: 'INVALID_ARGUMENT',
    what: `${what} options`,
    whatZh: `${whatZh}选项`,
  });
}
