import { describe, expect, it } from 'vitest';
import { ENTERPRISE_PLAN } from '../src/enterprisePlan.js';
import {
  electricityOrdinary,
  electricityThreeZeros,
  utilityExternalWorks,
} from '../src/items/utilities.js';
import { gasConnection, waterConnection } from '../src/items/waterAndGas.js';
import { applicant, due, harness, officer } from './harness.js';

const items = [
  electricityThreeZeros,
  utilityExternalWorks,
  electricityOrdinary,
  waterConnection,
  gasConnection,
];

describe('获得电力, 获得用水用气', () => {
  it('SVC-LIMITS: the "three zeros" low-voltage connection is done within its 5-working-day promise, 15 at most', async () => {
    const { drive } = harness(items);
    // Monday 2025-09-29: National Day (10-01..10-08) inside the limits.
    const record = await drive(
      electricityThreeZeros,
      ENTERPRISE_PLAN['electricity-three-zeros']!,
      '2025-09-29',
      ['business-licence', 'property-proof'],
    );
    expect(record.asked).toEqual(['application']);
    // Survey 09-30, 10-09; meter 10-10 and 10-11, a make-up Saturday.
    expect(record.issuedOn).toBe('2025-10-11');
    expect(record.workingDays).toBe(4);
    expect(due(record, 'promise')).toBe('2025-10-13');
    expect(due(record, 'decision')).toBe('2025-10-27');
    expect(record.withinPromise).toBe(true);
  });

  it('GC-LEAD: the ordinary route approves road excavation, road occupation and green space in parallel, then connects', async () => {
    const { drive } = harness(items);
    const works = await drive(
      utilityExternalWorks,
      ENTERPRISE_PLAN['utility-external-works']!,
      '2025-06-09',
      ['business-licence'],
    );
    expect(works.issuedOn).toBe('2025-06-13');
    expect(due(works, '挖掘城市道路许可')).toBe('2025-06-12');
    expect(due(works, 'promise')).toBe('2025-06-16');
    const connection = await drive(
      electricityOrdinary,
      {
        route: 'standard',
        reviewDays: {
          'supply-plan': 5,
          'completion-inspection': 10,
          'meter-connection': 3,
        },
        decideAfterDays: 0,
        issueAfterDays: 0,
      },
      '2025-06-16',
      ['business-licence', 'external-works-permit'],
    );
    expect(connection.issuedOn).toBe('2025-07-10');
    expect(connection.workingDays).toBe(18);
    expect(due(connection, 'promise')).toBe('2025-07-16');
    expect(connection.withinPromise).toBe(true);
  });

  it('RQ-COMMIT: water connects in 5 working days with the plumbing drawing supplied after acceptance', async () => {
    const { drive } = harness(items);
    const record = await drive(
      waterConnection,
      ENTERPRISE_PLAN['water-connection']!,
      '2025-09-29',
      ['business-licence'],
    );
    expect(record.tolerated).toEqual(['plumbing-drawing']);
    expect(due(record, 'supplement')).toBe('2025-10-10');
    expect(record.issuedOn).toBe('2025-10-11');
    expect(due(record, 'promise')).toBe('2025-10-13');
  });

  it('RQ-FAIL: a plumbing drawing not supplied in 3 working days makes the application deemed withdrawn', async () => {
    const { engine, on, submit } = harness(items);
    on('2025-09-29');
    const caseId = await submit(waterConnection, {
      providedMaterials: ['business-licence'],
    });
    await engine.dispatch(caseId, {
      type: 'PRE_REVIEW_PASSED',
      actor: officer,
    });
    await engine.dispatch(caseId, {
      type: 'MATERIALS_CHECKED',
      actor: officer,
      findings: [
        { materialId: 'application', status: 'complete' },
        { materialId: 'property-proof', status: 'complete' },
        { materialId: 'plumbing-drawing', status: 'missing' },
      ],
    });
    const accepted = await engine.dispatch(caseId, {
      type: 'ACCEPT_TOLERANCE',
      actor: applicant,
      commitment: { text: '承诺3个工作日内补交室内给水设计图' },
    });
    // 09-30, then 10-09 and 10-10 after National Day.
    expect(accepted.facts.dueDates.supplement).toBe('2025-10-10');
    await engine.advanceTo('2025-10-11');
    expect((await engine.get(caseId)).state).toBe('lapsed');
  });

  it('GZ-EXCLUDED: gas, a public-safety matter, offers no commitment route and tolerates nothing', () => {
    expect(gasConnection.acceptance.commitment).toBeUndefined();
    expect(gasConnection.acceptance.tolerant).toBeUndefined();
    expect(gasConnection.materials.some((m) => m.tolerable)).toBe(false);
  });
});
