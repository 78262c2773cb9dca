/**
 * @kuaiban/lint: checks designs against the licensing law and the reform
 * rules (static rules over what core compiles) and case logs against their
 * design (conformance in working days), each finding with its legal basis
 * and a witness path; text, JSON and SARIF reporters.
 *
 * @packageDocumentation
 */
export { lintDesign } from './lintDesign.js';
export type { LintOptions, LintReport } from './lintDesign.js';
export { checkConformance } from './checkConformance.js';
export type {
  CaseConformance,
  ConformanceReport,
  LastMinuteGroup,
  LastMinuteSummary,
} from './checkConformance.js';
export { readCaseLog, readJsonl, readXes } from './caseLog.js';
export type { CaseLog, CaseTrace, LogEvent } from './caseLog.js';
export {
  LintConfigSchema,
  PRESETS,
  SuppressionSchema,
  lintConfig,
} from './lintConfig.js';
export type {
  LintConfig,
  LintConfigInput,
  Preset,
  Suppression,
} from './lintConfig.js';
export { RULES, RULE_IDS, SEVERITIES, ruleById } from './rules.js';
export type { Rule, RuleKind, Severity } from './rules.js';
export type { Evidence, Finding, WitnessStep } from './Finding.js';
export { parallelSoundness } from './parallelSoundness.js';
export type { ParallelSoundness } from './parallelSoundness.js';
export { formatFinding, formatText } from './formatText.js';
export { formatSarif } from './formatSarif.js';
export type { SarifOptions } from './formatSarif.js';
