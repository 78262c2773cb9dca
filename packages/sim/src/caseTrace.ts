import type { Role } from '@kuaiban/machines';

/** One command a simulated case sent, as the engine would take it. */
export interface TracedCommand {
  /** Time on the working-day axis. */
  readonly t: number;
  /** `YYYY-MM-DDTHH:mm`, Asia/Shanghai. */
  readonly at: string;
  readonly type: string;
  readonly role: Role;
  /** The command's own fields (without `type`, `actor`, `at`). */
  readonly fields: Readonly<Record<string, unknown>>;
  /** The case machine's state after it, as the simulator has it. */
  readonly state: string;
}

/** A wake-up that changed the case (deemed acceptance, a lapse, a department's timeout). */
export interface TracedWakeUp {
  readonly t: number;
  /** Its calendar date at midnight (it may fall on a holiday). */
  readonly at: string;
  readonly what: 'deemed-acceptance' | 'lapse' | 'department-timeout';
  readonly state: string;
}

/** An officer's task: which pool, when it waited, started and ended. */
export interface TracedTask {
  readonly activity: string;
  readonly pool: number;
  readonly queued: number;
  readonly start: number;
  readonly end: number;
}

/** Everything recorded of one sampled case, for the fidelity check, logs and the Gantt chart. */
export interface CaseTrace {
  readonly caseId: string;
  readonly submittedOn: string;
  /** `YYYY-MM-DDTHH:mm` of the submission. */
  readonly submittedAt: string;
  readonly route: 'standard' | 'commitment';
  readonly arrival: number;
  readonly steps: (TracedCommand | TracedWakeUp)[];
  readonly tasks: TracedTask[];
  /** Due dates as the simulator computed them. */
  due: {
    decision: string | null;
    supplement: string | null;
    issuance: string | null;
    promised: string | null;
  };
  outcome: string;
}
