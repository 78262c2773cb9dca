import { applicantResponds } from './applicantResponds.js';
import { arriveCase } from './arriveCase.js';
import { maybeDecide } from './acceptCase.js';
import {
  CLOSED,
  E_APPLICANT,
  E_PAUSE_END,
  E_TASK,
  E_VERIFICATION_DUE,
  PAUSED,
} from './caseCodes.js';
import { finishTask } from './finishTask.js';
import { ReplicationState } from './ReplicationState.js';
import type { ReplicationResult } from './replicationResult.js';
import { replicationResult } from './replicationResult.js';
import type { SimulationModel } from './simulationModel.js';
import { wakeUp } from './wakeUp.js';

export { OUTCOMES, SIMULATED_OFFICERS, activityLabels } from './caseCodes.js';
export type { Outcome } from './caseCodes.js';
export type { CaseRecords, ReplicationResult } from './replicationResult.js';

/** Arrivals given from outside (a chain's earlier items), sorted by time. */
export interface GivenArrivals {
  /** Arrival times on the working-day axis, in order. */
  readonly times: Float64Array;
  /** Each case's key: its random stream is drawn from (seed, replication, key). */
  readonly keys: Int32Array;
}

export interface ReplicationOptions {
  readonly seed: number;
  readonly replication: number;
  /** Cases counted after the warm-up. */
  readonly cases: number;
  /** Working days at the start whose arrivals are not counted. */
  readonly warmupDays: number;
  /** How many counted cases to record in full. */
  readonly traceCases?: number;
  /**
   * Arrivals given instead of the scenario's; the cases arriving after the
   * warm-up are counted (`cases` is then not used).
   */
  readonly arrivals?: GivenArrivals;
  /** Return {@link CaseRecords} of every case in `all`. */
  readonly keepCases?: boolean;
}

/**
 * Runs one replication of a compiled simulation: arrivals, officers' queues,
 * applicants' responses and the legal clocks, event by event, on the
 * working-day axis. Every case draws from its own stream (seed, case), so
 * two designs run with one seed see the same applicants (common random
 * numbers).
 *
 * @example
 * const model = compileSimulation(foodPermit, defineScenario({}), { calendar });
 * const result = runReplication(model, { seed: 7, replication: 0, cases: 500, warmupDays: 20 });
 * result.cycleWorkingDays.length; // 500
 */
export function runReplication(
  model: SimulationModel,
  options: ReplicationOptions,
): ReplicationResult {
  const s = new ReplicationState(model, options);
  const { heap, timers, arrivals, n } = s;
  // Arrivals are known in advance and wake-ups fall at day starts: both are
  // taken in turn beside the heap (wake-ups first at equal times, as the
  // engine runs due wake-ups before a day's commands).
  let next = 0;
  for (;;) {
    const arrival = next < n ? arrivals.times[next]! : Infinity;
    const top = heap.peekTime();
    const day = timers.nextDay();
    if (day <= top && day <= arrival) {
      if (day === Infinity) break;
      while (timers.take(day)) wakeUp(s, timers.caseIndex, timers.detail, day);
      continue;
    }
    if (arrival < top) {
      arriveCase(s, next, arrival);
      next++;
      continue;
    }
    heap.pop();
    const t = heap.time;
    const c = heap.caseIndex;
    switch (heap.kind) {
      case E_TASK:
        finishTask(s, c, heap.detail, t);
        break;
      case E_APPLICANT:
        applicantResponds(s, c, heap.detail, t);
        break;
      case E_VERIFICATION_DUE:
        s.enqueue(c, model.verification!.activity, t);
        break;
      case E_PAUSE_END:
        if (s.flags[c]! & CLOSED) break;
        s.pausedDays[c]! += Math.floor(t) - s.pauseRank[c]!;
        s.flags[c]! &= ~PAUSED;
        s.note(c, t, 'RESUME', 'window-officer');
        maybeDecide(s, c, t);
        break;
    }
  }
  return replicationResult(s);
}
