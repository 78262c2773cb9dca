import { isPlainObject } from './canonicalJson.js';

/** Whether JSON writes a member with this value. */
function isWritten(value: unknown): boolean {
  const kind = typeof value;
  return kind !== 'undefined' && kind !== 'function' && kind !== 'symbol';
}

/**
 * Whether two values write the same JSON, whatever the order of their keys:
 * members that are `undefined` count as absent, as in `JSON.stringify`.
 * Shared parts are not walked, so comparing two snapshots of a machine that
 * keeps its unchanged parts costs little. Values JSON cannot write as plain
 * data (class instances, `toJSON`) are compared by their JSON text.
 *
 * @example
 * sameJson({ a: 1, b: undefined }, { a: 1 }); // => true
 * sameJson({ a: [1, 2] }, { a: [2, 1] }); // => false
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object') {
    return typeof a === 'number' && typeof b === 'number'
      ? JSON.stringify(a) === JSON.stringify(b)
      : false;
  }
  if (a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index += 1) {
      if (!sameMember(a[index], b[index])) return false;
    }
    return true;
  }
  if (Array.isArray(b)) return false;
  if (
    !isPlainObject(a) ||
    !isPlainObject(b) ||
    typeof (a as { toJSON?: unknown }).toJSON === 'function' ||
    typeof (b as { toJSON?: unknown }).toJSON === 'function'
  ) {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const key of Object.keys(left)) {
    const value = left[key];
    if (!isWritten(value)) continue;
    count += 1;
    if (!Object.hasOwn(right, key) || !sameJson(value, right[key])) {
      return false;
    }
  }
  for (const key of Object.keys(right)) {
    if (isWritten(right[key])) count -= 1;
  }
  return count === 0;
}

/** Array members: what JSON writes as `null` is equal to `null`. */
function sameMember(a: unknown, b: unknown): boolean {
  const gone = (value: unknown) =>
    value === undefined ||
    value === null ||
    typeof value === 'function' ||
    typeof value === 'symbol';
  return gone(a) && gone(b) ? true : sameJson(a, b);
}
