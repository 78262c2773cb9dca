import { describe, expect, it } from 'vitest';
import {
  bankruptcyAcceptance,
  bankruptcyDeregistration,
  simplifiedDeregistration,
  simplifiedDeregistrationNotice,
} from '../src/items/exit.js';
import { applicant, due, harness, head, officer } from './harness.js';

const items = [
  simplifiedDeregistrationNotice,
  simplifiedDeregistration,
  bankruptcyAcceptance,
  bankruptcyDeregistration,
];

describe('办理破产: exit', () => {
  it('ZZ-FILING: the simplified-deregistration notice is published on the spot, the tax clearance read by data sharing', async () => {
    const { drive } = harness(items);
    const record = await drive(
      simplifiedDeregistrationNotice,
      { route: 'standard' },
      '2025-09-15',
      ['business-licence'],
    );
    expect(record.issuedOn).toBe('2025-09-15');
    expect(record.asked).toEqual(['investors-commitment']);
    expect(record.shared).toEqual(['tax-clearance']);
  });

  it('ALL-34-ONSPOT-DECIDE: after the 20-day notice, deregistration is decided on the spot', async () => {
    const { drive } = harness(items);
    const record = await drive(
      simplifiedDeregistration,
      { route: 'standard' },
      // Notice published 09-15; 20 days run to 10-05; next working day 10-09.
      '2025-10-09',
      ['business-licence', 'notice-record'],
    );
    expect(record.issuedOn).toBe('2025-10-09');
    // 市场主体登记管理条例 art. 19: 3 working days, 10-11 a make-up Saturday.
    expect(due(record, 'decision')).toBe('2025-10-13');
  });

  it('TIME-WORKDAY: the court rules on a debtor’s own bankruptcy application within 15 calendar days, extendable once by 15 (企业破产法 art. 10)', async () => {
    const { drive } = harness(items);
    const record = await drive(
      bankruptcyAcceptance,
      {
        route: 'standard',
        reviewDays: { 'filing-review': 5, 'collegial-panel': 3 },
        decideAfterDays: 1,
        issueAfterDays: 2,
      },
      '2025-09-19',
      ['business-licence'],
    );
    // 15 calendar days from 09-19 run to 10-04 and hold 8 working days
    // (09-22..09-26, 09-28 a make-up Sunday, 09-29, 09-30; 10-01.. are off).
    expect(due(record, 'decision')).toBe('2025-09-30');
    expect(record.workingDays).toBe(11);
    expect(bankruptcyAcceptance.limits.statutory.extensionDays).toBe(15);
  });

  it('TIME-WORKDAY: the higher court’s 15-day extension is capped at the working days those 15 calendar days hold', async () => {
    const { engine, on, submit } = harness(items);
    on('2025-09-19');
    const caseId = await submit(bankruptcyAcceptance, {
      providedMaterials: ['business-licence'],
    });
    const send = (command: Record<string, unknown>) =>
      engine.dispatch(caseId, command);
    await send({ type: 'PRE_REVIEW_PASSED', actor: officer });
    let kase = await send({
      type: 'MATERIALS_CHECKED',
      actor: officer,
      findings: [
        'application',
        'assets-and-debts',
        'financial-reports',
        'employee-settlement',
      ].map((materialId) => ({ materialId, status: 'complete' })),
    });
    expect(kase.facts.dueDates.decision).toBe('2025-09-30');
    on('2025-09-26');
    const extend = (days: number) =>
      send({
        type: 'EXTEND',
        actor: head,
        days,
        reason: '债权人异议需进一步审查',
        toldApplicantOn: '2025-09-26',
      });
    // 15 calendar days from submission hold 8 working days: no more.
    await expect(extend(9)).rejects.toMatchObject({
      code: 'NOT_ALLOWED_IN_STATE',
    });
    kase = await extend(8);
    // 8 more working days after 09-30: 10-09, 10-10, 10-11 (make-up), 10-13 … 10-17.
    expect(kase.facts.dueDates.decision).toBe('2025-10-17');
    expect(applicant.role).toBe('applicant');
  });

  it('ALL-34-ONSPOT-DECIDE: the administrator deregisters a bankrupt enterprise on the court’s termination ruling', async () => {
    const { drive } = harness(items);
    const record = await drive(
      bankruptcyDeregistration,
      { route: 'standard' },
      '2025-11-03',
      ['business-licence'],
    );
    expect(record.asked).toEqual([
      'application',
      'termination-ruling',
      'administrator-appointment',
    ]);
    expect(record.issuedOn).toBe('2025-11-03');
  });
});
