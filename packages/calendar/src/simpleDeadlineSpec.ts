import { tryParseIsoDate } from './civilDate.js';
import type { ParsedDeadlineSpec } from './DeadlineClock.js';

/** The members a spec without pauses or an extension may have. */
const SIMPLE_MEMBERS: ReadonlySet<string> = new Set([
  'start',
  'days',
  'unit',
  'basis',
  'pauses',
  'maxExtensionDays',
  'warnWithin',
]);

const whole = (value: unknown): value is number => Number.isSafeInteger(value);

/**
 * A spec with no pauses and no extension, read member by member: exactly
 * what `DeadlineSpecSchema` gives for it, members in the schema's order and
 * defaults filled in. `undefined` for anything else (pauses, an extension,
 * a member present as `undefined`, a wrong value …), which the schema then
 * reads and reports. The machines start a clock like this for every case
 * and every department; a test holds the two readings equal on generated
 * specs.
 */
export function simpleDeadlineSpec(
  spec: unknown,
): ParsedDeadlineSpec | undefined {
  if (typeof spec !== 'object' || spec === null) return undefined;
  const prototype: unknown = Object.getPrototypeOf(spec);
  if (prototype !== Object.prototype && prototype !== null) return undefined;
  const members = spec as Record<string, unknown>;
  for (const key in members) {
    if (!SIMPLE_MEMBERS.has(key) || members[key] === undefined) {
      return undefined;
    }
  }
  const { start, days, unit, basis, pauses, maxExtensionDays, warnWithin } =
    members;
  if (typeof start !== 'string' || tryParseIsoDate(start) === undefined) {
    return undefined;
  }
  if (!whole(days) || days < 1 || days > 100_000) return undefined;
  if (
    unit !== undefined &&
    unit !== 'working-days' &&
    unit !== 'calendar-days'
  ) {
    return undefined;
  }
  const trimmedBasis = typeof basis === 'string' ? basis.trim() : undefined;
  if (basis !== undefined && !trimmedBasis) return undefined;
  if (pauses !== undefined && !(Array.isArray(pauses) && pauses.length === 0)) {
    return undefined;
  }
  if (
    maxExtensionDays !== undefined &&
    !(whole(maxExtensionDays) && maxExtensionDays > 0)
  ) {
    return undefined;
  }
  if (warnWithin !== undefined && !(whole(warnWithin) && warnWithin >= 0)) {
    return undefined;
  }
  const parsed: Record<string, unknown> = {
    start,
    days,
    unit: unit ?? 'working-days',
  };
  if (trimmedBasis !== undefined) parsed.basis = trimmedBasis;
  parsed.pauses = [];
  if (maxExtensionDays !== undefined) {
    parsed.maxExtensionDays = maxExtensionDays;
  }
  parsed.warnWithin = warnWithin ?? 3;
  return parsed as ParsedDeadlineSpec;
}
