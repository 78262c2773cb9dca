import { isKuaibanError } from '@kuaiban/calendar';
import { describe, expect, it } from 'vitest';
import type { CaseHistory } from '../src/exportLogs.js';
import { stateText, toJsonl } from '../src/exportLogs.js';
import { toOcel } from '../src/exportOcel.js';
import { toXes } from '../src/exportXes.js';
import { sampleHistories } from './exportFixtures.js';

describe('toJsonl', () => {
  it('writes one JSON object per entry, each line ending in a newline', () => {
    const text = toJsonl(sampleHistories());
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.split('\n').slice(0, -1);
    expect(lines).toHaveLength(6);
    const rows = lines.map(
      (line) => JSON.parse(line) as Record<string, unknown>,
    );
    expect(rows[0]).toEqual({
      caseId: 'case-1',
      itemId: 'business-licence',
      sequence: 1,
      at: '2025-09-26T09:30:00.000+08:00',
      activity: 'SUBMIT',
      actor: 'applicant-wang',
      role: 'applicant',
      state: 'submitted',
      commandId: 'cmd-1',
      reason: null,
    });
    expect(Object.keys(rows[1] ?? {})).toEqual([
      'caseId',
      'itemId',
      'sequence',
      'at',
      'activity',
      'actor',
      'role',
      'state',
      'commandId',
      'reason',
    ]);
    expect(rows[1]).toMatchObject({
      state: { review: 'pending' },
      reason: 'Materials <complete> & "sealed" — 材料齐全',
    });
    expect(rows[3]?.reason).toBe("line one\nline two\ttab 'quoted'");
    expect(
      rows.map((row) => `${String(row.caseId)}#${String(row.sequence)}`),
    ).toEqual([
      'case-1#1',
      'case-1#2',
      'case-1#3',
      'case-1#4',
      'case-2 <&>#1',
      'case-2 <&>#2',
    ]);
    expect(rows[5]).toMatchObject({
      itemId: '建筑许可',
      activity: 'REFUSE',
      role: 'department-approver',
    });
  });

  it('writes nothing for no entries', () => {
    expect(toJsonl([])).toBe('');
    expect(toJsonl([{ caseId: 'c', itemId: 'i', entries: [] }])).toBe('');
  });

  it('writes a missing state as null', () => {
    const [history] = sampleHistories();
    const entry = {
      ...history?.entries[0],
      state: undefined,
    } as CaseHistory['entries'][number];
    const [row] = toJsonl([
      { caseId: 'case-1', itemId: 'i', entries: [entry] },
    ]).split('\n');
    expect(JSON.parse(row ?? '')).toMatchObject({ state: null });
  });
});

describe('stateText', () => {
  it('keeps a state name, writes a nested state as canonical JSON', () => {
    expect(stateText('approved')).toBe('approved');
    expect(stateText({ b: 'x', a: { c: 1 } })).toBe('{"a":{"c":1},"b":"x"}');
    expect(stateText(null)).toBe('null');
    expect(stateText(undefined)).toBeNull();
  });
});

describe('every exporter refuses histories that mix cases (INVALID_ARGUMENT)', () => {
  const exporters = { toJsonl, toXes, toOcel };
  const [one, two] = sampleHistories() as [CaseHistory, CaseHistory];
  const cases: [string, CaseHistory[], string][] = [
    ['a case listed twice', [one, two, one], '办件 case-1 出现了两次'],
    [
      'an entry of another case',
      [{ ...one, entries: [...one.entries, ...two.entries] }],
      '被列在办件 case-1 下',
    ],
    [
      'entries out of order',
      [{ ...one, entries: [...one.entries].reverse() }],
      '未按序号排列',
    ],
  ];
  for (const [exporter, run] of Object.entries(exporters)) {
    it.each(cases)(`${exporter}: %s`, (_name, histories, zh) => {
      let error: unknown;
      try {
        run(histories);
      } catch (thrown) {
        error = thrown;
      }
      expect(isKuaibanError(error) && error.code).toBe('INVALID_ARGUMENT');
      expect(isKuaibanError(error) && error.messageZh).toContain(zh);
    });
  }
});
