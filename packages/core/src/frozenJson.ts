/**
 * Values a store keeps: plain JSON, deeply frozen, so that whoever reads
 * them may share them without copying and nobody can change them.
 */

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** An array member as `JSON.stringify` writes it. */
function member(value: unknown): unknown {
  const copy = copyOf(value);
  return copy === undefined ? null : copy;
}

function copyOf(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      // As JSON.stringify: a TypeError.
      return JSON.parse(JSON.stringify(value)) as unknown;
    case 'object':
      break;
  }
  if (value === null) return null;
  if (Array.isArray(value)) return Object.freeze(Array.from(value, member));
  if (
    !isPlainObject(value) ||
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    // Dates, class instances, toJSON: exactly what JSON makes of them.
    const text = JSON.stringify(value) as string | undefined;
    return text === undefined ? undefined : copyOf(JSON.parse(text));
  }
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const item = copyOf(record[key]);
    if (item !== undefined) copy[key] = item;
  }
  return Object.freeze(copy);
}

/**
 * A deeply frozen copy of `value` as JSON would give it back (members that
 * are `undefined` or functions left out, non-finite numbers as `null`,
 * `toJSON` applied).
 *
 * @example
 * const kept = frozenJson({ a: [1, undefined], b: undefined });
 * kept; // => { a: [1, null] }
 * Object.isFrozen(kept); // => true
 */
export function frozenJson<T>(value: T): T {
  const copy = copyOf(value);
  if (copy === undefined) {
    throw new TypeError('Not JSON: nothing to keep');
  }
  return copy as T;
}
