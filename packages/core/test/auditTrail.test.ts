import { isKuaibanError } from '@kuaiban/calendar';
import { ROLES } from '@kuaiban/machines';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  AuditEntry,
  AuditEntryDraft,
  HistoryCheck,
} from '../src/auditTrail.js';
import {
  AuditEntrySchema,
  GENESIS_HASH,
  appendEntry,
  assertHistory,
  chainEntry,
  hashEntry,
  verifyHistory,
} from '../src/auditTrail.js';
import { canonicalJson } from '../src/canonicalJson.js';

// DESIGN "Nothing is lost": every accepted command appends to the case's
// audit trail, hash-chained so that tampering is detectable.

const chen = {
  id: 'officer-chen',
  role: 'window-officer',
  department: '市场监管局',
} as const;
const wang = { id: 'applicant-wang', role: 'applicant' } as const;

const drafts: AuditEntryDraft[] = [
  {
    caseId: 'case-1',
    at: '2025-09-26T09:30:00.000+08:00',
    actor: wang,
    command: { type: 'SUBMIT', materials: ['营业执照', '申请书'] },
    commandId: 'cmd-1',
    reason: null,
    state: 'submitted',
  },
  {
    caseId: 'case-1',
    at: '2025-09-26T10:00:00.000+08:00',
    actor: chen,
    command: { type: 'ACCEPT_WITH_DEFICIENCY', missing: ['副本'] },
    commandId: 'cmd-2',
    reason: '次要材料缺失，申请人已书面承诺 (RQ-COMMIT)',
    state: { review: 'pending', tolerance: 'awaitingSupplement' },
  },
  {
    caseId: 'case-1',
    at: '2025-09-29T14:15:00.000+08:00',
    actor: wang,
    command: { type: 'SUPPLEMENT', materials: ['副本'] },
    commandId: null,
    reason: null,
    state: { review: 'pending', tolerance: 'complete' },
  },
  {
    caseId: 'case-1',
    at: '2025-10-09T16:45:00.000+08:00',
    actor: chen,
    command: { type: 'APPROVE' },
    commandId: 'cmd-4',
    reason: 'Conditions met',
    state: 'approved',
  },
];

function chain(list: readonly AuditEntryDraft[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const draft of list)
    entries.push(appendEntry(entries.at(-1) ?? null, draft));
  return entries;
}

/** A deep copy, as a store returns it. */
function stored(entries: readonly AuditEntry[]): AuditEntry[] {
  return JSON.parse(JSON.stringify(entries)) as AuditEntry[];
}

function at(entries: AuditEntry[], index: number): AuditEntry {
  const entry = entries[index];
  if (entry === undefined) throw new Error(`no entry ${index}`);
  return entry;
}

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('canonicalJson', () => {
  it('sorts object keys at every depth and writes no whitespace', () => {
    expect(
      canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: null } }),
    ).toBe('{"a":{"c":null,"d":[3,{"e":2,"f":1}]},"b":1}');
    expect(canonicalJson('办件')).toBe('"办件"');
    expect(canonicalJson([true, false, -0, 1.5e300])).toBe(
      '[true,false,0,1.5e+300]',
    );
  });

  it('does not depend on key order (property)', () => {
    const reversed = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reversed);
      if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value).reverse();
        return Object.fromEntries(entries.map(([k, v]) => [k, reversed(v)]));
      }
      return value;
    };
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(reversed(value))).toBe(text);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it('orders keys by UTF-16 code units, array-index keys and __proto__ too', () => {
    expect(
      canonicalJson({ b: 1, '10': 'x', '2': 'y', a: 2, $: 3, '-1': 4 }),
    ).toBe('{"$":3,"-1":4,"10":"x","2":"y","a":2,"b":1}');
    expect(
      canonicalJson(JSON.parse('{"z":[{"__proto__":{"x":1},"a":1}]}')),
    ).toBe('{"z":[{"__proto__":{"x":1},"a":1}]}');
  });

  it('writes what a plain sorted-key writer writes (property)', () => {
    const reference = (value: unknown): string => {
      if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
      if (value !== null && typeof value === 'object') {
        const keys = Object.keys(value).sort();
        const members = keys.map(
          (key) =>
            `${JSON.stringify(key)}:${reference((value as Record<string, unknown>)[key])}`,
        );
        return `{${members.join(',')}}`;
      }
      return JSON.stringify(value);
    };
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
    );
  });

  it('leaves out undefined members, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(canonicalJson(Object.assign(Object.create(null), { z: 1 }))).toBe(
      '{"z":1}',
    );
  });

  it('writes structures of any depth, and names a deep cycle by its path', () => {
    let deep: unknown = 'leaf';
    for (let depth = 0; depth < 600; depth += 1) deep = { d: [deep] };
    expect(canonicalJson(deep)).toBe(
      `${'{"d":['.repeat(600)}"leaf"${']}'.repeat(600)}`,
    );
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.next = { again: [loop] };
    expect(() => canonicalJson({ top: loop })).toThrow(
      /\$\["top"\]\["next"\]\["again"\]\[0\]/,
    );
  });

  it('accepts the same object twice when it is not a cycle', () => {
    const shared = { id: 'x' };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe(
      '{"a":{"id":"x"},"b":[{"id":"x"}]}',
    );
  });

  const cycle: Record<string, unknown> = {};
  cycle.self = cycle;
  it.each([
    ['undefined at the top', undefined, '$'],
    ['undefined in an array', [1, undefined], '$[1]'],
    ['a hole in an array', new Array<unknown>(2), '$[0]'],
    ['a function', { f: () => 1 }, '$["f"]'],
    ['a symbol', [Symbol('s')], '$[0]'],
    ['a bigint', { n: 10n }, '$["n"]'],
    ['NaN', { x: [NaN] }, '$["x"][0]'],
    ['Infinity', Infinity, '$'],
    ['a Date', { at: new Date(0) }, '$["at"]'],
    ['a Map', new Map(), '$'],
    [
      'an object of another prototype',
      [Object.create(Object.create(null) as object)],
      '$[0]',
    ],
    ['a cycle', cycle, '$["self"]'],
  ])('rejects %s (INVALID_ARGUMENT, with the path)', (_name, value, path) => {
    const error = caught(() => canonicalJson(value));
    expect(isKuaibanError(error) && error.code).toBe('INVALID_ARGUMENT');
    expect(isKuaibanError(error) && error.details).toEqual({ path });
    expect(isKuaibanError(error) && error.message).toContain(path);
    expect(isKuaibanError(error) && error.messageZh).toContain('不是 JSON');
  });
});

describe('hashEntry', () => {
  it('is the SHA-256 of the canonical entry, without its hash', () => {
    const [first] = chain(drafts.slice(0, 1));
    if (first === undefined) throw new Error('no entry');
    const { hash, ...rest } = first;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEntry(rest)).toBe(hash);
    expect(hashEntry(first)).toBe(hash);
    const reordered = Object.fromEntries(Object.entries(rest).reverse());
    expect(hashEntry(reordered as typeof rest)).toBe(hash);
    expect(hashEntry({ ...rest, reason: 'x' })).not.toBe(hash);
  });
});

describe('appendEntry', () => {
  it('numbers, links and hashes the entries of a case', () => {
    const entries = chain(drafts);
    expect(entries.map((e) => e.sequence)).toEqual([1, 2, 3, 4]);
    expect(at(entries, 0).previousHash).toBe(GENESIS_HASH);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    for (const [index, entry] of entries.entries()) {
      expect(AuditEntrySchema.parse(entry)).toEqual(entry);
      expect(entry.hash).toBe(hashEntry(entry));
      if (index > 0)
        expect(entry.previousHash).toBe(at(entries, index - 1).hash);
    }
    expect(at(entries, 1)).toMatchObject(drafts[1] ?? {});
  });

  it('copies the draft: later changes to it do not reach the entry', () => {
    const draft = structuredClone(drafts[1]) as AuditEntryDraft;
    const entry = appendEntry(null, draft);
    (draft.state as { review: string }).review = 'approved';
    (draft.command.missing as string[]).push('forged');
    expect(entry.state).toEqual({
      review: 'pending',
      tolerance: 'awaitingSupplement',
    });
    expect(entry.command).toEqual({
      type: 'ACCEPT_WITH_DEFICIENCY',
      missing: ['副本'],
    });
    expect(verifyHistory([entry])).toEqual({ ok: true, entries: 1 });
  });

  it('refuses a draft of another case (INVALID_ARGUMENT)', () => {
    const [first] = chain(drafts.slice(0, 1));
    const error = caught(() =>
      appendEntry(first ?? null, {
        ...drafts[1],
        caseId: 'case-2',
      } as AuditEntryDraft),
    );
    expect(isKuaibanError(error) && error.code).toBe('INVALID_ARGUMENT');
    expect(isKuaibanError(error) && error.messageZh).toContain('case-2');
  });

  it.each([
    ['a time without offset', { at: '2025-09-26T09:30:00' }, 'at'],
    ['a date only', { at: '2025-09-26' }, 'at'],
    ['an unknown role', { actor: { id: 'x', role: 'mayor' } }, 'actor'],
    ['an empty command type', { command: { type: '' } }, 'command'],
    ['an empty case id', { caseId: '' }, 'caseId'],
    ['an empty command id', { commandId: '' }, 'commandId'],
  ])('refuses a draft with %s (INVALID_ARGUMENT)', (_name, change, path) => {
    const error = caught(() =>
      appendEntry(null, { ...drafts[0], ...change } as AuditEntryDraft),
    );
    expect(isKuaibanError(error) && error.code).toBe('INVALID_ARGUMENT');
    expect(isKuaibanError(error) && error.issues[0]?.path[0]).toBe(path);
    expect(isKuaibanError(error) && error.messageZh).toContain('留痕记录无效');
  });

  it('refuses a state that is not JSON (INVALID_ARGUMENT)', () => {
    const error = caught(() =>
      appendEntry(null, { ...drafts[0], state: { n: 1n } } as AuditEntryDraft),
    );
    expect(isKuaibanError(error) && error.code).toBe('INVALID_ARGUMENT');
  });
});

type Tampering = readonly [
  name: string,
  tamper: (entries: AuditEntry[]) => unknown[],
  sequence: number,
  problem: Extract<HistoryCheck, { ok: false }>['problem'],
];

const rehash = (entry: Omit<AuditEntry, 'hash'>): AuditEntry => ({
  ...entry,
  hash: hashEntry(entry),
});

const tamperings: Tampering[] = [
  ['an edited reason', (e) => ((at(e, 1).reason = '无'), e), 2, 'hash'],
  [
    'an edited nested state',
    (e) => ((at(e, 2).state = { review: 'approved' }), e),
    3,
    'hash',
  ],
  [
    'an edited role',
    (e) => ((at(e, 1).actor.role = 'supervisor'), e),
    2,
    'hash',
  ],
  [
    'an edited time',
    (e) => ((at(e, 3).at = '2025-10-10T16:45:00.000+08:00'), e),
    4,
    'hash',
  ],
  [
    'an added command field',
    (e) => ((at(e, 0).command.forged = true), e),
    1,
    'hash',
  ],
  [
    'an edited entry with its hash recomputed',
    (e) => [at(e, 0), rehash({ ...at(e, 1), reason: '伪造' }), ...e.slice(2)],
    3,
    'link',
  ],
  ['a deleted middle entry', (e) => [at(e, 0), ...e.slice(2)], 2, 'sequence'],
  ['a deleted first entry', (e) => e.slice(1), 1, 'sequence'],
  [
    'two swapped entries',
    (e) => [at(e, 0), at(e, 2), at(e, 1), at(e, 3)],
    2,
    'sequence',
  ],
  [
    'two swapped entries, renumbered',
    (e) => [
      at(e, 0),
      { ...at(e, 2), sequence: 2 },
      { ...at(e, 1), sequence: 3 },
      at(e, 3),
    ],
    2,
    'link',
  ],
  [
    'a duplicated entry',
    (e) => [...e.slice(0, 2), at(e, 1), ...e.slice(2)],
    3,
    'sequence',
  ],
  [
    'an inserted entry chained to the one before',
    (e) => [
      at(e, 0),
      appendEntry(at(e, 0), {
        ...drafts[3],
        reason: '伪造',
      } as AuditEntryDraft),
      ...e.slice(1),
    ],
    3,
    'sequence',
  ],
  ['another case id', (e) => ((at(e, 2).caseId = 'case-2'), e), 3, 'case'],
  [
    'another case id on the first entry',
    (e) => ((at(e, 0).caseId = 'case-2'), e),
    1,
    'hash',
  ],
  [
    'a first entry not linked to the genesis',
    (e) => [
      rehash({ ...at(e, 0), previousHash: 'a'.repeat(64) }),
      ...e.slice(1),
    ],
    1,
    'link',
  ],
  [
    'a truncated hash',
    (e) => ((at(e, 1).hash = at(e, 1).hash.slice(0, 63)), e),
    2,
    'shape',
  ],
  [
    'an upper-case hash',
    (e) => ((at(e, 1).hash = at(e, 1).hash.toUpperCase()), e),
    2,
    'shape',
  ],
  [
    'an extra field',
    (e) => [at(e, 0), { ...at(e, 1), approvedBy: 'x' }, ...e.slice(2)],
    2,
    'shape',
  ],
  [
    'a missing field',
    (e) => {
      const { reason: _reason, ...rest } = at(e, 3);
      return [...e.slice(0, 3), rest];
    },
    4,
    'shape',
  ],
  [
    'an entry that is not an object',
    (e) => [at(e, 0), null, ...e.slice(2)],
    2,
    'shape',
  ],
  [
    'a state that is not JSON',
    (e) => ((at(e, 2).state = [undefined]), e),
    3,
    'shape',
  ],
];

describe("chainEntry: the engine's own entries", () => {
  it('builds exactly the entries appendEntry builds', () => {
    const fast: AuditEntry[] = [];
    for (const draft of drafts)
      fast.push(chainEntry(fast.at(-1) ?? null, draft));
    expect(fast).toEqual(chain(drafts));
    expect(verifyHistory(fast)).toEqual({ ok: true, entries: drafts.length });
  });

  it('falls back to the full checks for input that fails them: the same entry or the same error', () => {
    const first = at(chain(drafts), 0);
    const second = drafts[1]!;
    for (const [previous, draft] of [
      [first, { ...second, caseId: '' }],
      [first, { ...second, at: '2025-09-26' }],
      [{ ...first, hash: 'not-a-hash' }, second],
      [{ ...first, sequence: 0 }, second],
      [first, { ...second, caseId: 'case-2' }],
    ] as const) {
      const outcome = (build: typeof appendEntry) => {
        try {
          return build(previous, draft);
        } catch (error) {
          return isKuaibanError(error) ? error.code : error;
        }
      };
      expect(outcome(chainEntry)).toEqual(outcome(appendEntry));
    }
  });
});

describe('verifyHistory (DESIGN: nothing is lost)', () => {
  it('accepts an empty trail', () => {
    expect(verifyHistory([])).toEqual({ ok: true, entries: 0 });
  });

  it('accepts an intact trail, also after a JSON round trip', () => {
    const entries = chain(drafts);
    expect(verifyHistory(entries)).toEqual({ ok: true, entries: 4 });
    expect(verifyHistory(stored(entries))).toEqual({ ok: true, entries: 4 });
  });

  it.each(tamperings)('detects %s', (_name, tamper, sequence, problem) => {
    const result = verifyHistory(tamper(stored(chain(drafts))));
    expect(result).toMatchObject({ ok: false, sequence, problem });
    if (result.ok) return;
    expect(result.message).toContain(`${sequence}`);
    expect(result.messageZh).toContain(`第 ${sequence} 条`);
  });

  it('cannot see entries cut from the end: compare the last hash too', () => {
    const entries = chain(drafts);
    expect(verifyHistory(entries.slice(0, 2))).toEqual({
      ok: true,
      entries: 2,
    });
    expect(at(entries, 1).hash).not.toBe(at(entries, 3).hash);
  });

  it('lets an error that is not about the trail through', () => {
    const entries: unknown[] = stored(chain(drafts));
    const trap = { ...at(entries as AuditEntry[], 0) };
    Object.defineProperty(trap, 'state', {
      enumerable: true,
      get() {
        throw new RangeError('storage failed');
      },
    });
    entries[0] = trap;
    expect(() => verifyHistory(entries)).toThrow(RangeError);
  });

  it('throws INVALID_ARGUMENT for a trail that is not an array', () => {
    const error = caught(() => verifyHistory({} as unknown[]));
    expect(isKuaibanError(error) && error.code).toBe('INVALID_ARGUMENT');
  });
});

describe('assertHistory', () => {
  it('returns the validated entries of an intact trail', () => {
    const entries = chain(drafts);
    expect(assertHistory(stored(entries))).toEqual(entries);
    expect(assertHistory([])).toEqual([]);
  });

  it('throws HISTORY_TAMPERED naming the entry and problem in both languages', () => {
    const entries = stored(chain(drafts));
    at(entries, 1).reason = '已删除';
    const error = caught(() => assertHistory(entries));
    expect(isKuaibanError(error)).toBe(true);
    if (!isKuaibanError(error)) return;
    expect(error.code).toBe('HISTORY_TAMPERED');
    expect(error.details).toEqual({ sequence: 2, problem: 'hash' });
    expect(error.message).toMatch(/^Audit trail tampered at entry 2 \(hash\)/);
    expect(error.messageZh).toMatch(/^留痕在第 2 条记录处被篡改（hash）/);
  });
});

describe('the hash chain, property-based', () => {
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = fc
    .tuple(
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
    )
    .map(
      ([m, d, h, min]) =>
        `2025-${pad(m)}-${pad(d)}T${pad(h)}:${pad(min)}:00.000+08:00`,
    );
  const party = fc.record(
    {
      id: fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/),
      role: fc.constantFrom(...ROLES),
      department: fc.constantFrom('市场监管局', '住建局', 'Fire & "Rescue"'),
    },
    { requiredKeys: ['id', 'role'] },
  );
  const draft = (caseId: string) =>
    fc.record({
      caseId: fc.constant(caseId),
      at: time,
      actor: party,
      command: fc
        .tuple(
          fc.string({ minLength: 1 }),
          fc.dictionary(fc.string(), fc.jsonValue()),
        )
        .map(([type, extra]) => ({ ...extra, type })),
      commandId: fc.option(fc.string({ minLength: 1 }), { nil: null }),
      reason: fc.option(fc.string(), { nil: null }),
      state: fc.jsonValue(),
    });
  const trail = fc
    .string({ minLength: 1, maxLength: 12 })
    .chain((caseId) => fc.array(draft(caseId), { minLength: 1, maxLength: 8 }))
    .map((list) => chain(list));

  it('any chain of drafts verifies, also after a JSON round trip', () => {
    fc.assert(
      fc.property(trail, (entries) => {
        expect(verifyHistory(entries)).toEqual({
          ok: true,
          entries: entries.length,
        });
        expect(verifyHistory(stored(entries))).toEqual({
          ok: true,
          entries: entries.length,
        });
      }),
    );
  });

  const edits: Record<string, (entry: AuditEntry) => void> = {
    caseId: (e) => void (e.caseId += 'x'),
    sequence: (e) => void (e.sequence += 1),
    at: (e) =>
      void (e.at =
        e.at === '2025-01-01T00:00:00.000+08:00'
          ? '2025-01-02T00:00:00.000+08:00'
          : '2025-01-01T00:00:00.000+08:00'),
    actor: (e) => void (e.actor.id += 'x'),
    command: (e) => void (e.command.type += 'x'),
    commandId: (e) =>
      void (e.commandId = e.commandId === null ? 'forged' : null),
    reason: (e) => void (e.reason = `${e.reason ?? ''}!`),
    state: (e) => void (e.state = { was: e.state }),
    previousHash: (e) => void (e.previousHash = flip(e.previousHash)),
    hash: (e) => void (e.hash = flip(e.hash)),
  };
  function flip(hash: string): string {
    return (hash.startsWith('0') ? '1' : '0') + hash.slice(1);
  }

  const mutation = fc.oneof(
    fc.record({
      kind: fc.constant('edit' as const),
      field: fc.constantFrom(...Object.keys(edits)),
      i: fc.nat(),
    }),
    fc.record({ kind: fc.constant('delete' as const), i: fc.nat() }),
    fc.record({ kind: fc.constant('swap' as const), i: fc.nat(), j: fc.nat() }),
    fc.record({
      kind: fc.constant('insert' as const),
      i: fc.nat(),
      j: fc.nat(),
    }),
  );

  it('any single edit, deletion, swap or insertion is detected', () => {
    fc.assert(
      fc.property(trail, mutation, (entries, change) => {
        const copy = stored(entries);
        const n = copy.length;
        switch (change.kind) {
          case 'edit':
            edits[change.field]?.(at(copy, change.i % n));
            break;
          case 'delete':
            fc.pre(n >= 2);
            copy.splice(change.i % (n - 1), 1); // not the last: see above
            break;
          case 'swap': {
            const [i, j] = [change.i % n, change.j % n];
            fc.pre(i !== j);
            [copy[i], copy[j]] = [at(copy, j), at(copy, i)];
            break;
          }
          case 'insert':
            copy.splice(
              change.i % (n + 1),
              0,
              stored([at(copy, change.j % n)])[0] as AuditEntry,
            );
            break;
        }
        const result = verifyHistory(copy);
        expect(result.ok).toBe(false);
        expect(() => assertHistory(copy)).toThrow(/tampered/);
      }),
    );
  });
});
