import {
  acceptCase,
  maybeDecide,
  rateOrArchive,
  reviewDone,
} from './acceptCase.js';
import { checkMaterials } from './checkMaterials.js';
import {
  ACCEPTING,
  ARCHIVED,
  DENY,
  ISSUING,
  RATING,
  REFUSAL_PENDING,
  REFUSED,
  COMMITMENT,
  E_VERIFICATION_DUE,
  REVOKED,
  VERIFIED,
} from './caseCodes.js';
import { departmentTaskDone, mergedNoticeIssued } from './parallelReview.js';
import type { ReplicationState } from './ReplicationState.js';
import { ACTIVITY } from './simulationModel.js';

/** Pre-review passed on the 告知承诺 route: notice, commitment and decision on the spot (GZ-DECIDE). */
function decideOnCommitment(s: ReplicationState, c: number, t: number): void {
  s.note(c, t, 'GIVE_NOTICE', 'window-officer', () => ({
    contents: {
      item: true,
      conditions: true,
      replacedProofs: true,
      howToCommit: true,
      rightToVerify: true,
      consequences: true,
    },
  }));
  s.note(c, t, 'CHOOSE_COMMITMENT', 'applicant');
  s.note(c, t, 'SIGN_COMMITMENT', 'applicant', () => ({
    text: '本人承诺符合许可条件',
  }));
  s.phase[c] = ISSUING;
  s.decisionRank[c] = Math.floor(t);
  s.note(c, t, 'DECIDE', 'window-officer', () => ({ approve: true }));
  s.enqueue(c, ACTIVITY.issuance, t);
}

/**
 * A reviewer checks a commitment after the decision (GZ-VERIFY): found
 * deliberately false, the permit is revoked (GZ-FALSE); otherwise the
 * conditions are met.
 */
function verifyCommitment(s: ReplicationState, c: number, t: number): void {
  s.flags[c]! |= VERIFIED;
  const found = s.chance(c, s.model.verification!.falseShare);
  if (found) s.phase[c] = REVOKED;
  s.note(c, t, 'VERIFY', 'reviewer', () => ({
    finding: found ? 'deliberately-false' : 'conditions-met',
  }));
}

/** A review step of a chain review gives its opinion; the next step starts or review ends. */
function stepDone(s: ReplicationState, c: number, a: number, t: number): void {
  const { model } = s;
  const i = a - ACTIVITY.firstStep;
  const step = model.steps[i]!;
  const reject = s.chance(c, model.scenario.probabilities.stepRejects);
  if (reject || i === model.steps.length - 1) reviewDone(s, c, reject);
  else {
    s.stepIndex[c] = i + 1;
    s.enqueue(c, a + 1, t);
  }
  s.note(c, t, 'REVIEW_OPINION', step.role, () => ({
    step: step.id,
    opinion: reject ? 'reject' : 'approve',
  }));
  maybeDecide(s, c, t);
}

/**
 * An officer finishes a task of activity `a` for case `c` at time `t`: the
 * officer takes the next task, and the case moves on as the case machine
 * allows (a task the case no longer needs is dropped).
 */
export function finishTask(
  s: ReplicationState,
  c: number,
  a: number,
  t: number,
): void {
  const { model } = s;
  s.release(model.activityPool[a]!, t);
  if (!s.valid(c, a)) return;
  s.steps[c]!++;
  const day = Math.floor(t);
  switch (a) {
    case ACTIVITY.acceptance:
    case ACTIVITY.commitment:
      if (s.chance(c, model.scenario.probabilities.refusal)) {
        s.phase[c] = REFUSAL_PENDING;
        s.note(c, t, 'PROPOSE_REFUSAL', 'window-officer', () => ({
          reason: '不属于本机关职权范围',
          route: '请向有权机关申请',
        }));
        s.enqueue(c, ACTIVITY.refusalConfirm, t);
        return;
      }
      s.phase[c] = ACCEPTING;
      s.note(c, t, 'PRE_REVIEW_PASSED', 'window-officer');
      if (a === ACTIVITY.acceptance) return checkMaterials(s, c, t);
      return decideOnCommitment(s, c, t);
    case ACTIVITY.refusalConfirm:
      if (s.phase[c] !== REFUSAL_PENDING) return;
      s.phase[c] = REFUSED;
      s.close(c, t, 2);
      return s.note(c, t, 'CONFIRM_REFUSAL', 'supervisor');
    case ACTIVITY.recheck:
      return acceptCase(s, c, t, day, day, () =>
        s.note(c, t, 'MATERIALS_CHECKED', 'window-officer', () => ({
          findings: s.model.materialIds.map((materialId) => ({
            materialId,
            status: 'complete',
          })),
        })),
      );
    case ACTIVITY.decision:
      s.decisionRank[c] = day;
      if (s.flags[c]! & DENY) {
        s.phase[c] = RATING;
        s.close(c, t, 1);
        s.note(c, t, 'DENY', 'agency-head', () => ({
          reasons: ['不符合法定条件'],
          remedies: { administrativeReview: true, lawsuit: true },
        }));
        return rateOrArchive(s, c, t);
      }
      s.phase[c] = ISSUING;
      s.note(c, t, 'APPROVE', 'agency-head');
      s.enqueue(c, ACTIVITY.issuance, t);
      return;
    case ACTIVITY.issuance:
      s.phase[c] = RATING;
      s.visits[c]! += model.scenario.visits.collection;
      s.close(c, t, 0);
      s.note(c, t, 'ISSUE_CERTIFICATE', 'window-officer', () => ({
        certificateNo: `${model.item.id}-${c}`,
      }));
      rateOrArchive(s, c, t);
      // GZ-VERIFY: a commitment is checked after the decision.
      if (model.verification && s.flags[c]! & COMMITMENT)
        s.heap.push(
          t + s.draw(c, model.verification.days),
          E_VERIFICATION_DUE,
          c,
          0,
        );
      return;
    case ACTIVITY.ratingAnswer:
      s.note(c, t, 'ANSWER_RATING', 'window-officer', () => ({
        answer: '已联系申请人，说明情况',
      }));
      s.enqueue(c, ACTIVITY.ratingRectify, t);
      return;
    case ACTIVITY.ratingRectify:
      s.phase[c] = ARCHIVED;
      return s.note(c, t, 'RECTIFY_RATING', 'supervisor', () => ({
        measures: '优化办理流程',
      }));
    case ACTIVITY.mergedNotice:
      return mergedNoticeIssued(s, c, t);
  }
  if (a === model.verification?.activity) return verifyCommitment(s, c, t);
  if (a >= model.firstDepartment) return departmentTaskDone(s, c, a, t);
  stepDone(s, c, a, t);
}
