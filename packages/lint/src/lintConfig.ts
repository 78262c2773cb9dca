import type { WorkCalendar } from '@kuaiban/calendar';
import { bilingual, createChinaCalendar, parseWith } from '@kuaiban/calendar';
import { z } from 'zod';
import type { Finding } from './Finding.js';
import type { Severity } from './rules.js';
import { RULE_IDS, SEVERITIES } from './rules.js';

/** The presets: `recommended` (rules at their default severity) and `strict`. */
export const PRESETS = ['recommended', 'strict'] as const;
export type Preset = (typeof PRESETS)[number];

const RuleId = z
  .string()
  .refine(
    (id) => RULE_IDS.includes(id),
    bilingual(
      `Unknown rule: expected one of ${RULE_IDS.join(', ')}`,
      `未知规则：应为 ${RULE_IDS.join('、')} 之一`,
    ),
  );

/** A suppression: this rule's findings on this item are accepted, for a reason. */
export const SuppressionSchema = z.strictObject({
  rule: RuleId,
  /** The item id; every item when absent. */
  item: z.string().min(1).optional(),
  reason: z
    .string()
    .trim()
    .min(
      1,
      bilingual('A suppression must give its reason', '抑制规则须说明理由'),
    ),
});
export type Suppression = z.infer<typeof SuppressionSchema>;

const calendarSchema = z.custom<WorkCalendar>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as WorkCalendar).addWorkingDays === 'function',
  bilingual('Expected a working-day calendar', '应为工作日历'),
);

/** What every check takes: preset, per-rule severities, suppressions, calendar. */
export const LintConfigSchema = z.strictObject({
  preset: z.enum(PRESETS).default('recommended'),
  /** Per rule: `off`, or the severity it reports at. */
  rules: z.record(RuleId, z.enum(['off', ...SEVERITIES])).default({}),
  suppress: z.array(SuppressionSchema).default([]),
  /** The calendar working days are counted on (default: national). */
  calendar: calendarSchema.optional(),
  /** States the soundness search may visit before it reports "inconclusive". */
  stateCap: z.number().int().min(1).default(20_000),
  /** Material ids that data sharing provides in this jurisdiction (SVC-SHARE). */
  sharedMaterials: z.array(z.string().min(1)).default([]),
  /** SVC-LAST-MINUTE: the final share of the allowed time that counts as "last minute". */
  lastMinuteShare: z.number().gt(0).lt(1).default(0.2),
  /** SVC-LAST-MINUTE: decisions an officer or department needs before it is compared. */
  lastMinuteMinCases: z.number().int().min(1).default(5),
});
export type LintConfigInput = z.input<typeof LintConfigSchema>;
export interface LintConfig extends Omit<
  z.output<typeof LintConfigSchema>,
  'calendar'
> {
  readonly calendar: WorkCalendar;
}

let national: WorkCalendar | undefined;

/** Validates lint options (`INVALID_LINT_CONFIG` with every problem and its path). */
export function lintConfig(options: unknown = {}): LintConfig {
  const parsed = parseWith(LintConfigSchema, options ?? {}, {
    code: 'INVALID_LINT_CONFIG',
    what: 'lint options',
    whatZh: '检查选项',
  });
  national ??= createChinaCalendar();
  return { ...parsed, calendar: parsed.calendar ?? national };
}

/**
 * The findings as configured: severities by preset and per-rule settings,
 * rules turned off dropped, suppressed findings marked with their reason.
 */
export function applyConfig(
  findings: readonly Finding[],
  config: LintConfig,
): Finding[] {
  const out: Finding[] = [];
  for (const found of findings) {
    const setting = config.rules[found.rule];
    if (setting === 'off') continue;
    const severity: Severity =
      setting ??
      (config.preset === 'strict' && found.severity === 'warning'
        ? 'error'
        : found.severity);
    const suppression = config.suppress.find(
      (s) =>
        s.rule === found.rule &&
        (s.item === undefined || s.item === found.itemId),
    );
    out.push({
      ...found,
      severity,
      ...(suppression ? { suppressed: suppression.reason } : {}),
    });
  }
  return out;
}

/** True when a finding fails the check: an unsuppressed error. */
export const failing = (found: Finding): boolean =>
  found.severity === 'error' && found.suppressed === undefined;
