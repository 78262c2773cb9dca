/**
 * Values a store keeps: plain JSON, deeply frozen, so that whoever reads
 * them may share them without copying and nobody can change them.
 */

/** What JSON makes of a value it cannot write as plain data. */
function viaJson(value: object): unknown {
  const text = JSON.stringify(value) as string | undefined;
  return text === undefined ? undefined : copyOf(JSON.parse(text));
}

function copyOf(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      // As JSON.stringify: a TypeError.
      return JSON.parse(JSON.stringify(value)) as unknown;
    case 'undefined':
    case 'function':
    case 'symbol':
      // Left out (null in arrays), as JSON does.
      return undefined;
    case 'object':
      break;
  }
  if (value === null) return null;
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (let index = 0; index < value.length; index += 1) {
      const item = copyOf(value[index]);
      items.push(item === undefined ? null : item);
    }
    return Object.freeze(items);
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  // Dates, class instances: exactly what JSON makes of them.
  if (prototype !== Object.prototype && prototype !== null) {
    return viaJson(value);
  }
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const member = record[key];
    if (key === 'toJSON' && typeof member === 'function') {
      return viaJson(value);
    }
    const item = copyOf(member);
    if (item !== undefined) copy[key] = item;
  }
  // Wide objects built key by key fall into V8's slow dictionary mode; a
  // spread copy is fast, and so are the copies a machine makes of it.
  return Object.freeze(Object.keys(copy).length > 16 ? { ...copy } : copy);
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
