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
