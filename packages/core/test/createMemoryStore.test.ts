import { describe, expect, it } from 'vitest';
import { appendEntry, verifyHistory } from '../src/auditTrail.js';
import type { CaseChange } from '../src/CaseStore.js';
import { createMemoryStore } from '../src/createMemoryStore.js';
import { storeContract } from '../src/storeContract.js';

storeContract('memory store', () => createMemoryStore(), {
  describe,
  it,
  expect,
});

describe('memory store: what callers hold cannot change what it keeps', () => {
  const facts = {
    status: 'active' as const,
    nextWakeUp: null,
    warnedOn: null,
    escalatedOn: null,
    handler: 'officer-chen',
    applicant: 'bakery',
    awaiting: ['window-officer' as const],
    dueDates: { supplement: null, decision: null, issuance: null },
  };
  const change = (): CaseChange => ({
    record: {
      caseId: 'c1',
      itemId: 'food-permit',
      version: 1,
      snapshot: { context: { materials: ['application'] }, gone: undefined },
      state: 'submitted',
      facts,
    },
    entry: appendEntry(null, {
      caseId: 'c1',
      at: '2025-09-26T09:30:00.000+08:00',
      actor: { id: 'bakery', role: 'applicant' },
      command: { type: 'SUBMIT' },
      commandId: 'cmd-1',
      reason: null,
      state: 'submitted',
    }),
    expectedVersion: null,
    commandId: 'cmd-1',
    result: {
      caseId: 'c1',
      command: 'SUBMIT',
      version: 1,
      state: 'submitted',
      facts,
      sequence: 1,
    },
  });

  it('keeps plain JSON: a change to the committed objects afterwards reaches nothing', async () => {
    const store = createMemoryStore();
    const committed = change();
    await store.commit(committed);
    (
      committed.record.snapshot as { context: { materials: string[] } }
    ).context.materials.push('forged');
    (committed.entry.command as { type: string }).type = 'FORGED';
    const loaded = await store.load('c1');
    expect(loaded?.snapshot).toEqual({
      context: { materials: ['application'] },
    });
    expect(Object.keys(loaded?.snapshot as object)).not.toContain('gone');
    expect((await store.last('c1'))?.command.type).toBe('SUBMIT');
    expect(verifyHistory(await store.history('c1')).ok).toBe(true);
  });

  it('hands out records whose parts cannot be changed, at any depth', async () => {
    const store = createMemoryStore();
    await store.commit(change());
    const read = await store.load('c1');
    const snapshot = read?.snapshot as { context: { materials: string[] } };
    expect(() => snapshot.context.materials.push('forged')).toThrow(TypeError);
    expect(() => {
      (read?.facts.awaiting as string[]).length = 0;
    }).toThrow(TypeError);
    const [entry] = await store.history('c1');
    expect(() => {
      (entry?.command as { type: string }).type = 'FORGED';
    }).toThrow(TypeError);
    const found = await store.findCommand('c1', 'cmd-1');
    expect(() => {
      (found?.facts.dueDates as { decision: string | null }).decision = 'x';
    }).toThrow(TypeError);
    for (const listed of [
      ...(await store.list()),
      ...(await store.due('9999-12-31')),
    ]) {
      expect(Object.isFrozen(listed.snapshot)).toBe(true);
    }
    expect((await store.load('c1'))?.snapshot).toEqual({
      context: { materials: ['application'] },
    });
    expect(verifyHistory(await store.history('c1')).ok).toBe(true);
  });

  it('writes nothing when a part of the change is not JSON', async () => {
    const store = createMemoryStore();
    const bad = change();
    await expect(
      store.commit({ ...bad, result: { ...bad.result, state: 1n } }),
    ).rejects.toThrow(TypeError);
    expect(await store.load('c1')).toBe(null);
    expect(await store.history('c1')).toEqual([]);
  });
});
