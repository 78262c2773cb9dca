import { describe, expect, it } from 'vitest';
import { ENTERPRISE_PLAN } from '../src/enterprisePlan.js';
import {
  propertyFirstRegistration,
  propertyMortgage,
  propertyTransfer,
} from '../src/items/propertyRegistration.js';
import { due, harness } from './harness.js';

const items = [propertyFirstRegistration, propertyTransfer, propertyMortgage];

describe('不动产登记', () => {
  it('SVC-LIMITS: a first registration is done within the 5-working-day promise, held to the statutory 30', async () => {
    const { drive } = harness(items);
    const record = await drive(
      propertyFirstRegistration,
      ENTERPRISE_PLAN['property-first-registration']!,
      '2025-09-26',
      [
        'business-licence',
        'land-use-planning-permit',
        'completion-acceptance',
        'as-built-survey',
      ],
    );
    expect(record.tolerated).toEqual(['land-price-receipt']);
    // 09-28 (make-up Sunday), 09-29, 09-30, 10-09, 10-10 …
    expect(record.issuedOn).toBe('2025-10-09');
    expect(due(record, 'promise')).toBe('2025-10-10');
    // 不动产登记暂行条例 art. 20: 30 working days over National Day.
    expect(due(record, 'decision')).toBe('2025-11-13');
    expect(record.withinPromise).toBe(true);
  });

  it('GC-LEAD: a transfer through one window runs the transaction check, the deed tax and the registration in 1 working day', async () => {
    const { drive } = harness(items);
    const record = await drive(
      propertyTransfer,
      {
        route: 'standard',
        reviewDays: {
          'transaction-check': 1,
          'deed-tax': 1,
          'registration-review': 1,
        },
        decideAfterDays: 0,
        issueAfterDays: 0,
      },
      '2025-04-30',
    );
    // 05-01..05-05 are Labour Day: the next working day is 05-06.
    expect(record.issuedOn).toBe('2025-05-06');
    expect(record.workingDays).toBe(1);
    expect(due(record, 'promise')).toBe('2025-05-06');
    expect(record.finalState).toBe('archived');
  });

  it('ALL-34-ONSPOT-DECIDE: a mortgage is registered at the bank service point on the spot; 240 working hours are 30 working days', async () => {
    const { drive } = harness(items);
    const record = await drive(
      propertyMortgage,
      { route: 'standard' },
      '2025-12-15',
      ['business-licence', 'property-certificate', 'loan-contract'],
    );
    expect(record.issuedOn).toBe('2025-12-15');
    expect(record.asked).toEqual(['application', 'mortgage-contract']);
    expect(record.promisedDays).toBe(1);
    expect(due(record, 'decision')).toBe('2026-01-27');
  });
});
