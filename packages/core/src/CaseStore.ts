import type { CaseDueDates, Role } from '@kuaiban/machines';
import type { AuditEntry } from './auditTrail.js';

/** A case as stored: the persisted machine snapshot and its version. */
export interface StoredCase {
  readonly caseId: string;
  readonly itemId: string;
  /** Starts at 1; every accepted command adds one (optimistic concurrency). */
  readonly version: number;
  /** The case machine's persisted snapshot (JSON). */
  readonly snapshot: unknown;
  /** The state value, for queries without restoring the machine. */
  readonly state: unknown;
  /** Facts queries filter on: overdue, warned, the next wake-up … */
  readonly facts: CaseFacts;
}

export interface CaseFacts {
  readonly status: 'active' | 'done';
  readonly nextWakeUp: string | null;
  readonly warnedOn: string | null;
  readonly escalatedOn: string | null;
  readonly handler: string;
  readonly applicant: string;
  /** Who the case waits for in its present state. */
  readonly awaiting: readonly Role[];
  readonly dueDates: CaseDueDates;
}

/** What an accepted command returned, kept for idempotent replays. */
export interface CommandResult {
  readonly caseId: string;
  /** The command type the id was first used for. */
  readonly command: string;
  readonly version: number;
  readonly state: unknown;
  readonly facts: CaseFacts;
  readonly sequence: number;
}

/** One accepted command: written whole or not at all. */
export interface CaseChange {
  readonly record: StoredCase;
  readonly entry: AuditEntry;
  /** The version the writer read; another writer's change makes this a CONFLICT. */
  readonly expectedVersion: number | null;
  readonly commandId: string | null;
  readonly result: CommandResult;
}

/**
 * The store port: what the engine needs from a store. The in-memory store
 * implements it here; durable stores pass the same contract suite
 * (`storeContract`).
 */
export interface CaseStore {
  /**
   * Writes a change atomically: the case record, its audit entry and the
   * command id. `expectedVersion: null` creates the case. Throws
   * `KuaibanError` `CONFLICT` when the stored version differs (or the case
   * exists on create, or the applicant opened another case with the same
   * command id) and writes nothing.
   */
  commit(change: CaseChange): Promise<void>;
  load(caseId: string): Promise<StoredCase | null>;
  history(caseId: string): Promise<readonly AuditEntry[]>;
  /** The case's latest audit entry, which the next one links to. */
  last(caseId: string): Promise<AuditEntry | null>;
  /** The stored result of a command id already accepted for the case. */
  findCommand(caseId: string, commandId: string): Promise<CommandResult | null>;
  /**
   * The stored result of the applicant's submission (`SUBMIT`) made with
   * this command id, whichever case it created. An applicant's command id
   * starts one case at most: a second create with it is a `CONFLICT`, and
   * writes nothing. (Applicants' ids are their own: two may use the same.)
   */
  findSubmission(
    applicant: string,
    commandId: string,
  ): Promise<CommandResult | null>;
  /** Cases whose next wake-up is on or before `date`, earliest first. */
  due(date: string): Promise<readonly StoredCase[]>;
  /** Every case, for work queues (filters are applied by the engine). */
  list(): Promise<readonly StoredCase[]>;
}
