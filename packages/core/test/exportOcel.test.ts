import { isKuaibanError } from '@kuaiban/calendar';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../src/auditTrail.js';
import type { CaseHistory } from '../src/exportLogs.js';
import { OcelLogSchema, toOcel } from '../src/exportOcel.js';
import { sampleHistories } from './exportFixtures.js';

describe('toOcel', () => {
  const histories = sampleHistories();
  const log = toOcel(histories);

  it('has the four top-level arrays of OCEL 2.0 JSON, and only those', () => {
    expect(Object.keys(log)).toEqual([
      'objectTypes',
      'eventTypes',
      'objects',
      'events',
    ]);
    expect(OcelLogSchema.parse(JSON.parse(JSON.stringify(log)))).toEqual(log);
  });

  it('declares the case and actor object types', () => {
    expect(log.objectTypes).toEqual([
      { name: 'case', attributes: [{ name: 'item', type: 'string' }] },
      { name: 'officer', attributes: [{ name: 'department', type: 'string' }] },
      { name: 'applicant', attributes: [] },
      { name: 'system', attributes: [] },
    ]);
  });

  it('declares one event type per command type, with its attributes', () => {
    expect(log.eventTypes.map((type) => type.name)).toEqual([
      'SUBMIT',
      'ACCEPT',
      'TICK',
      'APPROVE',
      'REFUSE',
    ]);
    for (const type of log.eventTypes) {
      expect(type.attributes).toEqual([
        { name: 'commandId', type: 'string' },
        { name: 'reason', type: 'string' },
        { name: 'state', type: 'string' },
      ]);
    }
  });

  it('has the cases and the actors as objects', () => {
    expect(log.objects.map((o) => [o.id, o.type])).toEqual([
      ['case-1', 'case'],
      ['case-2 <&>', 'case'],
      ['applicant-wang', 'applicant'],
      ['officer-chen', 'officer'],
      ['scheduler', 'system'],
      ['officer-liu', 'officer'],
    ]);
    expect(log.objects[1]?.attributes).toEqual([
      { name: 'item', value: '建筑许可', time: '1970-01-01T00:00:00Z' },
    ]);
    // The department an officer acted for, over time.
    expect(log.objects[3]?.attributes).toEqual([
      {
        name: 'department',
        value: '市场监管局',
        time: '2025-09-26T10:00:00.000+08:00',
      },
      {
        name: 'department',
        value: '政务服务中心',
        time: '2025-10-09T16:45:00.000+08:00',
      },
    ]);
  });

  it('relates every event to its case and to its actor, qualified by role', () => {
    const objects = new Map(log.objects.map((o) => [o.id, o]));
    const entries = histories.flatMap((h) => h.entries);
    expect(log.events).toHaveLength(entries.length);
    for (const [index, event] of log.events.entries()) {
      const entry = entries[index];
      expect(event.id).toBe(`${entry?.caseId}:${entry?.sequence}`);
      expect(event.relationships).toEqual([
        { objectId: entry?.caseId, qualifier: 'case' },
        { objectId: entry?.actor.id, qualifier: entry?.actor.role },
      ]);
      for (const { objectId } of event.relationships) {
        expect(objects.has(objectId)).toBe(true);
      }
      expect(log.eventTypes.some((type) => type.name === event.type)).toBe(
        true,
      );
    }
    expect(new Set(log.events.map((e) => e.id)).size).toBe(log.events.length);
  });

  it('writes each event with its time and present attributes', () => {
    expect(log.events[1]).toEqual({
      id: 'case-1:2',
      type: 'ACCEPT',
      time: '2025-09-26T10:00:00.000+08:00',
      attributes: [
        { name: 'reason', value: 'Materials <complete> & "sealed" — 材料齐全' },
        { name: 'state', value: '{"review":"pending"}' },
      ],
      relationships: [
        { objectId: 'case-1', qualifier: 'case' },
        { objectId: 'officer-chen', qualifier: 'window-officer' },
      ],
    });
  });

  it('records the department an officer gives, and its changes', () => {
    const [one] = sampleHistories() as [CaseHistory];
    const [a, b, c, d] = one.entries as [
      AuditEntry,
      AuditEntry,
      AuditEntry,
      AuditEntry,
    ];
    const chen = {
      id: 'officer-chen',
      role: 'reviewer',
      department: '住建局',
    } as const;
    const entries = [
      { ...a, actor: { ...a.actor, department: '街道' } },
      { ...b, actor: { id: 'officer-chen', role: 'reviewer' as const } },
      { ...c, actor: chen },
      { ...d, actor: chen },
    ];
    const { objects } = toOcel([{ ...one, entries }]);
    expect(objects.map((o) => [o.id, o.type, o.attributes])).toEqual([
      [
        'case-1',
        'case',
        [
          {
            name: 'item',
            value: 'business-licence',
            time: '1970-01-01T00:00:00Z',
          },
        ],
      ],
      ['applicant-wang', 'applicant', []],
      [
        'officer-chen',
        'officer',
        [{ name: 'department', value: '住建局', time: c.at }],
      ],
    ]);
  });

  it('is empty but complete for no histories', () => {
    expect(toOcel([])).toMatchObject({
      eventTypes: [],
      objects: [],
      events: [],
    });
  });

  it('refuses an id that names both a case and an actor (INVALID_ARGUMENT)', () => {
    const [one] = sampleHistories() as [CaseHistory];
    let error: unknown;
    try {
      toOcel([one, { caseId: 'officer-chen', itemId: 'x', entries: [] }]);
    } catch (thrown) {
      error = thrown;
    }
    expect(isKuaibanError(error) && error.code).toBe('INVALID_ARGUMENT');
    expect(isKuaibanError(error) && error.details).toEqual({
      id: 'officer-chen',
    });
  });
});
