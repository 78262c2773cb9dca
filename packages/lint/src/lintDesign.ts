import type { WorkCalendar } from '@kuaiban/calendar';
import { isKuaibanError } from '@kuaiban/calendar';
import type { CompiledItem, ItemDefinition } from '@kuaiban/core';
import { ItemDefinitionSchema, compileItem } from '@kuaiban/core';
import { parseWith } from '@kuaiban/calendar';
import { definitionFindings } from './definitionFindings.js';
import { designModels } from './designModels.js';
import { domainFindings } from './domainFindings.js';
import type { Finding } from './Finding.js';
import { finding } from './Finding.js';
import type { LintConfig, LintConfigInput, Preset } from './lintConfig.js';
import { applyConfig, failing, lintConfig } from './lintConfig.js';
import { parallelSoundness, parallelSpec } from './parallelSoundness.js';
import { structureFindings } from './structureFindings.js';
import { timeFindings } from './timeFindings.js';

/** Options of {@link lintDesign}: the lint configuration, and the compiler to inspect. */
export type LintOptions = LintConfigInput & {
  /** The compiler whose output is inspected (default: core's `compileItem`). */
  readonly compile?: (
    item: ItemDefinition,
    options: { calendar: WorkCalendar },
  ) => CompiledItem;
};

/** What a lint run found, per rule and in total. */
export interface LintReport {
  readonly preset: Preset;
  /** The items linted, by id (or position, for one without an id). */
  readonly items: readonly string[];
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
  /** True when no unsuppressed error was found. */
  readonly ok: boolean;
}

const idOf = (raw: unknown, index: number): string => {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.trim() !== '' ? id : `#${index + 1}`;
};

function lintItem(
  raw: unknown,
  index: number,
  config: LintConfig,
  compile: NonNullable<LintOptions['compile']>,
): Finding[] {
  const itemId = idOf(raw, index);
  const spec = parallelSpec(raw);
  const soundness = spec ? parallelSoundness(spec, config.stateCap) : null;
  const out: Finding[] = [];
  if (soundness && soundness.outcome !== 'sound') {
    out.push(
      soundness.outcome === 'inconclusive'
        ? finding({
            rule: 'end-reachable',
            severity: 'warning',
            message: `inconclusive: the parallel review has more than ${config.stateCap} states (${soundness.visited} visited); raise stateCap to search them all`,
            messageZh: `无法判定：并联审批状态数超过 ${config.stateCap}（已检查 ${soundness.visited} 个）；可提高 stateCap 完整搜索`,
            path: ['review', 'departments'],
            itemId,
          })
        : finding({
            rule: 'end-reachable',
            message:
              'deadlock: the parallel review can reach a state from which the join never decides',
            messageZh: '死锁：并联审批可进入永远无法形成结论的状态',
            path: ['review', 'departments'],
            witness: soundness.stuck ?? [],
            itemId,
          }),
    );
  }
  if (soundness && !soundness.approvedReachable) {
    out.push(
      finding({
        rule: 'reachable-states',
        message:
          'the parallel review can never approve: the join policy cannot be met',
        messageZh: '并联审批永远无法通过：会签规则无法满足',
        path: ['review', 'join'],
        itemId,
      }),
    );
  }
  const parsed = ItemDefinitionSchema.safeParse(raw);
  if (!parsed.success) {
    let issues: readonly {
      path: readonly (string | number)[];
      message: string;
      messageZh: string;
    }[] = [];
    try {
      parseWith(ItemDefinitionSchema, raw, {
        code: 'INVALID_DEFINITION',
        what: 'service item',
        whatZh: '事项',
      });
    } catch (error) {
      if (!isKuaibanError(error)) throw error;
      issues = error.issues;
    }
    // The search above explains these with a witness.
    const explained = (path: readonly (string | number)[], message: string) =>
      soundness !== null &&
      ((path.join('.') === 'review.departments' && message.includes('cycle')) ||
        path.join('.') === 'review.join.k');
    out.push(
      ...definitionFindings(
        issues.filter((i) => !explained(i.path, i.message)),
        itemId,
      ),
    );
    return out;
  }
  let compiled: CompiledItem;
  try {
    compiled = compile(parsed.data, { calendar: config.calendar });
  } catch (error) {
    if (!isKuaibanError(error)) throw error;
    out.push(...definitionFindings(error.issues, itemId));
    return out;
  }
  const models = designModels(compiled, soundness);
  out.push(
    ...structureFindings(models, itemId),
    ...timeFindings(compiled),
    ...domainFindings(compiled, models, config),
  );
  return out;
}

/**
 * Checks a design (one service item, or a chain `{ items: [{ item }] }`)
 * against the law and the reform rules, without throwing on the first
 * problem: the raw definition is validated and its errors become findings,
 * then what core compiles is inspected. Bad options are `INVALID_LINT_CONFIG`.
 *
 * @example
 * const report = lintDesign(foodPermitInput(), { preset: 'strict' });
 * report.ok; // true when no error-level finding
 * report.findings.map((f) => `${f.rule} ${f.code}: ${f.message}`);
 */
export function lintDesign(
  definition: unknown,
  options: LintOptions = {},
): LintReport {
  const { compile = compileItem, ...rest } = options;
  const config = lintConfig(rest);
  const items = Array.isArray((definition as { items?: unknown } | null)?.items)
    ? (definition as { items: unknown[] }).items.map(
        (entry) => (entry as { item?: unknown } | null)?.item ?? entry,
      )
    : [definition];
  const findings = applyConfig(
    items.flatMap((raw, index) => lintItem(raw, index, config, compile)),
    config,
  );
  const errors = findings.filter(failing).length;
  return {
    preset: config.preset,
    items: items.map(idOf),
    findings,
    errors,
    warnings: findings.filter(
      (f) => f.severity === 'warning' && f.suppressed === undefined,
    ).length,
    ok: errors === 0,
  };
}
