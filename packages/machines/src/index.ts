/**
 * @kuaiban/machines: the approval patterns of Chinese government services as
 * xstate v5 statecharts. Each machine runs on its own
 * (`createActor(machine, { input })`) and composes into the case lifecycle.
 *
 * @packageDocumentation
 */
export {
  ROLES,
  PartySchema,
  TickEventSchema,
  byRole,
  eventBase,
} from './party.js';
export type { CommandRoles, Party, Role, TickEvent } from './party.js';
export {
  DeadlineClockEventSchema,
  DeadlineClockInputSchema,
  createDeadlineClockMachine,
  deadlineClockMachine,
  deadlineClockRoles,
  nextDeadlineClockWakeUp,
} from './deadlineClock.js';
export type {
  DeadlineClockContext,
  DeadlineClockEvent,
  DeadlineClockInput,
  DeadlineClockOutput,
} from './deadlineClock.js';
export { toMermaid } from './toMermaid.js';
