import { parseWith } from '@kuaiban/calendar';
import type { z } from 'zod';

/**
 * Inputs a parent machine built from parts it had parsed already, with the
 * same schema its child parses them with: parsing them again would give
 * them back unchanged. Only this package can mark one.
 */
const trusted = new WeakSet<object>();

/** Marks an input built from parsed parts; returns it. */
export function trustedInput<T extends object>(input: T): T {
  trusted.add(input);
  return input;
}

/**
 * A child machine's input, parsed with `schema` (`INVALID_ARGUMENT` naming
 * `what`), unless its parent built it from parsed parts.
 */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  what: string,
  whatZh: string,
): z.output<Schema> {
  if (typeof input === 'object' && input !== null && trusted.has(input)) {
    return input as z.output<Schema>;
  }
  return parseWith(schema, input, { code: 'INVALID_ARGUMENT', what, whatZh });
}

/** `input`, marked as built from parsed parts when `checked`. */
export function trustedWhen<T extends object>(checked: boolean, input: T): T {
  return checked ? trustedInput(input) : input;
}

/**
 * Events a parent machine has checked with the very schema its child checks
 * that event type with (the event schemas are shared: `TICK`, and the
 * department events of a parallel approval). Each is a copy the parent made
 * to pass on, never the object it was sent.
 */
const checkedEvents = new WeakSet<object>();

/** A copy of `event`, which the parent's gate has admitted, to pass on. */
export function checkedEvent<T extends object>(event: T): T {
  return checkedAsParsed({ ...event });
}

/**
 * An event this package has just parsed, with the schema every machine that
 * takes its type checks it with, and handed to no one yet: marked where it
 * is.
 */
export function checkedAsParsed<T extends object>(event: T): T {
  checkedEvents.add(event);
  return event;
}

/** True for a copy a parent passed on with `checkedEvent`, or an event marked by `checkedAsParsed`. */
export function isCheckedEvent(event: object): boolean {
  return checkedEvents.has(event);
}
