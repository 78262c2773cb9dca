import type { Role } from '@kuaiban/machines';
import { RATING_GRADES } from '@kuaiban/machines';
import type { CaseTrace } from './caseTrace.js';
import { DayTimers } from './DayTimers.js';
import { EventHeap } from './EventHeap.js';
import { mixSeed } from './random.js';
import type { Random } from './random.js';
import type { Arrivals } from './arrivals.js';
import { generateArrivals } from './arrivals.js';
import type { SimulationModel } from './simulationModel.js';
import { ACTIVITY } from './simulationModel.js';
import { TaskQueue } from './TaskQueue.js';
import { WorkingDayAxis, clockTime, dateOfEpochDay } from './WorkingDayAxis.js';

/** How a case ended. */
export const OUTCOMES = ['approved', 'denied', 'refused', 'lapsed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

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

// Phases: the case machine's top-level states.
const SUBMITTED = 0;
const REFUSAL_PENDING = 1;
const ACCEPTING = 2;
const REVIEWING = 3;
const DECIDING = 4;
const ISSUING = 5;
const RATING = 6;
const FOLLOW_UP = 7;
const ARCHIVED = 8;
const REFUSED = 9;
const LAPSED = 10;
const STATE_NAMES = [
  'submitted',
  'refusalPending',
  'accepting',
  'reviewing',
  'deciding',
  'issuing',
  'rating',
  'ratingFollowUp',
  'archived',
  'refused',
  'lapsed',
];

// Flags.
const PROVISIONAL = 1;
const PAUSED = 2;
const DENY = 4;
const DECISION_QUEUED = 8;
const COMMITMENT = 16;
const CLOSED = 32;

// Events.
const E_TASK = 1;
const E_APPLICANT = 2;
const E_PAUSE_END = 4;
// Applicant responses.
const A_CORRECTION = 0;
const A_SUPPLEMENT = 1;
const A_DEPARTMENT_SUPPLEMENT = 2;
const A_RATE = 3;
// Wake-ups.
const T_DEEM = 0;
const T_LAPSE = 1;
const T_DEPARTMENT = 2;
// Department review states.
const D_WAITING = 0;
const D_REVIEWING = 1;
const D_AWAITING = 2;
const D_ESCALATED = 3;
const D_DECIDED = 4;
// Merged notice states of a parallel review.
const N_RUNNING = 0;
const N_PENDING = 1;
const N_ISSUED = 2;

const OFFICER: Readonly<Record<Role, string>> = {
  applicant: 'applicant',
  'window-officer': 'window-officer-1',
  reviewer: 'reviewer-1',
  'department-approver': 'department-approver-1',
  'lead-department': 'lead-department-1',
  'agency-head': 'agency-head-1',
  supervisor: 'supervisor-1',
  system: 'scheduler',
};
export { OFFICER as SIMULATED_OFFICERS };

/**
 * Runs one replication of a compiled simulation: arrivals, officers' queues,
 * applicants' responses and the legal clocks, event by event, on the
 * working-day axis. Every case draws from its own stream (seed, case), so
 * two designs run with one seed see the same applicants (common random
 * numbers).
 */
export function runReplication(
  model: SimulationModel,
  options: ReplicationOptions,
): ReplicationResult {
  const { scenario, pools, activityPool, activityHours, departments } = model;
  const p = scenario.probabilities;
  const axis = new WorkingDayAxis(model.calendar, scenario.start);
  const repSeed = mixSeed(options.seed, options.replication);
  const given = options.arrivals;
  const arrivals = given
    ? givenArrivals(given.times, options.warmupDays)
    : generateArrivals(axis, scenario, {
        seed: mixSeed(repSeed, 0x5eed),
        cases: options.cases,
        warmupDays: options.warmupDays,
        sessions: pools[activityPool[ACTIVITY.acceptance]!]!.sessions,
      });
  const keys = given?.keys;
  const n = arrivals.length;
  const D = departments.length;
  const states = new Uint32Array(n);
  const phase = new Uint8Array(n);
  const flags = new Uint8Array(n);
  const outcome = new Uint8Array(n);
  const recvDay = new Int32Array(n);
  const acceptRank = new Int32Array(n);
  const pausedDays = new Int32Array(n);
  const pauseRank = new Int32Array(n);
  const supplementDue = new Int32Array(n).fill(-1);
  const decisionRank = new Int32Array(n).fill(-1);
  const stepIndex = new Int32Array(n);
  const missingOf = new Uint8Array(n);
  const visits = new Uint8Array(n);
  const materials = new Uint8Array(n);
  const proofs = new Uint8Array(n);
  const steps = new Uint8Array(n);
  const closeT = new Float64Array(n);
  const noticeState = new Uint8Array(n);
  const deptState = new Uint8Array(n * D);
  const deptOpinion = new Uint8Array(n * D);
  const deptStart = new Int32Array(n * D);
  const deptPaused = new Int32Array(n * D);
  const deptAsked = new Uint8Array(n * D);
  const deptRequested = new Int32Array(n * D);
  const traces: (CaseTrace | undefined)[] = [];
  const tracing = new Uint8Array(n);
  const traced: CaseTrace[] = [];
  const firstCounted = arrivals.firstCounted;
  const traceUntil = firstCounted + (options.traceCases ?? 0);

  const statutoryByDay = new Map<
    number,
    { statutory: number; promised: number }
  >();
  const limitsOf = (day: number) => {
    let limits = statutoryByDay.get(day);
    if (!limits) {
      limits = model.limitsOn(axis.dateOf(day));
      statutoryByDay.set(day, limits);
    }
    return limits;
  };

  let current = 0;
  const random: Random = {
    next() {
      const s = (states[current]! + 0x6d2b79f5) | 0;
      states[current] = s >>> 0;
      let t = Math.imul(s ^ (s >>> 15), s | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
  const chance = (c: number, probability: number): boolean => {
    current = c;
    return random.next() < probability;
  };
  const draw = (c: number, sample: (r: Random) => number): number => {
    current = c;
    return sample(random);
  };

  const heap = new EventHeap();
  const timers = new DayTimers();
  const queues = pools.map(() => new TaskQueue());
  const busy = new Int32Array(pools.length);
  const poolBusy = new Float64Array(pools.length);
  const poolWait = new Float64Array(pools.length);
  const poolTasks = new Float64Array(pools.length);
  const warmT = arrivals.warmupEnd;
  const lastT = arrivals.times[n - 1] ?? warmT;
  const activityNames = activityLabels(model);

  const allComplete = () =>
    model.materialIds.map((materialId) => ({ materialId, status: 'complete' }));
  /** Records a command of a traced case; its fields are built only then. */
  const note = (
    c: number,
    t: number,
    type: string,
    role: Role,
    fields?: () => Record<string, unknown>,
  ): void => {
    if (tracing[c] === 0) return;
    traces[c]?.steps.push({
      t,
      at: momentOf(t),
      type,
      role,
      fields: fields ? fields() : {},
      state: STATE_NAMES[phase[c]!]!,
    });
  };
  const wake = (
    c: number,
    t: number,
    epoch: number,
    what: 'deemed-acceptance' | 'lapse' | 'department-timeout',
  ): void => {
    if (tracing[c])
      traces[c]?.steps.push({
        t,
        at: `${dateOfEpochDay(epoch)}T00:00`,
        what,
        state: STATE_NAMES[phase[c]!]!,
      });
  };
  const windowSessions = pools[activityPool[ACTIVITY.acceptance]!]!.sessions;
  const momentOf = (t: number): string =>
    clockTime(axis.dateOf(Math.floor(t)), t - Math.floor(t), windowSessions);
  /** The time a wake-up due the day after working day `rank` runs. */
  const tickAfter = (rank: number): number =>
    axis.firstOnOrAfter(axis.epochOf(rank) + 1);

  function valid(c: number, a: number): boolean {
    if (
      flags[c]! & CLOSED &&
      a !== ACTIVITY.ratingAnswer &&
      a !== ACTIVITY.ratingRectify &&
      a !== ACTIVITY.issuance
    ) {
      return false;
    }
    if (a === ACTIVITY.acceptance || a === ACTIVITY.commitment)
      return phase[c] === SUBMITTED;
    if (a >= model.firstDepartment) {
      if (phase[c] !== REVIEWING) return false;
      const j =
        a >= model.firstEscalation
          ? a - model.firstEscalation
          : a - model.firstDepartment;
      return (
        deptState[c * D + j] ===
        (a >= model.firstEscalation ? D_ESCALATED : D_REVIEWING)
      );
    }
    if (a >= ACTIVITY.firstStep)
      return phase[c] === REVIEWING && stepIndex[c] === a - ACTIVITY.firstStep;
    if (a === ACTIVITY.mergedNotice)
      return phase[c] === REVIEWING && noticeState[c] === N_PENDING;
    if (a === ACTIVITY.decision) return phase[c] === DECIDING;
    return true;
  }

  /** Starts a task; returns when it will end. */
  function start(c: number, a: number, queued: number, t: number): number {
    const pool = activityPool[a]!;
    const hours = draw(c, activityHours[a]!);
    const end = t + hours * pools[pool]!.daysPerHour;
    busy[pool]!++;
    if (queued >= warmT && queued <= lastT) {
      poolBusy[pool]! += Math.max(0, Math.min(end, lastT) - t);
      poolWait[pool]! += t - queued;
      poolTasks[pool]!++;
    }
    if (tracing[c])
      traces[c]?.tasks.push({
        activity: activityNames[a]!,
        pool,
        queued,
        start: t,
        end,
      });
    heap.push(end, E_TASK, c, a);
    return end;
  }

  /** Starts a task or queues it; returns when it will end, or -1 while it waits. */
  function enqueue(c: number, a: number, t: number): number {
    const pool = activityPool[a]!;
    if (busy[pool]! < pools[pool]!.servers) return start(c, a, t, t);
    queues[pool]!.push(c, a, t);
    return -1;
  }

  function release(pool: number, t: number): void {
    busy[pool]!--;
    const queue = queues[pool]!;
    while (busy[pool]! < pools[pool]!.servers && queue.shift()) {
      if (valid(queue.caseIndex, queue.activity))
        start(queue.caseIndex, queue.activity, queue.queued, t);
    }
  }

  function close(c: number, t: number, result: number): void {
    flags[c]! |= CLOSED;
    outcome[c] = result;
    closeT[c] = t;
  }

  /**
   * Sends a department's review to its officers, with the wake-up of its
   * limit unless the review will be done before that (then it cannot fire).
   */
  function reviewInDepartment(c: number, j: number, t: number): void {
    const due =
      deptStart[c * D + j]! +
      departments[j]!.limitDays +
      deptPaused[c * D + j]!;
    const timeout = tickAfter(due);
    const end = enqueue(c, model.firstDepartment + j, t);
    if (end < 0 || end >= timeout) timers.push(timeout, c, T_DEPARTMENT + j);
  }

  function dispatchDepartment(
    c: number,
    j: number,
    rank: number,
    t: number,
  ): void {
    deptState[c * D + j] = D_REVIEWING;
    deptStart[c * D + j] = rank;
    reviewInDepartment(c, j, t);
  }

  /** The case is accepted: `record` notes the command (or wake-up) that did it. */
  function accepted(
    c: number,
    t: number,
    rank: number,
    dispatchRank: number,
    record: () => void,
  ): void {
    acceptRank[c] = rank;
    phase[c] = model.onTheSpot ? DECIDING : REVIEWING;
    record();
    const pause = scenario.pause;
    if (pause && model.pauseDays && chance(c, pause.probability)) {
      flags[c]! |= PAUSED;
      pauseRank[c] = Math.floor(t);
      note(c, t, 'PAUSE', 'window-officer', () => ({
        writtenNoticeOn: axis.dateOf(Math.floor(t)),
        pause: { reason: pause.reason },
      }));
      heap.push(t + draw(c, model.pauseDays), E_PAUSE_END, c, 0);
    }
    if (model.onTheSpot) return maybeDecide(c, t);
    if (!model.parallel) {
      enqueue(c, ACTIVITY.firstStep, t);
      return;
    }
    for (let j = 0; j < D; j++) {
      if (departments[j]!.dependsOn.length === 0)
        dispatchDepartment(c, j, dispatchRank, t);
    }
  }

  function maybeDecide(c: number, t: number): void {
    if (
      phase[c] !== DECIDING ||
      flags[c]! & (PROVISIONAL | PAUSED | DECISION_QUEUED | CLOSED)
    )
      return;
    flags[c]! |= DECISION_QUEUED;
    enqueue(c, ACTIVITY.decision, t);
  }

  function reviewDone(c: number, t: number, deny: boolean): void {
    phase[c] = DECIDING;
    if (deny) flags[c]! |= DENY;
  }

  function departmentDecided(
    c: number,
    j: number,
    opinion: number,
    rank: number,
    t: number,
    type: string,
    role: Role,
  ): void {
    deptState[c * D + j] = D_DECIDED;
    deptOpinion[c * D + j] = opinion;
    // The join (会签/或签/票签) as the parallel machine computes it, looked up.
    let code = 0;
    for (let k = D - 1; k >= 0; k--) {
      code =
        code * 3 +
        (deptState[c * D + k] === D_DECIDED ? 1 + deptOpinion[c * D + k]! : 0);
    }
    const result = model.join(code);
    if (result !== 0) reviewDone(c, t, result === 2);
    if (type !== '') {
      note(c, t, type, role, () => ({
        department: departments[j]!.id,
        opinion: opinion ? 'reject' : 'approve',
      }));
    }
    if (result !== 0) return maybeDecide(c, t);
    for (let k = 0; k < D; k++) {
      if (deptState[c * D + k] !== D_WAITING) continue;
      const needs = departments[k]!.dependsOn;
      if (needs.every((x) => deptState[c * D + x] === D_DECIDED))
        dispatchDepartment(c, k, rank, t);
    }
  }

  function rate(c: number, t: number): void {
    if (chance(c, p.rates)) {
      heap.push(t + draw(c, model.applicant.rating), E_APPLICANT, c, A_RATE);
    } else {
      phase[c] = ARCHIVED;
      note(c, t, 'ARCHIVE', 'window-officer');
    }
  }

  function checkMaterials(c: number, t: number): void {
    const day = Math.floor(t);
    if (!chance(c, p.materialsIncomplete)) {
      return accepted(c, t, day, day, () =>
        note(c, t, 'MATERIALS_CHECKED', 'window-officer', () => ({
          findings: allComplete(),
        })),
      );
    }
    const tolerable =
      model.tolerance !== null &&
      model.tolerableIds.length > 0 &&
      chance(c, p.onlyTolerableMissing);
    const missing = tolerable ? model.tolerableIds[0]! : model.materialIds[0]!;
    missingOf[c] = tolerable ? 1 : 0;
    const findings = () => ({
      findings: model.materialIds.map((materialId) => ({
        materialId,
        status: materialId === missing ? 'missing' : 'complete',
      })),
    });
    if (tolerable) {
      note(c, t, 'MATERIALS_CHECKED', 'window-officer', findings);
      if (chance(c, p.choosesTolerance)) {
        flags[c]! |= PROVISIONAL;
        const due = day + model.tolerance.supplementDays;
        supplementDue[c] = due;
        accepted(c, t, day, day, () =>
          note(c, t, 'ACCEPT_TOLERANCE', 'applicant', () => ({
            commitment: { text: '承诺按期补齐容缺材料' },
          })),
        );
        // An on-time supplement comes before the lapse could fire.
        if (chance(c, p.supplementLate))
          timers.push(tickAfter(due), c, T_LAPSE);
        else {
          const at = Math.min(
            t + draw(c, model.applicant.supplement),
            due + 1 - 1e-9,
          );
          heap.push(at, E_APPLICANT, c, A_SUPPLEMENT);
        }
        return;
      }
      note(c, t, 'DECLINE_TOLERANCE', 'applicant');
    } else {
      note(c, t, 'MATERIALS_CHECKED', 'window-officer', findings);
    }
    note(c, t, 'ISSUE_NOTICE', 'window-officer', () => ({
      items: [{ materialId: missing, problem: '材料缺失，请补正' }],
    }));
    heap.push(
      t + draw(c, model.applicant.correction),
      E_APPLICANT,
      c,
      A_CORRECTION,
    );
  }

  function taskDone(c: number, a: number, t: number): void {
    release(activityPool[a]!, t);
    if (!valid(c, a)) return;
    steps[c]!++;
    const day = Math.floor(t);
    if (a === ACTIVITY.acceptance || a === ACTIVITY.commitment) {
      if (chance(c, p.refusal)) {
        phase[c] = REFUSAL_PENDING;
        note(c, t, 'PROPOSE_REFUSAL', 'window-officer', () => ({
          reason: '不属于本机关职权范围',
          route: '请向有权机关申请',
        }));
        enqueue(c, ACTIVITY.refusalConfirm, t);
        return;
      }
      phase[c] = ACCEPTING;
      note(c, t, 'PRE_REVIEW_PASSED', 'window-officer');
      if (a === ACTIVITY.acceptance) return checkMaterials(c, t);
      note(c, t, 'GIVE_NOTICE', 'window-officer', () => ({
        contents: {
          item: true,
          conditions: true,
          replacedProofs: true,
          howToCommit: true,
          rightToVerify: true,
          consequences: true,
        },
      }));
      note(c, t, 'CHOOSE_COMMITMENT', 'applicant');
      note(c, t, 'SIGN_COMMITMENT', 'applicant', () => ({
        text: '本人承诺符合许可条件',
      }));
      phase[c] = ISSUING;
      decisionRank[c] = day;
      note(c, t, 'DECIDE', 'window-officer', () => ({ approve: true }));
      enqueue(c, ACTIVITY.issuance, t);
      return;
    }
    if (a === ACTIVITY.refusalConfirm) {
      if (phase[c] !== REFUSAL_PENDING) return;
      phase[c] = REFUSED;
      close(c, t, 2);
      return note(c, t, 'CONFIRM_REFUSAL', 'supervisor');
    }
    if (a === ACTIVITY.recheck) {
      return accepted(c, t, day, day, () =>
        note(c, t, 'MATERIALS_CHECKED', 'window-officer', () => ({
          findings: allComplete(),
        })),
      );
    }
    if (a === ACTIVITY.decision) {
      decisionRank[c] = day;
      if (flags[c]! & DENY) {
        phase[c] = RATING;
        close(c, t, 1);
        note(c, t, 'DENY', 'agency-head', () => ({
          reasons: ['不符合法定条件'],
          remedies: { administrativeReview: true, lawsuit: true },
        }));
        return rate(c, t);
      }
      phase[c] = ISSUING;
      note(c, t, 'APPROVE', 'agency-head');
      enqueue(c, ACTIVITY.issuance, t);
      return;
    }
    if (a === ACTIVITY.issuance) {
      phase[c] = RATING;
      visits[c]! += scenario.visits.collection;
      close(c, t, 0);
      note(c, t, 'ISSUE_CERTIFICATE', 'window-officer', () => ({
        certificateNo: `${model.item.id}-${c}`,
      }));
      return rate(c, t);
    }
    if (a === ACTIVITY.ratingAnswer) {
      note(c, t, 'ANSWER_RATING', 'window-officer', () => ({
        answer: '已联系申请人，说明情况',
      }));
      enqueue(c, ACTIVITY.ratingRectify, t);
      return;
    }
    if (a === ACTIVITY.ratingRectify) {
      phase[c] = ARCHIVED;
      return note(c, t, 'RECTIFY_RATING', 'supervisor', () => ({
        measures: '优化办理流程',
      }));
    }
    if (a === ACTIVITY.mergedNotice) {
      noticeState[c] = N_ISSUED;
      visits[c]! += scenario.visits.supplement;
      note(c, t, 'ISSUE_MERGED_NOTICE', 'lead-department');
      heap.push(
        t + draw(c, model.applicant.departmentSupplement),
        E_APPLICANT,
        c,
        A_DEPARTMENT_SUPPLEMENT,
      );
      return;
    }
    if (a >= model.firstEscalation) {
      const j = a - model.firstEscalation;
      const reject = chance(c, p.departmentRejects) ? 1 : 0;
      return departmentDecided(
        c,
        j,
        reject,
        day,
        t,
        'ESCALATION_RESOLVED',
        'supervisor',
      );
    }
    if (a >= model.firstDepartment) {
      const j = a - model.firstDepartment;
      const at = c * D + j;
      const due = deptStart[at]! + departments[j]!.limitDays + deptPaused[at]!;
      if (
        !deptAsked[at] &&
        noticeState[c] !== N_ISSUED &&
        day < due &&
        chance(c, p.departmentAsksSupplement)
      ) {
        deptAsked[at] = 1;
        deptState[at] = D_AWAITING;
        deptRequested[at] = day;
        note(c, t, 'REQUEST_SUPPLEMENT', 'department-approver', () => ({
          department: departments[j]!.id,
          items: [{ materialId: model.materialIds[0]!, problem: '请补充说明' }],
        }));
        if (noticeState[c] === N_RUNNING) {
          noticeState[c] = N_PENDING;
          enqueue(c, ACTIVITY.mergedNotice, t);
        }
        return;
      }
      const reject = chance(c, p.departmentRejects) ? 1 : 0;
      return departmentDecided(
        c,
        j,
        reject,
        day,
        t,
        'OPINION',
        'department-approver',
      );
    }
    // A review step of a chain.
    const i = a - ACTIVITY.firstStep;
    const step = model.steps[i]!;
    const reject = chance(c, p.stepRejects);
    if (reject || i === model.steps.length - 1) reviewDone(c, t, reject);
    else {
      stepIndex[c] = i + 1;
      enqueue(c, a + 1, t);
    }
    note(c, t, 'REVIEW_OPINION', step.role, () => ({
      step: step.id,
      opinion: reject ? 'reject' : 'approve',
    }));
    maybeDecide(c, t);
  }

  function applicantResponds(c: number, what: number, t: number): void {
    const day = Math.floor(t);
    if (what === A_CORRECTION) {
      const missing = missingOf[c]
        ? model.tolerableIds[0]!
        : model.materialIds[0]!;
      visits[c]! += scenario.visits.correction;
      materials[c]!++;
      note(c, t, 'MATERIALS_SUPPLIED', 'applicant', () => ({
        materialIds: [missing],
      }));
      enqueue(c, ACTIVITY.recheck, t);
      return;
    }
    if (what === A_SUPPLEMENT) {
      if (!(flags[c]! & PROVISIONAL) || flags[c]! & CLOSED) return;
      flags[c]! &= ~PROVISIONAL;
      visits[c]! += scenario.visits.supplement;
      materials[c]!++;
      note(c, t, 'SUPPLEMENT', 'applicant', () => ({
        materialIds: [model.tolerableIds[0]!],
      }));
      return maybeDecide(c, t);
    }
    if (what === A_DEPARTMENT_SUPPLEMENT) {
      if (phase[c] !== REVIEWING || flags[c]! & CLOSED) return;
      noticeState[c] = N_RUNNING;
      materials[c]!++;
      note(c, t, 'SUPPLEMENT_PROVIDED', 'applicant');
      for (let j = 0; j < D; j++) {
        const at = c * D + j;
        if (deptState[at] !== D_AWAITING) continue;
        deptPaused[at]! += day - deptRequested[at]!;
        deptState[at] = D_REVIEWING;
        reviewInDepartment(c, j, t);
      }
      return;
    }
    // A rating (好差评).
    current = c;
    const u = random.next();
    let grade = 0;
    while (grade < RATING_GRADES.length - 1 && u >= model.gradeCut[grade]!)
      grade++;
    phase[c] = grade >= 3 ? FOLLOW_UP : ARCHIVED;
    note(c, t, 'RATE', 'applicant', () => ({ grade: RATING_GRADES[grade] }));
    if (grade >= 3) enqueue(c, ACTIVITY.ratingAnswer, t);
  }

  function wakeUp(c: number, what: number, t: number): void {
    if (flags[c]! & CLOSED) return;
    if (what === T_DEEM) {
      if (phase[c] !== SUBMITTED) return;
      const epoch = axis.epochOf(recvDay[c]! + model.noticeDays) + 1;
      return accepted(c, t, recvDay[c]!, axis.rankOf(epoch), () =>
        wake(c, t, epoch, 'deemed-acceptance'),
      );
    }
    if (what === T_LAPSE) {
      if (!(flags[c]! & PROVISIONAL)) return;
      phase[c] = LAPSED;
      close(c, t, 3);
      return wake(c, t, axis.epochOf(supplementDue[c]!) + 1, 'lapse');
    }
    const j = what - T_DEPARTMENT;
    const at = c * D + j;
    if (phase[c] !== REVIEWING || deptState[at] !== D_REVIEWING) return;
    const due = deptStart[at]! + departments[j]!.limitDays + deptPaused[at]!;
    if (tickAfter(due) !== t) return;
    const epoch = axis.epochOf(due) + 1;
    const timeout = departments[j]!.onTimeout;
    if (timeout === 'escalate') {
      deptState[at] = D_ESCALATED;
      wake(c, t, epoch, 'department-timeout');
      enqueue(c, model.firstEscalation + j, t);
      return;
    }
    departmentDecided(
      c,
      j,
      timeout === 'reject' ? 1 : 0,
      axis.rankOf(epoch),
      t,
      '',
      'system',
    );
    wake(c, t, epoch, 'department-timeout');
  }

  function arrive(c: number, t: number): void {
    states[c] = mixSeed(repSeed, (keys ? keys[c]! : c) + 1);
    const day = Math.floor(t);
    recvDay[c] = day;
    visits[c] = scenario.visits.submission;
    const commitment = model.commitment && chance(c, p.choosesCommitment);
    materials[c] = commitment
      ? model.materials - model.proofs
      : model.materials;
    proofs[c] = commitment ? 0 : model.proofs;
    if (commitment) flags[c]! |= COMMITMENT;
    if (c >= firstCounted && c < traceUntil) {
      const trace: CaseTrace = {
        caseId: `sim-${options.replication}-${keys ? keys[c]! : c}`,
        submittedOn: axis.dateOf(day),
        submittedAt: momentOf(t),
        route: commitment ? 'commitment' : 'standard',
        arrival: t,
        steps: [],
        tasks: [],
        due: {
          decision: null,
          supplement: null,
          issuance: null,
          promised: null,
        },
        outcome: '',
      };
      traces[c] = trace;
      tracing[c] = 1;
      traced.push(trace);
    }
    const end = enqueue(
      c,
      commitment ? ACTIVITY.commitment : ACTIVITY.acceptance,
      t,
    );
    // ALL-32-NOTICE-5D: deemed acceptance, unless the check is done in time.
    const deemed = tickAfter(day + model.noticeDays);
    if (!commitment && (end < 0 || end >= deemed))
      timers.push(deemed, c, T_DEEM);
  }

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
      while (timers.take(day)) wakeUp(timers.caseIndex, timers.detail, day);
      continue;
    }
    if (arrival < top) {
      arrive(next, arrival);
      next++;
      continue;
    }
    heap.pop();
    const t = heap.time;
    const c = heap.caseIndex;
    switch (heap.kind) {
      case E_TASK:
        taskDone(c, heap.detail, t);
        break;
      case E_APPLICANT:
        applicantResponds(c, heap.detail, t);
        break;
      case E_PAUSE_END:
        if (flags[c]! & CLOSED) break;
        pausedDays[c]! += Math.floor(t) - pauseRank[c]!;
        flags[c]! &= ~PAUSED;
        note(c, t, 'RESUME', 'window-officer');
        maybeDecide(c, t);
        break;
    }
  }

  const counted = n - firstCounted;
  const cycleWorkingDays = new Float64Array(counted);
  const cycleCalendarDays = new Float64Array(counted);
  const onTimePromised = new Uint8Array(counted);
  const onTimeStatutory = new Uint8Array(counted);
  for (let c = firstCounted; c < n; c++) {
    const i = c - firstCounted;
    const t0 = arrivals.times[c]!;
    cycleWorkingDays[i] = closeT[c]! - t0;
    cycleCalendarDays[i] =
      axis.epochOf(Math.floor(closeT[c]!)) - axis.epochOf(recvDay[c]!);
    const decided = decisionRank[c]!;
    if (decided < 0) {
      onTimePromised[i] = 2;
      onTimeStatutory[i] = 2;
    } else if (flags[c]! & COMMITMENT) {
      onTimePromised[i] = 1;
      onTimeStatutory[i] = 1;
    } else {
      const limits = limitsOf(recvDay[c]!);
      const base = acceptRank[c]! + pausedDays[c]!;
      onTimePromised[i] = decided <= base + limits.promised ? 1 : 0;
      onTimeStatutory[i] = decided <= base + limits.statutory ? 1 : 0;
    }
    const trace = traces[c];
    if (trace) {
      trace.outcome = OUTCOMES[outcome[c]!]!;
      const limits = limitsOf(recvDay[c]!);
      const accepted = !(flags[c]! & COMMITMENT) && decided >= 0;
      const base = acceptRank[c]! + pausedDays[c]!;
      trace.due = {
        decision: accepted ? axis.dateOf(base + limits.statutory) : null,
        promised: accepted ? axis.dateOf(base + limits.promised) : null,
        supplement:
          supplementDue[c]! >= 0 ? axis.dateOf(supplementDue[c]!) : null,
        issuance:
          decided >= 0 ? axis.dateOf(decided + model.issuanceDays) : null,
      };
    }
  }
  return {
    replication: options.replication,
    cycleWorkingDays,
    cycleCalendarDays,
    outcome: outcome.slice(firstCounted),
    onTimePromised,
    onTimeStatutory,
    visits: visits.slice(firstCounted),
    materials: materials.slice(firstCounted),
    proofs: proofs.slice(firstCounted),
    steps: steps.slice(firstCounted),
    poolBusy,
    poolWait,
    poolTasks,
    span: Math.max(lastT - warmT, 1e-9),
    traces: traced,
    ...(options.keepCases
      ? { all: { closedAt: closeT, outcome, visits, materials, proofs, steps } }
      : {}),
  };
}

/** Given arrival times as {@link Arrivals}: those after the warm-up counted. */
function givenArrivals(times: Float64Array, warmupEnd: number): Arrivals {
  let firstCounted = 0;
  while (firstCounted < times.length && times[firstCounted]! < warmupEnd)
    firstCounted++;
  return { times, length: times.length, firstCounted, warmupEnd };
}

/** A label for each activity code, for traces and charts. */
export function activityLabels(model: SimulationModel): string[] {
  return [
    'acceptance',
    'recheck',
    'commitment',
    'merged-notice',
    'decision',
    'issuance',
    'rating-answer',
    'rating-rectify',
    'refusal-confirmation',
    ...model.steps.map((s) => `step:${s.id}`),
    ...model.departments.map((d) => `department:${d.id}`),
    ...model.departments.map((d) => `escalation:${d.id}`),
  ];
}
