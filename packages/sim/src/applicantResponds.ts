import { RATING_GRADES } from '@kuaiban/machines';
import { maybeDecide } from './acceptCase.js';
import {
  A_CORRECTION,
  A_DEPARTMENT_SUPPLEMENT,
  A_SUPPLEMENT,
  ARCHIVED,
  CLOSED,
  FOLLOW_UP,
  N_RUNNING,
  PROVISIONAL,
  REVIEWING,
  REVOKED,
} from './caseCodes.js';
import { departmentsResume } from './parallelReview.js';
import type { ReplicationState } from './ReplicationState.js';
import { ACTIVITY } from './simulationModel.js';

/**
 * The applicant acts: returns with the corrected materials, hands in the
 * 容缺 supplement, answers the merged notice, or rates the service (a bad
 * rating goes to be answered and rectified).
 */
export function applicantResponds(
  s: ReplicationState,
  c: number,
  what: number,
  t: number,
): void {
  const { model } = s;
  const visits = model.scenario.visits;
  if (what === A_CORRECTION) {
    const missing = s.missingOf[c]
      ? model.tolerableIds[0]!
      : model.materialIds[0]!;
    s.visits[c]! += visits.correction;
    s.materials[c]!++;
    s.note(c, t, 'MATERIALS_SUPPLIED', 'applicant', () => ({
      materialIds: [missing],
    }));
    s.enqueue(c, ACTIVITY.recheck, t);
    return;
  }
  if (what === A_SUPPLEMENT) {
    if (!(s.flags[c]! & PROVISIONAL) || s.flags[c]! & CLOSED) return;
    s.flags[c]! &= ~PROVISIONAL;
    s.visits[c]! += visits.supplement;
    s.materials[c]!++;
    s.note(c, t, 'SUPPLEMENT', 'applicant', () => ({
      materialIds: [model.tolerableIds[0]!],
    }));
    return maybeDecide(s, c, t);
  }
  if (what === A_DEPARTMENT_SUPPLEMENT) {
    if (s.phase[c] !== REVIEWING || s.flags[c]! & CLOSED) return;
    s.noticeState[c] = N_RUNNING;
    s.materials[c]!++;
    s.note(c, t, 'SUPPLEMENT_PROVIDED', 'applicant');
    departmentsResume(s, c, t);
    return;
  }
  // A rating (好差评), unless the permit was revoked meanwhile.
  if (s.phase[c] === REVOKED) return;
  const u = s.nextOf(c);
  let grade = 0;
  while (grade < RATING_GRADES.length - 1 && u >= model.gradeCut[grade]!)
    grade++;
  s.phase[c] = grade >= 3 ? FOLLOW_UP : ARCHIVED;
  s.note(c, t, 'RATE', 'applicant', () => ({ grade: RATING_GRADES[grade] }));
  if (grade >= 3) s.enqueue(c, ACTIVITY.ratingAnswer, t);
}
