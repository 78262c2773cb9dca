import { KuaibanError } from '@kuaiban/calendar';
import { describe, expect, it, vi } from 'vitest';
import type { AnyActorRef } from 'xstate';
import { createActor } from 'xstate';
import type { CaseLifecycleEvent } from '../src/caseLifecycle.js';
import { caseLifecycleMachine } from '../src/caseLifecycle.js';
import {
  CaseCommandSchema,
  caseCommandRoles,
  parseCaseCommand,
} from '../src/caseCommands.js';
import {
  caseDueDates,
  caseSchedule,
  nextCaseWakeUp,
} from '../src/caseLifecycleWakeUp.js';
import type { CaseLifecycleInput } from '../src/caseLifecycleSchemas.js';
import {
  DeadlineClockInputSchema,
  deadlineClockMachine,
} from '../src/deadlineClock.js';
import {
  TolerantAcceptanceEventSchema,
  tolerantAcceptanceMachine,
} from '../src/tolerantAcceptance.js';
import type { Party } from '../src/party.js';
import { runWithRestarts } from './support/persistence.js';

const bakery: Party = { id: 'bakery', role: 'applicant' };
const officer: Party = { id: 'officer-chen', role: 'window-officer' };
const reviewer: Party = { id: 'reviewer-li', role: 'reviewer' };
const head: Party = { id: 'head-wang', role: 'agency-head' };
const supervisor: Party = { id: 'supervisor-zhao', role: 'supervisor' };
const system: Party = { id: 'scheduler', role: 'system' };
const dept = (department: string): Party => ({
  id: `${department}-approver`,
  role: 'department-approver',
  department,
});

const materials = [
  {
    id: 'application',
    name: 'Application form',
    nameZh: '申请书',
    primary: true,
    tolerable: false,
  },
  {
    id: 'licence-copy',
    name: 'Business licence copy',
    nameZh: '营业执照复印件',
    primary: false,
    tolerable: true,
  },
];

/** 食品经营许可 (a food-business permit): a promised case, one review step. */
const foodPermit: CaseLifecycleInput = {
  caseId: 'case-2025-0001',
  itemId: 'food-business-permit',
  kind: 'promised',
  submittedOn: '2025-09-26',
  applicant: { id: 'bakery' },
  acceptance: {
    mode: 'standard',
    standard: {
      materials,
      tolerance: {
        supplementDays: 5,
        onLate: 'revoke-acceptance',
        creditRecord: true,
        basis: '某市容缺受理办法 art. 8',
      },
    },
  },
  review: {
    mode: 'chain',
    steps: [
      {
        id: 'site-review',
        name: 'Site review',
        nameZh: '现场核查',
        role: 'reviewer',
      },
    ],
  },
  limits: {
    statutoryDays: 20,
    basis: '行政许可法 art. 42',
    promisedDays: 10,
    maxExtensionDays: 10,
  },
  handler: { id: 'officer-chen', backup: 'officer-liu' },
  firstAsked: 'officer-chen',
};

/** 施工许可 stage of a construction project: a joint case, parallel review. */
const constructionPermit: CaseLifecycleInput = {
  ...foodPermit,
  caseId: 'case-2025-0002',
  itemId: 'construction-permit',
  kind: 'joint',
  limits: {
    statutoryDays: 45,
    basis: '行政许可法 art. 42 para. 2',
    promisedDays: 20,
  },
  review: {
    mode: 'parallel',
    approval: {
      lead: {
        id: 'housing',
        name: 'Housing and construction bureau',
        nameZh: '住建局',
      },
      departments: ['planning', 'fire', 'civil-defence'].map((id) => ({
        id,
        name: id,
        nameZh:
          { planning: '规划', fire: '消防', 'civil-defence': '人防' }[id] ?? id,
        limitDays: 10,
        onTimeout: { action: 'escalate' as const },
      })),
      join: { policy: 'all' },
      rejection: 'short-circuit',
    },
  },
};

function run(input: CaseLifecycleInput, events: readonly CaseLifecycleEvent[]) {
  const actor = createActor(caseLifecycleMachine, { input }).start();
  for (const event of events) actor.send(event);
  return actor;
}

const child = (
  actor: ReturnType<typeof run>,
  id: string,
): AnyActorRef | undefined =>
  (actor.getSnapshot().children as Record<string, AnyActorRef | undefined>)[id];

const tolerantAcceptance: CaseLifecycleEvent[] = [
  { type: 'PRE_REVIEW_PASSED', at: '2025-09-26', actor: officer },
  {
    type: 'MATERIALS_CHECKED',
    at: '2025-09-26',
    actor: officer,
    findings: [
      { materialId: 'application', status: 'complete' },
      { materialId: 'licence-copy', status: 'missing' },
    ],
  },
  {
    type: 'ACCEPT_TOLERANCE',
    at: '2025-09-26',
    actor: bakery,
    commitment: { text: '本人承诺于期限内补齐营业执照复印件' },
  },
];

/** The one review step of the food permit, approving. */
const siteReviewApproves: CaseLifecycleEvent = {
  type: 'REVIEW_OPINION',
  at: '2025-10-10',
  actor: reviewer,
  step: 'site-review',
  opinion: 'approve',
};

const supplement: CaseLifecycleEvent = {
  type: 'SUPPLEMENT',
  at: '2025-09-29',
  actor: bakery,
  materialIds: ['licence-copy'],
};

describe('case lifecycle 办件: a promised case (承诺件) with 容缺受理 and one review step', () => {
  it.each([
    ['on time', [], '2025-10-13', { onTime: true, escalated: false }],
    [
      'late, after the clock escalated',
      [
        {
          type: 'TICK',
          at: '2025-12-01',
          actor: { id: 'scheduler', role: 'system' },
        },
      ],
      '2025-12-03',
      { onTime: false, escalated: true },
    ],
  ] as const)(
    'SVC-LIMITS: on the decision (%s) the case keeps what its clock reports when STOP reaches it, and the clock is gone',
    (_, ticks, decidedOn, judged) => {
      const kase = run(foodPermit, [
        ...tolerantAcceptance,
        supplement,
        siteReviewApproves,
        ...ticks,
      ]);
      const running = child(kase, 'clock')!.getSnapshot() as Parameters<
        typeof deadlineClockMachine.getPersistedSnapshot
      >[0];
      // The clock as it stands, restored on its own (its input is in the snapshot).
      const clock = createActor(deadlineClockMachine, {
        snapshot: deadlineClockMachine.getPersistedSnapshot(running),
      } as never).start();
      clock.send({
        type: 'STOP',
        at: decidedOn,
        actor: { id: 'case', role: 'system' },
      });
      expect(clock.getSnapshot().status).toBe('done');

      kase.send({ type: 'APPROVE', at: decidedOn, actor: head });
      expect(kase.getSnapshot().value).toBe('issuing');
      expect(kase.getSnapshot().context.clock).toEqual(
        clock.getSnapshot().output,
      );
      expect(kase.getSnapshot().context.clock).toMatchObject(judged);
      expect(child(kase, 'clock')).toBeUndefined();
      expect(kase.getSnapshot().context.children).toEqual([]);
    },
  );

  it('SVC-CLASS, RQ-COMMIT: review starts on provisional acceptance; the supplement arrives later', () => {
    const kase = run(foodPermit, tolerantAcceptance);
    expect(kase.getSnapshot().value).toBe('reviewing');
    expect(kase.getSnapshot().context.acceptedOn).toBe('2025-09-26');
    expect(child(kase, 'clock')).toBeDefined();
    kase.send({
      type: 'SUPPLEMENT',
      at: '2025-09-29',
      actor: bakery,
      materialIds: ['licence-copy'],
    });
    expect(child(kase, 'acceptance')?.getSnapshot()).toMatchObject({
      status: 'done',
      output: {
        outcome: 'accepted',
        mode: 'tolerant',
        acceptedOn: '2025-09-26',
      },
    });
    expect(kase.getSnapshot().context.children).toEqual(['clock']);
  });

  it('ALL-44-ISSUE-10D, SVC-RATING: decided, issued within 10 working days, rated and archived', () => {
    const kase = run(foodPermit, [
      ...tolerantAcceptance,
      {
        type: 'SUPPLEMENT',
        at: '2025-09-29',
        actor: bakery,
        materialIds: ['licence-copy'],
      },
      siteReviewApproves,
      { type: 'APPROVE', at: '2025-10-13', actor: head },
    ]);
    expect(kase.getSnapshot().value).toBe('issuing');
    expect(kase.getSnapshot().context.issueDue).toBe('2025-10-27');
    expect(kase.getSnapshot().context.clock).toMatchObject({
      onTime: true,
      withinPromise: true,
      usedDays: 7,
    });
    kase.send({
      type: 'ISSUE_CERTIFICATE',
      at: '2025-10-15',
      actor: officer,
      certificateNo: 'JY-2025-001',
    });
    expect(kase.getSnapshot().context.certificate).toEqual({
      number: 'JY-2025-001',
      issuedOn: '2025-10-15',
      onTime: true,
    });
    kase.send({
      type: 'RATE',
      at: '2025-10-15',
      actor: bakery,
      grade: 'very-satisfied',
    });
    expect(kase.getSnapshot().value).toBe('archived');
  });

  it('SVC-RATING: a bad rating is answered within a working day and rectified before archiving', () => {
    const kase = run(foodPermit, [
      ...tolerantAcceptance,
      supplement,
      siteReviewApproves,
      { type: 'APPROVE', at: '2025-10-13', actor: head },
      {
        type: 'ISSUE_CERTIFICATE',
        at: '2025-10-15',
        actor: officer,
        certificateNo: 'JY-2025-002',
      },
      {
        type: 'RATE',
        at: '2025-10-17',
        actor: bakery,
        grade: 'dissatisfied',
        comment: '往返两次',
      },
    ]);
    expect(kase.getSnapshot().value).toBe('ratingFollowUp');
    expect(kase.getSnapshot().context.rating).toMatchObject({
      answerDue: '2025-10-20',
      rectifyDue: '2025-10-24',
    });
    kase.send({
      type: 'RECTIFY_RATING',
      at: '2025-10-20',
      actor: supervisor,
      measures: '一次告知清单已更新',
    });
    expect(kase.getSnapshot().value).toBe('ratingFollowUp');
    kase.send({
      type: 'ANSWER_RATING',
      at: '2025-10-20',
      actor: officer,
      answer: '已电话回访',
    });
    kase.send({
      type: 'RECTIFY_RATING',
      at: '2025-10-22',
      actor: supervisor,
      measures: '一次告知清单已更新',
    });
    expect(kase.getSnapshot().value).toBe('archived');
    expect(kase.getSnapshot().context.rating).toMatchObject({
      answeredOn: '2025-10-20',
      rectifiedOn: '2025-10-22',
    });
  });

  it('ALL-38-DENY: a denial needs written reasons and the remedies; it is then rated', () => {
    const deciding = [
      ...tolerantAcceptance,
      {
        type: 'REVIEW_OPINION',
        at: '2025-10-10',
        actor: reviewer,
        step: 'site-review',
        opinion: 'reject',
        reason: '场所不符合',
      },
    ] as const satisfies readonly CaseLifecycleEvent[];
    const kase = run(foodPermit, deciding);
    expect(kase.getSnapshot().value).toBe('deciding');
    expect(kase.getSnapshot().context.recommendation).toBe('deny');
    kase.send({
      type: 'DENY',
      at: '2025-10-13',
      actor: head,
      reasons: ['经营场所与许可条件不符'],
      remedies: { administrativeReview: true, lawsuit: false },
    });
    expect(kase.getSnapshot().value).toBe('deciding');
    kase.send({
      type: 'DENY',
      at: '2025-10-13',
      actor: head,
      reasons: ['经营场所与许可条件不符'],
      remedies: { administrativeReview: true, lawsuit: true },
    });
    expect(kase.getSnapshot().value).toBe('rating');
    expect(kase.getSnapshot().context.decision).toMatchObject({
      outcome: 'denied',
      reasons: ['经营场所与许可条件不符'],
    });
  });

  it('RQ-FAIL: a late supplement revokes the acceptance and ends the case', () => {
    const kase = run(foodPermit, [
      ...tolerantAcceptance,
      { type: 'TICK', at: '2025-10-13', actor: system },
    ]);
    expect(kase.getSnapshot().status).toBe('done');
    expect(kase.getSnapshot().output).toEqual({
      outcome: 'lapsed',
      consequence: 'revoke-acceptance',
      creditRecord: true,
    });
  });

  it('ALL-42-DECIDE-20D: the clock warns and escalates; the agency head extends once', () => {
    const kase = run(foodPermit, [
      ...tolerantAcceptance,
      {
        type: 'SUPPLEMENT',
        at: '2025-09-29',
        actor: bakery,
        materialIds: ['licence-copy'],
      },
      { type: 'TICK', at: '2025-10-28', actor: system },
    ]);
    expect(kase.getSnapshot().context.warnedOn).toBe('2025-10-28');
    kase.send({
      type: 'EXTEND',
      at: '2025-10-28',
      actor: head,
      days: 10,
      reason: '需现场复核',
      toldApplicantOn: '2025-10-28',
    });
    // 20 + 10 working days from 09-26 end on 11-13.
    kase.send({ type: 'TICK', at: '2025-11-13', actor: system });
    expect(kase.getSnapshot().context.escalatedOn).toBeNull();
    kase.send({ type: 'TICK', at: '2025-11-14', actor: system });
    expect(kase.getSnapshot().context.escalatedOn).toBe('2025-11-14');
  });

  it('WITHDRAW: the applicant may withdraw before the decision', () => {
    const kase = run(foodPermit, [
      ...tolerantAcceptance,
      { type: 'WITHDRAW', at: '2025-10-09', actor: bakery },
    ]);
    expect(kase.getSnapshot().output).toEqual({
      outcome: 'withdrawn',
      on: '2025-10-09',
    });
  });

  it('roles: nothing changes when the wrong party acts', () => {
    const kase = run(foodPermit, [
      { type: 'PRE_REVIEW_PASSED', at: '2025-09-26', actor: bakery },
    ]);
    expect(kase.getSnapshot().value).toBe('submitted');
    const reviewing = run(foodPermit, tolerantAcceptance);
    reviewing.send({
      type: 'REVIEW_OPINION',
      at: '2025-10-10',
      actor: bakery,
      step: 'site-review',
      opinion: 'approve',
    });
    reviewing.send({
      type: 'REVIEW_OPINION',
      at: '2025-10-10',
      actor: reviewer,
      step: 'other',
      opinion: 'approve',
    });
    expect(reviewing.getSnapshot().value).toBe('reviewing');
    expect(reviewing.getSnapshot().context.asOf).toBe('2025-09-26');
  });
});

describe('ALL-32-REFUSE, SVC-NO-VETO: the window cannot refuse alone', () => {
  const proposal: CaseLifecycleEvent = {
    type: 'PROPOSE_REFUSAL',
    at: '2025-09-26',
    actor: officer,
    reason: '该事项不属于本机关职权范围',
    route: '请向区市场监督管理局申请',
  };

  it('a supervisor confirms the refusal, with reason and route on record', () => {
    const kase = run(foodPermit, [
      proposal,
      { type: 'CONFIRM_REFUSAL', at: '2025-09-26', actor: supervisor },
    ]);
    expect(kase.getSnapshot().output).toEqual({
      outcome: 'refused',
      reason: '该事项不属于本机关职权范围',
      route: '请向区市场监督管理局申请',
      confirmedBy: 'supervisor-zhao',
    });
  });

  it('a supervisor overrules it and the case goes on; the officer cannot confirm', () => {
    const kase = run(foodPermit, [
      proposal,
      { type: 'CONFIRM_REFUSAL', at: '2025-09-26', actor: officer },
    ]);
    expect(kase.getSnapshot().value).toBe('refusalPending');
    kase.send({
      type: 'OVERRULE_REFUSAL',
      at: '2025-09-26',
      actor: supervisor,
      reason: '属于本机关职权',
    });
    expect(kase.getSnapshot().value).toBe('submitted');
    expect(kase.getSnapshot().context.refusal).toBeNull();
  });
});

describe('ALL-34-ONSPOT-DECIDE: an on-the-spot case (即办件)', () => {
  it('is decided by the window at acceptance, without review', () => {
    const kase = run({ ...foodPermit, kind: 'on-the-spot' }, [
      { type: 'PRE_REVIEW_PASSED', at: '2025-09-26', actor: officer },
      {
        type: 'MATERIALS_CHECKED',
        at: '2025-09-26',
        actor: officer,
        findings: [
          { materialId: 'application', status: 'complete' },
          { materialId: 'licence-copy', status: 'complete' },
        ],
      },
    ]);
    expect(kase.getSnapshot().value).toBe('deciding');
    kase.send({ type: 'APPROVE', at: '2025-09-26', actor: officer });
    expect(kase.getSnapshot().value).toBe('issuing');
  });

  it('a window officer cannot approve a promised case', () => {
    const kase = run(foodPermit, [
      ...tolerantAcceptance,
      siteReviewApproves,
      { type: 'APPROVE', at: '2025-10-13', actor: officer },
    ]);
    expect(kase.getSnapshot().value).toBe('deciding');
  });
});

describe('GC-LEAD: a joint case (联办件) with parallel approval', () => {
  const opinions = ['planning', 'fire', 'civil-defence'].map(
    (id): CaseLifecycleEvent => ({
      type: 'OPINION',
      at: '2025-10-10',
      actor: dept(id),
      department: id,
      opinion: 'approve',
    }),
  );

  it('dispatches to three departments and decides on their joint result', () => {
    const kase = run(constructionPermit, tolerantAcceptance);
    expect(kase.getSnapshot().value).toBe('reviewing');
    expect(child(kase, 'parallel')).toBeDefined();
    for (const opinion of opinions) kase.send(opinion);
    expect(kase.getSnapshot().value).toBe('deciding');
    expect(kase.getSnapshot().context.recommendation).toBe('approve');
  });

  it('SVC-CLASS: a joint case must be reviewed in parallel', () => {
    const actor = createActor(caseLifecycleMachine, {
      input: { ...constructionPermit, review: foodPermit.review },
    });
    actor.subscribe({ error: () => undefined });
    actor.start();
    expect(actor.getSnapshot().status).toBe('error');
    expect(actor.getSnapshot().error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      issues: [expect.objectContaining({ path: ['kind'] })],
    });
  });

  it('refuses a design whose parallel part is invalid, at submission', () => {
    const broken = structuredClone(constructionPermit) as unknown as {
      review: { approval: { join: unknown } };
    };
    broken.review.approval.join = { policy: 'quorum', k: 7 };
    const actor = createActor(caseLifecycleMachine, {
      input: broken as unknown as CaseLifecycleInput,
    });
    actor.subscribe({ error: () => undefined });
    actor.start();
    expect(actor.getSnapshot().error).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});

describe('GZ-DECIDE: a case decided on a commitment (告知承诺)', () => {
  const commitmentCase: CaseLifecycleInput = {
    ...foodPermit,
    acceptance: {
      mode: 'commitment',
      commitment: {
        domain: 'ordinary',
        replacedProofs: [
          { id: 'premises', name: 'Proof of premises', nameZh: '经营场所证明' },
        ],
        verifyWithinDays: 60,
        verificationBasis: '浙江省告知承诺制实施办法',
        rectifyWithinDays: 20,
      },
      ordinaryRoute: { materials },
    },
  };
  const notice = {
    item: true,
    conditions: true,
    replacedProofs: true,
    howToCommit: true,
    rightToVerify: true,
    consequences: true,
  };
  const granted: CaseLifecycleEvent[] = [
    { type: 'PRE_REVIEW_PASSED', at: '2025-09-26', actor: officer },
    { type: 'GIVE_NOTICE', at: '2025-09-26', actor: officer, contents: notice },
    { type: 'CHOOSE_COMMITMENT', at: '2025-09-26', actor: bakery },
    {
      type: 'SIGN_COMMITMENT',
      at: '2025-09-26',
      actor: bakery,
      text: '本人承诺符合条件',
    },
    { type: 'DECIDE', at: '2025-09-26', actor: officer, approve: true },
  ];

  it('goes straight to issuance; a false commitment found later revokes the case (GZ-FALSE)', () => {
    const kase = run(commitmentCase, granted);
    expect(kase.getSnapshot().value).toBe('issuing');
    expect(kase.getSnapshot().context.decision).toMatchObject({
      outcome: 'approved',
      on: '2025-09-26',
    });
    kase.send({
      type: 'ISSUE_CERTIFICATE',
      at: '2025-09-26',
      actor: officer,
      certificateNo: 'JY-2025-009',
    });
    kase.send({ type: 'ARCHIVE', at: '2025-09-30', actor: officer });
    expect(kase.getSnapshot().value).toBe('archived');
    kase.send({
      type: 'VERIFY',
      at: '2025-11-20',
      actor: reviewer,
      finding: 'deliberately-false',
    });
    expect(kase.getSnapshot().output).toEqual({
      outcome: 'revoked',
      on: '2025-11-20',
      cause: 'deliberately-false',
    });
  });

  it('ALL-38-DENY: a refusal on the spot comes to the head for the written denial, and binds', () => {
    const kase = run(commitmentCase, [
      ...granted.slice(0, 4),
      {
        type: 'DECIDE',
        at: '2025-09-29',
        actor: { id: 'approver', role: 'department-approver' },
        approve: false,
        reason: '经营场所不符合条件',
      },
    ]);
    expect(kase.getSnapshot().value).toBe('deciding');
    expect(kase.getSnapshot().context.asOf).toBe('2025-09-29');
    kase.send({ type: 'APPROVE', at: '2025-09-29', actor: head });
    expect(kase.getSnapshot().value).toBe('deciding');
    kase.send({
      type: 'DENY',
      at: '2025-09-29',
      actor: head,
      reasons: ['经营场所不符合条件'],
      remedies: { administrativeReview: true, lawsuit: true },
    });
    expect(kase.getSnapshot().value).toBe('rating');
  });

  it('GZ-CHOICE: an applicant who declines falls back to the ordinary route', () => {
    const kase = run(commitmentCase, [
      granted[0]!,
      granted[1]!,
      { type: 'DECLINE_COMMITMENT', at: '2025-09-26', actor: bakery },
    ]);
    expect(kase.getSnapshot().value).toBe('accepting');
    expect(kase.getSnapshot().context.acceptanceMode).toBe('standard');
    expect(child(kase, 'acceptance')).toBeDefined();
  });
});

describe('ALL-69-REVOKE: a granted permit can be revoked after archiving', () => {
  it('by the agency head, with its basis', () => {
    const kase = run({ ...foodPermit, kind: 'on-the-spot' }, [
      { type: 'PRE_REVIEW_PASSED', at: '2025-09-26', actor: officer },
      {
        type: 'MATERIALS_CHECKED',
        at: '2025-09-26',
        actor: officer,
        findings: [
          { materialId: 'application', status: 'complete' },
          { materialId: 'licence-copy', status: 'complete' },
        ],
      },
      { type: 'APPROVE', at: '2025-09-26', actor: officer },
      {
        type: 'ISSUE_CERTIFICATE',
        at: '2025-09-26',
        actor: officer,
        certificateNo: 'JY-2025-010',
      },
      { type: 'ARCHIVE', at: '2025-09-29', actor: officer },
      {
        type: 'REVOKE_PERMIT',
        at: '2026-03-02',
        actor: head,
        reason: '以欺骗手段取得许可',
        basis: '行政许可法 art. 69',
      },
    ]);
    expect(kase.getSnapshot().output).toEqual({
      outcome: 'revoked',
      on: '2026-03-02',
      cause: '以欺骗手段取得许可',
    });
  });
});

describe('persistence', () => {
  it('a case restored before every event, children included, ends where the straight run ends', () => {
    const story: CaseLifecycleEvent[] = [
      ...tolerantAcceptance,
      {
        type: 'SUPPLEMENT',
        at: '2025-09-29',
        actor: bakery,
        materialIds: ['licence-copy'],
      },
      { type: 'TICK', at: '2025-10-09', actor: system },
      siteReviewApproves,
      { type: 'APPROVE', at: '2025-10-13', actor: head },
      {
        type: 'ISSUE_CERTIFICATE',
        at: '2025-10-15',
        actor: officer,
        certificateNo: 'JY-2025-003',
      },
    ];
    const { straight, restarted } = runWithRestarts(
      caseLifecycleMachine,
      foodPermit,
      story,
    );
    expect(restarted).toEqual(straight);
    expect(straight).toMatchObject({ value: 'rating' });
  });

  it('persists what xstate persists, as plain JSON as it stands, for every actor of a joint case', () => {
    const undefinedAt = (value: unknown, path: string): string[] =>
      value === undefined
        ? [path]
        : value !== null && typeof value === 'object'
          ? Object.entries(value).flatMap(([key, member]) =>
              undefinedAt(member, `${path}.${key}`),
            )
          : [];
    /** What xstate itself writes for the actor, as JSON gives it back. */
    const xstateWrites = (actor: AnyActorRef): unknown => {
      const logic = (actor as unknown as { logic: object }).logic;
      const write = (
        Object.getPrototypeOf(logic) as {
          getPersistedSnapshot: (snapshot: unknown) => unknown;
        }
      ).getPersistedSnapshot;
      return JSON.parse(
        JSON.stringify(write.call(logic, actor.getSnapshot())),
      ) as unknown;
    };
    const everyActor = (actor: AnyActorRef): AnyActorRef[] => [
      actor,
      ...Object.values(
        (actor.getSnapshot() as { children: Record<string, AnyActorRef> })
          .children,
      ).flatMap(everyActor),
    ];
    const kase = createActor(caseLifecycleMachine, {
      input: constructionPermit,
    }).start();
    const fireApproves: CaseLifecycleEvent = {
      type: 'OPINION',
      at: '2025-10-10',
      actor: dept('fire'),
      department: 'fire',
      opinion: 'approve',
    };
    const seen = new Set<number>();
    for (const event of [
      null,
      ...tolerantAcceptance,
      supplement,
      fireApproves,
    ]) {
      if (event) kase.send(event);
      const actors = everyActor(kase);
      seen.add(actors.length);
      for (const actor of actors) {
        const persisted = actor.getPersistedSnapshot();
        expect(undefinedAt(persisted, '$')).toEqual([]);
        expect(persisted).toEqual(xstateWrites(actor));
      }
    }
    // The case alone, then with its acceptance, clock, parallel approval
    // and three department reviews.
    expect(seen.size).toBeGreaterThan(2);
    // With xstate's options, xstate writes it, to the same JSON.
    const persistWith = kase.getPersistedSnapshot.bind(kase) as (
      options: object,
    ) => unknown;
    expect(
      JSON.parse(
        JSON.stringify(persistWith({ __unsafeAllowInlineActors: true })),
      ),
    ).toEqual(kase.getPersistedSnapshot());
  });
});

describe('commands are checked for their shape as well as their sender', () => {
  it('a malformed command from the right role changes nothing', () => {
    const kase = run(foodPermit, [
      { type: 'PRE_REVIEW_PASSED', at: '2025-02-30', actor: officer },
      {
        type: 'PROPOSE_REFUSAL',
        at: '2025-09-26',
        actor: officer,
        reason: ' ',
        route: 'x',
      },
    ]);
    expect(kase.getSnapshot().value).toBe('submitted');
    expect(kase.getSnapshot().context.asOf).toBe('2025-09-26');
  });
});

describe('review findings: the law at the joints between machines', () => {
  it('RQ-COMMIT: no approval while a 容缺 supplement is outstanding', () => {
    const kase = run(foodPermit, [
      ...tolerantAcceptance,
      {
        type: 'REVIEW_OPINION',
        at: '2025-10-09',
        actor: reviewer,
        step: 'site-review',
        opinion: 'approve',
      },
      { type: 'APPROVE', at: '2025-10-13', actor: head },
    ]);
    expect(kase.getSnapshot().value).toBe('deciding');
    // The supplement is due on 2025-10-10 (5 working days from 09-26).
    kase.send({ ...supplement, at: '2025-10-10' });
    kase.send({ type: 'APPROVE', at: '2025-10-13', actor: head });
    expect(kase.getSnapshot().value).toBe('issuing');
  });

  it('ALL-32-NOTICE-5D: a case left at the window past 5 working days is deemed accepted from receipt', () => {
    const kase = run(foodPermit, [
      { type: 'TICK', at: '2025-10-10', actor: system },
    ]);
    expect(kase.getSnapshot().value).toBe('submitted');
    kase.send({ type: 'TICK', at: '2025-10-13', actor: system });
    expect(kase.getSnapshot().value).toBe('reviewing');
    expect(kase.getSnapshot().context.acceptedOn).toBe('2025-09-26');
  });

  it('a pattern notice from a child the case does not run changes nothing', () => {
    const kase = run(foodPermit, [
      {
        type: 'COMMITMENT.REVOKED',
        revokedOn: '2025-09-26',
        cause: 'x',
      },
      { type: 'PARALLEL.DONE', outcome: 'approved' },
      {
        type: 'ACCEPTANCE.ACCEPTED',
        acceptedOn: '2025-09-26',
        mode: 'complete',
      },
      { type: 'CLOCK.OVERDUE', on: '2025-09-26' },
    ]);
    expect(kase.getSnapshot().status).toBe('active');
    expect(kase.getSnapshot().value).toBe('submitted');
    expect(kase.getSnapshot().context.escalatedOn).toBeNull();
  });

  it('SVC-LIMITS: a promise longer than the statutory limit is refused at submission', () => {
    const actor = createActor(caseLifecycleMachine, {
      input: {
        ...foodPermit,
        limits: { statutoryDays: 20, basis: 'b', promisedDays: 30 },
      },
    });
    actor.subscribe({ error: () => undefined });
    actor.start();
    expect(actor.getSnapshot().error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      issues: [expect.objectContaining({ path: ['limits', 'promisedDays'] })],
    });
  });

  it('ALL-42-DECIDE-20D: without a cap of its own, the extension is at most 10 working days', () => {
    const kase = run(foodPermit, [...tolerantAcceptance, supplement]);
    kase.send({
      type: 'EXTEND',
      at: '2025-10-20',
      actor: head,
      days: 200,
      reason: '太久',
      toldApplicantOn: '2025-10-20',
    });
    kase.send({ type: 'TICK', at: '2025-10-31', actor: system });
    expect(kase.getSnapshot().context.escalatedOn).toBe('2025-10-31');
  });

  it('GC-LEAD: the departments’ joint refusal binds the head; a chain’s advice can be overruled, on record', () => {
    const joint = run(constructionPermit, [
      ...tolerantAcceptance,
      supplement,
      {
        type: 'OPINION',
        at: '2025-10-10',
        actor: dept('fire'),
        department: 'fire',
        opinion: 'reject',
        reason: '疏散宽度不足',
      },
      { type: 'APPROVE', at: '2025-10-13', actor: head },
    ]);
    expect(joint.getSnapshot().value).toBe('deciding');
    const chain = run(foodPermit, [
      ...tolerantAcceptance,
      supplement,
      {
        type: 'REVIEW_OPINION',
        at: '2025-10-10',
        actor: reviewer,
        step: 'site-review',
        opinion: 'reject',
      },
      { type: 'APPROVE', at: '2025-10-13', actor: head },
    ]);
    expect(chain.getSnapshot().context.decision).toMatchObject({
      outcome: 'approved',
      againstRecommendation: true,
    });
  });

  it('SVC-NO-VETO: an overruled refusal stays on record', () => {
    const kase = run(foodPermit, [
      {
        type: 'PROPOSE_REFUSAL',
        at: '2025-09-26',
        actor: officer,
        reason: '不属于本机关',
        route: '区局',
      },
      {
        type: 'OVERRULE_REFUSAL',
        at: '2025-09-26',
        actor: supervisor,
        reason: '属于本机关职权',
      },
    ]);
    expect(kase.getSnapshot().context.overruledRefusals).toEqual([
      {
        reason: '不属于本机关',
        route: '区局',
        overruledBy: 'supervisor-zhao',
        because: '属于本机关职权',
        on: '2025-09-26',
      },
    ]);
  });
});

describe('what a portal needs from the case machine', () => {
  it('ALL-32-NOTICE-5D: nextCaseWakeUp names the day the window closes, then the earliest child deadline', () => {
    const waiting = run(foodPermit, []);
    expect(nextCaseWakeUp(waiting.getSnapshot())).toBe('2025-10-11');
    const provisional = run(foodPermit, tolerantAcceptance);
    // The supplement is due 10-10; the statutory clock warns on 10-27.
    expect(nextCaseWakeUp(provisional.getSnapshot())).toBe('2025-10-11');
    provisional.send(supplement);
    expect(nextCaseWakeUp(provisional.getSnapshot())).toBe('2025-10-27');
    const done = run(foodPermit, [
      { type: 'WITHDRAW', at: '2025-09-26', actor: bakery },
    ]);
    expect(nextCaseWakeUp(done.getSnapshot())).toBeNull();
  });

  it('ALL-42: caseSchedule gives the wake-up and due dates of nextCaseWakeUp and caseDueDates, at every step', () => {
    const kase = run(foodPermit, []);
    const steps: CaseLifecycleEvent[] = [
      ...tolerantAcceptance,
      supplement,
      {
        type: 'PAUSE',
        at: '2025-10-14',
        actor: officer,
        writtenNoticeOn: '2025-10-14',
        pause: { reason: 'expert-review' },
      },
      { type: 'RESUME', at: '2025-10-20', actor: officer },
    ];
    const seen = new Set<string>();
    for (const event of [null, ...steps]) {
      if (event) kase.send(event);
      const snapshot = kase.getSnapshot();
      const schedule = caseSchedule(snapshot);
      expect(schedule).toEqual({
        nextWakeUp: nextCaseWakeUp(snapshot),
        dueDates: caseDueDates(snapshot),
      });
      seen.add(JSON.stringify(schedule));
    }
    // The pause moved the decision date: the schedule is read afresh.
    expect(seen.size).toBeGreaterThan(2);
    expect(caseSchedule(kase.getSnapshot()).dueDates.decision).not.toBe(
      caseSchedule(
        run(foodPermit, [...tolerantAcceptance, supplement]).getSnapshot(),
      ).dueDates.decision,
    );
  });

  it('CaseCommandSchema takes the case’s commands and its children’s, and nothing else', () => {
    expect(
      CaseCommandSchema.safeParse({
        type: 'APPROVE',
        at: '2025-10-13',
        actor: head,
      }).success,
    ).toBe(true);
    expect(CaseCommandSchema.safeParse(supplement).success).toBe(true);
    expect(
      CaseCommandSchema.safeParse({
        type: 'PARALLEL.DONE',
        outcome: 'approved',
      }).success,
    ).toBe(false);
    expect(caseCommandRoles.APPROVE).toContain('agency-head');
    expect(caseCommandRoles.SUPPLEMENT).toEqual(['applicant']);
  });
});

describe('parseCaseCommand: a command parsed once, for the case and its children', () => {
  it('parses with the schema of the type, and is null for a type no case takes', () => {
    const parsed = parseCaseCommand({
      ...supplement,
      actor: { id: ' bakery ', role: 'applicant' },
    });
    expect(parsed).toEqual(supplement);
    expect(parseCaseCommand({ type: 'PARALLEL.DONE' })).toBeNull();
  });

  it('names the wrong field of a malformed command, in English and Chinese', () => {
    const error = (() => {
      try {
        parseCaseCommand({ ...supplement, materialIds: 'licence-copy' });
      } catch (caught) {
        return caught as KuaibanError;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(KuaibanError);
    expect(error?.code).toBe('INVALID_COMMAND');
    expect(error?.message).toMatch(/command SUPPLEMENT.*materialIds/);
    expect(error?.messageZh).toMatch(/指令 SUPPLEMENT/);
  });

  it('the child a parsed command is for takes it without parsing it again', () => {
    const gate = vi.spyOn(TolerantAcceptanceEventSchema, 'safeParse');
    try {
      const raw = run(foodPermit, tolerantAcceptance.slice(0, 1));
      gate.mockClear();
      raw.send(tolerantAcceptance[1]!);
      expect(gate).toHaveBeenCalled();

      const checked = run(foodPermit, tolerantAcceptance.slice(0, 1));
      gate.mockClear();
      checked.send(parseCaseCommand(tolerantAcceptance[1]!)!);
      expect(gate).not.toHaveBeenCalled();
      expect(checked.getPersistedSnapshot()).toEqual(
        raw.getPersistedSnapshot(),
      );
    } finally {
      gate.mockRestore();
    }
  });

  it('a parsed command of a type a machine does not take changes nothing there', () => {
    const acceptance = createActor(tolerantAcceptanceMachine, {
      input: {
        materials,
        promisedDays: 10,
        applicant: { id: 'bakery' },
        receivedOn: '2025-09-26',
      },
    }).start();
    const before = acceptance.getPersistedSnapshot();
    acceptance.send(
      parseCaseCommand({
        type: 'APPROVE',
        at: '2025-09-26',
        actor: head,
      })! as never,
    );
    expect(acceptance.getSnapshot().status).toBe('active');
    expect(acceptance.getPersistedSnapshot()).toEqual(before);
  });
});

describe('case lifecycle 办件: the deadline clock it starts', () => {
  const clockContext = (kase: ReturnType<typeof run>) =>
    (child(kase, 'clock')?.getSnapshot() as { context: object }).context;

  it('ALL-42-DECIDE-20D: the clock gets the limits as its own schema gives them, defaults applied', () => {
    const kase = run(foodPermit, tolerantAcceptance);
    const expected = DeadlineClockInputSchema.parse({
      statutory: {
        start: '2025-09-26',
        days: 20,
        basis: '行政许可法 art. 42',
        maxExtensionDays: 10,
      },
      promisedDays: 10,
      handler: { id: 'officer-chen', backup: 'officer-liu' },
      firstAsked: 'officer-chen',
    });
    const context = clockContext(kase) as {
      statutory: unknown;
      promisedDays: number;
      backup: string;
    };
    // Same members, same order: the persisted snapshot reads the same.
    expect(JSON.stringify(context.statutory)).toBe(
      JSON.stringify(expected.statutory),
    );
    expect(context.promisedDays).toBe(10);
    expect(context.backup).toBe('officer-liu');
  });

  it('ALL-42-JOINT-45D: a joint case without a promise gets 15 extension days and its own warning', () => {
    const kase = run(
      {
        ...constructionPermit,
        limits: { statutoryDays: 45, basis: 'basis', warnWithin: 5 },
      },
      tolerantAcceptance,
    );
    const context = clockContext(kase) as {
      statutory: { maxExtensionDays: number; warnWithin: number };
      promisedDays: number | null;
    };
    expect(context.statutory.maxExtensionDays).toBe(15);
    expect(context.statutory.warnWithin).toBe(5);
    expect(context.promisedDays).toBeNull();
  });

  it("a limit longer than any deadline can count is refused by the clock's own check", () => {
    const errors: unknown[] = [];
    const kase = createActor(caseLifecycleMachine, {
      input: {
        ...foodPermit,
        limits: { statutoryDays: 100_001, basis: 'basis' },
      },
    });
    kase.subscribe({ error: (error) => errors.push(error) });
    kase.start();
    for (const event of tolerantAcceptance) kase.send(event);
    expect(kase.getSnapshot().status).toBe('error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('statutory.days') as unknown,
    });
  });
});
