/** How much a finding matters: an `error` fails the check. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a rule is about: the design's machine, its time, or the law's content. */
export type RuleKind = 'structure' | 'time' | 'domain' | 'conformance';

/** One lint rule as published in the catalogue (docs/lint/README.md). */
export interface Rule {
  readonly id: string;
  readonly kind: RuleKind;
  /** The DOMAIN.md code the rule enforces. */
  readonly code: string;
  readonly severity: Severity;
  /** The legal or policy text the rule rests on. */
  readonly basis: string;
  readonly description: string;
  readonly descriptionZh: string;
}

/** The licensing law, as bases cite it. */
export const ALL = '中华人民共和国行政许可法';

/** A rule of the catalogue. */
export const rule = (
  id: string,
  kind: RuleKind,
  code: string,
  severity: Severity,
  basis: string,
  description: string,
  descriptionZh: string,
): Rule => ({ id, kind, code, severity, basis, description, descriptionZh });
