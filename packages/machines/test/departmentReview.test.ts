import { createChinaCalendar, isKuaibanError } from '@kuaiban/calendar';
import { describe, expect, it } from 'vitest';
import type { SnapshotFrom } from 'xstate';
import { createActor } from 'xstate';
import type {
  DepartmentReviewEvent,
  DepartmentReviewInput,
  DepartmentReviewMachine,
} from '../src/departmentReview.js';
import {
  SUPPLEMENT_PAUSE,
  createDepartmentReviewMachine,
  departmentReviewMachine,
  nextDepartmentReviewWakeUp,
} from '../src/departmentReview.js';
import type { Party } from '../src/party.js';
import { explore, missing } from './support/modelCoverage.js';

// 施工许可 stage (GC-STAGES): the fire-protection design review (消防设计审查)
// of a construction permit, dispatched by the housing bureau (住建局).
const machine = createDepartmentReviewMachine({
  calendar: createChinaCalendar(),
});

const fireApprover: Party = {
  id: 'fire-zhao',
  role: 'department-approver',
  department: 'fire',
};
const planningApprover: Party = {
  id: 'planning-qian',
  role: 'department-approver',
  department: 'planning',
};
const applicant: Party = { id: 'builder-co', role: 'applicant' };
const supervisor: Party = { id: 'supervisor-sun', role: 'supervisor' };
const lead: Party = {
  id: 'housing',
  role: 'lead-department',
  department: 'housing',
};
const scheduler: Party = { id: 'scheduler', role: 'system' };

const fireReview = (
  overrides: Partial<DepartmentReviewInput['department']> = {},
): DepartmentReviewInput => ({
  department: {
    id: 'fire',
    name: 'Fire protection design review',
    nameZh: '消防设计审查',
    limitDays: 5,
    onTimeout: { action: 'escalate' },
    ...overrides,
  },
  dispatchedOn: '2025-09-26',
});

type EventOf<T extends DepartmentReviewEvent['type']> = Extract<
  DepartmentReviewEvent,
  { type: T }
>;

const opinion = (
  at: string,
  value: 'approve' | 'reject',
  actor = fireApprover,
): EventOf<'OPINION'> => ({
  type: 'OPINION',
  department: 'fire',
  opinion: value,
  at,
  actor,
});
const request = (
  at: string,
  materialId = 'fire-drawings',
): EventOf<'REQUEST_SUPPLEMENT'> => ({
  type: 'REQUEST_SUPPLEMENT',
  department: 'fire',
  items: [{ materialId, problem: '消防设计说明缺少疏散宽度计算' }],
  at,
  actor: fireApprover,
});
const supplied = (at: string): EventOf<'SUPPLEMENT_PROVIDED'> => ({
  type: 'SUPPLEMENT_PROVIDED',
  at,
  actor: applicant,
});
const tick = (at: string): EventOf<'TICK'> => ({
  type: 'TICK',
  at,
  actor: scheduler,
});

function start(input: DepartmentReviewInput) {
  return createActor(machine, { input }).start();
}

describe('department review: its own limit (GC-LEAD 限时办结)', () => {
  it('reviews at once without prerequisites; the limit counts working days, make-up days included', () => {
    const review = start(fireReview());
    const snapshot = review.getSnapshot();
    expect(snapshot.value).toBe('reviewing');
    // 2025-09-28 is a make-up Sunday; 10-01..10-08 is the National Day holiday.
    expect(snapshot.context.dueDate).toBe('2025-10-10');
    expect(nextDepartmentReviewWakeUp(snapshot)).toBe('2025-10-11');
  });

  it('decides with its approver, recording who and why', () => {
    const review = start(fireReview());
    review.send({ ...opinion('2025-09-30', 'approve'), reason: '符合规范' });
    const snapshot = review.getSnapshot();
    expect(snapshot.value).toBe('decided');
    expect(snapshot.output).toEqual({
      department: 'fire',
      opinion: 'approve',
      deemed: false,
      decidedOn: '2025-09-30',
    });
    expect(snapshot.context.decision).toMatchObject({
      decidedBy: 'fire-zhao',
      reason: '符合规范',
    });
    expect(nextDepartmentReviewWakeUp(snapshot)).toBeNull();
  });

  it('GC-LEAD: waits for the planning result, then starts its clock on that date', () => {
    const review = start(fireReview({ dependsOn: ['planning'] }));
    expect(review.getSnapshot().value).toBe('waiting');
    expect(nextDepartmentReviewWakeUp(review.getSnapshot())).toBeNull();
    // Nothing can happen before the review starts.
    review.send(opinion('2025-09-29', 'approve'));
    review.send(tick('2025-10-09'));
    expect(review.getSnapshot().value).toBe('waiting');
    review.send({
      type: 'PREREQUISITE_RESULT',
      prerequisite: 'planning',
      opinion: 'approve',
      at: '2025-10-10',
      actor: lead,
    });
    const snapshot = review.getSnapshot();
    expect(snapshot.value).toBe('reviewing');
    expect(snapshot.context.prerequisites).toEqual({ planning: 'approve' });
    expect(snapshot.context.deadline).toMatchObject({ start: '2025-10-10' });
    // 2025-10-11 is a make-up Saturday.
    expect(snapshot.context.dueDate).toBe('2025-10-16');
  });

  it('GC-LEAD: only the lead pushes results, only of awaited prerequisites, once', () => {
    const review = start(
      fireReview({ dependsOn: ['planning', 'civil-defence'] }),
    );
    const push = (prerequisite: string, actor: Party, at = '2025-10-09') =>
      review.send({
        type: 'PREREQUISITE_RESULT',
        prerequisite,
        opinion: 'approve',
        at,
        actor,
      });
    push('planning', planningApprover);
    push('water', lead);
    expect(review.getSnapshot().context.prerequisites).toEqual({});
    push('planning', lead);
    push('planning', lead, '2025-10-10');
    expect(review.getSnapshot().context.today).toBe('2025-10-09');
    expect(review.getSnapshot().value).toBe('waiting');
    push('civil-defence', lead, '2025-10-13');
    expect(review.getSnapshot().value).toBe('reviewing');
    expect(review.getSnapshot().context.deadline).toMatchObject({
      start: '2025-10-13',
    });
  });
});

describe('department review: supplement (补正) pauses the clock', () => {
  it('pauses on the request and resumes with the remaining days (TIME-PAUSE-SEMANTICS)', () => {
    const review = start(fireReview({ limitDays: 10 }));
    expect(review.getSnapshot().context.dueDate).toBe('2025-10-16');
    review.send(request('2025-09-29'));
    let snapshot = review.getSnapshot();
    expect(snapshot.value).toBe('awaitingSupplement');
    expect(snapshot.context.dueDate).toBeNull();
    expect(nextDepartmentReviewWakeUp(snapshot)).toBeNull();
    expect(snapshot.context.deadline?.pauses).toEqual([
      { ...SUPPLEMENT_PAUSE, from: '2025-09-29' },
    ]);
    // The clock is paused: a tick past the old due date changes nothing.
    review.send(tick('2025-10-20'));
    expect(review.getSnapshot().value).toBe('awaitingSupplement');
    review.send(supplied('2025-10-13'));
    expect(review.getSnapshot().value).toBe('awaitingSupplement');
    expect(review.getSnapshot().context.today).toBe('2025-10-20');
    review.send(supplied('2025-10-20'));
    snapshot = review.getSnapshot();
    expect(snapshot.value).toBe('reviewing');
    // 2 days used before the pause, 8 left from 10-20.
    expect(snapshot.context.dueDate).toBe('2025-10-30');
    expect(snapshot.context.requests).toEqual([
      {
        requestedOn: '2025-09-29',
        items: request('2025-09-29').items,
        resumedOn: '2025-10-20',
      },
    ]);
  });

  it('cannot pause on or after the due date, nor on the day it resumed', () => {
    const late = start(fireReview());
    late.send(request('2025-10-10'));
    expect(late.getSnapshot().value).toBe('reviewing');

    const again = start(fireReview());
    again.send(request('2025-09-29'));
    again.send(supplied('2025-09-30'));
    again.send(request('2025-09-30'));
    expect(again.getSnapshot().value).toBe('reviewing');
    again.send(request('2025-10-09'));
    expect(again.getSnapshot().value).toBe('awaitingSupplement');
  });

  it('asks its own materials only: another department approver cannot pause it', () => {
    const review = start(fireReview());
    review.send({ ...request('2025-09-29'), actor: planningApprover });
    review.send({ ...request('2025-09-29'), department: 'planning' });
    expect(review.getSnapshot().value).toBe('reviewing');
  });
});

describe('department review: timeout (DEEM-APPROVAL)', () => {
  it('escalates without a basis for a deemed opinion; a supervisor decides', () => {
    const review = start(fireReview());
    review.send(tick('2025-10-10'));
    expect(review.getSnapshot().value).toBe('reviewing');
    review.send(tick('2025-10-11'));
    expect(review.getSnapshot().value).toBe('escalated');
    expect(review.getSnapshot().context.escalatedOn).toBe('2025-10-11');
    // The department itself no longer decides; only a supervisor does.
    review.send(opinion('2025-10-13', 'approve'));
    review.send({
      type: 'ESCALATION_RESOLVED',
      department: 'fire',
      opinion: 'reject',
      at: '2025-10-13',
      actor: fireApprover,
    });
    review.send({
      type: 'ESCALATION_RESOLVED',
      department: 'planning',
      opinion: 'reject',
      at: '2025-10-13',
      actor: supervisor,
    });
    expect(review.getSnapshot().value).toBe('escalated');
    review.send({
      type: 'ESCALATION_RESOLVED',
      department: 'fire',
      opinion: 'reject',
      at: '2025-10-13',
      actor: supervisor,
    });
    expect(review.getSnapshot().output).toEqual({
      department: 'fire',
      opinion: 'reject',
      deemed: false,
      decidedOn: '2025-10-13',
    });
  });

  it('deems an opinion on timeout only with its legal basis', () => {
    const basis = '政府信息公开条例 art. 34 (逾期未回复视为同意)';
    const review = start(
      fireReview({
        onTimeout: { action: 'deem', opinion: 'approve', basis },
      }),
    );
    review.send(tick('2025-10-14'));
    const snapshot = review.getSnapshot();
    expect(snapshot.output).toEqual({
      department: 'fire',
      opinion: 'approve',
      deemed: true,
      decidedOn: '2025-10-14',
    });
    expect(snapshot.context.decision).toMatchObject({
      reason: basis,
      decidedBy: 'scheduler',
    });
  });

  it('refuses a deemed opinion without a basis (INVALID_ARGUMENT, in English and Chinese)', () => {
    const actor = createActor(machine, {
      input: fireReview({
        onTimeout: { action: 'deem', opinion: 'approve' } as never,
      }),
    });
    const snapshot = actor.getSnapshot();
    expect(snapshot.status).toBe('error');
    const error: unknown = snapshot.error;
    expect(isKuaibanError(error) && error.code).toBe('INVALID_ARGUMENT');
    expect(isKuaibanError(error) && error.message).toMatch(
      /department\.onTimeout\.basis/,
    );
    expect(isKuaibanError(error) && error.messageZh).toMatch(
      /部门审查输入无效/,
    );
  });
});

describe('department review: who may act', () => {
  it('ignores other roles, other departments, malformed events and time running backwards', () => {
    const review = start(fireReview());
    review.send(opinion('2025-09-30', 'approve', planningApprover));
    review.send(
      opinion('2025-09-30', 'approve', { ...fireApprover, role: 'reviewer' }),
    );
    review.send({
      ...opinion('2025-09-30', 'approve'),
      department: 'planning',
    });
    review.send({
      type: 'OPINION',
      department: 'fire',
      at: '2025-09-30',
    } as never);
    review.send(tick('2025-10-09'));
    review.send({ ...tick('2025-10-20'), actor: applicant });
    review.send(opinion('2025-09-30', 'approve'));
    expect(review.getSnapshot().value).toBe('reviewing');
    expect(review.getSnapshot().context.today).toBe('2025-10-09');
    review.send(opinion('2025-10-09', 'approve'));
    expect(review.getSnapshot().value).toBe('decided');
  });

  it('runs on the national calendar as `departmentReviewMachine`', () => {
    const review = createActor(departmentReviewMachine, {
      input: fireReview(),
    }).start();
    expect(review.getSnapshot().context.dueDate).toBe('2025-10-10');
  });
});

describe('department review: model coverage', () => {
  const dates = [
    '2025-09-29',
    '2025-09-30',
    '2025-10-09',
    '2025-10-10',
    '2025-10-13',
  ];
  const events = (
    snapshot: SnapshotFrom<DepartmentReviewMachine>,
  ): DepartmentReviewEvent[] => {
    const { today } = snapshot.context;
    const later = dates.filter((d) => d >= today).slice(0, 2);
    return later.flatMap((at): DepartmentReviewEvent[] => [
      opinion(at, 'approve'),
      opinion(at, 'approve', planningApprover),
      request(at),
      supplied(at),
      tick(at),
      {
        type: 'ESCALATION_RESOLVED',
        department: 'fire',
        opinion: 'approve',
        at,
        actor: supervisor,
      },
      {
        type: 'PREREQUISITE_RESULT',
        prerequisite: 'planning',
        opinion: 'reject',
        at,
        actor: lead,
      },
    ]);
  };
  const serializeState = (snapshot: SnapshotFrom<DepartmentReviewMachine>) =>
    JSON.stringify([snapshot.value, snapshot.context]);

  it('reaches every state and transition', () => {
    const short = { limitDays: 2 };
    const runs = [
      fireReview({ ...short, dependsOn: ['planning'] }),
      fireReview({
        ...short,
        onTimeout: { action: 'deem', opinion: 'approve', basis: '地方性法规' },
      }),
    ].map((input) =>
      explore<DepartmentReviewEvent>(machine, {
        input,
        events: events as never,
        serializeState: serializeState as never,
      }),
    );
    for (const run of runs) expect(run.vertices).toBeGreaterThan(3);
    const union = {
      states: new Set(runs.flatMap((r) => [...r.states])),
      transitions: new Set(runs.flatMap((r) => [...r.transitions])),
    };
    expect(missing(machine, union)).toEqual({ states: [], transitions: [] });
  });
});
