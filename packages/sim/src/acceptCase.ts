import {
  A_RATE,
  ARCHIVED,
  CLOSED,
  DECIDING,
  DECISION_QUEUED,
  DENY,
  E_APPLICANT,
  E_PAUSE_END,
  PAUSED,
  PROVISIONAL,
  REVIEWING,
  T_EXTEND,
} from './caseCodes.js';
import { dispatchDepartment } from './parallelReview.js';
import type { ReplicationState } from './ReplicationState.js';
import { ACTIVITY } from './simulationModel.js';

/**
 * The case is accepted on working day `rank` (the statutory clock starts):
 * `record` notes the command or wake-up that did it. A lawful pause may
 * begin; review starts (the first step, or the departments with nothing to
 * wait for, from `dispatchRank`), or an on-the-spot case goes to decision.
 */
export function acceptCase(
  s: ReplicationState,
  c: number,
  t: number,
  rank: number,
  dispatchRank: number,
  record: () => void,
): void {
  const { model } = s;
  s.acceptRank[c] = rank;
  s.phase[c] = model.onTheSpot ? DECIDING : REVIEWING;
  record();
  const pause = model.scenario.pause;
  if (pause && model.pauseDays && s.chance(c, pause.probability)) {
    s.flags[c]! |= PAUSED;
    s.pauseRank[c] = Math.floor(t);
    s.note(c, t, 'PAUSE', 'window-officer', () => ({
      writtenNoticeOn: s.axis.dateOf(Math.floor(t)),
      pause: { reason: pause.reason },
    }));
    s.heap.push(t + s.draw(c, model.pauseDays), E_PAUSE_END, c, 0);
  }
  if (model.onTheSpot) return maybeDecide(s, c, t);
  // ALL-42: the head may extend a case still undecided on its due day.
  if (model.scenario.probabilities.extension > 0) {
    const limits = s.limitsOf(s.recvDay[c]!);
    if (limits.extension > 0)
      s.timers.push(rank + limits.statutory, c, T_EXTEND);
  }
  if (!model.parallel) {
    s.enqueue(c, ACTIVITY.firstStep, t);
    return;
  }
  for (let j = 0; j < s.D; j++) {
    if (model.departments[j]!.dependsOn.length === 0)
      dispatchDepartment(s, c, j, dispatchRank, t);
  }
}

/** Sends the case to the agency head once review, acceptance and pauses allow. */
export function maybeDecide(s: ReplicationState, c: number, t: number): void {
  if (
    s.phase[c] !== DECIDING ||
    s.flags[c]! & (PROVISIONAL | PAUSED | DECISION_QUEUED | CLOSED)
  )
    return;
  s.flags[c]! |= DECISION_QUEUED;
  s.enqueue(c, ACTIVITY.decision, t);
}

/** Review is over: the case waits for the decision, to deny it if `deny`. */
export function reviewDone(
  s: ReplicationState,
  c: number,
  deny: boolean,
): void {
  s.phase[c] = DECIDING;
  if (deny) s.flags[c]! |= DENY;
}

/** After closure the applicant rates the service (好差评), or the case is archived. */
export function rateOrArchive(s: ReplicationState, c: number, t: number): void {
  if (s.chance(c, s.model.scenario.probabilities.rates)) {
    s.heap.push(
      t + s.draw(c, s.model.applicant.rating),
      E_APPLICANT,
      c,
      A_RATE,
    );
  } else {
    s.phase[c] = ARCHIVED;
    s.note(c, t, 'ARCHIVE', 'window-officer');
  }
}
