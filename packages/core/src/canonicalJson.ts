import { KuaibanError } from '@kuaiban/calendar';

function notJson(path: string, what: string, whatZh: string): KuaibanError {
  return new KuaibanError({
    code: 'INVALID_ARGUMENT',
    message: `Not JSON at ${path}: ${what}`,
    messageZh: `${path} 处不是 JSON：${whatZh}`,
    details: { path },
  });
}

/** Whether `value` is a plain object (`{}` or `Object.create(null)`), as JSON writes it. */
export function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function write(value: unknown, path: string, open: Set<object>): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) {
        throw notJson(
          path,
          `${String(value)} is not a finite number`,
          `${String(value)} 不是有限数`,
        );
      }
      return JSON.stringify(value);
    case 'undefined':
      throw notJson(path, 'undefined', 'undefined（未定义）');
    case 'bigint':
      throw notJson(path, 'a bigint', 'bigint 大整数');
    case 'function':
      throw notJson(path, 'a function', '函数');
    case 'symbol':
      throw notJson(path, 'a symbol', 'symbol 符号');
    case 'object':
      break;
  }
  if (value === null) return 'null';
  if (open.has(value)) {
    throw notJson(path, 'a circular reference', '循环引用');
  }
  open.add(value);
  let text: string;
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (let index = 0; index < value.length; index += 1) {
      items.push(write(value[index], `${path}[${index}]`, open));
    }
    text = `[${items.join(',')}]`;
  } else if (isPlainObject(value)) {
    const record = value as Record<string, unknown>;
    const members: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined) continue;
      const memberPath = `${path}${JSON.stringify([key])}`;
      members.push(`${JSON.stringify(key)}:${write(member, memberPath, open)}`);
    }
    text = `{${members.join(',')}}`;
  } else {
    const kind = value.constructor?.name ?? 'object';
    throw notJson(
      path,
      `a ${kind}, not a plain object`,
      `${kind} 对象，不是普通对象`,
    );
  }
  open.delete(value);
  return text;
}

/** Deeper than this, the exact walk finds cycles (and names them). */
const MAX_FAST_DEPTH = 256;

/** What {@link sortedCopy} gives for a value only the exact walk may write. */
const EXACT = Symbol('exact');

/** Sorts a short list of keys in place, by UTF-16 code units, as `sort()` does. */
function sortKeys(keys: string[]): string[] {
  for (let index = 1; index < keys.length; index += 1) {
    const key = keys[index]!;
    let before = index - 1;
    while (before >= 0 && keys[before]! > key) {
      keys[before + 1] = keys[before]!;
      before -= 1;
    }
    keys[before + 1] = key;
  }
  return keys;
}

/**
 * A copy of plain JSON with every object's members added in sorted order,
 * which `JSON.stringify` then writes in one native pass: the common case.
 * Anything else gives {@link EXACT}, and the exact walk says what and where;
 * so do keys that JavaScript would not keep in the order they were added
 * (array-index keys, which objects list first) or could not add as members
 * (`__proto__`).
 */
function sortedCopy(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : EXACT;
    case 'object':
      break;
    case 'undefined':
    case 'bigint':
    case 'function':
    case 'symbol':
      return EXACT;
  }
  if (value === null) return null;
  if (depth > MAX_FAST_DEPTH) return EXACT;
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (let index = 0; index < value.length; index += 1) {
      const item = sortedCopy(value[index], depth + 1);
      if (item === EXACT) return EXACT;
      items.push(item);
    }
    return items;
  }
  if (!isPlainObject(value)) return EXACT;
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of sortKeys(Object.keys(record))) {
    const first = key.charCodeAt(0);
    if ((first >= 48 && first <= 57) || key === '__proto__') return EXACT;
    const member = record[key];
    if (member === undefined) continue;
    const written = sortedCopy(member, depth + 1);
    if (written === EXACT) return EXACT;
    copy[key] = written;
  }
  return copy;
}

/**
 * Canonical JSON (in the spirit of RFC 8785): object keys sorted by UTF-16
 * code units at every depth, no whitespace, numbers and strings as
 * `JSON.stringify` writes them. Equal data gives equal text, whatever the key
 * order, so the text can be hashed. Object members whose value is `undefined`
 * are left out, as in `JSON.stringify`; anything JSON cannot hold without loss
 * (`undefined` in an array or at the top, functions, symbols, bigints,
 * `NaN`/`Infinity`, class instances such as `Date` or `Map`, cycles) is a
 * `KuaibanError` `INVALID_ARGUMENT` naming the path.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, null] }); // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  const sorted = sortedCopy(value, 0);
  return sorted === EXACT
    ? write(value, '$', new Set())
    : JSON.stringify(sorted);
}
