import { isKuaibanError } from '@kuaiban/calendar';
import { appendEntry } from './auditTrail.js';
import type { AuditEntry } from './auditTrail.js';
import type { CaseChange, CaseStore, StoredCase } from './CaseStore.js';

/** The parts of a test runner the contract needs (vitest and jest fit). */
export interface ContractRunner {
  describe: (name: string, body: () => void) => void;
  it: (name: string, body: () => Promise<void>) => void;
  expect: (value: unknown) => {
    toEqual(expected: unknown): void;
    toBe(expected: unknown): void;
  };
}

function record(
  caseId: string,
  version: number,
  nextWakeUp: string | null,
  applicant = 'applicant',
): StoredCase {
  return {
    caseId,
    itemId: 'item',
    version,
    snapshot: { value: `v${version}`, context: { n: version } },
    state: `v${version}`,
    facts: {
      status: 'active',
      nextWakeUp,
      warnedOn: null,
      escalatedOn: null,
      handler: 'officer',
      applicant,
      awaiting: ['window-officer'],
      dueDates: { supplement: null, decision: null, issuance: null },
    },
  };
}

function change(
  caseId: string,
  version: number,
  previous: AuditEntry | null,
  options: {
    commandId?: string;
    nextWakeUp?: string | null;
    applicant?: string;
  } = {},
): CaseChange {
  const entry = appendEntry(previous, {
    caseId,
    at: `2025-09-26T09:${String(version).padStart(2, '0')}:00.000+08:00`,
    actor: { id: 'officer', role: 'window-officer' },
    command: { type: version === 1 ? 'SUBMIT' : 'STEP', n: version },
    commandId: options.commandId ?? null,
    reason: null,
    state: `v${version}`,
  });
  return {
    record: record(
      caseId,
      version,
      options.nextWakeUp ?? null,
      options.applicant,
    ),
    entry,
    expectedVersion: version === 1 ? null : version - 1,
    commandId: options.commandId ?? null,
    result: {
      caseId,
      command: version === 1 ? 'SUBMIT' : 'STEP',
      version,
      state: `v${version}`,
      facts: record(caseId, version, null, options.applicant).facts,
      sequence: version,
    },
  };
}

async function conflictOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    return isKuaibanError(error) ? error.code : 'not a KuaibanError';
  }
}

/**
 * The store contract: every `CaseStore` (memory, PGlite, PostgreSQL) must
 * pass it. Call it from a test file with the runner's functions.
 *
 * @example
 * import { describe, expect, it } from 'vitest';
 * storeContract('memory store', () => createMemoryStore(), { describe, it, expect });
 */
export function storeContract(
  name: string,
  makeStore: () => CaseStore | Promise<CaseStore>,
  { describe, it, expect }: ContractRunner,
): void {
  describe(`store contract: ${name}`, () => {
    it('creates a case and reads it back with its first audit entry', async () => {
      const store = await makeStore();
      const first = change('c1', 1, null);
      await store.commit(first);
      expect(await store.load('c1')).toEqual(first.record);
      expect(await store.history('c1')).toEqual([first.entry]);
      expect(await store.load('missing')).toBe(null);
      expect(await store.history('missing')).toEqual([]);
    });

    it('commits the next version, its entry and its command id together', async () => {
      const store = await makeStore();
      const first = change('c1', 1, null);
      await store.commit(first);
      const second = change('c1', 2, first.entry, { commandId: 'cmd-2' });
      await store.commit(second);
      expect((await store.load('c1'))?.version).toBe(2);
      expect(await store.history('c1')).toEqual([first.entry, second.entry]);
      expect(await store.last('c1')).toEqual(second.entry);
      expect(await store.last('missing')).toBe(null);
      expect(await store.findCommand('c1', 'cmd-2')).toEqual(second.result);
      expect(await store.findCommand('c1', 'cmd-x')).toBe(null);
      expect(await store.findCommand('c2', 'cmd-2')).toBe(null);
    });

    it('CONFLICT: a stale writer or a second create changes nothing', async () => {
      const store = await makeStore();
      const first = change('c1', 1, null);
      await store.commit(first);
      expect(await conflictOf(store.commit(first))).toBe('CONFLICT');
      const second = change('c1', 2, first.entry, { commandId: 'a' });
      await store.commit(second);
      const stale = change('c1', 2, first.entry, { commandId: 'b' });
      expect(await conflictOf(store.commit(stale))).toBe('CONFLICT');
      expect(await store.history('c1')).toEqual([first.entry, second.entry]);
      expect(await store.findCommand('c1', 'b')).toBe(null);
      const update = change('c9', 2, null);
      expect(await conflictOf(store.commit(update))).toBe('CONFLICT');
      expect(await store.load('c9')).toBe(null);
    });

    it("an applicant's command id starts one case at most: a second create with it is a CONFLICT", async () => {
      const store = await makeStore();
      const first = change('c1', 1, null, { commandId: 'apply-1' });
      await store.commit(first);
      expect(await store.findSubmission('applicant', 'apply-1')).toEqual(
        first.result,
      );
      expect(await store.findSubmission('applicant', 'apply-2')).toBe(null);
      expect(await store.findSubmission('someone-else', 'apply-1')).toBe(null);
      const again = change('c2', 1, null, { commandId: 'apply-1' });
      expect(await conflictOf(store.commit(again))).toBe('CONFLICT');
      expect(await store.load('c2')).toBe(null);
      expect(await store.history('c2')).toEqual([]);
      // Another applicant's ids are their own.
      const theirs = change('c4', 1, null, {
        commandId: 'apply-1',
        applicant: 'someone-else',
      });
      await store.commit(theirs);
      expect(await store.findSubmission('someone-else', 'apply-1')).toEqual(
        theirs.result,
      );
      // The ids of later commands are each case's own, and start nothing.
      const step = change('c1', 2, first.entry, { commandId: 'step-1' });
      await store.commit(step);
      expect(await store.findSubmission('applicant', 'step-1')).toBe(null);
      const other = change('c3', 1, null, { commandId: 'apply-3' });
      await store.commit(other);
      const otherStep = change('c3', 2, other.entry, { commandId: 'step-1' });
      await store.commit(otherStep);
      expect(await store.findCommand('c3', 'step-1')).toEqual(otherStep.result);
    });

    it('finds due cases in due order and lists every case', async () => {
      const store = await makeStore();
      await store.commit(change('late', 1, null, { nextWakeUp: '2025-10-20' }));
      await store.commit(
        change('early', 1, null, { nextWakeUp: '2025-10-09' }),
      );
      await store.commit(change('none', 1, null, { nextWakeUp: null }));
      const due = await store.due('2025-10-20');
      expect(due.map((c) => c.caseId)).toEqual(['early', 'late']);
      expect((await store.due('2025-10-08')).length).toBe(0);
      expect((await store.list()).map((c) => c.caseId).sort()).toEqual([
        'early',
        'late',
        'none',
      ]);
    });

    it('hands out copies: changing what was read changes nothing stored', async () => {
      const store = await makeStore();
      const first = change('c1', 1, null);
      await store.commit(first);
      const read = (await store.load('c1')) as { state: unknown };
      read.state = 'tampered';
      expect((await store.load('c1'))?.state).toBe('v1');
    });
  });
}
