import { createChinaCalendar, isKuaibanError } from '@kuaiban/calendar';
import { describe, expect, it } from 'vitest';
import type { AnyEventObject } from 'xstate';
import { assign, createActor, setup } from 'xstate';
import type { Party } from '../src/party.js';
import type {
  Finding,
  TolerantAcceptanceEvent,
  TolerantAcceptanceInput,
  TolerantAcceptanceOutput,
  TolerantAcceptanceSnapshot,
} from '../src/tolerantAcceptance.js';
import {
  TolerantAcceptanceContextSchema,
  TolerantAcceptanceInputSchema,
  createTolerantAcceptanceMachine,
  nextTolerantAcceptanceWakeUp,
  tolerantAcceptanceMachine,
  tolerantAcceptanceRoles,
} from '../src/tolerantAcceptance.js';
import { explore, missing } from './support/modelCoverage.js';
import { runWithRestarts } from './support/persistence.js';

const officer: Party = { id: 'officer-chen', role: 'window-officer' };
const applicant: Party = { id: 'applicant-zhang', role: 'applicant' };
const scheduler: Party = { id: 'scheduler', role: 'system' };

/**
 * A food business licence (食品经营许可) for a small restaurant, received on
 * Tuesday 2025-09-30, the day before the National Day holiday (10-01 to
 * 10-08; Saturday 10-11 is a make-up workday). The fifth working day after
 * receipt is 2025-10-14.
 */
const input: TolerantAcceptanceInput = {
  receivedOn: '2025-09-30',
  materials: [
    {
      id: 'application',
      name: 'Application form',
      nameZh: '食品经营许可申请书',
      primary: true,
      tolerable: false,
    },
    {
      id: 'id-copy',
      name: "Copy of the legal representative's ID card",
      nameZh: '法定代表人身份证复印件',
      primary: false,
      tolerable: true,
    },
    {
      id: 'lease-copy',
      name: 'Copy of the premises lease',
      nameZh: '经营场所租赁合同复印件',
      primary: false,
      tolerable: true,
    },
    {
      id: 'floor-plan',
      name: 'Floor plan of the premises',
      nameZh: '经营场所平面布局图',
      primary: false,
      tolerable: false,
    },
  ],
  tolerance: {
    supplementDays: 5,
    onLate: 'revoke-acceptance',
    creditRecord: true,
    basis: '某市政务服务容缺受理实施办法 第十二条',
  },
  promisedDays: 10,
  applicant: { id: 'applicant-zhang' },
};

type Status = Finding['status'];
type Checked = Extract<TolerantAcceptanceEvent, { type: 'MATERIALS_CHECKED' }>;

const checked = (
  at: string,
  problems: Partial<Record<string, Status>> = {},
  actor: Party = officer,
): Checked => ({
  type: 'MATERIALS_CHECKED',
  at,
  actor,
  findings: input.materials.map((m) => ({
    materialId: m.id,
    status: problems[m.id] ?? 'complete',
  })),
});
const notice = (
  at: string,
  ids: readonly string[],
): TolerantAcceptanceEvent => ({
  type: 'ISSUE_NOTICE',
  at,
  actor: officer,
  items: ids.map((materialId) => ({
    materialId,
    problem: '缺少或不符合法定形式',
  })),
});
const supplied = (
  at: string,
  ids: readonly string[],
): TolerantAcceptanceEvent => ({
  type: 'MATERIALS_SUPPLIED',
  at,
  actor: applicant,
  materialIds: [...ids],
});
const acceptTolerance = (at: string): TolerantAcceptanceEvent => ({
  type: 'ACCEPT_TOLERANCE',
  at,
  actor: applicant,
  commitment: {
    text: '本人承诺在规定期限内补齐所缺材料，逾期未补齐的，同意按规定处理。',
  },
});
const decline = (at: string): TolerantAcceptanceEvent => ({
  type: 'DECLINE_TOLERANCE',
  at,
  actor: applicant,
});
const supplement = (
  at: string,
  ids: readonly string[],
): TolerantAcceptanceEvent => ({
  type: 'SUPPLEMENT',
  at,
  actor: applicant,
  materialIds: [...ids],
});
const withdraw = (at: string): TolerantAcceptanceEvent => ({
  type: 'WITHDRAW',
  at,
  actor: applicant,
});
const tick = (at: string): TolerantAcceptanceEvent => ({
  type: 'TICK',
  at,
  actor: scheduler,
});

function start(
  events: readonly TolerantAcceptanceEvent[] = [],
  overrides: Partial<TolerantAcceptanceInput> = {},
) {
  const actor = createActor(tolerantAcceptanceMachine, {
    input: { ...input, ...overrides },
  }).start();
  for (const event of events) actor.send(event);
  return actor;
}

/** Checked on receipt: only the two tolerable copies are missing. */
const copiesMissing = checked('2025-09-30', {
  'id-copy': 'missing',
  'lease-copy': 'defective',
});

describe('tolerant acceptance machine: every state and transition', () => {
  it('is reached by model-based exploration', () => {
    const dates = ['2025-10-09', '2025-11-03'];
    const statuses: Partial<Record<string, Status>>[] = [
      {},
      { application: 'missing' },
      { 'id-copy': 'missing', 'lease-copy': 'defective' },
      { 'id-copy': 'missing' },
      { 'floor-plan': 'defective' },
    ];
    const explored = explore(tolerantAcceptanceMachine, {
      input,
      events: (snapshot) => {
        const { context } = snapshot as TolerantAcceptanceSnapshot;
        const { outstanding } = context;
        const laterDue = outstanding.filter((id) =>
          context.suppliedAfterNotice.includes(id),
        );
        const due = context.notices.length === 0 ? outstanding : laterDue;
        return dates.flatMap((at) => [
          ...statuses.map((problems) => checked(at, problems)),
          { ...checked(at), findings: checked(at).findings.slice(1) },
          checked(at, {}, applicant),
          ...(context.notices.length < 2 && due.length > 0
            ? [notice(at, due), notice(at, due.slice(1))]
            : []),
          ...(outstanding.length > 0 ? [supplied(at, outstanding)] : []),
          acceptTolerance('2025-10-09'),
          decline('2025-10-09'),
          ...outstanding.map((id) => supplement(at, [id])),
          withdraw(at),
          tick(at),
        ]);
      },
      // What the guards read; notice dates and wording do not matter.
      serializeState: (snapshot) => {
        const { value, context } = snapshot as TolerantAcceptanceSnapshot;
        return JSON.stringify([
          value,
          context.notices.length,
          context.outstanding,
          [...context.suppliedAfterNotice].sort(),
          [...context.supplemented].sort(),
          context.supplementDue,
        ]);
      },
    });
    expect(explored.vertices).toBeLessThan(5_000);
    expect(missing(tolerantAcceptanceMachine, explored)).toEqual({
      states: [],
      transitions: [],
    });
  });

  it('continues exactly after a restart from the persisted snapshot, at every step', () => {
    const story = [
      copiesMissing,
      acceptTolerance('2025-09-30'),
      tick('2025-10-09'),
      supplement('2025-10-10', ['id-copy']),
      tick('2025-10-13'),
      supplement('2025-10-14', ['lease-copy']),
    ];
    const { straight, restarted } = runWithRestarts(
      tolerantAcceptanceMachine,
      input,
      story,
    );
    expect(restarted).toEqual(straight);
    // The persisted context is exactly the shape its schema describes.
    const { context } = straight as { context: unknown };
    expect(TolerantAcceptanceContextSchema.parse(context)).toEqual(context);
    expect(straight).toMatchObject({
      status: 'done',
      value: 'accepted',
      output: {
        outcome: 'accepted',
        mode: 'tolerant',
        acceptedOn: '2025-09-30',
      },
    });
  });
});

describe('ALL-32: checking the materials', () => {
  it('ALL-32-ONSPOT: complete materials are accepted on the day they are checked', () => {
    const actor = start([checked('2025-10-09')]);
    expect(actor.getSnapshot().value).toBe('accepted');
    expect(actor.getSnapshot().output).toEqual({
      outcome: 'accepted',
      mode: 'complete',
      acceptedOn: '2025-10-09',
    });
  });

  it('ALL-32: findings must name every material once, and nothing else', () => {
    const full = checked('2025-10-09');
    const partial = { ...full, findings: full.findings.slice(1) };
    const unknown = {
      ...full,
      findings: [
        ...full.findings,
        { materialId: 'tax-certificate', status: 'missing' as const },
      ],
    };
    const twice = {
      ...full,
      findings: [...full.findings.slice(1), full.findings[1] as Finding],
    };
    const actor = start([partial, unknown, twice]);
    expect(actor.getSnapshot().value).toBe('checking');
    expect(actor.getSnapshot().context.findings).toEqual([]);
  });
});

describe('ALL-32-NOTICE-5D: deemed acceptance', () => {
  it('ALL-32-NOTICE-5D: no notice by the 5th working day after receipt, across the National Day holiday: accepted from the day of receipt', () => {
    const actor = start([checked('2025-10-10', { 'floor-plan': 'missing' })]);
    expect(actor.getSnapshot().value).toEqual({ correction: 'noticePending' });
    expect(actor.getSnapshot().context.noticeBy).toBe('2025-10-14');
    expect(nextTolerantAcceptanceWakeUp(actor.getSnapshot())).toBe(
      '2025-10-15',
    );
    actor.send(tick('2025-10-14'));
    expect(actor.getSnapshot().value).toEqual({ correction: 'noticePending' });
    actor.send(tick('2025-10-15'));
    expect(actor.getSnapshot().output).toEqual({
      outcome: 'accepted',
      mode: 'deemed',
      acceptedOn: '2025-09-30',
    });
  });

  it('ALL-32-NOTICE-5D: a notice given after the window comes too late; the application is already accepted', () => {
    const actor = start([
      checked('2025-10-10', { 'floor-plan': 'missing' }),
      notice('2025-10-15', ['floor-plan']),
    ]);
    expect(actor.getSnapshot().value).toBe('accepted');
    expect(actor.getSnapshot().output).toMatchObject({ mode: 'deemed' });
    expect(actor.getSnapshot().context.notices).toEqual([]);
  });

  it('ALL-32-NOTICE-5D: materials never checked within the window count as accepted on the first event after it', () => {
    const actor = start([tick('2025-10-14')]);
    expect(actor.getSnapshot().value).toBe('checking');
    actor.send(checked('2025-10-16', { application: 'missing' }));
    expect(actor.getSnapshot().output).toEqual({
      outcome: 'accepted',
      mode: 'deemed',
      acceptedOn: '2025-09-30',
    });
  });

  it('ALL-32-NOTICE-5D: a notice on the last day of the window is in time, and the rule does not apply to later notices', () => {
    const actor = start([
      checked('2025-10-10', { 'floor-plan': 'missing' }),
      notice('2025-10-14', ['floor-plan']),
      tick('2025-10-20'),
    ]);
    expect(actor.getSnapshot().value).toEqual({
      correction: 'awaitingApplicant',
    });
    expect(nextTolerantAcceptanceWakeUp(actor.getSnapshot())).toBeNull();
    actor.send(supplied('2025-10-21', ['floor-plan']));
    actor.send(checked('2025-10-22', { 'floor-plan': 'defective' }));
    actor.send(tick('2025-11-28'));
    expect(actor.getSnapshot().value).toEqual({ correction: 'noticePending' });
    expect(nextTolerantAcceptanceWakeUp(actor.getSnapshot())).toBeNull();
  });

  it('ALL-32-NOTICE-5D: the window is per item (noticeDays: 1 means the next working day)', () => {
    const actor = start([tick('2025-10-10')], { noticeDays: 1 });
    expect(actor.getSnapshot().context.noticeBy).toBe('2025-10-09');
    expect(actor.getSnapshot().output).toMatchObject({ mode: 'deemed' });
  });
});

describe('SVC-ONE-NOTICE: one complete notice', () => {
  it('SVC-ONE-NOTICE: a first notice that leaves out a defect, or adds a material found complete, is refused', () => {
    const actor = start([
      checked('2025-10-09', {
        application: 'defective',
        'floor-plan': 'missing',
      }),
      notice('2025-10-09', ['application']),
      notice('2025-10-09', ['application', 'floor-plan', 'id-copy']),
      notice('2025-10-09', ['application', 'floor-plan', 'floor-plan']),
    ]);
    expect(actor.getSnapshot().value).toEqual({ correction: 'noticePending' });
    actor.send(notice('2025-10-09', ['floor-plan', 'application']));
    expect(actor.getSnapshot().value).toEqual({
      correction: 'awaitingApplicant',
    });
    expect(actor.getSnapshot().context.notices).toHaveLength(1);
  });

  it('SVC-ONE-NOTICE: a second notice may only concern material supplied after the first', () => {
    const actor = start([
      checked('2025-10-09', {
        application: 'defective',
        'floor-plan': 'missing',
      }),
      notice('2025-10-09', ['application', 'floor-plan']),
      supplied('2025-10-13', ['application', 'floor-plan']),
    ]);
    expect(actor.getSnapshot().value).toBe('checking');
    // The officer now also objects to the ID copy, which was never supplied again.
    actor.send(
      checked('2025-10-14', {
        'floor-plan': 'defective',
        'id-copy': 'defective',
      }),
    );
    expect(actor.getSnapshot().value).toEqual({ correction: 'noticePending' });
    actor.send(notice('2025-10-14', ['floor-plan', 'id-copy']));
    actor.send(notice('2025-10-14', ['id-copy']));
    expect(actor.getSnapshot().value).toEqual({ correction: 'noticePending' });
    actor.send(notice('2025-10-14', ['floor-plan']));
    expect(actor.getSnapshot().value).toEqual({
      correction: 'awaitingApplicant',
    });
    actor.send(supplied('2025-10-16', ['floor-plan']));
    actor.send(checked('2025-10-17'));
    expect(actor.getSnapshot().output).toEqual({
      outcome: 'accepted',
      mode: 'corrected',
      acceptedOn: '2025-10-17',
    });
  });

  it('SVC-ONE-NOTICE: material still missing under the first notice needs no new notice; the applicant supplies it', () => {
    const actor = start([
      checked('2025-10-09', {
        application: 'defective',
        'floor-plan': 'missing',
      }),
      notice('2025-10-09', ['application', 'floor-plan']),
      supplied('2025-10-13', ['application']),
      checked('2025-10-13', { 'floor-plan': 'missing' }),
    ]);
    expect(actor.getSnapshot().value).toEqual({ correction: 'noticePending' });
    actor.send(notice('2025-10-13', ['floor-plan']));
    expect(actor.getSnapshot().context.notices).toHaveLength(1);
    actor.send(supplied('2025-10-15', ['floor-plan', 'tax-certificate']));
    expect(actor.getSnapshot().value).toEqual({ correction: 'noticePending' });
    actor.send(supplied('2025-10-15', ['floor-plan']));
    expect(actor.getSnapshot().value).toBe('checking');
    expect(actor.getSnapshot().context.suppliedAfterNotice).toEqual([
      'application',
      'floor-plan',
    ]);
  });

  it('SVC-ONE-NOTICE: nothing can be supplied against a notice not yet given', () => {
    const actor = start([
      checked('2025-10-09', { 'floor-plan': 'missing' }),
      supplied('2025-10-09', ['floor-plan']),
    ]);
    expect(actor.getSnapshot().value).toEqual({ correction: 'noticePending' });
  });
});

describe('tolerant acceptance 容缺受理', () => {
  it('RQ-COND: an item may not publish a primary material as tolerable', () => {
    const materials = input.materials.map((m) =>
      m.id === 'application' ? { ...m, tolerable: true } : m,
    );
    const result = TolerantAcceptanceInputSchema.safeParse({
      ...input,
      materials,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([
      ['materials', 0, 'tolerable'],
    ]);
  });

  it('RQ-COND: a missing primary material, or a missing secondary one not published as tolerable, takes the correction route', () => {
    const primary = start([
      checked('2025-10-09', { application: 'defective', 'id-copy': 'missing' }),
    ]);
    expect(primary.getSnapshot().value).toEqual({
      correction: 'noticePending',
    });
    const secondary = start([
      checked('2025-10-09', { 'floor-plan': 'missing', 'id-copy': 'missing' }),
    ]);
    expect(secondary.getSnapshot().value).toEqual({
      correction: 'noticePending',
    });
  });

  it('RQ-COND: an item that does not offer 容缺 takes the correction route', () => {
    const { tolerance: _, ...withoutTolerance } = input;
    const actor = createActor(tolerantAcceptanceMachine, {
      input: withoutTolerance,
    }).start();
    actor.send(copiesMissing);
    expect(actor.getSnapshot().value).toEqual({ correction: 'noticePending' });
    expect(actor.getSnapshot().context.tolerance).toBeNull();
  });

  it('RQ-COMMIT: the signed commitment gives acceptance first, with one notice of what to supply, by when, and what follows', () => {
    const actor = start([copiesMissing]);
    expect(actor.getSnapshot().value).toEqual({ tolerance: 'offered' });
    expect(nextTolerantAcceptanceWakeUp(actor.getSnapshot())).toBeNull();
    actor.send(acceptTolerance('2025-09-30'));
    const { context, value } = actor.getSnapshot();
    expect(value).toEqual({ tolerance: 'provisional' });
    expect(context.acceptedOn).toBe('2025-09-30');
    // Five working days after 09-30, across the holiday: 10-09, 10-10,
    // 10-11 (make-up Saturday), 10-13, 10-14.
    expect(context.supplementDue).toBe('2025-10-14');
    expect(context.toleranceNotice).toEqual({
      materials: [
        {
          id: 'id-copy',
          name: "Copy of the legal representative's ID card",
          nameZh: '法定代表人身份证复印件',
          status: 'missing',
        },
        {
          id: 'lease-copy',
          name: 'Copy of the premises lease',
          nameZh: '经营场所租赁合同复印件',
          status: 'defective',
        },
      ],
      supplyBy: '2025-10-14',
      consequence: 'revoke-acceptance',
      creditRecord: true,
      basis: '某市政务服务容缺受理实施办法 第十二条',
      commitment: {
        text: '本人承诺在规定期限内补齐所缺材料，逾期未补齐的，同意按规定处理。',
        signedBy: 'applicant-zhang',
        signedOn: '2025-09-30',
      },
    });
    expect(nextTolerantAcceptanceWakeUp(actor.getSnapshot())).toBe(
      '2025-10-15',
    );
  });

  it('RQ-COMMIT: supplements add up; the last one, on the due date, completes the acceptance as of the provisional date', () => {
    const actor = start([
      copiesMissing,
      acceptTolerance('2025-09-30'),
      supplement('2025-10-10', ['id-copy']),
      supplement('2025-10-11', ['application']),
    ]);
    expect(actor.getSnapshot().value).toEqual({ tolerance: 'provisional' });
    expect(actor.getSnapshot().context.supplemented).toEqual(['id-copy']);
    actor.send(supplement('2025-10-14', ['lease-copy']));
    expect(actor.getSnapshot().output).toEqual({
      outcome: 'accepted',
      mode: 'tolerant',
      acceptedOn: '2025-09-30',
    });
    expect(nextTolerantAcceptanceWakeUp(actor.getSnapshot())).toBeNull();
  });

  it("RQ-COMMIT: the notice carries the officer's note on a defect", () => {
    const event = checked('2025-10-09', { 'id-copy': 'defective' });
    const noted = {
      ...event,
      findings: event.findings.map((f) =>
        f.materialId === 'id-copy' ? { ...f, note: '复印件不清晰' } : f,
      ),
    };
    const actor = start([noted, acceptTolerance('2025-10-09')]);
    expect(actor.getSnapshot().context.toleranceNotice?.materials).toEqual([
      expect.objectContaining({ id: 'id-copy', note: '复印件不清晰' }),
    ]);
  });

  it('RQ-DEADLINE: an item whose supplement deadline exceeds its promised limit is refused', () => {
    const tooLong = {
      ...input,
      promisedDays: 5,
      tolerance: { ...input.tolerance!, supplementDays: 7 },
    };
    const result = TolerantAcceptanceInputSchema.safeParse(tooLong);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['tolerance', 'supplementDays'] }),
    ]);
    expect(
      TolerantAcceptanceInputSchema.safeParse({ ...tooLong, promisedDays: 7 })
        .success,
    ).toBe(true);
  });

  it.each([
    ['revoke-acceptance', true],
    ['deemed-withdrawn', false],
    ['refuse', true],
    ['terminate', false],
  ] as const)(
    'RQ-FAIL: nothing supplied by the due date: %s (credit record: %s)',
    (onLate, creditRecord) => {
      const actor = start([copiesMissing, acceptTolerance('2025-09-30')], {
        tolerance: { ...input.tolerance!, onLate, creditRecord },
      });
      actor.send(tick('2025-10-14'));
      expect(actor.getSnapshot().value).toEqual({ tolerance: 'provisional' });
      actor.send(tick('2025-10-15'));
      expect(actor.getSnapshot().value).toBe('lapsed');
      expect(actor.getSnapshot().output).toEqual({
        outcome: 'lapsed',
        consequence: onLate,
        creditRecord,
      });
    },
  );

  it('RQ-FAIL: a supplement after the due date is too late, whether or not a TICK came first', () => {
    const actor = start([
      copiesMissing,
      acceptTolerance('2025-09-30'),
      supplement('2025-10-10', ['id-copy']),
      supplement('2025-10-15', ['lease-copy']),
    ]);
    expect(actor.getSnapshot().output).toEqual({
      outcome: 'lapsed',
      consequence: 'revoke-acceptance',
      creditRecord: true,
    });
  });

  it('RQ-VOLUNTARY: the applicant may decline and take the ordinary route, with a complete notice', () => {
    const actor = start([copiesMissing, decline('2025-10-09')]);
    expect(actor.getSnapshot().value).toEqual({ correction: 'noticePending' });
    actor.send(notice('2025-10-09', ['id-copy']));
    expect(actor.getSnapshot().value).toEqual({ correction: 'noticePending' });
    actor.send(notice('2025-10-09', ['id-copy', 'lease-copy']));
    actor.send(supplied('2025-10-13', ['id-copy', 'lease-copy']));
    // Once a notice was given, 容缺 is not offered again.
    actor.send(checked('2025-10-13', { 'lease-copy': 'defective' }));
    expect(actor.getSnapshot().value).toEqual({ correction: 'noticePending' });
    actor.send(notice('2025-10-13', ['lease-copy']));
    actor.send(supplied('2025-10-14', ['lease-copy']));
    actor.send(checked('2025-10-14'));
    expect(actor.getSnapshot().output).toEqual({
      outcome: 'accepted',
      mode: 'corrected',
      acceptedOn: '2025-10-14',
    });
  });

  it.each([
    [{ id: 'applicant-zhang', seriousBadCredit: true }],
    [{ id: 'applicant-zhang', unrepairedFalseCommitment: true }],
  ])(
    'RQ-CREDIT: an applicant with %o is not offered 容缺 and takes the correction route',
    (badCredit) => {
      const actor = start([copiesMissing], { applicant: badCredit });
      expect(actor.getSnapshot().value).toEqual({
        correction: 'noticePending',
      });
      actor.send(acceptTolerance('2025-10-09'));
      expect(actor.getSnapshot().value).toEqual({
        correction: 'noticePending',
      });
    },
  );

  it('RQ-CREDIT: explicit good standing is eligible', () => {
    const actor = start([copiesMissing], {
      applicant: {
        id: 'applicant-zhang',
        seriousBadCredit: false,
        unrepairedFalseCommitment: false,
      },
    });
    expect(actor.getSnapshot().value).toEqual({ tolerance: 'offered' });
  });
});

describe('who may act', () => {
  it('roles: an applicant cannot report the check of the materials; nothing changes', () => {
    const actor = start();
    const before = actor.getSnapshot();
    actor.send(checked('2025-10-09', {}, applicant));
    expect(actor.getSnapshot()).toBe(before);
    expect(tolerantAcceptanceRoles.MATERIALS_CHECKED).toEqual([
      'window-officer',
    ]);
  });

  it('roles: only the applicant signs, declines, supplements or withdraws; only the scheduler ticks', () => {
    const actor = start([copiesMissing]);
    const before = actor.getSnapshot();
    actor.send({ ...acceptTolerance('2025-10-09'), actor: officer });
    actor.send({ ...decline('2025-10-09'), actor: officer });
    actor.send({ ...withdraw('2025-10-09'), actor: officer });
    expect(actor.getSnapshot()).toBe(before);
    const provisional = start([copiesMissing, acceptTolerance('2025-09-30')]);
    provisional.send({ ...tick('2025-11-03'), actor: officer });
    provisional.send({
      ...supplement('2025-10-09', ['id-copy']),
      actor: officer,
    });
    expect(provisional.getSnapshot().value).toEqual({
      tolerance: 'provisional',
    });
    expect(provisional.getSnapshot().context.supplemented).toEqual([]);
  });

  it('roles: events dated before receipt, malformed events and unknown events are ignored', () => {
    const actor = start();
    const before = actor.getSnapshot();
    actor.send(checked('2025-09-29'));
    actor.send({ ...checked('2025-10-09'), findings: 'all fine' } as never);
    actor.send({ type: 'APPROVE', at: '2025-11-03', actor: officer } as never);
    actor.send({ ...tick('2025-11-03'), at: '2025-11-31' });
    expect(actor.getSnapshot()).toBe(before);
  });
});

describe('WITHDRAW', () => {
  it.each([
    ['checking', []],
    [
      'correction.noticePending',
      [checked('2025-10-09', { application: 'missing' })],
    ],
    [
      'correction.awaitingApplicant',
      [
        checked('2025-10-09', { application: 'missing' }),
        notice('2025-10-09', ['application']),
      ],
    ],
    ['tolerance.offered', [copiesMissing]],
    ['tolerance.provisional', [copiesMissing, acceptTolerance('2025-09-30')]],
  ] as const)('the applicant may withdraw from %s', (_, events) => {
    const actor = start(events);
    actor.send(withdraw('2025-10-10'));
    expect(actor.getSnapshot().value).toBe('withdrawn');
    expect(actor.getSnapshot().output).toEqual({ outcome: 'withdrawn' });
    expect(nextTolerantAcceptanceWakeUp(actor.getSnapshot())).toBeNull();
  });

  it('a withdrawal dated after a deadline comes after the deadline took effect', () => {
    expect(start([withdraw('2025-10-15')]).getSnapshot().output).toMatchObject({
      mode: 'deemed',
    });
    const provisional = start([
      copiesMissing,
      acceptTolerance('2025-09-30'),
      withdraw('2025-10-15'),
    ]);
    expect(provisional.getSnapshot().output).toMatchObject({
      outcome: 'lapsed',
    });
  });
});

describe('as a child of the case lifecycle', () => {
  it('tells its parent of provisional and final acceptance, and ends with its output', () => {
    const parent = setup({
      types: {
        context: {} as {
          messages: AnyEventObject[];
          output: TolerantAcceptanceOutput | null;
        },
      },
      actors: { acceptance: tolerantAcceptanceMachine },
    }).createMachine({
      context: { messages: [], output: null },
      invoke: {
        id: 'acceptance',
        src: 'acceptance',
        input,
        onDone: {
          actions: assign({ output: ({ event }) => event.output }),
        },
      },
      on: {
        '*': {
          actions: assign({
            messages: ({ context, event }) => [...context.messages, event],
          }),
        },
      },
    });
    const lifecycle = createActor(parent).start();
    const child = lifecycle.getSnapshot().children.acceptance;
    for (const event of [
      copiesMissing,
      acceptTolerance('2025-09-30'),
      supplement('2025-10-13', ['id-copy', 'lease-copy']),
    ]) {
      child?.send(event);
    }
    const { context } = lifecycle.getSnapshot();
    expect(context.messages).toEqual([
      {
        type: 'ACCEPTANCE.PROVISIONAL',
        acceptedOn: '2025-09-30',
        supplementDue: '2025-10-14',
      },
      {
        type: 'ACCEPTANCE.ACCEPTED',
        acceptedOn: '2025-09-30',
        mode: 'tolerant',
      },
    ]);
    expect(context.output).toEqual({
      outcome: 'accepted',
      mode: 'tolerant',
      acceptedOn: '2025-09-30',
    });
  });
});

describe('bad input and misuse', () => {
  it('INVALID_ARGUMENT: the actor ends in error with every problem and its path, in English and Chinese', () => {
    const bad = {
      ...input,
      receivedOn: '2025-02-30',
      materials: [...input.materials, { ...input.materials[1]!, nameZh: '' }],
      applicant: {},
    };
    const actor = createActor(tolerantAcceptanceMachine, {
      input: bad as unknown as TolerantAcceptanceInput,
    });
    const snapshot = actor.getSnapshot();
    expect(snapshot.status).toBe('error');
    const error: unknown = snapshot.error;
    if (!isKuaibanError(error)) throw new Error('expected a KuaibanError');
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.issues.map((issue) => issue.path)).toEqual([
      ['receivedOn'],
      ['materials', 4, 'nameZh'],
      ['applicant', 'id'],
    ]);
    expect(error.message).toMatch(/^Invalid tolerant acceptance input: /);
    expect(error.messageZh).toMatch(/^容缺受理输入无效：/);

    // A subscriber with an error handler receives it when the actor starts.
    const seen: unknown[] = [];
    actor.subscribe({ error: (e) => seen.push(e) });
    actor.start();
    expect(seen).toEqual([error]);
  });

  it('INVALID_ARGUMENT: the rules of the item are checked too (unique ids, RQ-COND, RQ-DEADLINE)', () => {
    const bad = {
      ...input,
      materials: [
        ...input.materials,
        { ...input.materials[1]!, name: 'Another copy' },
        { ...input.materials[0]!, id: 'licence', tolerable: true },
      ],
      promisedDays: 3,
    };
    const error: unknown = createActor(tolerantAcceptanceMachine, {
      input: bad,
    }).getSnapshot().error;
    if (!isKuaibanError(error)) throw new Error('expected a KuaibanError');
    expect(error.issues).toEqual([
      {
        path: ['materials', 4, 'id'],
        message: 'material id "id-copy" is used twice',
        messageZh: '材料编号“id-copy”重复',
      },
      {
        path: ['materials', 5, 'tolerable'],
        message:
          'a primary material may not be missing at acceptance (RQ-COND)',
        messageZh: '主要材料不得容缺（RQ-COND）',
      },
      {
        path: ['tolerance', 'supplementDays'],
        message:
          'the supplement deadline (5 working days) may not exceed the promised limit (3) (RQ-DEADLINE)',
        messageZh:
          '补正期限（5 个工作日）不得超过承诺时限（3 个工作日）（RQ-DEADLINE）',
      },
    ]);
  });

  it('INVALID_ARGUMENT: the factory refuses something that is not a calendar', () => {
    expect(() =>
      createTolerantAcceptanceMachine({ calendar: {} as never }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('runs on any injected calendar', () => {
    const calendar = createChinaCalendar().withOptions({
      beyondData: 'weekdays',
    });
    const machine = createTolerantAcceptanceMachine({ calendar });
    const actor = createActor(machine, {
      input: { ...input, receivedOn: '2030-12-27' },
    }).start();
    expect(actor.getSnapshot().context.noticeBy).toBe('2031-01-03');
  });

  it('a corrupted snapshot surfaces as an error, not as a wrong outcome', () => {
    const provisional = start([copiesMissing, acceptTolerance('2025-09-30')]);
    const persisted = JSON.parse(
      JSON.stringify(provisional.getPersistedSnapshot()),
    ) as { context: Record<string, unknown> };
    persisted.context.acceptedOn = null;
    const restored = createActor(tolerantAcceptanceMachine, {
      input,
      snapshot: persisted as never,
    });
    const errors: unknown[] = [];
    restored.subscribe({ error: (e) => errors.push(e) });
    restored.start();
    restored.send(supplement('2025-10-10', ['id-copy', 'lease-copy']));
    expect(restored.getSnapshot().status).toBe('error');
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'INVALID_ARGUMENT',
        message: expect.stringContaining('acceptedOn') as unknown,
      }),
    ]);
  });
});
