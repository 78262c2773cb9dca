import { createChinaCalendar, isKuaibanError } from '@kuaiban/calendar';
import { describe, expect, it, vi } from 'vitest';
import type { AnyActorRef, SnapshotFrom } from 'xstate';
import { assign, createActor, setup, spawnChild } from 'xstate';
import type {
  ParallelApprovalEvent,
  ParallelApprovalInput,
  ParallelApprovalMachine,
} from '../src/parallelApproval.js';
import {
  createParallelApprovalMachine,
  joinOutcome,
  nextParallelApprovalWakeUp,
  parallelApprovalMachine,
  parallelApprovalRoles,
  reviewIdOf,
} from '../src/parallelApproval.js';
import { DepartmentReviewEventSchema } from '../src/parallelApprovalDepartment.js';
import type { Party } from '../src/party.js';
import { explore, missing } from './support/modelCoverage.js';
import { runWithRestarts } from './support/persistence.js';

// The 施工许可 stage of a construction project (GC-STAGES): the housing
// bureau leads (GC-LEAD); planning, fire protection and civil defence review
// at the same time; the fire review needs the planning result first.
const machine = createParallelApprovalMachine({
  calendar: createChinaCalendar(),
});

type Department = ParallelApprovalInput['departments'][number];
const planning: Department = {
  id: 'planning',
  name: 'Natural Resources and Planning Bureau',
  nameZh: '自然资源和规划局',
  limitDays: 5,
  onTimeout: { action: 'escalate' },
};
const fire: Department = {
  id: 'fire',
  name: 'Fire protection design review',
  nameZh: '消防设计审查',
  limitDays: 5,
  dependsOn: ['planning'],
  onTimeout: { action: 'escalate' },
};
const CIVIL_DEFENCE_BASIS =
  '某省人民防空工程建设管理规定 第二十条 (逾期视为同意)';
const civilDefence: Department = {
  id: 'civil-defence',
  name: 'Civil air defence design review',
  nameZh: '人防设计审查',
  limitDays: 5,
  onTimeout: { action: 'deem', opinion: 'approve', basis: CIVIL_DEFENCE_BASIS },
};

const stage = (
  overrides: Partial<ParallelApprovalInput> = {},
): ParallelApprovalInput => ({
  startedOn: '2025-09-26',
  lead: {
    id: 'housing',
    name: 'Housing and Urban-Rural Development Bureau',
    nameZh: '住房和城乡建设局',
  },
  departments: [planning, fire, civilDefence],
  join: { policy: 'all' },
  rejection: 'short-circuit',
  ...overrides,
});

const approver = (department: string): Party => ({
  id: `${department}-approver`,
  role: 'department-approver',
  department,
});
const lead: Party = {
  id: 'housing-li',
  role: 'lead-department',
  department: 'housing',
};
const applicant: Party = { id: 'builder-co', role: 'applicant' };
const head: Party = { id: 'vice-mayor', role: 'agency-head' };
const supervisor: Party = { id: 'supervisor-sun', role: 'supervisor' };
const scheduler: Party = { id: 'scheduler', role: 'system' };

const opinion = (
  department: string,
  value: 'approve' | 'reject',
  at: string,
  actor = approver(department),
): ParallelApprovalEvent => ({
  type: 'OPINION',
  department,
  opinion: value,
  at,
  actor,
});
const request = (
  department: string,
  at: string,
  materialId = `${department}-drawings`,
): ParallelApprovalEvent => ({
  type: 'REQUEST_SUPPLEMENT',
  department,
  items: [{ materialId, problem: '图纸缺少签章' }],
  at,
  actor: approver(department),
});
const notice = (at: string, actor = lead): ParallelApprovalEvent => ({
  type: 'ISSUE_MERGED_NOTICE',
  at,
  actor,
});
const supplied = (at: string, actor = applicant): ParallelApprovalEvent => ({
  type: 'SUPPLEMENT_PROVIDED',
  at,
  actor,
});
const extend = (
  days: number,
  at: string,
  actor = head,
): ParallelApprovalEvent => ({
  type: 'EXTEND_JOINT',
  days,
  reason: '项目涉及重大公共安全，经市政府负责人批准',
  at,
  actor,
});
const resolve = (
  department: string,
  value: 'approve' | 'reject',
  at: string,
  actor = supervisor,
): ParallelApprovalEvent => ({
  type: 'ESCALATION_RESOLVED',
  department,
  opinion: value,
  at,
  actor,
});
const tick = (at: string, actor = scheduler): ParallelApprovalEvent => ({
  type: 'TICK',
  at,
  actor,
});

function run(input: ParallelApprovalInput, events: ParallelApprovalEvent[]) {
  const actor = createActor(machine, { input }).start();
  for (const event of events) actor.send(event);
  return actor;
}

const reviewState = (actor: { getSnapshot(): unknown }, department: string) =>
  (
    (actor.getSnapshot() as SnapshotFrom<ParallelApprovalMachine>).children[
      reviewIdOf(department)
    ] as AnyActorRef | undefined
  )?.getSnapshot() as { value: string; context: Record<string, unknown> };

describe('parallel approval: dispatch and the lead (GC-LEAD, ALL-26-JOINT)', () => {
  it('dispatches one review per department; fire waits for the planning result', () => {
    const actor = run(stage(), []);
    const snapshot = actor.getSnapshot();
    expect(snapshot.value).toEqual({ reviewing: 'running' });
    expect(Object.keys(snapshot.children).sort()).toEqual([
      'review:civil-defence',
      'review:fire',
      'review:planning',
    ]);
    expect(reviewState(actor, 'planning').value).toBe('reviewing');
    expect(reviewState(actor, 'fire').value).toBe('waiting');
    // 5 working days from 09-26: the make-up Sunday 09-28 counts, National Day does not.
    expect(reviewState(actor, 'planning').context.dueDate).toBe('2025-10-10');
    expect(nextParallelApprovalWakeUp(snapshot)).toBe('2025-10-11');
  });

  it('GC-LEAD: pushes the planning result to the fire review, whose clock starts that day', () => {
    const actor = run(stage(), [opinion('planning', 'approve', '2025-10-09')]);
    const fireReview = reviewState(actor, 'fire');
    expect(fireReview.value).toBe('reviewing');
    expect(fireReview.context.prerequisites).toEqual({ planning: 'approve' });
    // 10-11 is a make-up Saturday.
    expect(fireReview.context.dueDate).toBe('2025-10-15');
    expect(actor.getSnapshot().context.opinions).toEqual({
      planning: 'approve',
    });
    // The decided review is stopped and leaves the children.
    expect(
      actor.getSnapshot().children[reviewIdOf('planning')],
    ).toBeUndefined();
  });

  it('runs the whole stage to a decision and tells its parent (PARALLEL.DONE)', () => {
    const host = setup({
      types: {
        context: {} as { outcome: string | null },
        events: {} as { type: 'PARALLEL.DONE'; outcome: string },
      },
      actors: { parallelApproval: machine },
    }).createMachine({
      context: { outcome: null },
      entry: spawnChild('parallelApproval', {
        id: 'parallel',
        input: stage(),
      }),
      on: {
        'PARALLEL.DONE': {
          actions: assign({ outcome: ({ event }) => event.outcome }),
        },
      },
    });
    const actor = createActor(host).start();
    const parallel = actor.getSnapshot().children.parallel as AnyActorRef;
    for (const event of [
      opinion('planning', 'approve', '2025-10-09'),
      opinion('civil-defence', 'approve', '2025-10-09'),
      opinion('fire', 'approve', '2025-10-14'),
    ]) {
      parallel.send(event);
    }
    expect(actor.getSnapshot().context.outcome).toBe('approved');
    expect(parallel.getSnapshot()).toMatchObject({
      status: 'done',
      value: 'approved',
      output: {
        outcome: 'approved',
        decidedOn: '2025-10-14',
        opinions: {
          planning: 'approve',
          'civil-defence': 'approve',
          fire: 'approve',
        },
        deemed: [],
        overdue: false,
      },
    });
  });
});

describe('parallel approval: one merged notice (SVC-ONE-NOTICE)', () => {
  it('merges two departments’ requests into one notice; both resume when the applicant supplies', () => {
    const actor = run(stage(), [
      request('planning', '2025-09-29', 'site-plan'),
      request('civil-defence', '2025-09-29', 'shelter-drawings'),
    ]);
    expect(actor.getSnapshot().value).toEqual({ reviewing: 'noticePending' });
    expect(actor.getSnapshot().context.pendingRequests).toHaveLength(2);
    expect(reviewState(actor, 'planning').value).toBe('awaitingSupplement');

    actor.send(notice('2025-09-30'));
    let snapshot = actor.getSnapshot();
    expect(snapshot.value).toEqual({ reviewing: 'noticeIssued' });
    expect(snapshot.context.pendingRequests).toEqual([]);
    expect(snapshot.context.notices).toEqual([
      {
        issuedOn: '2025-09-30',
        issuedBy: 'housing-li',
        suppliedOn: null,
        requests: [
          {
            department: 'planning',
            requestedOn: '2025-09-29',
            items: [{ materialId: 'site-plan', problem: '图纸缺少签章' }],
          },
          {
            department: 'civil-defence',
            requestedOn: '2025-09-29',
            items: [
              { materialId: 'shelter-drawings', problem: '图纸缺少签章' },
            ],
          },
        ],
      },
    ]);
    // Paused clocks: nothing to wake up for but the joint limit.
    expect(nextParallelApprovalWakeUp(snapshot)).toBe('2025-12-05');

    actor.send(supplied('2025-10-09'));
    snapshot = actor.getSnapshot();
    expect(snapshot.value).toEqual({ reviewing: 'running' });
    expect(snapshot.context.notices[0]?.suppliedOn).toBe('2025-10-09');
    expect(reviewState(actor, 'planning').value).toBe('reviewing');
    expect(reviewState(actor, 'civil-defence').value).toBe('reviewing');
    // 2 days used before the pause; 3 left from 10-09: 10-10, 10-11, 10-13.
    expect(reviewState(actor, 'planning').context.dueDate).toBe('2025-10-13');
  });

  it('allows no new request while the notice is out, and later ones only about supplied materials', () => {
    const actor = run(
      stage({ departments: [planning, { ...fire, dependsOn: [] }] }),
      [
        request('planning', '2025-09-29', 'site-plan'),
        notice('2025-09-30'),
        request('fire', '2025-09-30'),
      ],
    );
    expect(reviewState(actor, 'fire').value).toBe('reviewing');
    expect(actor.getSnapshot().context.pendingRequests).toEqual([]);
    actor.send(supplied('2025-10-09'));
    // A later notice may only concern material supplied after the first.
    actor.send(request('fire', '2025-10-10', 'fire-drawings'));
    expect(actor.getSnapshot().value).toEqual({ reviewing: 'running' });
    actor.send(request('planning', '2025-10-10', 'site-plan'));
    expect(actor.getSnapshot().value).toEqual({ reviewing: 'noticePending' });
    actor.send(notice('2025-10-10'));
    expect(actor.getSnapshot().context.notices).toHaveLength(2);
  });

  it('the notice comes from the lead department only; supplements from the applicant only', () => {
    const actor = run(stage(), [request('planning', '2025-09-29')]);
    actor.send(notice('2025-09-30', { ...lead, department: 'planning' }));
    actor.send(notice('2025-09-30', approver('planning')));
    expect(actor.getSnapshot().value).toEqual({ reviewing: 'noticePending' });
    actor.send(
      notice('2025-09-30', { id: 'lead-desk', role: 'lead-department' }),
    );
    actor.send(supplied('2025-10-09', { id: 'w', role: 'window-officer' }));
    expect(actor.getSnapshot().value).toEqual({ reviewing: 'noticeIssued' });
  });
});

describe('parallel approval: timeouts (DEEM-APPROVAL)', () => {
  it('deems civil defence’s approval with its basis; escalates planning to a supervisor', () => {
    const actor = run(stage({ departments: [planning, civilDefence] }), [
      tick('2025-10-13'),
    ]);
    expect(reviewState(actor, 'planning').value).toBe('escalated');
    expect(actor.getSnapshot().context.deemed).toEqual(['civil-defence']);
    expect(actor.getSnapshot().context.opinions).toEqual({
      'civil-defence': 'approve',
    });
    actor.send(
      resolve('planning', 'approve', '2025-10-14', approver('planning')),
    );
    expect(actor.getSnapshot().status).toBe('active');
    actor.send(resolve('planning', 'approve', '2025-10-14'));
    expect(actor.getSnapshot().output).toEqual({
      outcome: 'approved',
      decidedOn: '2025-10-14',
      opinions: { planning: 'approve', 'civil-defence': 'approve' },
      deemed: ['civil-defence'],
      overdue: false,
    });
  });

  it('refuses a deemed opinion without a basis in the input', () => {
    const actor = createActor(machine, {
      input: stage({
        departments: [
          planning,
          {
            ...civilDefence,
            onTimeout: { action: 'deem', opinion: 'approve' } as never,
          },
        ],
      }),
    });
    const error: unknown = actor.getSnapshot().error;
    expect(isKuaibanError(error) && error.issues.map((i) => i.path)).toEqual([
      ['departments', 1, 'onTimeout', 'basis'],
    ]);
  });
});

describe('parallel approval: the joint limit (ALL-42-JOINT-45D)', () => {
  const allEscalate = stage({
    departments: [
      planning,
      { ...civilDefence, onTimeout: { action: 'escalate' } },
    ],
  });

  it('is 45 working days from dispatch, extended once by at most 15 with the head’s approval', () => {
    const actor = run(allEscalate, [tick('2025-10-13')]);
    expect(actor.getSnapshot().context.joint.dueDate).toBe('2025-12-04');
    expect(nextParallelApprovalWakeUp(actor.getSnapshot())).toBe('2025-12-05');
    actor.send(extend(16, '2025-12-01'));
    actor.send(extend(15, '2025-12-01', lead));
    expect(actor.getSnapshot().context.joint.dueDate).toBe('2025-12-04');
    actor.send(extend(15, '2025-12-01'));
    expect(actor.getSnapshot().context.joint).toMatchObject({
      dueDate: '2025-12-25',
      deadline: {
        extension: {
          days: 15,
          grantedOn: '2025-12-01',
          grantedBy: 'vice-mayor',
        },
      },
    });
    // The law allows one extension.
    actor.send(extend(1, '2025-12-02'));
    expect(actor.getSnapshot().context.joint.dueDate).toBe('2025-12-25');
    actor.send(tick('2025-12-25'));
    expect(actor.getSnapshot().context.overdue).toBe(false);
    actor.send(tick('2025-12-26'));
    expect(actor.getSnapshot().context.overdue).toBe(true);
    expect(nextParallelApprovalWakeUp(actor.getSnapshot())).toBeNull();
    // The departments' own escalations still decide; the output records the overrun.
    actor.send(resolve('planning', 'approve', '2025-12-29'));
    actor.send(resolve('civil-defence', 'reject', '2025-12-29'));
    expect(actor.getSnapshot().output).toMatchObject({
      outcome: 'rejected',
      overdue: true,
    });
    expect(nextParallelApprovalWakeUp(actor.getSnapshot())).toBeNull();
  });

  it('cannot be extended after it ran out', () => {
    const actor = run(allEscalate, [extend(5, '2025-12-05')]);
    expect(
      actor.getSnapshot().context.joint.deadline.extension,
    ).toBeUndefined();
  });

  it('a longer limit or extension needs its legal basis', () => {
    const refused = createActor(machine, {
      input: stage({ jointLimitDays: 60, jointExtensionDays: 20 }),
    });
    const error: unknown = refused.getSnapshot().error;
    expect(isKuaibanError(error) && error.issues.map((i) => i.path)).toEqual([
      ['jointLimitDays'],
      ['jointExtensionDays'],
    ]);
    expect(isKuaibanError(error) && error.messageZh).toContain(
      'ALL-42-JOINT-45D',
    );
    const allowed = run(
      stage({
        jointLimitDays: 60,
        limitBasis: '某省建设工程审批条例 第十二条',
      }),
      [],
    );
    expect(allowed.getSnapshot().context.joint).toMatchObject({
      dueDate: '2025-12-25',
      deadline: { basis: '某省建设工程审批条例 第十二条' },
    });
  });

  it('cannot be extended when the input allows no extension', () => {
    const actor = run(stage({ jointExtensionDays: 0 }), [
      extend(1, '2025-10-09'),
    ]);
    expect(actor.getSnapshot().context.joint.dueDate).toBe('2025-12-04');
  });
});

describe('parallel approval: join policies (会签/或签/票签) — does one "no" veto?', () => {
  const independent = [
    { ...planning, weight: 3 },
    { ...fire, dependsOn: [] },
    civilDefence,
  ];
  type Step = [department: string, opinion: 'approve' | 'reject'];
  const cases: [
    string,
    ParallelApprovalInput['join'],
    ParallelApprovalInput['rejection'],
    Step[],
    string,
    number,
  ][] = [
    [
      '会签, short-circuit: one no vetoes at once',
      { policy: 'all' },
      'short-circuit',
      [
        ['fire', 'reject'],
        ['planning', 'approve'],
      ],
      'rejected',
      1,
    ],
    [
      '会签, collect-all: the no waits for every opinion',
      { policy: 'all' },
      'collect-all',
      [
        ['fire', 'reject'],
        ['planning', 'approve'],
        ['civil-defence', 'approve'],
      ],
      'rejected',
      3,
    ],
    [
      '会签: all approve',
      { policy: 'all' },
      'short-circuit',
      [
        ['fire', 'approve'],
        ['planning', 'approve'],
        ['civil-defence', 'approve'],
      ],
      'approved',
      3,
    ],
    [
      '或签, short-circuit: a no does not veto; the first yes decides',
      { policy: 'any' },
      'short-circuit',
      [
        ['fire', 'reject'],
        ['planning', 'approve'],
        ['civil-defence', 'reject'],
      ],
      'approved',
      2,
    ],
    [
      '或签, collect-all: the yes waits for every opinion',
      { policy: 'any' },
      'collect-all',
      [
        ['planning', 'approve'],
        ['fire', 'reject'],
        ['civil-defence', 'reject'],
      ],
      'approved',
      3,
    ],
    [
      '或签: all say no',
      { policy: 'any' },
      'short-circuit',
      [
        ['planning', 'reject'],
        ['fire', 'reject'],
        ['civil-defence', 'reject'],
      ],
      'rejected',
      3,
    ],
    [
      '票签 2 of 3, short-circuit: two noes make a quorum impossible',
      { policy: 'quorum', k: 2 },
      'short-circuit',
      [
        ['planning', 'reject'],
        ['fire', 'reject'],
        ['civil-defence', 'approve'],
      ],
      'rejected',
      2,
    ],
    [
      '票签 2 of 3, short-circuit: two yeses',
      { policy: 'quorum', k: 2 },
      'short-circuit',
      [
        ['planning', 'approve'],
        ['fire', 'reject'],
        ['civil-defence', 'approve'],
      ],
      'approved',
      3,
    ],
    [
      '票签 2 of 3, collect-all',
      { policy: 'quorum', k: 2 },
      'collect-all',
      [
        ['planning', 'approve'],
        ['civil-defence', 'approve'],
        ['fire', 'reject'],
      ],
      'approved',
      3,
    ],
    [
      '票签 by weight 60%, short-circuit: planning (3 of 5) carries it',
      { policy: 'weighted', threshold: 0.6 },
      'short-circuit',
      [
        ['planning', 'approve'],
        ['fire', 'reject'],
      ],
      'approved',
      1,
    ],
    [
      '票签 by weight 60%, short-circuit: planning’s no vetoes',
      { policy: 'weighted', threshold: 0.6 },
      'short-circuit',
      [
        ['planning', 'reject'],
        ['fire', 'approve'],
      ],
      'rejected',
      1,
    ],
    [
      '票签 by weight 60%, collect-all: 2 of 5 is not enough',
      { policy: 'weighted', threshold: 0.6 },
      'collect-all',
      [
        ['fire', 'approve'],
        ['civil-defence', 'approve'],
        ['planning', 'reject'],
      ],
      'rejected',
      3,
    ],
  ];

  it.each(cases)('%s', (_, join, rejection, steps, outcome, endsAfter) => {
    const actor = run(stage({ departments: independent, join, rejection }), []);
    // The opinions after `endsAfter` are never asked for.
    steps.slice(0, endsAfter).forEach(([department, value], index) => {
      expect(actor.getSnapshot().status, `before step ${index + 1}`).toBe(
        'active',
      );
      actor.send(opinion(department, value, '2025-10-09'));
    });
    expect(actor.getSnapshot().value).toBe(outcome);
    expect(actor.getSnapshot().output?.opinions).toEqual(
      Object.fromEntries(steps.slice(0, endsAfter)),
    );
  });

  it('adds fractional weights with a tolerance (0.35 + 0.05 is 40%)', () => {
    const spec = {
      departments: [
        { ...planning, dependsOn: [], weight: 0.35 },
        { ...civilDefence, dependsOn: [], weight: 0.05 },
        { ...fire, dependsOn: [], weight: 0.6 },
      ],
      join: { policy: 'weighted', threshold: 0.4 } as const,
      rejection: 'short-circuit' as const,
    };
    expect(
      joinOutcome(spec, { planning: 'approve', 'civil-defence': 'approve' }),
    ).toBe('approved');
    expect(joinOutcome(spec, { planning: 'approve' })).toBeNull();
    expect(joinOutcome(spec, { fire: 'reject' })).toBeNull();
    expect(joinOutcome(spec, { fire: 'reject', planning: 'reject' })).toBe(
      'rejected',
    );
  });
});

describe('parallel approval: who may act', () => {
  it('names the roles of every event', () => {
    expect(parallelApprovalRoles).toEqual({
      OPINION: ['department-approver'],
      REQUEST_SUPPLEMENT: ['department-approver'],
      ISSUE_MERGED_NOTICE: ['lead-department'],
      SUPPLEMENT_PROVIDED: ['applicant'],
      EXTEND_JOINT: ['agency-head'],
      ESCALATION_RESOLVED: ['supervisor'],
      TICK: ['system'],
    });
  });

  it('a department approver gives only its own department’s opinion', () => {
    const actor = run(stage(), [
      opinion('civil-defence', 'reject', '2025-09-29', approver('planning')),
      opinion('civil-defence', 'reject', '2025-09-29', {
        ...approver('civil-defence'),
        role: 'reviewer',
      }),
      opinion('water', 'reject', '2025-09-29', approver('water')),
      {
        ...request('civil-defence', '2025-09-29'),
        actor: approver('planning'),
      },
    ]);
    expect(actor.getSnapshot().status).toBe('active');
    expect(actor.getSnapshot().context.opinions).toEqual({});
    expect(actor.getSnapshot().context.today).toBe('2025-09-26');
    actor.send(opinion('civil-defence', 'reject', '2025-09-29'));
    expect(actor.getSnapshot().value).toBe('rejected');
  });

  it('ignores other roles, unknown or decided departments, malformed events and time running backwards', () => {
    const actor = run(stage({ join: { policy: 'any' } }), [
      opinion('civil-defence', 'reject', '2025-10-09'),
      opinion('civil-defence', 'approve', '2025-10-09'),
      resolve('civil-defence', 'approve', '2025-10-09'),
      tick('2025-10-20', applicant),
      { type: 'TICK', at: '2025-02-30', actor: scheduler } as never,
      { type: 'PROMOTE', at: '2025-10-10', actor: scheduler } as never,
      opinion('planning', 'approve', '2025-09-30'),
    ]);
    expect(actor.getSnapshot().status).toBe('active');
    expect(actor.getSnapshot().context.opinions).toEqual({
      'civil-defence': 'reject',
    });
    expect(actor.getSnapshot().context.today).toBe('2025-10-09');
  });
});

describe('parallel approval: bad input (INVALID_ARGUMENT)', () => {
  const cases: [string, Partial<ParallelApprovalInput>, (string | number)[]][] =
    [
      [
        'duplicate department',
        { departments: [planning, planning] },
        ['departments', 1, 'id'],
      ],
      [
        'unknown prerequisite',
        { departments: [fire] },
        ['departments', 0, 'dependsOn', 0],
      ],
      [
        'self-dependence',
        { departments: [{ ...planning, dependsOn: ['planning'] }] },
        ['departments', 0, 'dependsOn', 0],
      ],
      [
        'dependency cycle',
        { departments: [{ ...planning, dependsOn: ['fire'] }, fire] },
        ['departments'],
      ],
      [
        'quorum beyond the departments',
        { join: { policy: 'quorum', k: 4 } },
        ['join', 'k'],
      ],
      [
        'weighted threshold of zero',
        { join: { policy: 'weighted', threshold: 0 } },
        ['join', 'threshold'],
      ],
      ['no departments', { departments: [] }, ['departments']],
      ['unknown field', { fast: true } as never, []],
    ];

  it.each(cases)('refuses %s', (_, overrides, path) => {
    const actor = createActor(machine, { input: stage(overrides) });
    const snapshot = actor.getSnapshot();
    expect(snapshot.status).toBe('error');
    const error: unknown = snapshot.error;
    if (!isKuaibanError(error)) throw new Error('expected a KuaibanError');
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.issues.map((i) => i.path)).toContainEqual(path);
    expect(error.message).toMatch(/^Invalid parallel approval input: /);
    expect(error.messageZh).toMatch(/^并联审批输入无效：/);
  });

  it('names the cycle, in English and Chinese', () => {
    const actor = createActor(machine, {
      input: stage({
        departments: [{ ...planning, dependsOn: ['fire'] }, fire],
      }),
    });
    const error: unknown = actor.getSnapshot().error;
    expect(isKuaibanError(error) && error.message).toContain(
      'dependencies form a cycle: planning → fire → planning',
    );
    expect(isKuaibanError(error) && error.messageZh).toContain(
      '部门依赖关系成环',
    );
  });

  it('is reported to an error observer when the actor starts (xstate: status "error")', () => {
    const errors: unknown[] = [];
    const actor = createActor(machine, { input: stage({ departments: [] }) });
    actor.subscribe({ error: (error) => errors.push(error) });
    actor.start();
    expect(actor.getSnapshot().status).toBe('error');
    expect(errors).toHaveLength(1);
    expect(isKuaibanError(errors[0])).toBe(true);
  });
});

describe('parallel approval: persistence', () => {
  const story: ParallelApprovalEvent[] = [
    request('planning', '2025-09-29', 'site-plan'),
    request('civil-defence', '2025-09-29', 'shelter-drawings'),
    notice('2025-09-30'),
    supplied('2025-10-09'),
    opinion('planning', 'approve', '2025-10-10'),
    opinion('fire', 'approve', '2025-10-15'),
    tick('2025-10-20'),
  ];

  it('survives a restart before every event of a full three-department story', () => {
    const { straight, restarted } = runWithRestarts(machine, stage(), story);
    expect(restarted).toEqual(straight);
    expect(straight).toMatchObject({
      status: 'done',
      value: 'approved',
      output: {
        outcome: 'approved',
        decidedOn: '2025-10-20',
        opinions: {
          planning: 'approve',
          fire: 'approve',
          'civil-defence': 'approve',
        },
        deemed: ['civil-defence'],
        overdue: false,
      },
    });
  });

  it('persists the department reviews and restores them as running children', () => {
    const actor = run(stage(), story.slice(0, 5));
    const persisted = JSON.parse(
      JSON.stringify(actor.getPersistedSnapshot()),
    ) as {
      children: Record<string, { src: string; snapshot: { value: string } }>;
    };
    expect(
      Object.fromEntries(
        Object.entries(persisted.children).map(([id, child]) => [
          id,
          [child.src, child.snapshot.value],
        ]),
      ),
    ).toEqual({
      'review:fire': ['departmentReview', 'reviewing'],
      'review:civil-defence': ['departmentReview', 'reviewing'],
    });
    const restored = createActor(machine, {
      input: stage(),
      snapshot: persisted as never,
    }).start();
    expect(reviewState(restored, 'fire').context.dueDate).toBe('2025-10-16');
    expect(nextParallelApprovalWakeUp(restored.getSnapshot())).toBe(
      '2025-10-14',
    );
    restored.send(opinion('fire', 'reject', '2025-10-15'));
    expect(restored.getSnapshot().value).toBe('rejected');
  });

  it('runs on the national calendar as `parallelApprovalMachine`', () => {
    const actor = createActor(parallelApprovalMachine, {
      input: stage(),
    }).start();
    expect(nextParallelApprovalWakeUp(actor.getSnapshot())).toBe('2025-10-11');
  });
});

describe('parallel approval: model coverage', () => {
  const dates = ['2025-09-01', '2025-09-02', '2025-09-03'];
  type Maker = (at: string, department: string) => ParallelApprovalEvent;
  const approve: Maker = (at, id) => opinion(id, 'approve', at);
  const reject: Maker = (at, id) => opinion(id, 'reject', at);
  const ask: Maker = (at, id) => request(id, at, 'm1');
  const settle: Maker = (at, id) => resolve(id, 'approve', at);
  const caseEvents = {
    notice: (at: string) => notice(at),
    supplied: (at: string) => supplied(at),
    extend: (at: string) => extend(1, at),
    tick: (at: string) => tick(at),
  };
  /** What can happen next: each kind of event, today or on the next date. */
  const eventsFor =
    (
      ids: readonly string[],
      perDepartment: Maker[],
      others: (keyof typeof caseEvents)[],
    ) =>
    (snapshot: SnapshotFrom<ParallelApprovalMachine>) =>
      dates
        .filter((d) => d >= snapshot.context.today)
        .slice(0, 2)
        .flatMap((at) => [
          ...ids.flatMap((id) => perDepartment.map((make) => make(at, id))),
          ...others.map((kind) => caseEvents[kind](at)),
        ]);
  const serializeState = (snapshot: SnapshotFrom<ParallelApprovalMachine>) =>
    JSON.stringify([
      snapshot.value,
      snapshot.context,
      Object.entries(snapshot.children).map(([id, child]) => {
        const review = (child as AnyActorRef).getSnapshot() as {
          value: unknown;
          context: unknown;
        };
        return [id, review.value, review.context];
      }),
    ]);
  const small = (
    departments: Department[],
    join: ParallelApprovalInput['join'],
    rejection: ParallelApprovalInput['rejection'],
  ): ParallelApprovalInput => ({
    ...stage({ departments, join, rejection }),
    startedOn: '2025-09-01',
    jointLimitDays: 2,
    jointExtensionDays: 1,
  });
  const a = { ...planning, id: 'a', limitDays: 1 };
  const b = { ...civilDefence, id: 'b', limitDays: 1, dependsOn: ['a'] };
  const c = { ...planning, id: 'c', limitDays: 2 };

  it('reaches every state and transition', () => {
    const runs = [
      // 会签 with a prerequisite: opinions, timeouts, escalation, extension.
      explore(machine, {
        input: small([a, b], { policy: 'all' }, 'short-circuit'),
        events: eventsFor(
          ['a', 'b'],
          [approve, reject, settle],
          ['extend', 'tick'],
        ) as never,
        serializeState: serializeState as never,
      }),
      // The notice cycle: ask, one notice, supply, ask again about supplied material.
      explore(machine, {
        input: small([a, b], { policy: 'all' }, 'short-circuit'),
        events: eventsFor(
          ['a', 'b'],
          [approve, ask],
          ['notice', 'supplied'],
        ) as never,
        serializeState: serializeState as never,
      }),
      // 或签 of two independent reviews: two requests merge into one notice.
      explore(machine, {
        input: small(
          [{ ...a, limitDays: 2 }, c],
          { policy: 'any' },
          'collect-all',
        ),
        events: eventsFor(['a', 'c'], [approve, ask], ['notice']) as never,
        serializeState: serializeState as never,
      }),
    ];
    const union = {
      states: new Set(runs.flatMap((r) => [...r.states])),
      transitions: new Set(runs.flatMap((r) => [...r.transitions])),
    };
    expect(missing(machine, union)).toEqual({ states: [], transitions: [] });
    for (const r of runs) expect(r.vertices).toBeLessThan(500);
  });
});

describe('parallel approval passes on the events it checked', () => {
  it('a department review does not parse again what the approval admitted', () => {
    const parse = vi.spyOn(DepartmentReviewEventSchema, 'safeParse');
    try {
      const approval = createActor(machine, { input: stage() }).start();
      approval.send(opinion('planning', 'approve', '2025-09-29'));
      approval.send({ type: 'TICK', at: '2025-09-30', actor: scheduler });
      expect(approval.getSnapshot().context.opinions).toEqual({
        planning: 'approve',
      });
      // Only what the approval itself writes (the prerequisite's result)
      // is checked by the review.
      const parsedTypes = () =>
        parse.mock.calls.map(([event]) => (event as { type: string }).type);
      expect(parsedTypes()).toEqual(['PREREQUISITE_RESULT']);
      // One it refused is not passed on.
      approval.send(opinion('fire', 'approve', '2025-09-30', applicant));
      expect(approval.getSnapshot().context.opinions).toEqual({
        planning: 'approve',
      });
      expect(parsedTypes()).toEqual(['PREREQUISITE_RESULT']);
    } finally {
      parse.mockRestore();
    }
  });
});
