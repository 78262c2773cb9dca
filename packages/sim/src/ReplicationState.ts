import type { Role } from '@kuaiban/machines';
import type { Arrivals } from './arrivals.js';
import { generateArrivals, givenArrivals } from './arrivals.js';
import type { CaseTrace } from './caseTrace.js';
import {
  CLOSED,
  D_ESCALATED,
  D_REVIEWING,
  DECIDING,
  E_TASK,
  N_PENDING,
  REVIEWING,
  REVOKED,
  STATE_NAMES,
  SUBMITTED,
  activityLabels,
} from './caseCodes.js';
import { DayTimers } from './DayTimers.js';
import { EventHeap } from './EventHeap.js';
import type { Random } from './random.js';
import { mixSeed } from './random.js';
import type { ReplicationOptions } from './runReplication.js';
import type { Sampler } from './distributions.js';
import type { SimulationModel } from './simulationModel.js';
import { ACTIVITY } from './simulationModel.js';
import { TaskQueue } from './TaskQueue.js';
import { WorkingDayAxis, clockTime, dateOfEpochDay } from './WorkingDayAxis.js';

/**
 * Everything one replication keeps: one slot per case in typed arrays (its
 * phase, flags, clocks, figures, random stream), the event heap, the
 * day-start wake-ups and the officers' queues, and the primitives every
 * step uses (random draws, starting and queueing tasks, recording traces).
 */
export class ReplicationState {
  readonly model: SimulationModel;
  readonly options: ReplicationOptions;
  readonly axis: WorkingDayAxis;
  readonly repSeed: number;
  readonly arrivals: Arrivals;
  /** Each case's key for its random stream (given arrivals), or its index. */
  readonly keys: Int32Array | undefined;
  readonly n: number;
  /** Departments of a parallel review. */
  readonly D: number;
  readonly states: Uint32Array;
  readonly phase: Uint8Array;
  readonly flags: Uint8Array;
  readonly outcome: Uint8Array;
  readonly recvDay: Int32Array;
  readonly acceptRank: Int32Array;
  readonly pausedDays: Int32Array;
  readonly pauseRank: Int32Array;
  readonly supplementDue: Int32Array;
  readonly decisionRank: Int32Array;
  readonly stepIndex: Int32Array;
  readonly missingOf: Uint8Array;
  readonly visits: Uint8Array;
  readonly materials: Uint8Array;
  readonly proofs: Uint8Array;
  readonly steps: Uint8Array;
  readonly closeT: Float64Array;
  readonly noticeState: Uint8Array;
  readonly deptState: Uint8Array;
  readonly deptOpinion: Uint8Array;
  readonly deptStart: Int32Array;
  readonly deptPaused: Int32Array;
  readonly deptAsked: Uint8Array;
  readonly deptRequested: Int32Array;
  readonly traces: (CaseTrace | undefined)[] = [];
  readonly tracing: Uint8Array;
  readonly traced: CaseTrace[] = [];
  readonly firstCounted: number;
  readonly traceUntil: number;
  readonly heap = new EventHeap();
  readonly timers = new DayTimers();
  readonly queues: TaskQueue[];
  readonly busy: Int32Array;
  readonly poolBusy: Float64Array;
  readonly poolWait: Float64Array;
  readonly poolTasks: Float64Array;
  readonly warmT: number;
  readonly lastT: number;
  readonly activityNames: string[];
  readonly windowSessions: readonly { from: number; to: number }[];
  private readonly limitsByDay = new Map<
    number,
    { statutory: number; promised: number; extension: number }
  >();
  /** The case whose stream {@link random} draws from. */
  current = 0;
  readonly random: Random;

  constructor(model: SimulationModel, options: ReplicationOptions) {
    this.model = model;
    this.options = options;
    const { scenario, pools, activityPool } = model;
    this.axis = new WorkingDayAxis(model.calendar, scenario.start);
    this.repSeed = mixSeed(options.seed, options.replication);
    this.windowSessions = pools[activityPool[ACTIVITY.acceptance]!]!.sessions;
    const given = options.arrivals;
    this.arrivals = given
      ? givenArrivals(given.times, options.warmupDays)
      : generateArrivals(this.axis, scenario, {
          seed: mixSeed(this.repSeed, 0x5eed),
          cases: options.cases,
          warmupDays: options.warmupDays,
          sessions: this.windowSessions,
        });
    this.keys = given?.keys;
    const n = (this.n = this.arrivals.length);
    const D = (this.D = model.departments.length);
    this.states = new Uint32Array(n);
    this.phase = new Uint8Array(n);
    this.flags = new Uint8Array(n);
    this.outcome = new Uint8Array(n);
    this.recvDay = new Int32Array(n);
    this.acceptRank = new Int32Array(n);
    this.pausedDays = new Int32Array(n);
    this.pauseRank = new Int32Array(n);
    this.supplementDue = new Int32Array(n).fill(-1);
    this.decisionRank = new Int32Array(n).fill(-1);
    this.stepIndex = new Int32Array(n);
    this.missingOf = new Uint8Array(n);
    this.visits = new Uint8Array(n);
    this.materials = new Uint8Array(n);
    this.proofs = new Uint8Array(n);
    this.steps = new Uint8Array(n);
    this.closeT = new Float64Array(n);
    this.noticeState = new Uint8Array(n);
    this.deptState = new Uint8Array(n * D);
    this.deptOpinion = new Uint8Array(n * D);
    this.deptStart = new Int32Array(n * D);
    this.deptPaused = new Int32Array(n * D);
    this.deptAsked = new Uint8Array(n * D);
    this.deptRequested = new Int32Array(n * D);
    this.tracing = new Uint8Array(n);
    this.firstCounted = this.arrivals.firstCounted;
    this.traceUntil = this.firstCounted + (options.traceCases ?? 0);
    this.queues = pools.map(() => new TaskQueue());
    this.busy = new Int32Array(pools.length);
    this.poolBusy = new Float64Array(pools.length);
    this.poolWait = new Float64Array(pools.length);
    this.poolTasks = new Float64Array(pools.length);
    this.warmT = this.arrivals.warmupEnd;
    this.lastT = this.arrivals.times[n - 1] ?? this.warmT;
    this.activityNames = activityLabels(model);
    this.random = { next: () => this.nextOf(this.current) };
  }

  /** The next number of case `c`'s stream (mulberry32 on its state). */
  nextOf(c: number): number {
    const states = this.states;
    const s = (states[c]! + 0x6d2b79f5) | 0;
    states[c] = s >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** The limits (working days) of a case submitted on working day `day`. */
  limitsOf(day: number): {
    statutory: number;
    promised: number;
    extension: number;
  } {
    let limits = this.limitsByDay.get(day);
    if (!limits) {
      limits = this.model.limitsOn(this.axis.dateOf(day));
      this.limitsByDay.set(day, limits);
    }
    return limits;
  }

  chance(c: number, probability: number): boolean {
    return this.nextOf(c) < probability;
  }

  draw(c: number, sample: Sampler): number {
    this.current = c;
    return sample(this.random);
  }

  /** Records a command of a traced case; its fields are built only then. */
  note(
    c: number,
    t: number,
    type: string,
    role: Role,
    fields?: () => Record<string, unknown>,
  ): void {
    if (this.tracing[c] === 0) return;
    this.traces[c]?.steps.push({
      t,
      at: this.momentOf(t),
      type,
      role,
      fields: fields ? fields() : {},
      state: STATE_NAMES[this.phase[c]!]!,
    });
  }

  /** Records a wake-up of a traced case. */
  wake(
    c: number,
    t: number,
    epoch: number,
    what: 'deemed-acceptance' | 'lapse' | 'department-timeout',
  ): void {
    if (this.tracing[c])
      this.traces[c]?.steps.push({
        t,
        at: `${dateOfEpochDay(epoch)}T00:00`,
        what,
        state: STATE_NAMES[this.phase[c]!]!,
      });
  }

  momentOf(t: number): string {
    return clockTime(
      this.axis.dateOf(Math.floor(t)),
      t - Math.floor(t),
      this.windowSessions,
    );
  }

  /** The time a wake-up due the day after working day `rank` runs. */
  tickAfter(rank: number): number {
    return this.axis.firstOnOrAfter(this.axis.epochOf(rank) + 1);
  }

  /** Whether a queued task of activity `a` still has work to do for case `c`. */
  valid(c: number, a: number): boolean {
    const model = this.model;
    // A revoked permit (GZ-FALSE) has nothing left to do.
    if (this.phase[c] === REVOKED) return false;
    if (a === model.verification?.activity) return true;
    // After closure only the certificate and the rating's follow-up remain.
    if (
      this.flags[c]! & CLOSED &&
      a !== ACTIVITY.ratingAnswer &&
      a !== ACTIVITY.ratingRectify &&
      a !== ACTIVITY.issuance
    )
      return false;
    if (a === ACTIVITY.acceptance || a === ACTIVITY.commitment)
      return this.phase[c] === SUBMITTED;
    if (a >= model.firstDepartment) {
      if (this.phase[c] !== REVIEWING) return false;
      const escalation = a >= model.firstEscalation;
      const j =
        a - (escalation ? model.firstEscalation : model.firstDepartment);
      return (
        this.deptState[c * this.D + j] ===
        (escalation ? D_ESCALATED : D_REVIEWING)
      );
    }
    if (a >= ACTIVITY.firstStep)
      return (
        this.phase[c] === REVIEWING &&
        this.stepIndex[c] === a - ACTIVITY.firstStep
      );
    if (a === ACTIVITY.mergedNotice)
      return this.phase[c] === REVIEWING && this.noticeState[c] === N_PENDING;
    if (a === ACTIVITY.decision) return this.phase[c] === DECIDING;
    return true;
  }

  /** Starts a task; returns when it will end. */
  start(c: number, a: number, queued: number, t: number): number {
    const pool = this.model.activityPool[a]!;
    const hours = this.draw(c, this.model.activityHours[a]!);
    const end = t + hours * this.model.pools[pool]!.daysPerHour;
    this.busy[pool]!++;
    if (queued >= this.warmT && queued <= this.lastT) {
      this.poolBusy[pool]! += Math.max(0, Math.min(end, this.lastT) - t);
      this.poolWait[pool]! += t - queued;
      this.poolTasks[pool]!++;
    }
    if (this.tracing[c])
      this.traces[c]?.tasks.push({
        activity: this.activityNames[a]!,
        pool,
        queued,
        start: t,
        end,
      });
    this.heap.push(end, E_TASK, c, a);
    return end;
  }

  /** Starts a task or queues it; returns when it will end, or -1 while it waits. */
  enqueue(c: number, a: number, t: number): number {
    const pool = this.model.activityPool[a]!;
    if (this.busy[pool]! < this.model.pools[pool]!.servers)
      return this.start(c, a, t, t);
    this.queues[pool]!.push(c, a, t);
    return -1;
  }

  /** An officer of `pool` is free: the next valid tasks in its queue start. */
  release(pool: number, t: number): void {
    this.busy[pool]!--;
    const queue = this.queues[pool]!;
    const servers = this.model.pools[pool]!.servers;
    while (this.busy[pool]! < servers && queue.shift()) {
      if (this.valid(queue.caseIndex, queue.activity))
        this.start(queue.caseIndex, queue.activity, queue.queued, t);
    }
  }

  /** The case ends: `result` indexes the outcomes. */
  close(c: number, t: number, result: number): void {
    this.flags[c]! |= CLOSED;
    this.outcome[c] = result;
    this.closeT[c] = t;
  }
}
