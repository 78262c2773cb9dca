import {
  COMMITMENT,
  EXTENDED,
  OUTCOMES,
  REVOKED,
  VERIFIED,
} from './caseCodes.js';
import type { CaseTrace } from './caseTrace.js';
import type { ReplicationState } from './ReplicationState.js';

/** The raw numbers of one replication: one entry per counted case, one per pool. */
export interface ReplicationResult {
  readonly replication: number;
  /** Submission to closure (certificate issued, denial, refusal, lapse), in working days. */
  readonly cycleWorkingDays: Float64Array;
  readonly cycleCalendarDays: Float64Array;
  /** Index into {@link OUTCOMES}. */
  readonly outcome: Uint8Array;
  /** 1 decided within the limit, 0 not, 2 never decided (refused, lapsed). */
  readonly onTimePromised: Uint8Array;
  readonly onTimeStatutory: Uint8Array;
  /** 1 where the statutory limit was extended (ALL-42). */
  readonly extended: Uint8Array;
  /**
   * GZ-VERIFY: 0 not a 告知承诺 case, 1 one not verified, 2 verified with
   * the conditions met, 3 found false and revoked.
   */
  readonly verification: Uint8Array;
  readonly visits: Uint8Array;
  readonly materials: Uint8Array;
  readonly proofs: Uint8Array;
  /** Officers' steps (环节) the case went through. */
  readonly steps: Uint8Array;
  readonly poolBusy: Float64Array;
  readonly poolWait: Float64Array;
  readonly poolTasks: Float64Array;
  /** Working days over which utilisation is measured. */
  readonly span: number;
  readonly traces: CaseTrace[];
  /** Every case, warm-up included, in arrival order: asked for with `keepCases`. */
  readonly all?: CaseRecords;
}

/** What became of every case of a replication, in arrival order. */
export interface CaseRecords {
  /** Closure time on the working-day axis (certificate issued, denial, refusal, lapse). */
  readonly closedAt: Float64Array;
  /** Index into {@link OUTCOMES}. */
  readonly outcome: Uint8Array;
  readonly visits: Uint8Array;
  readonly materials: Uint8Array;
  readonly proofs: Uint8Array;
  readonly steps: Uint8Array;
}

/**
 * The result of a finished replication: cycle times and on-time flags of
 * the counted cases, the pools' figures, and the traced cases' outcomes and
 * due dates.
 */
export function replicationResult(s: ReplicationState): ReplicationResult {
  const { axis, model, flags, recvDay, decisionRank, firstCounted, n } = s;
  const counted = n - firstCounted;
  const cycleWorkingDays = new Float64Array(counted);
  const cycleCalendarDays = new Float64Array(counted);
  const onTimePromised = new Uint8Array(counted);
  const onTimeStatutory = new Uint8Array(counted);
  const extended = new Uint8Array(counted);
  const verification = new Uint8Array(counted);
  for (let c = firstCounted; c < n; c++) {
    const i = c - firstCounted;
    const closed = s.closeT[c]!;
    cycleWorkingDays[i] = closed - s.arrivals.times[c]!;
    cycleCalendarDays[i] =
      axis.epochOf(Math.floor(closed)) - axis.epochOf(recvDay[c]!);
    const decided = decisionRank[c]!;
    const limits = s.limitsOf(recvDay[c]!);
    const base = s.acceptRank[c]! + s.pausedDays[c]!;
    const statutory =
      limits.statutory + (flags[c]! & EXTENDED ? limits.extension : 0);
    extended[i] = flags[c]! & EXTENDED ? 1 : 0;
    verification[i] = !(flags[c]! & COMMITMENT)
      ? 0
      : s.phase[c] === REVOKED
        ? 3
        : flags[c]! & VERIFIED
          ? 2
          : 1;
    if (decided < 0) {
      onTimePromised[i] = 2;
      onTimeStatutory[i] = 2;
    } else if (flags[c]! & COMMITMENT) {
      onTimePromised[i] = 1;
      onTimeStatutory[i] = 1;
    } else {
      onTimePromised[i] = decided <= base + limits.promised ? 1 : 0;
      onTimeStatutory[i] = decided <= base + statutory ? 1 : 0;
    }
    const trace = s.traces[c];
    if (trace) {
      trace.outcome = OUTCOMES[s.outcome[c]!]!;
      const accepted = !(flags[c]! & COMMITMENT) && decided >= 0;
      const supplement = s.supplementDue[c]!;
      trace.due = {
        decision: accepted ? axis.dateOf(base + statutory) : null,
        promised: accepted ? axis.dateOf(base + limits.promised) : null,
        supplement: supplement >= 0 ? axis.dateOf(supplement) : null,
        issuance:
          decided >= 0 ? axis.dateOf(decided + model.issuanceDays) : null,
      };
    }
  }
  return {
    replication: s.options.replication,
    cycleWorkingDays,
    cycleCalendarDays,
    outcome: s.outcome.slice(firstCounted),
    onTimePromised,
    onTimeStatutory,
    extended,
    verification,
    visits: s.visits.slice(firstCounted),
    materials: s.materials.slice(firstCounted),
    proofs: s.proofs.slice(firstCounted),
    steps: s.steps.slice(firstCounted),
    poolBusy: s.poolBusy,
    poolWait: s.poolWait,
    poolTasks: s.poolTasks,
    span: Math.max(s.lastT - s.warmT, 1e-9),
    traces: s.traced,
    ...(s.options.keepCases
      ? {
          all: {
            closedAt: s.closeT,
            outcome: s.outcome,
            visits: s.visits,
            materials: s.materials,
            proofs: s.proofs,
            steps: s.steps,
          },
        }
      : {}),
  };
}
