import { describe, expect, it } from 'vitest';
import { ENTERPRISE_PLAN } from '../src/enterprisePlan.js';
import {
  creditGuaranteedLoan,
  creditTaxDataLoan,
  taxIncentiveNoApplication,
  taxReliefCommitment,
} from '../src/items/taxesAndCredit.js';
import { applicant, codeOf, due, harness, officer } from './harness.js';

const items = [
  taxIncentiveNoApplication,
  taxReliefCommitment,
  creditTaxDataLoan,
  creditGuaranteedLoan,
];

describe('纳税, 融资信贷', () => {
  it('SVC-SHARE: relief without application asks only for a one-click confirmation, granted on the spot', async () => {
    const { drive } = harness(items);
    const record = await drive(
      taxIncentiveNoApplication,
      { route: 'standard' },
      '2025-03-04',
      ['business-licence', 'taxpayer-record', 'employee-insurance-record'],
    );
    expect(record.asked).toEqual(['application']);
    expect(record.shared).toEqual(['enterprise-size']);
    expect(record.issuedOn).toBe('2025-03-04');
  });

  it('GZ-DECIDE, GZ-VERIFY: hardship relief on a commitment is granted on the spot and verified within 60 working days', async () => {
    const { drive } = harness(items);
    const record = await drive(
      taxReliefCommitment,
      ENTERPRISE_PLAN['tax-relief-commitment']!,
      '2025-09-26',
      ['business-licence', 'property-certificate'],
    );
    expect(record.decidedOn).toBe('2025-09-26');
    // Issued the next working day: 09-28, a make-up Sunday.
    expect(record.issuedOn).toBe('2025-09-28');
    expect(due(record, 'verification')).toBe('2025-12-25');
  });

  it('GZ-CHOICE: an applicant who brings the hardship proof takes the ordinary route, with 容缺 for the statements', async () => {
    const { drive } = harness(items);
    const record = await drive(
      taxReliefCommitment,
      {
        route: 'standard',
        tolerate: { supplyAfterDays: 2 },
        reviewDays: { 'relief-review': 6 },
        decideAfterDays: 1,
        issueAfterDays: 1,
      },
      '2025-03-03',
      ['business-licence', 'property-certificate'],
    );
    expect(record.asked).toEqual([
      'application',
      'hardship-proof',
      'financial-statements',
    ]);
    expect(record.tolerated).toEqual(['financial-statements']);
    expect(due(record, 'supplement')).toBe('2025-03-10');
    expect(record.issuedOn).toBe('2025-03-13');
    expect(due(record, 'promise')).toBe('2025-03-17');
  });

  it('GZ-EXCLUDED: credit (prudential supervision) offers no commitment route; asking for one is refused and changes nothing', async () => {
    const { engine, on } = harness(items);
    on('2025-03-04');
    expect(
      await codeOf(
        engine.submit({
          itemId: creditTaxDataLoan.id,
          applicant: { id: applicant.id },
          handler: { id: officer.id },
          route: 'commitment',
        }),
      ),
    ).toBe('INVALID_ARGUMENT');
    expect(await engine.queue()).toEqual([]);
  });

  it('SVC-SHARE: a loan on shared tax data is decided in 2 working days, the tax rating read, not brought', async () => {
    const { drive } = harness(items);
    const record = await drive(
      creditTaxDataLoan,
      ENTERPRISE_PLAN['credit-tax-data-loan']!,
      '2025-03-04',
      ['business-licence', 'taxpayer-record'],
    );
    expect(record.asked).toEqual(['application']);
    expect(record.shared).toEqual([
      'representative-identity',
      'tax-credit-rating',
    ]);
    expect(record.issuedOn).toBe('2025-03-06');
    expect(due(record, 'promise')).toBe('2025-03-07');
  });

  it('GC-LEAD: the bank and the guarantee agency review a 政银保 loan at the same time, within the 10-day promise', async () => {
    const { drive } = harness(items);
    const record = await drive(
      creditGuaranteedLoan,
      ENTERPRISE_PLAN['credit-guaranteed-loan']!,
      '2025-12-05',
      ['business-licence', 'property-certificate'],
    );
    expect(due(record, '合作银行授信审查')).toBe('2025-12-12');
    expect(due(record, '政府性融资担保机构担保审查')).toBe('2025-12-12');
    expect(record.decidedOn).toBe('2025-12-12');
    expect(record.issuedOn).toBe('2025-12-15');
    expect(due(record, 'promise')).toBe('2025-12-19');
    expect(record.withinPromise).toBe(true);
  });
});
