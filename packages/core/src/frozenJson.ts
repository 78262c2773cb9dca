/**
 * Values a store keeps: plain JSON, deeply frozen, so that whoever reads
 * them may share them without copying and nobody can change them.
 */

import { isPlainObject } from './canonicalJson.js';

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
  // Dates, class instances: exactly what JSON makes of them.
  if (!isPlainObject(value)) {
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

/** Whether JSON keeps a primitive as it is (strings, booleans, finite numbers). */
function keptAsIs(value: unknown): boolean {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/** Whether `part` is kept as it is, frozen where it is if an object. */
function inPlace(part: unknown): boolean {
  return (
    keptAsIs(part) ||
    part === null ||
    (typeof part === 'object' && freezeInPlace(part))
  );
}

/**
 * Freezes `value` where it is when all of it is plain JSON already (the
 * common case: nothing is copied, no list of keys is made); false, with
 * only its plain parts frozen, when some part must be copied.
 */
function freezeInPlace(value: object): boolean {
  if (Object.isFrozen(value)) return true;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      if (!inPlace(value[index])) return false;
    }
  } else {
    if (!isPlainObject(value)) return false;
    const record = value as Record<string, unknown>;
    for (const key in record) {
      if (!Object.hasOwn(record, key) || !inPlace(record[key])) return false;
    }
  }
  Object.freeze(value);
  return true;
}

function keepInPlace(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return copyOf(value);
  // Kept already: what Kuaiban freezes, it freezes deeply.
  if (freezeInPlace(value)) return value;
  let kept: object;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      const part = keepInPlace(item);
      if ((part !== item || item === undefined) && copy === null) {
        copy = value.slice(0, index);
      }
      if (copy !== null) copy.push(part === undefined ? null : part);
    }
    kept = Object.freeze(copy ?? value);
  } else {
    if (!isPlainObject(value)) return copyOf(value);
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    let copy: Record<string, unknown> | null = null;
    for (let index = 0; index < keys.length; index += 1) {
      const key = keys[index]!;
      const member = record[key];
      if (key === 'toJSON' && typeof member === 'function') {
        return copyOf(value);
      }
      const part = keepInPlace(member);
      if ((part !== member || member === undefined) && copy === null) {
        copy = {};
        for (const earlier of keys.slice(0, index)) {
          copy[earlier] = record[earlier];
        }
      }
      if (copy !== null && part !== undefined) copy[key] = part;
    }
    kept = Object.freeze(copy ?? value);
  }
  return kept;
}

/**
 * {@link frozenJson} for a value its owner hands over: the parts that are
 * plain JSON already are frozen where they are, not copied, and only the rest
 * is copied as JSON would give it back. Whoever calls it gives up changing
 * `value`. A part frozen already is taken as kept (deeply frozen plain JSON,
 * as everything Kuaiban freezes is: this module's values, a store's, zod's
 * read-only lists of text) and is not walked again.
 *
 * @example
 * const owned = { a: [1], b: undefined };
 * const kept = keptInPlace(owned);
 * kept; // => { a: [1] }
 * kept.a === owned.a; // => true
 * Object.isFrozen(owned.a); // => true
 */
export function keptInPlace<T>(value: T): T {
  const kept = keepInPlace(value);
  if (kept === undefined) {
    throw new TypeError('Not JSON: nothing to keep');
  }
  return kept as T;
}
