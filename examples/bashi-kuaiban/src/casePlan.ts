/**
 * How one case of an item goes in the demo: the route the applicant takes,
 * what is missing at the window, and how many working days each step takes.
 * These are assumptions of a typical case, documented in the README, not
 * figures from a law.
 */
export interface CasePlan {
  /** `commitment`: 告知承诺 (GZ-CHOICE); `standard`: the ordinary materials. */
  readonly route: 'standard' | 'commitment';
  /** 容缺: the item's tolerable materials are missing, signed for, supplied this many working days later. */
  readonly tolerate?: { readonly supplyAfterDays: number };
  /**
   * Working days each review takes: a chain step from the previous step, a
   * parallel department from the day it may start (its prerequisites done).
   */
  readonly reviewDays?: Readonly<Record<string, number>>;
  /** Working days from the last review (and any supplement) to the decision. */
  readonly decideAfterDays?: number;
  /** Working days from the decision to the certificate. */
  readonly issueAfterDays?: number;
  /** Working days after the last earlier item of the chain is done (0: the same visit). */
  readonly startAfterDays?: number;
  /** A period that must run before the application, e.g. a public notice. */
  readonly waitBefore?: WaitingPeriod;
}

/** A period before an application that is not the agency's processing time. */
export interface WaitingPeriod {
  readonly calendarDays: number;
  readonly nameZh: string;
  readonly basis: string;
  /** Part of the link's time (a statutory notice) or not (building the plant). */
  readonly countsTowardLink: boolean;
}
