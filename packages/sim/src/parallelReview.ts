import type { Role } from '@kuaiban/machines';
import { maybeDecide, reviewDone } from './acceptCase.js';
import {
  A_DEPARTMENT_SUPPLEMENT,
  D_AWAITING,
  D_DECIDED,
  D_ESCALATED,
  D_REVIEWING,
  D_WAITING,
  E_APPLICANT,
  N_ISSUED,
  N_PENDING,
  N_RUNNING,
  REVIEWING,
  T_DEPARTMENT,
} from './caseCodes.js';
import type { ReplicationState } from './ReplicationState.js';
import { ACTIVITY } from './simulationModel.js';

/**
 * Sends a department's review to its officers, with the wake-up of its
 * limit unless the review will be done before that (then it cannot fire).
 */
export function reviewInDepartment(
  s: ReplicationState,
  c: number,
  j: number,
  t: number,
): void {
  const at = c * s.D + j;
  const due =
    s.deptStart[at]! + s.model.departments[j]!.limitDays + s.deptPaused[at]!;
  const timeout = s.tickAfter(due);
  const end = s.enqueue(c, s.model.firstDepartment + j, t);
  if (end < 0 || end >= timeout) s.timers.push(timeout, c, T_DEPARTMENT + j);
}

/** Department `j` starts its review on working day `rank`. */
export function dispatchDepartment(
  s: ReplicationState,
  c: number,
  j: number,
  rank: number,
  t: number,
): void {
  s.deptState[c * s.D + j] = D_REVIEWING;
  s.deptStart[c * s.D + j] = rank;
  reviewInDepartment(s, c, j, t);
}

/**
 * Department `j` gives its opinion (1 rejects): the join (会签/或签/票签)
 * as the parallel machine computes it, looked up; departments waiting for
 * it start. `type` names the command (none for a timeout).
 */
export function departmentDecided(
  s: ReplicationState,
  c: number,
  j: number,
  opinion: number,
  rank: number,
  t: number,
  type: string,
  role: Role,
): void {
  const { D, deptState, deptOpinion, model } = s;
  deptState[c * D + j] = D_DECIDED;
  deptOpinion[c * D + j] = opinion;
  let code = 0;
  for (let k = D - 1; k >= 0; k--) {
    code =
      code * 3 +
      (deptState[c * D + k] === D_DECIDED ? 1 + deptOpinion[c * D + k]! : 0);
  }
  const result = model.join(code);
  if (result !== 0) reviewDone(s, c, result === 2);
  if (type !== '') {
    s.note(c, t, type, role, () => ({
      department: model.departments[j]!.id,
      opinion: opinion ? 'reject' : 'approve',
    }));
  }
  if (result !== 0) return maybeDecide(s, c, t);
  for (let k = 0; k < D; k++) {
    if (deptState[c * D + k] !== D_WAITING) continue;
    const needs = model.departments[k]!.dependsOn;
    if (needs.every((x) => deptState[c * D + x] === D_DECIDED))
      dispatchDepartment(s, c, k, rank, t);
  }
}

/**
 * A department's officers finish: they ask for materials once (the lead
 * merges the requests into one notice, SVC-ONE-NOTICE) or give their opinion;
 * a supervisor resolves an escalated department.
 */
export function departmentTaskDone(
  s: ReplicationState,
  c: number,
  a: number,
  t: number,
): void {
  const { model } = s;
  const p = model.scenario.probabilities;
  const day = Math.floor(t);
  if (a >= model.firstEscalation) {
    const reject = s.chance(c, p.departmentRejects) ? 1 : 0;
    const j = a - model.firstEscalation;
    return departmentDecided(
      s,
      c,
      j,
      reject,
      day,
      t,
      'ESCALATION_RESOLVED',
      'supervisor',
    );
  }
  const j = a - model.firstDepartment;
  const at = c * s.D + j;
  const due =
    s.deptStart[at]! + model.departments[j]!.limitDays + s.deptPaused[at]!;
  if (
    !s.deptAsked[at] &&
    s.noticeState[c] !== N_ISSUED &&
    day < due &&
    s.chance(c, p.departmentAsksSupplement)
  ) {
    s.deptAsked[at] = 1;
    s.deptState[at] = D_AWAITING;
    s.deptRequested[at] = day;
    s.note(c, t, 'REQUEST_SUPPLEMENT', 'department-approver', () => ({
      department: model.departments[j]!.id,
      items: [{ materialId: model.materialIds[0]!, problem: '请补充说明' }],
    }));
    if (s.noticeState[c] === N_RUNNING) {
      s.noticeState[c] = N_PENDING;
      s.enqueue(c, ACTIVITY.mergedNotice, t);
    }
    return;
  }
  const reject = s.chance(c, p.departmentRejects) ? 1 : 0;
  departmentDecided(s, c, j, reject, day, t, 'OPINION', 'department-approver');
}

/** The lead department issues the merged notice (SVC-ONE-NOTICE); the applicant answers it. */
export function mergedNoticeIssued(
  s: ReplicationState,
  c: number,
  t: number,
): void {
  s.noticeState[c] = N_ISSUED;
  s.visits[c]! += s.model.scenario.visits.supplement;
  s.note(c, t, 'ISSUE_MERGED_NOTICE', 'lead-department');
  s.heap.push(
    t + s.draw(c, s.model.applicant.departmentSupplement),
    E_APPLICANT,
    c,
    A_DEPARTMENT_SUPPLEMENT,
  );
}

/** The applicant answered the merged notice: the departments asking resume, their clocks extended. */
export function departmentsResume(
  s: ReplicationState,
  c: number,
  t: number,
): void {
  const day = Math.floor(t);
  for (let j = 0; j < s.D; j++) {
    const at = c * s.D + j;
    if (s.deptState[at] !== D_AWAITING) continue;
    s.deptPaused[at]! += day - s.deptRequested[at]!;
    s.deptState[at] = D_REVIEWING;
    reviewInDepartment(s, c, j, t);
  }
}

/**
 * A department's limit has run out (the wake-up the day after it): the
 * supervisor is called in, or the opinion is deemed (DEEM-APPROVAL).
 */
export function departmentTimedOut(
  s: ReplicationState,
  c: number,
  j: number,
  t: number,
): void {
  const at = c * s.D + j;
  if (s.phase[c] !== REVIEWING || s.deptState[at] !== D_REVIEWING) return;
  const department = s.model.departments[j]!;
  const due = s.deptStart[at]! + department.limitDays + s.deptPaused[at]!;
  if (s.tickAfter(due) !== t) return;
  const epoch = s.axis.epochOf(due) + 1;
  if (department.onTimeout === 'escalate') {
    s.deptState[at] = D_ESCALATED;
    s.wake(c, t, epoch, 'department-timeout');
    s.enqueue(c, s.model.firstEscalation + j, t);
    return;
  }
  const opinion = department.onTimeout === 'reject' ? 1 : 0;
  departmentDecided(s, c, j, opinion, s.axis.rankOf(epoch), t, '', 'system');
  s.wake(c, t, epoch, 'department-timeout');
}
