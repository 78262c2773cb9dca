import { describe, expect, it } from 'vitest';
import {
  businessRegistration,
  companySealFiling,
  firstInvoice,
  socialSecurityRegistration,
} from '../src/items/startingBusiness.js';
import { applicant, codeOf, due, harness, officer } from './harness.js';

const items = [
  businessRegistration,
  companySealFiling,
  firstInvoice,
  socialSecurityRegistration,
];

describe('企业开办: one window, one visit', () => {
  it('ALL-34-ONSPOT-DECIDE: the licence is decided and issued on the visit, against a 3-working-day statutory limit', async () => {
    const { drive } = harness(items);
    // Thursday 2025-04-03, before Qingming (04-04..04-06 off).
    const record = await drive(
      businessRegistration,
      { route: 'standard' },
      '2025-04-03',
    );
    expect(record.finalState).toBe('archived');
    expect(record.issuedOn).toBe('2025-04-03');
    expect(record.workingDays).toBe(0);
    // 市场主体登记管理条例 art. 19: 3 working days, counted over Qingming.
    expect(due(record, 'decision')).toBe('2025-04-09');
    expect(due(record, 'promise')).toBe('2025-04-07');
    expect(record.asked).toEqual([
      'application',
      'articles-of-association',
      'shareholder-qualification',
      'officer-appointments',
      'premises-proof',
    ]);
    // SVC-SHARE: the identity is read from the population database.
    expect(record.shared).toEqual(['representative-identity']);
  });

  it('GZ-DECIDE: the 简易 route replaces the premises proof by a commitment and grants on the spot, verified within 60 working days', async () => {
    const { drive } = harness(items);
    const record = await drive(
      businessRegistration,
      { route: 'commitment' },
      '2025-04-03',
    );
    expect(record.finalState).toBe('archived');
    expect(record.decidedOn).toBe('2025-04-03');
    expect(record.committed).toEqual(['premises-proof']);
    expect(record.asked).not.toContain('premises-proof');
    // GZ-VERIFY: 60 working days over Qingming, Labour Day and Dragon Boat.
    expect(due(record, 'verification')).toBe('2025-07-02');
  });

  it('ZZ-FILING: the seal, the first invoices and social security follow on the same visit, the licence not asked again', async () => {
    const { drive } = harness(items);
    for (const item of [
      companySealFiling,
      firstInvoice,
      socialSecurityRegistration,
    ]) {
      const record = await drive(item, { route: 'standard' }, '2025-04-03', [
        'business-licence',
      ]);
      expect(record.issuedOn).toBe('2025-04-03');
      expect(record.asked).not.toContain('business-licence');
      expect(record.finalState).toBe('archived');
    }
    expect(companySealFiling.reformMode).toBe('filing');
  });

  it('TIME-WORKDAY: social insurance registration is held to 15 calendar days (社会保险法 art. 57), as working days', async () => {
    const { drive } = harness(items);
    const record = await drive(
      socialSecurityRegistration,
      { route: 'standard' },
      '2025-09-26',
      ['business-licence'],
    );
    // 15 calendar days from 09-26 run to 10-11 and hold 6 working days over
    // National Day: 09-28 (make-up Sunday), 09-29, 09-30, 10-09, 10-10 and
    // 10-11 (make-up Saturday).
    expect(due(record, 'decision')).toBe('2025-10-11');
  });

  it('ALL-32-NOTICE-5D: a registration left at the window past its 1-day notice window is deemed accepted', async () => {
    const { engine, on, submit } = harness(items);
    on('2025-04-03');
    const caseId = await submit(businessRegistration);
    await engine.dispatch(caseId, {
      type: 'PRE_REVIEW_PASSED',
      actor: officer,
    });
    await engine.dispatch(caseId, {
      type: 'MATERIALS_CHECKED',
      actor: officer,
      findings: [
        { materialId: 'application', status: 'complete' },
        { materialId: 'articles-of-association', status: 'defective' },
        { materialId: 'shareholder-qualification', status: 'complete' },
        { materialId: 'officer-appointments', status: 'complete' },
        { materialId: 'premises-proof', status: 'complete' },
      ],
    });
    // No notice by the end of 04-07 (the first working day after 04-03).
    await engine.advanceTo('2025-04-08');
    const kase = await engine.get(caseId);
    expect(kase.state).toBe('deciding');
    expect(
      await codeOf(
        engine.dispatch(caseId, { type: 'APPROVE', actor: applicant }),
      ),
    ).toBe('FORBIDDEN');
  });
});
