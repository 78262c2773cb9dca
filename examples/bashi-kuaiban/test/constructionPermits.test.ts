import { describe, expect, it } from 'vitest';
import { defineChain, defineItem, materialsRequested } from '@kuaiban/core';
import { CONSTRUCTION_PERMITS_COMPARISON } from '../src/beforeAfter.js';
import { ENTERPRISE_PLAN } from '../src/enterprisePlan.js';
import {
  CONSTRUCTION_STAGES,
  STAGE_PROMISED_DAYS,
  constructionPermitStage,
  projectLandPlanningStage,
} from '../src/items/constructionPermits.js';
import { lowRiskConstructionPermit } from '../src/items/lowRiskPermit.js';
import { runTimeline } from '../src/timeline.js';
import {
  applicant,
  approver,
  calendar,
  due,
  harness,
  head,
  officer,
} from './harness.js';

describe('办理建筑许可: four joint stages', () => {
  it('GC-STAGES: four stages in order, each one joint case with one lead and parallel reviews', () => {
    expect(CONSTRUCTION_STAGES.map((stage) => stage.nameZh)).toEqual([
      '立项用地规划许可阶段',
      '工程建设许可阶段',
      '施工许可阶段',
      '竣工验收阶段（联合验收）',
    ]);
    for (const stage of CONSTRUCTION_STAGES) {
      expect(stage.caseKind).toBe('joint');
      expect(stage.review.mode).toBe('parallel');
    }
    expect(
      CONSTRUCTION_STAGES.map(
        (s) => s.review.mode === 'parallel' && s.review.lead.nameZh,
      ),
    ).toEqual([
      '县自然资源局',
      '县自然资源局',
      '县住房和城乡建设局',
      '县住房和城乡建设局',
    ]);
    const completion = CONSTRUCTION_STAGES[3]!.review;
    expect(
      completion.mode === 'parallel' &&
        completion.departments.map((d) => d.nameZh),
    ).toEqual(['规划核实', '土地核验', '消防验收', '人防验收', '城建档案验收']);
  });

  it('GC-120WD: the four stage promises add up to 120 working days', () => {
    expect(
      CONSTRUCTION_STAGES.reduce(
        (sum, s) => sum + (s.limits.promised?.days ?? 0),
        0,
      ),
    ).toBe(4 * STAGE_PROMISED_DAYS);
    expect(4 * STAGE_PROMISED_DAYS).toBe(120);
  });

  it('RQ-COMMIT, GC-LEAD: stage 1 accepted with the survey missing; siting waits for the filing, the permit for siting', async () => {
    const { drive } = harness(CONSTRUCTION_STAGES);
    // Monday 2025-03-31, Qingming (04-04..04-06) ahead.
    const record = await drive(
      projectLandPlanningStage,
      ENTERPRISE_PLAN['gc-stage-1-land-use-planning']!,
      '2025-03-31',
      ['business-licence'],
    );
    expect(record.tolerated).toEqual(['boundary-survey']);
    expect(due(record, 'supplement')).toBe('2025-04-08');
    // Filing done 04-01 (due 04-02); siting starts then, due 10 working days
    // later over Qingming (04-04..04-06): 04-16; done 04-14, so the permit is
    // due 7 working days after that: 04-23.
    expect(due(record, '企业投资项目备案')).toBe('2025-04-02');
    expect(due(record, '用地预审与选址意见书')).toBe('2025-04-16');
    expect(due(record, '建设用地规划许可证核发')).toBe('2025-04-23');
    expect(record.decidedOn).toBe('2025-04-22');
    expect(record.issuedOn).toBe('2025-04-23');
    // ALL-42-JOINT-45D: 45 working days over Labour Day (make-up Sunday 04-27,
    // 05-01..05-05 off) and Dragon Boat (05-31..06-02); the promise, 30.
    expect(due(record, 'decision')).toBe('2025-06-06');
    expect(due(record, 'promise')).toBe('2025-05-15');
    expect(record.withinPromise).toBe(true);
    expect(record.finalState).toBe('archived');
  });

  it('RQ-COMMIT: the head cannot approve stage 3 until the tolerated material is in', async () => {
    const { engine, on, submit } = harness(CONSTRUCTION_STAGES);
    on('2025-06-03');
    const caseId = await submit(constructionPermitStage, {
      providedMaterials: ['business-licence', 'building-planning-permit'],
    });
    const send = (command: Record<string, unknown>) =>
      engine.dispatch(caseId, command);
    await send({ type: 'PRE_REVIEW_PASSED', actor: officer });
    await send({
      type: 'MATERIALS_CHECKED',
      actor: officer,
      findings: [
        { materialId: 'application', status: 'complete' },
        { materialId: 'construction-drawings', status: 'complete' },
        { materialId: 'contractor-award', status: 'complete' },
        { materialId: 'funding-commitment', status: 'complete' },
        { materialId: 'quality-safety-measures', status: 'missing' },
      ],
    });
    let kase = await send({
      type: 'ACCEPT_TOLERANCE',
      actor: applicant,
      commitment: { text: '承诺5个工作日内补交质量安全措施' },
    });
    expect(kase.state).toBe('reviewing');
    expect(kase.facts.dueDates.supplement).toBe('2025-06-10');
    on('2025-06-05');
    for (const department of [
      'fire-design-review',
      'civil-defence-design-review',
      'construction-permit',
    ]) {
      kase = await send({
        type: 'OPINION',
        actor: approver(department),
        department,
        opinion: 'approve',
      });
    }
    expect(kase.state).toBe('deciding');
    await expect(send({ type: 'APPROVE', actor: head })).rejects.toMatchObject({
      code: 'NOT_ALLOWED_IN_STATE',
    });
    on('2025-06-06');
    await send({
      type: 'SUPPLEMENT',
      actor: applicant,
      materialIds: ['quality-safety-measures'],
    });
    kase = await send({ type: 'APPROVE', actor: head });
    expect(kase.state).toBe('issuing');
  });

  it('GC-EXCLUDED, TIME-EXCLUDED: an expert review of the design scheme stops the stage-2 clock and keeps its remaining days', async () => {
    const { engine, on, submit } = harness(CONSTRUCTION_STAGES);
    on('2025-04-01');
    const caseId = await submit(CONSTRUCTION_STAGES[1]!, {
      providedMaterials: ['business-licence', 'land-use-planning-permit'],
    });
    const send = (command: Record<string, unknown>) =>
      engine.dispatch(caseId, command);
    const lead = { id: 'natural-resources-lead', role: 'lead-department' };
    await send({ type: 'PRE_REVIEW_PASSED', actor: officer });
    let kase = await send({
      type: 'MATERIALS_CHECKED',
      actor: officer,
      findings: ['application', 'design-scheme', 'topographic-map'].map(
        (materialId) => ({ materialId, status: 'complete' }),
      ),
    });
    // 45 working days over Qingming, Labour Day and Dragon Boat.
    expect(kase.facts.dueDates.decision).toBe('2025-06-09');
    on('2025-04-08');
    await send({
      type: 'PAUSE',
      actor: lead,
      pause: { reason: 'expert-review' },
      writtenNoticeOn: '2025-04-08',
      expectedDays: 5,
    });
    on('2025-04-15');
    kase = await send({ type: 'RESUME', actor: lead });
    // Stopped after 04-08, restarted after 04-15: 5 working days later.
    expect(kase.facts.dueDates.decision).toBe('2025-06-16');
  });

  it('RQ-COND: a primary material of a stage may not be published as tolerable', () => {
    const { id: _id, ...rest } = constructionPermitStage;
    expect(() =>
      defineItem({
        ...rest,
        id: 'stage-3-broken',
        materials: constructionPermitStage.materials.map((m) =>
          m.id === 'construction-drawings' ? { ...m, tolerable: true } : m,
        ),
      }),
    ).toThrow(/RQ-COND/);
  });

  it('GZ-DECIDE: a low-risk project commits instead of the drawing review and is granted on the spot', async () => {
    const { drive } = harness([lowRiskConstructionPermit]);
    const record = await drive(
      lowRiskConstructionPermit,
      { route: 'commitment' },
      '2025-06-03',
      ['business-licence'],
    );
    expect(record.decidedOn).toBe('2025-06-03');
    expect(record.issuedOn).toBe('2025-06-03');
    expect(due(record, 'verification')).toBe('2025-08-26');
  });

  it('GC-120WD: the four stages after the reform, run on the engine, take far less than 120 working days of approval', async () => {
    const { after } = CONSTRUCTION_PERMITS_COMPARISON;
    const timeline = await runTimeline({
      chain: defineChain({
        ...after,
        items: after.items.map((e) => ({ item: e.item, after: e.after })),
      }),
      links: [
        {
          id: 'construction',
          name: 'Construction',
          nameZh: '办理建筑许可',
          items: CONSTRUCTION_STAGES,
          sources: [],
        },
      ],
      plan: ENTERPRISE_PLAN,
      calendar,
      startOn: '2025-03-03',
      applicantId: 'lvyuan-packaging',
    });
    expect(timeline.cases.map((c) => [c.submittedOn, c.issuedOn])).toEqual([
      ['2025-03-03', '2025-03-25'],
      ['2025-03-26', '2025-04-16'],
      ['2025-04-17', '2025-05-15'],
      ['2025-11-12', '2025-11-26'],
    ]);
    // 16 + 14 + 18 + 10 working days; the 180 days of building do not count.
    expect(timeline.links[0]?.workingDays).toBe(58);
    expect(timeline.links[0]!.workingDays).toBeLessThanOrEqual(120);
    expect(timeline.waits[0]?.countsTowardLink).toBe(false);
    // SVC-SHARE: stage 4 asks for neither permit issued earlier.
    expect(
      materialsRequested(after, 'gc-stage-4-joint-completion').map((m) => m.id),
    ).not.toContain('construction-permit');
  });
});
