import type { Severity } from './rules.js';
import { ruleById } from './rules.js';

/** One step of a witness: how a case gets where the finding says. */
export interface WitnessStep {
  readonly from: string;
  readonly event: string;
  readonly to: string;
  /** Working days the step may take, where the design bounds it. */
  readonly days?: number;
}

/** An event of a case log cited as evidence. */
export interface Evidence {
  readonly sequence: number;
  readonly activity: string;
  readonly at: string;
  readonly actor?: string;
}

/** What a rule found, with its legal basis and the path that shows it. */
export interface Finding {
  readonly rule: string;
  /** The DOMAIN.md code the rule enforces (or the code the definition error cites). */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly messageZh: string;
  readonly basis: string;
  /** The service item the finding is about. */
  readonly itemId?: string;
  /** Where in the design (a path into the definition). */
  readonly path?: readonly (string | number)[];
  /** A path of the machine that shows the problem. */
  readonly witness?: readonly WitnessStep[];
  /** The case and its events, for a conformance finding. */
  readonly caseId?: string;
  readonly evidence?: readonly Evidence[];
  /** Why the finding is accepted, when it is suppressed. */
  readonly suppressed?: string;
}

/** What a check reports: a finding before severity and suppression are applied. */
export type Draft = Omit<
  Finding,
  'severity' | 'basis' | 'code' | 'suppressed'
> & { readonly code?: string; readonly severity?: Severity };

/** A draft with the rule's code, default severity and basis. */
export function finding(draft: Draft): Finding {
  const rule = ruleById(draft.rule);
  return {
    ...draft,
    code: draft.code ?? rule.code,
    severity: draft.severity ?? rule.severity,
    basis: rule.basis,
  };
}
