import { createChinaCalendar } from '@kuaiban/calendar';
import { createEngine, defineItem, verifyHistory } from '@kuaiban/core';
import type { Party } from '@kuaiban/machines';
import { describe, expect, it } from 'vitest';

/**
 * A portal's view of one construction permit (施工许可): tolerant
 * acceptance, three departments in parallel under the housing bureau, a
 * merged supplement notice, an expert review, one extension, the decision,
 * the certificate and the rating — with every due date a calendar date.
 */
const constructionPermit = defineItem({
  id: 'construction-permit',
  name: 'Construction permit',
  nameZh: '建筑工程施工许可',
  department: {
    id: 'housing',
    name: 'Housing and construction bureau',
    nameZh: '住房和城乡建设局',
  },
  legalBasis: '中华人民共和国建筑法 art. 8',
  reformMode: 'optimize',
  caseKind: 'joint',
  limits: {
    statutory: {
      days: 45,
      basis: '行政许可法 art. 42 para. 2 (ALL-42-JOINT-45D)',
      extensionDays: 15,
    },
    promised: { days: 20 },
  },
  materials: [
    {
      id: 'application',
      name: 'Application',
      nameZh: '建筑工程施工许可申请表',
      primary: true,
      tolerable: false,
    },
    {
      id: 'drawings',
      name: 'Reviewed drawings',
      nameZh: '施工图审查合格书',
      primary: true,
      tolerable: false,
    },
    {
      id: 'site-photos',
      name: 'Site photos',
      nameZh: '现场照片',
      primary: false,
      tolerable: true,
    },
  ],
  acceptance: {
    tolerant: {
      supplementDays: 5,
      onLate: 'revoke-acceptance',
      creditRecord: true,
      basis: '工程建设项目容缺受理办法',
    },
  },
  review: {
    mode: 'parallel',
    lead: { id: 'housing', name: 'Housing bureau', nameZh: '住建局' },
    departments: [
      {
        id: 'planning',
        name: 'Planning',
        nameZh: '规划',
        limitDays: 10,
        onTimeout: { action: 'escalate' },
      },
      {
        id: 'fire',
        name: 'Fire protection',
        nameZh: '消防',
        limitDays: 10,
        onTimeout: { action: 'escalate' },
      },
      {
        id: 'civil-defence',
        name: 'Civil defence',
        nameZh: '人防',
        limitDays: 10,
        onTimeout: { action: 'escalate' },
      },
    ],
    join: { policy: 'all' },
    rejection: 'collect-all',
  },
});

const builder: Party = { id: 'builder-co', role: 'applicant' };
const officer: Party = { id: 'window-3', role: 'window-officer' };
const lead: Party = { id: 'housing-lead', role: 'lead-department' };
const head: Party = { id: 'director', role: 'agency-head' };
const approver = (department: string): Party => ({
  id: `${department}-chief`,
  role: 'department-approver',
  department,
});

describe('portal: a construction permit from submission to rating', () => {
  it('GC-LEAD, RQ-COMMIT, SVC-ONE-NOTICE, TIME-EXCLUDED, ALL-42-JOINT-45D, ALL-44-ISSUE-10D, SVC-RATING', async () => {
    let today = '2025-09-22';
    const engine = createEngine({
      items: [constructionPermit],
      calendar: createChinaCalendar(),
      clock: { now: () => `${today}T10:00:00.000+08:00` },
      ids: () => 'SG-2025-0001',
    });
    const on = (date: string) => {
      today = date;
    };
    const send = (command: Record<string, unknown>) =>
      engine.dispatch('SG-2025-0001', command);

    // Monday 2025-09-22: submitted, checked, one secondary material missing.
    const submitted = await engine.submit({
      itemId: 'construction-permit',
      applicant: { id: 'builder-co' },
      handler: { id: 'window-3', backup: 'window-4' },
    });
    expect(submitted.state).toBe('submitted');
    await send({ type: 'PRE_REVIEW_PASSED', actor: officer });
    await send({
      type: 'MATERIALS_CHECKED',
      actor: officer,
      findings: [
        { materialId: 'application', status: 'complete' },
        { materialId: 'drawings', status: 'complete' },
        { materialId: 'site-photos', status: 'missing' },
      ],
    });
    // 容缺: the builder signs; review starts at once, the photos are due in
    // 5 working days — 09-28 is a make-up Sunday before National Day.
    let kase = await send({
      type: 'ACCEPT_TOLERANCE',
      actor: builder,
      commitment: { text: '承诺5个工作日内补交现场照片' },
    });
    expect(kase.state).toBe('reviewing');
    expect(kase.facts.dueDates).toEqual({
      supplement: '2025-09-28',
      // 45 working days from 09-22, over National Day and its make-up days.
      decision: '2025-11-28',
      issuance: null,
    });

    on('2025-09-25');
    kase = await send({
      type: 'SUPPLEMENT',
      actor: builder,
      materialIds: ['site-photos'],
    });
    expect(kase.facts.dueDates.supplement).toBeNull();

    // Two departments ask for more; the lead sends one merged notice.
    on('2025-09-26');
    await send({
      type: 'REQUEST_SUPPLEMENT',
      actor: approver('fire'),
      department: 'fire',
      items: [{ materialId: 'drawings', problem: '消防疏散宽度计算缺失' }],
    });
    await send({
      type: 'REQUEST_SUPPLEMENT',
      actor: approver('planning'),
      department: 'planning',
      items: [{ materialId: 'drawings', problem: '总平面图比例不符' }],
    });
    on('2025-09-29');
    await send({ type: 'ISSUE_MERGED_NOTICE', actor: lead });
    on('2025-09-30');
    await send({ type: 'SUPPLEMENT_PROVIDED', actor: builder });

    // An expert review (专家评审) pauses the statutory clock 10-09..10-15,
    // told in writing; the count resumes on 10-16 with 5 working days kept.
    on('2025-10-09');
    await send({
      type: 'PAUSE',
      actor: lead,
      pause: { reason: 'expert-review' },
      writtenNoticeOn: '2025-10-09',
      expectedDays: 5,
    });
    on('2025-10-15');
    kase = await send({ type: 'RESUME', actor: lead });
    expect(kase.facts.dueDates.decision).toBe('2025-12-05');

    // The agency head extends once, by 15 working days, telling the builder why.
    on('2025-10-20');
    kase = await send({
      type: 'EXTEND',
      actor: head,
      days: 15,
      reason: '人防设计需补充论证',
      toldApplicantOn: '2025-10-20',
    });
    expect(kase.facts.dueDates.decision).toBe('2025-12-26');

    on('2025-10-22');
    for (const department of ['planning', 'fire', 'civil-defence']) {
      kase = await send({
        type: 'OPINION',
        actor: approver(department),
        department,
        opinion: 'approve',
      });
    }
    expect(kase.state).toBe('deciding');

    on('2025-10-23');
    kase = await send({ type: 'APPROVE', actor: head });
    expect(kase.state).toBe('issuing');
    // ALL-44-ISSUE-10D: the certificate within 10 working days.
    expect(kase.facts.dueDates.issuance).toBe('2025-11-06');

    on('2025-10-24');
    await send({
      type: 'ISSUE_CERTIFICATE',
      actor: officer,
      certificateNo: '施字2025第0001号',
    });
    kase = await send({
      type: 'RATE',
      actor: builder,
      grade: 'very-satisfied',
    });
    expect(kase.state).toBe('archived');

    const history = await engine.history('SG-2025-0001');
    expect(verifyHistory(history)).toEqual({
      ok: true,
      entries: history.length,
    });
    expect(history.map((entry) => entry.command.type)).toEqual([
      'SUBMIT',
      'PRE_REVIEW_PASSED',
      'MATERIALS_CHECKED',
      'ACCEPT_TOLERANCE',
      'SUPPLEMENT',
      'REQUEST_SUPPLEMENT',
      'REQUEST_SUPPLEMENT',
      'ISSUE_MERGED_NOTICE',
      'SUPPLEMENT_PROVIDED',
      'PAUSE',
      'RESUME',
      'EXTEND',
      'OPINION',
      'OPINION',
      'OPINION',
      'APPROVE',
      'ISSUE_CERTIFICATE',
      'RATE',
    ]);
    expect(await engine.replay('SG-2025-0001')).toEqual({
      matches: true,
      state: 'archived',
    });
  });
});
