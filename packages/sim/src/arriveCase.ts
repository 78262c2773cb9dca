import { COMMITMENT, T_DEEM } from './caseCodes.js';
import type { CaseTrace } from './caseTrace.js';
import { mixSeed } from './random.js';
import type { ReplicationState } from './ReplicationState.js';
import { ACTIVITY } from './simulationModel.js';

/**
 * Case `c` is submitted at time `t`: its random stream is seeded, the
 * applicant chooses 告知承诺 or the standard route, the window's task is
 * queued and the deemed-acceptance wake-up set (ALL-32-NOTICE-5D); the
 * first counted cases are traced.
 */
export function arriveCase(s: ReplicationState, c: number, t: number): void {
  const { model } = s;
  s.states[c] = mixSeed(s.repSeed, (s.keys ? s.keys[c]! : c) + 1);
  const day = Math.floor(t);
  s.recvDay[c] = day;
  s.visits[c] = model.scenario.visits.submission;
  const commitment =
    model.commitment &&
    s.chance(c, model.scenario.probabilities.choosesCommitment);
  s.materials[c] = commitment
    ? model.materials - model.proofs
    : model.materials;
  s.proofs[c] = commitment ? 0 : model.proofs;
  if (commitment) s.flags[c]! |= COMMITMENT;
  if (c >= s.firstCounted && c < s.traceUntil) {
    const trace: CaseTrace = {
      caseId: `sim-${s.options.replication}-${s.keys ? s.keys[c]! : c}`,
      submittedOn: s.axis.dateOf(day),
      submittedAt: s.momentOf(t),
      route: commitment ? 'commitment' : 'standard',
      arrival: t,
      steps: [],
      tasks: [],
      due: { decision: null, supplement: null, issuance: null, promised: null },
      outcome: '',
    };
    s.traces[c] = trace;
    s.tracing[c] = 1;
    s.traced.push(trace);
  }
  const end = s.enqueue(
    c,
    commitment ? ACTIVITY.commitment : ACTIVITY.acceptance,
    t,
  );
  // ALL-32-NOTICE-5D: deemed acceptance, unless the check is done in time.
  const deemed = s.tickAfter(day + model.noticeDays);
  if (!commitment && (end < 0 || end >= deemed))
    s.timers.push(deemed, c, T_DEEM);
}
