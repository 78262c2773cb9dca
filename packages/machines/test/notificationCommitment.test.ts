import type { KuaibanError } from '@kuaiban/calendar';
import {
  createChinaCalendar,
  defineCalendar,
  isKuaibanError,
} from '@kuaiban/calendar';
import { describe, expect, it } from 'vitest';
import { assign, createActor, sendTo, setup } from 'xstate';
import type {
  NotificationCommitmentEvent,
  NotificationCommitmentInput,
  NotificationCommitmentOutput,
  NotificationCommitmentParentEvent,
} from '../src/notificationCommitment.js';
import {
  COMMITMENT_EXCLUDED_DOMAINS,
  NotificationCommitmentInputSchema,
  createNotificationCommitmentMachine,
  nextNotificationCommitmentWakeUp,
  notificationCommitmentMachine,
  notificationCommitmentRoles,
} from '../src/notificationCommitment.js';
import type { Party } from '../src/party.js';

// The story: Lakeside Bakery (湖畔烘焙坊) in Hangzhou applies for a
// food-business permit (食品经营许可), an item handled by notification-
// commitment under 证照分离 (ZZ-COMMIT). Zhejiang verifies within 60 working
// days of the decision (GZ-VERIFY).
const bakery: Party = { id: 'lakeside-bakery', role: 'applicant' };
const officer: Party = { id: 'window-07', role: 'window-officer' };
const approver: Party = {
  id: 'food-section-chief',
  role: 'department-approver',
  department: 'market-supervision',
};
const inspector: Party = { id: 'inspector-li', role: 'reviewer' };
const head: Party = { id: 'bureau-head', role: 'agency-head' };
const clock: Party = { id: 'scheduler', role: 'system' };

const foodPermit: NotificationCommitmentInput = {
  domain: 'ordinary',
  replacedProofs: [
    {
      id: 'premises-use',
      name: 'Proof of use of premises',
      nameZh: '经营场所使用证明',
    },
    {
      id: 'staff-health',
      name: 'Staff health certificates',
      nameZh: '从业人员健康证明',
    },
  ],
  verifyWithinDays: 60,
  verificationBasis:
    'Zhejiang: verification within 60 working days of the decision',
  rectifyWithinDays: 20,
  applicant: { id: 'lakeside-bakery' },
};

const fullNotice = {
  item: true,
  conditions: true,
  replacedProofs: true,
  howToCommit: true,
  rightToVerify: true,
  consequences: true,
};

const commitmentText =
  '本单位承诺：经营场所合法使用，从业人员均持有效健康证明；如有不实，愿承担相应法律责任。';

/** 2025-03-03, a Monday: notice, choice, signature and decision on one visit. */
const grantedOnTheSpot: NotificationCommitmentEvent[] = [
  {
    type: 'GIVE_NOTICE',
    actor: officer,
    at: '2025-03-03',
    contents: fullNotice,
  },
  { type: 'CHOOSE_COMMITMENT', actor: bakery, at: '2025-03-03' },
  {
    type: 'SIGN_COMMITMENT',
    actor: bakery,
    at: '2025-03-03',
    text: commitmentText,
  },
  { type: 'DECIDE', actor: officer, at: '2025-03-03', approve: true },
];

function start(
  input: NotificationCommitmentInput = foodPermit,
  events: readonly NotificationCommitmentEvent[] = [],
) {
  const actor = createActor(notificationCommitmentMachine, { input }).start();
  for (const event of events) actor.send(event);
  return actor;
}

describe('notification-commitment 告知承诺制 (OBE-40, ZZ-COMMIT)', () => {
  it('GZ-DECIDE: a signed commitment is decided on the spot, without the replaced proofs', () => {
    const actor = start(foodPermit, grantedOnTheSpot);
    const { value, context } = actor.getSnapshot();
    expect(value).toEqual({ granted: 'verifying' });
    expect(context).toMatchObject({
      noticeGivenOn: '2025-03-03',
      commitment: { text: commitmentText, signedOn: '2025-03-03' },
      decision: { approve: true, decidedOn: '2025-03-03', reason: null },
      // 60 working days, over Qingming, Labour Day and the 2025-04-27
      // make-up Sunday (TIME-WORKDAY, TIME-NEXT-DAY).
      verifyBy: '2025-05-29',
      verificationOverdue: false,
    });
  });

  it('GZ-DECIDE: a department approver may decide too, and may deny in writing', () => {
    const actor = start(foodPermit, [
      ...grantedOnTheSpot.slice(0, 3),
      {
        type: 'DECIDE',
        actor: approver,
        at: '2025-03-04',
        approve: false,
        reason: '经营项目超出告知承诺适用范围',
      },
    ]);
    const snapshot = actor.getSnapshot();
    expect(snapshot.value).toBe('denied');
    expect(snapshot.status).toBe('done');
    expect(snapshot.output).toEqual({
      outcome: 'denied',
      decidedOn: '2025-03-04',
    });
    expect(snapshot.context.decision).toEqual({
      approve: false,
      decidedOn: '2025-03-04',
      reason: '经营项目超出告知承诺适用范围',
    });
  });

  it('ALL-38-DENY, SVC-NO-VETO: no denial without a reason, and none by the window alone', () => {
    const deciding = start(foodPermit, grantedOnTheSpot.slice(0, 3));
    deciding.send({
      type: 'DECIDE',
      actor: approver,
      at: '2025-03-04',
      approve: false,
    });
    expect(deciding.getSnapshot().value).toBe('deciding');
    deciding.send({
      type: 'DECIDE',
      actor: officer,
      at: '2025-03-04',
      approve: false,
      reason: '窗口认为不符合条件',
    });
    expect(deciding.getSnapshot().value).toBe('deciding');
  });

  it('GZ-DECIDE: an unsigned (blank) commitment is no commitment', () => {
    const actor = start(foodPermit, [
      ...grantedOnTheSpot.slice(0, 2),
      { type: 'SIGN_COMMITMENT', actor: bakery, at: '2025-03-03', text: '  ' },
    ]);
    expect(actor.getSnapshot().value).toBe('signing');
    expect(actor.getSnapshot().context.commitment).toBeNull();
  });

  describe('GZ-EXCLUDED and credit: who may not commit takes the ordinary route', () => {
    it.each(COMMITMENT_EXCLUDED_DOMAINS.map((d) => [d.code, d.nameZh]))(
      'GZ-EXCLUDED: %s (%s) goes to the ordinary route at once',
      (code) => {
        const snapshot = start({ ...foodPermit, domain: code }).getSnapshot();
        expect(snapshot.value).toBe('ordinaryRoute');
        expect(snapshot.output).toEqual({
          outcome: 'ordinary-route',
          reason: 'excluded-domain',
        });
      },
    );

    it('GZ-EXCLUDED: a hazardous-chemicals permit (public safety) never reaches the notice', () => {
      const snapshot = start({
        ...foodPermit,
        domain: 'public-safety',
      }).getSnapshot();
      expect(snapshot.status).toBe('done');
      expect(snapshot.can(grantedOnTheSpot[0]!)).toBe(false);
      expect(snapshot.context.noticeGivenOn).toBeNull();
    });

    it.each([
      ['a serious bad-credit record', { seriousBadCredit: true }],
      [
        'an unrepaired false commitment (GZ-FALSE)',
        { unrepairedFalseCommitment: true },
      ],
    ])('RQ-CREDIT: an applicant with %s is not eligible', (_, credit) => {
      const snapshot = start({
        ...foodPermit,
        applicant: { id: 'lakeside-bakery', ...credit },
      }).getSnapshot();
      expect(snapshot.output).toEqual({
        outcome: 'ordinary-route',
        reason: 'credit',
      });
    });

    it('an applicant whose credit was repaired may commit again', () => {
      const snapshot = start({
        ...foodPermit,
        applicant: {
          id: 'lakeside-bakery',
          seriousBadCredit: false,
          unrepairedFalseCommitment: false,
        },
      }).getSnapshot();
      expect(snapshot.value).toBe('noticing');
    });
  });

  describe('GZ-NOTICE: the written notice comes first, and complete', () => {
    it.each(Object.keys(fullNotice))(
      'a notice without %s is not a notice',
      (part) => {
        const actor = start();
        actor.send({
          type: 'GIVE_NOTICE',
          actor: officer,
          at: '2025-03-03',
          contents: { ...fullNotice, [part]: false },
        });
        expect(actor.getSnapshot().value).toBe('noticing');
      },
    );

    it('nothing can be chosen or signed before the notice', () => {
      const actor = start(foodPermit, grantedOnTheSpot.slice(1));
      expect(actor.getSnapshot().value).toBe('noticing');
    });

    it('the applicant cannot give the notice to itself', () => {
      const actor = start(foodPermit, [
        { ...grantedOnTheSpot[0]!, actor: bakery },
      ]);
      expect(actor.getSnapshot().value).toBe('noticing');
    });
  });

  describe('GZ-CHOICE: the applicant chooses freely', () => {
    it('declining leads to the ordinary route, with the ordinary proofs', () => {
      const actor = start(foodPermit, [
        grantedOnTheSpot[0]!,
        { type: 'DECLINE_COMMITMENT', actor: bakery, at: '2025-03-03' },
      ]);
      expect(actor.getSnapshot().output).toEqual({
        outcome: 'ordinary-route',
        reason: 'declined',
      });
    });

    it('the window officer cannot choose, decline or sign for the applicant', () => {
      const actor = start(foodPermit, [grantedOnTheSpot[0]!]);
      const before = actor.getSnapshot();
      actor.send({
        type: 'CHOOSE_COMMITMENT',
        actor: officer,
        at: '2025-03-03',
      });
      actor.send({
        type: 'DECLINE_COMMITMENT',
        actor: officer,
        at: '2025-03-03',
      });
      expect(actor.getSnapshot()).toBe(before);
      actor.send(grantedOnTheSpot[1]!);
      actor.send({ ...grantedOnTheSpot[2]!, actor: officer });
      expect(actor.getSnapshot().value).toBe('signing');
    });
  });

  describe('roles: guards reject events from roles that may not send them', () => {
    it('an applicant cannot DECIDE its own case: nothing changes', () => {
      const actor = start(foodPermit, grantedOnTheSpot.slice(0, 3));
      const before = actor.getSnapshot();
      actor.send({
        type: 'DECIDE',
        actor: bakery,
        at: '2025-03-03',
        approve: true,
      });
      expect(actor.getSnapshot()).toBe(before);
      expect(before.value).toBe('deciding');
    });

    it('only the reviewer verifies, only the agency head revokes, only the system ticks', () => {
      const actor = start(foodPermit, grantedOnTheSpot);
      const before = actor.getSnapshot();
      actor.send({
        type: 'VERIFY',
        actor: officer,
        at: '2025-04-01',
        finding: 'deliberately-false',
      });
      actor.send({
        type: 'REVOKE',
        actor: inspector,
        at: '2025-04-01',
        reason: 'x',
        basis: 'y',
      });
      actor.send({ type: 'TICK', actor: bakery, at: '2025-06-30' });
      expect(actor.getSnapshot()).toBe(before);
    });

    it('a malformed event (no real date) is ignored like an unauthorised one', () => {
      const actor = start(foodPermit, grantedOnTheSpot);
      const before = actor.getSnapshot();
      actor.send({ type: 'TICK', actor: clock, at: '2025-06-31' });
      actor.send({
        type: 'REVOKE',
        actor: head,
        at: '2025-04-01',
        reason: ' ',
        basis: 'ALL art. 69',
      });
      expect(actor.getSnapshot()).toBe(before);
    });

    it('names the senders of every event', () => {
      expect(notificationCommitmentRoles.DECIDE).toEqual([
        'window-officer',
        'department-approver',
      ]);
      expect(notificationCommitmentRoles.CHOOSE_COMMITMENT).toEqual([
        'applicant',
      ]);
      expect(notificationCommitmentRoles.REVOKE).toEqual(['agency-head']);
    });
  });

  describe('GZ-VERIFY: verification after the decision', () => {
    it('conditions found met within the period: verified, and still revocable', () => {
      const actor = start(foodPermit, [
        ...grantedOnTheSpot,
        {
          type: 'VERIFY',
          actor: inspector,
          at: '2025-04-15',
          finding: 'conditions-met',
        },
      ]);
      const snapshot = actor.getSnapshot();
      expect(snapshot.value).toEqual({ granted: 'verified' });
      expect(snapshot.status).toBe('active');
      expect(snapshot.context.verification).toEqual({
        finding: 'conditions-met',
        verifiedOn: '2025-04-15',
      });
      expect(snapshot.context.verificationOverdue).toBe(false);
    });

    it('the agency is late, not the applicant: an overdue verification is recorded, the permit stands', () => {
      const actor = start(foodPermit, grantedOnTheSpot);
      actor.send({ type: 'TICK', actor: clock, at: '2025-05-29' });
      expect(actor.getSnapshot().context.verificationOverdue).toBe(false);
      actor.send({ type: 'TICK', actor: clock, at: '2025-05-30' });
      expect(actor.getSnapshot().value).toEqual({ granted: 'verifying' });
      expect(actor.getSnapshot().context.verificationOverdue).toBe(true);
      actor.send({
        type: 'VERIFY',
        actor: inspector,
        at: '2025-06-10',
        finding: 'conditions-met',
      });
      expect(actor.getSnapshot().value).toEqual({ granted: 'verified' });
      expect(actor.getSnapshot().context.verificationOverdue).toBe(true);
    });

    it('a late verification is marked overdue even when no TICK came first', () => {
      const actor = start(foodPermit, [
        ...grantedOnTheSpot,
        {
          type: 'VERIFY',
          actor: inspector,
          at: '2025-06-03',
          finding: 'conditions-met',
        },
      ]);
      expect(actor.getSnapshot().context.verificationOverdue).toBe(true);
    });

    it('counts the period on the injected calendar: a local holiday moves the last day', () => {
      const local = defineCalendar({
        id: 'example-city',
        name: 'Example city',
        nameZh: '示例市',
        basis: '示例市人民政府关于地方节日放假的规定',
        holidays: [
          {
            name: 'Local festival',
            nameZh: '地方节日',
            from: '2025-03-10',
            to: '2025-03-10',
          },
        ],
      });
      const machine = createNotificationCommitmentMachine({ calendar: local });
      const actor = createActor(machine, { input: foodPermit }).start();
      for (const event of grantedOnTheSpot) actor.send(event);
      expect(actor.getSnapshot().context.verifyBy).toBe('2025-05-30');
    });

    it('TIME-CALENDAR-DATA: a period beyond the calendar data is an error, never a guess', () => {
      const lateInData = grantedOnTheSpot.map((event) => ({
        ...event,
        at: '2026-11-20',
      }));
      const actor = createActor(notificationCommitmentMachine, {
        input: foodPermit,
      });
      const errors: unknown[] = [];
      actor.subscribe({ error: (error) => errors.push(error) });
      actor.start();
      for (const event of lateInData) actor.send(event);
      expect(actor.getSnapshot().status).toBe('error');
      expect(errors).toEqual([
        expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' }),
      ]);

      const estimating = createNotificationCommitmentMachine({
        calendar: createChinaCalendar({ beyondData: 'weekdays' }),
      });
      const opted = createActor(estimating, { input: foodPermit }).start();
      for (const event of lateInData) opted.send(event);
      expect(opted.getSnapshot().context.verifyBy).toBe('2027-02-12');
    });
  });

  describe('GZ-FALSE: unmet conditions, rectification and revocation', () => {
    const unmet: NotificationCommitmentEvent[] = [
      ...grantedOnTheSpot,
      {
        type: 'VERIFY',
        actor: inspector,
        at: '2025-04-15',
        finding: 'conditions-unmet',
      },
    ];

    it('conditions unmet: rectification ordered within 20 working days, then found done', () => {
      const actor = start(foodPermit, unmet);
      expect(actor.getSnapshot().value).toEqual({ granted: 'rectifying' });
      expect(actor.getSnapshot().context.rectifyBy).toBe('2025-05-15');
      actor.send({ type: 'TICK', actor: clock, at: '2025-05-15' });
      actor.send({ type: 'RECTIFIED', actor: inspector, at: '2025-05-15' });
      const snapshot = actor.getSnapshot();
      expect(snapshot.value).toEqual({ granted: 'verified' });
      expect(snapshot.context.rectifiedOn).toBe('2025-05-15');
    });

    it('conditions still unmet after the deadline: revoked, with a credit record', () => {
      const actor = start(foodPermit, unmet);
      actor.send({ type: 'TICK', actor: clock, at: '2025-05-16' });
      const snapshot = actor.getSnapshot();
      expect(snapshot.value).toBe('revoked');
      expect(snapshot.output).toEqual({
        outcome: 'revoked',
        revokedOn: '2025-05-16',
        cause: 'conditions-unmet',
        creditRecord: true,
        treatAsUnlicensed: false,
      });
    });

    it('a rectification confirmed only after the deadline comes too late', () => {
      const actor = start(foodPermit, [
        ...unmet,
        { type: 'RECTIFIED', actor: inspector, at: '2025-05-19' },
      ]);
      expect(actor.getSnapshot().output).toMatchObject({
        outcome: 'revoked',
        revokedOn: '2025-05-19',
        cause: 'conditions-unmet',
      });
    });

    it('a deliberately false commitment: revoked at once and treated as unlicensed operation', () => {
      const actor = start(foodPermit, [
        ...grantedOnTheSpot,
        {
          type: 'VERIFY',
          actor: inspector,
          at: '2025-03-20',
          finding: 'deliberately-false',
        },
      ]);
      const snapshot = actor.getSnapshot();
      expect(snapshot.value).toBe('revoked');
      expect(snapshot.context.verification).toEqual({
        finding: 'deliberately-false',
        verifiedOn: '2025-03-20',
      });
      expect(snapshot.output).toEqual({
        outcome: 'revoked',
        revokedOn: '2025-03-20',
        cause: 'deliberately-false',
        creditRecord: true,
        treatAsUnlicensed: true,
      });
    });
  });

  describe('ALL-69-REVOKE: the decision is not the end of the machine', () => {
    it('a permit obtained by deception is revoked after verification', () => {
      const actor = start(foodPermit, [
        ...grantedOnTheSpot,
        {
          type: 'VERIFY',
          actor: inspector,
          at: '2025-04-15',
          finding: 'conditions-met',
        },
        {
          type: 'REVOKE',
          actor: head,
          at: '2025-09-01',
          reason: '举报查实：健康证明系伪造',
          basis: '行政许可法第六十九条',
        },
      ]);
      const snapshot = actor.getSnapshot();
      expect(snapshot.context.revocation).toEqual({
        reason: '举报查实：健康证明系伪造',
        basis: '行政许可法第六十九条',
      });
      expect(snapshot.output).toEqual({
        outcome: 'revoked',
        revokedOn: '2025-09-01',
        cause: 'revoked-after-completion',
        creditRecord: true,
        treatAsUnlicensed: false,
      });
    });

    it.each([
      ['verifying', grantedOnTheSpot],
      [
        'rectifying',
        [
          ...grantedOnTheSpot,
          {
            type: 'VERIFY',
            actor: inspector,
            at: '2025-04-15',
            finding: 'conditions-unmet',
          },
        ] satisfies NotificationCommitmentEvent[],
      ],
    ])('the agency head may revoke while %s too', (_, events) => {
      const actor = start(foodPermit, [
        ...events,
        {
          type: 'REVOKE',
          actor: head,
          at: '2025-04-20',
          reason: '骗取许可',
          basis: 'ALL art. 69',
        },
      ]);
      expect(actor.getSnapshot().output).toMatchObject({
        cause: 'revoked-after-completion',
      });
    });

    it('a final outcome is final: nothing revokes a denial', () => {
      const actor = start(foodPermit, [
        ...grantedOnTheSpot.slice(0, 3),
        {
          type: 'DECIDE',
          actor: approver,
          at: '2025-03-03',
          approve: false,
          reason: '不符合条件',
        },
      ]);
      const snapshot = actor.getSnapshot();
      expect(snapshot.status).toBe('done');
      expect(
        snapshot.can({
          type: 'REVOKE',
          actor: head,
          at: '2025-04-20',
          reason: '骗取许可',
          basis: 'ALL art. 69',
        }),
      ).toBe(false);
    });
  });

  describe('wake-ups: when a TICK would change something', () => {
    it('none before the decision, the day after each deadline, none when done', () => {
      const actor = start(foodPermit, grantedOnTheSpot.slice(0, 3));
      expect(nextNotificationCommitmentWakeUp(actor.getSnapshot())).toBeNull();
      actor.send(grantedOnTheSpot[3]!);
      expect(nextNotificationCommitmentWakeUp(actor.getSnapshot())).toBe(
        '2025-05-30',
      );
      actor.send({ type: 'TICK', actor: clock, at: '2025-05-30' });
      expect(nextNotificationCommitmentWakeUp(actor.getSnapshot())).toBeNull();
      actor.send({
        type: 'VERIFY',
        actor: inspector,
        at: '2025-06-03',
        finding: 'conditions-unmet',
      });
      const { rectifyBy } = actor.getSnapshot().context;
      expect(rectifyBy).toBe('2025-07-01');
      expect(nextNotificationCommitmentWakeUp(actor.getSnapshot())).toBe(
        '2025-07-02',
      );
      actor.send({ type: 'TICK', actor: clock, at: '2025-07-02' });
      expect(actor.getSnapshot().value).toBe('revoked');
      expect(nextNotificationCommitmentWakeUp(actor.getSnapshot())).toBeNull();
    });

    it('rolls over month and year ends', () => {
      const actor = start(foodPermit, [
        ...grantedOnTheSpot,
        {
          type: 'VERIFY',
          actor: inspector,
          at: '2025-12-03',
          finding: 'conditions-unmet',
        },
      ]);
      expect(actor.getSnapshot().context.rectifyBy).toBe('2025-12-31');
      expect(nextNotificationCommitmentWakeUp(actor.getSnapshot())).toBe(
        '2026-01-01',
      );
    });
  });

  describe('as a child of a case lifecycle', () => {
    const lifecycle = setup({
      types: {
        context: {} as {
          heard: NotificationCommitmentParentEvent[];
          outcome: NotificationCommitmentOutput | null;
        },
        events: {} as
          NotificationCommitmentEvent | NotificationCommitmentParentEvent,
      },
      actors: { commitment: notificationCommitmentMachine },
    }).createMachine({
      context: { heard: [], outcome: null },
      initial: 'running',
      states: {
        running: {
          invoke: {
            id: 'commitment',
            src: 'commitment',
            input: foodPermit,
            onDone: {
              target: 'closed',
              actions: assign({ outcome: ({ event }) => event.output }),
            },
          },
        },
        closed: { type: 'final' },
      },
      on: {
        'COMMITMENT.GRANTED': {
          actions: assign({
            heard: ({ context, event }) => [...context.heard, event],
          }),
        },
        'COMMITMENT.REVOKED': {
          actions: assign({
            heard: ({ context, event }) => [...context.heard, event],
          }),
        },
        '*': { actions: sendTo('commitment', ({ event }) => event) },
      },
    });

    it('tells the parent when the permit is granted and when it is revoked', () => {
      const parent = createActor(lifecycle).start();
      for (const event of grantedOnTheSpot) parent.send(event);
      parent.send({
        type: 'VERIFY',
        actor: inspector,
        at: '2025-03-20',
        finding: 'deliberately-false',
      });
      expect(parent.getSnapshot().context.heard).toEqual([
        { type: 'COMMITMENT.GRANTED', decidedOn: '2025-03-03' },
        {
          type: 'COMMITMENT.REVOKED',
          revokedOn: '2025-03-20',
          cause: 'deliberately-false',
        },
      ]);
      expect(parent.getSnapshot().context.outcome).toMatchObject({
        outcome: 'revoked',
        treatAsUnlicensed: true,
      });
    });
  });

  describe('bad input is a KuaibanError INVALID_ARGUMENT, in English and Chinese', () => {
    it('the actor snapshot carries the error (status "error"); xstate reports it to error observers', () => {
      const actor = createActor(notificationCommitmentMachine, {
        input: { ...foodPermit, replacedProofs: [], verifyWithinDays: 0 },
      });
      const snapshot = actor.getSnapshot();
      expect(snapshot.status).toBe('error');
      const error = snapshot.error as KuaibanError;
      expect(isKuaibanError(error)).toBe(true);
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.issues.map((i) => i.path)).toEqual([
        ['replacedProofs'],
        ['verifyWithinDays'],
      ]);
      expect(error.message).toContain(
        'A commitment replaces at least one proof',
      );
      expect(error.messageZh).toContain('告知承诺至少替代一项证明材料');
      expect(error.messageZh).toContain('至少 1 个工作日');

      const reported: unknown[] = [];
      actor.subscribe({ error: (e) => reported.push(e) });
      actor.start();
      expect(reported).toEqual([error]);
    });

    it.each([
      ['an unknown domain', { domain: 'fireworks' }],
      [
        'duplicate proof ids',
        {
          replacedProofs: [
            foodPermit.replacedProofs[0],
            foodPermit.replacedProofs[0],
          ],
        },
      ],
      ['a fractional period', { rectifyWithinDays: 2.5 }],
      ['an empty legal basis', { verificationBasis: ' ' }],
      ['an unknown field', { promisedDays: 5 }],
    ])('refuses %s', (_, change) => {
      const result = NotificationCommitmentInputSchema.safeParse({
        ...foodPermit,
        ...change,
      });
      expect(result.success).toBe(false);
      const snapshot = createActor(notificationCommitmentMachine, {
        input: { ...foodPermit, ...change } as NotificationCommitmentInput,
      }).getSnapshot();
      expect(snapshot.status).toBe('error');
      expect((snapshot.error as KuaibanError).code).toBe('INVALID_ARGUMENT');
    });

    it('a machine needs a calendar', () => {
      expect(() =>
        createNotificationCommitmentMachine({} as never),
      ).toThrowError(
        expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as Error,
      );
    });
  });
});
