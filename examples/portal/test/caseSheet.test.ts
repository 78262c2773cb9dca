import type { StoredCase } from '@kuaiban/core';
import { describe, expect, it } from 'vitest';
import { caseSheet, stateName } from '../src/caseSheet.js';
import { portalFixture, toleratedFindings } from './portalFixture.js';

describe('caseSheet', () => {
  it('names nested states with dots', () => {
    expect(stateName('reviewing')).toBe('reviewing');
    expect(stateName({ tolerance: 'offered' })).toBe('tolerance.offered');
    expect(stateName({ correction: { notice: 'pending' } })).toBe(
      'correction.notice.pending',
    );
    expect(stateName(null)).toBe('');
  });

  it('RQ-COMMIT: reads the 容缺 notice and the review step from the stored snapshot', async () => {
    const { store, submit, command } = portalFixture();
    const caseId = await submit();
    await command('officer-chen', caseId, { type: 'PRE_REVIEW_PASSED' });
    await command('officer-chen', caseId, {
      type: 'MATERIALS_CHECKED',
      findings: toleratedFindings,
    });
    const offered = caseSheet((await store.load(caseId))!);
    expect(offered.acceptance).toMatchObject({
      state: 'tolerance.offered',
      outstanding: ['food-safety-rules'],
      toleranceNotice: null,
    });
    expect(offered.materials.map((m) => m.id)).toEqual([
      'application',
      'premises-proof',
      'food-safety-rules',
    ]);
    await command('bakery', caseId, {
      type: 'ACCEPT_TOLERANCE',
      commitment: { text: '承诺' },
    });
    const provisional = caseSheet((await store.load(caseId))!);
    expect(provisional).toMatchObject({
      state: 'reviewing',
      acceptedOn: '2025-09-26',
      reviewStep: { id: 'site-review', nameZh: '现场核查' },
      acceptance: {
        state: 'tolerance.provisional',
        supplementDue: '2025-10-10',
        toleranceNotice: { supplyBy: '2025-10-10' },
      },
    });
  });

  it('shows what it can of a snapshot it does not recognise', () => {
    const record = {
      caseId: 'c',
      itemId: 'i',
      version: 1,
      snapshot: { something: 'else' },
      state: 'submitted',
      facts: {},
    } as unknown as StoredCase;
    expect(caseSheet(record)).toMatchObject({
      state: 'submitted',
      materials: [],
      acceptance: null,
      decision: null,
    });
  });
});
