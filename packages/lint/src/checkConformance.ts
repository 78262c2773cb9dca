import type {
  ChainDefinition,
  CompiledItem,
  ItemDefinition,
} from '@kuaiban/core';
import { compileItem, defineChain, defineItem } from '@kuaiban/core';
import type { CaseTiming } from './caseTiming.js';
import { caseFindings } from './caseFindings.js';
import type { CaseLog } from './caseLog.js';
import { readCaseLog } from './caseLog.js';
import type { ConformanceModel } from './conformanceModel.js';
import { conformanceModel } from './conformanceModel.js';
import type { Finding } from './Finding.js';
import { finding } from './Finding.js';
import type { LintConfig, LintConfigInput, Preset } from './lintConfig.js';
import { applyConfig, failing, lintConfig } from './lintConfig.js';

/** One case's result: did it follow the design, and what did it break. */
export interface CaseConformance {
  readonly caseId: string;
  readonly itemId: string;
  readonly events: number;
  readonly fits: boolean;
  readonly findings: readonly Finding[];
}

/** How often one officer or department decides in the final part of the allowed time. */
export interface LastMinuteGroup {
  readonly id: string;
  readonly decisions: number;
  readonly lastMinute: number;
  readonly share: number;
}

/** SVC-LAST-MINUTE across the log. */
export interface LastMinuteSummary {
  /** The final share of the allowed time that counts as last-minute. */
  readonly window: number;
  readonly decisions: number;
  readonly share: number;
  readonly byOfficer: readonly LastMinuteGroup[];
  readonly byDepartment: readonly LastMinuteGroup[];
}

/** What a conformance check found, per case and in aggregate. */
export interface ConformanceReport {
  readonly preset: Preset;
  readonly cases: readonly CaseConformance[];
  readonly findings: readonly Finding[];
  readonly summary: {
    readonly cases: number;
    readonly fitting: number;
    readonly errors: number;
    readonly warnings: number;
    readonly byRule: Readonly<Record<string, number>>;
  };
  readonly lastMinute: LastMinuteSummary;
  readonly ok: boolean;
}

function designItems(definition: unknown): ItemDefinition[] {
  const isChain = Array.isArray(
    (definition as { items?: unknown } | null)?.items,
  );
  if (!isChain) return [defineItem(definition as never)];
  const chain: ChainDefinition = defineChain(definition as never);
  return chain.items.map((entry) => entry.item);
}

function lastMinute(
  timings: readonly {
    timing: CaseTiming;
    department: string;
    caseId: string;
    itemId: string;
  }[],
  config: LintConfig,
): { summary: LastMinuteSummary; findings: Finding[] } {
  const late = (t: CaseTiming) =>
    t.allowedDays > 0 &&
    t.usedDays > (1 - config.lastMinuteShare) * t.allowedDays;
  const group = (key: (entry: (typeof timings)[number]) => string) => {
    const groups = new Map<
      string,
      {
        decisions: number;
        lastMinute: number;
        cases: (typeof timings)[number][];
      }
    >();
    for (const entry of timings) {
      const id = key(entry);
      const g = groups.get(id) ?? { decisions: 0, lastMinute: 0, cases: [] };
      g.decisions++;
      if (late(entry.timing)) {
        g.lastMinute++;
        g.cases.push(entry);
      }
      groups.set(id, g);
    }
    return [...groups].map(([id, g]) => ({
      id,
      decisions: g.decisions,
      lastMinute: g.lastMinute,
      share: g.lastMinute / g.decisions,
      cases: g.cases,
    }));
  };
  const total = timings.length;
  const lateCount = timings.filter((t) => late(t.timing)).length;
  const share = total === 0 ? 0 : lateCount / total;
  const byOfficer = group((e) => e.timing.preparedBy.actor);
  const byDepartment = group((e) => e.department);
  const findings: Finding[] = [];
  const flag =
    (kind: 'officer' | 'department', kindZh: string) =>
    (g: (typeof byOfficer)[number]) => {
      if (
        g.decisions < config.lastMinuteMinCases ||
        g.share < 0.5 ||
        g.share < 2 * share
      )
        return;
      findings.push(
        finding({
          rule: 'last-minute',
          message: `${kind} ${g.id} decided ${g.lastMinute} of ${g.decisions} cases (${Math.round(g.share * 100)}%) in the final ${Math.round(config.lastMinuteShare * 100)}% of the allowed time, against ${Math.round(share * 100)}% overall`,
          messageZh: `${kindZh} ${g.id} 的 ${g.decisions} 件中有 ${g.lastMinute} 件（${Math.round(g.share * 100)}%）在最后 ${Math.round(config.lastMinuteShare * 100)}% 的时限内办结，整体为 ${Math.round(share * 100)}%`,
          evidence: g.cases.slice(0, 10).map((entry) => ({
            sequence: entry.timing.decision.sequence,
            activity: `${entry.caseId}: ${entry.timing.decision.activity}`,
            at: entry.timing.decision.at,
            actor: entry.timing.preparedBy.actor,
          })),
        }),
      );
    };
  byOfficer.forEach(flag('officer', '工作人员'));
  byDepartment.forEach(flag('department', '部门'));
  const strip = ({ cases: _cases, ...rest }: (typeof byOfficer)[number]) =>
    rest;
  return {
    summary: {
      window: config.lastMinuteShare,
      decisions: total,
      share,
      byOfficer: byOfficer.map(strip),
      byDepartment: byDepartment.map(strip),
    },
    findings,
  };
}

/**
 * Replays each case of a log (the engine's audit trail as JSON Lines, or
 * XES) against the compiled design and measures its legal times in working
 * days on the same calendar: notice window, decision limit with pauses and
 * extension, issuance, one notice, confirmed refusals, and the last-minute
 * pattern across officers and departments. An invalid design is
 * `INVALID_DEFINITION`; an unreadable log `INVALID_CASE_LOG`.
 *
 * @example
 * const report = checkConformance(foodPermitInput(), toJsonl(histories));
 * report.summary.fitting; // cases that followed the design
 */
export function checkConformance(
  definition: unknown,
  log: string | CaseLog,
  options: LintConfigInput = {},
): ConformanceReport {
  const config = lintConfig(options);
  const models = new Map<string, ConformanceModel>();
  for (const item of designItems(definition)) {
    const compiled: CompiledItem = compileItem(item, {
      calendar: config.calendar,
    });
    models.set(item.id, conformanceModel(compiled, config.calendar));
  }
  const caseLog = typeof log === 'string' ? readCaseLog(log) : log;
  const cases: CaseConformance[] = [];
  const all: Finding[] = [];
  const timings: Parameters<typeof lastMinute>[0][number][] = [];
  for (const trace of caseLog.cases) {
    const model = models.get(trace.itemId);
    let found: Finding[];
    if (!model) {
      found = [
        finding({
          rule: 'replay-fits-design',
          message: `case ${trace.caseId} is of item "${trace.itemId}", which is not in the design`,
          messageZh: `办件 ${trace.caseId} 属于事项“${trace.itemId}”，不在本设计中`,
          itemId: trace.itemId,
          caseId: trace.caseId,
        }),
      ];
    } else {
      const result = caseFindings(trace, model);
      found = result.findings;
      if (result.timing) {
        timings.push({
          timing: result.timing,
          department:
            result.timing.preparedBy.department ??
            model.compiled.definition.department.id,
          caseId: trace.caseId,
          itemId: trace.itemId,
        });
      }
    }
    const configured = found.length === 0 ? found : applyConfig(found, config);
    all.push(...configured);
    cases.push({
      caseId: trace.caseId,
      itemId: trace.itemId,
      events: trace.events.length,
      fits: !configured.some((f) => f.rule === 'replay-fits-design'),
      findings: configured,
    });
  }
  const pattern = lastMinute(timings, config);
  all.push(...applyConfig(pattern.findings, config));
  const byRule: Record<string, number> = {};
  for (const f of all) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  const errors = all.filter(failing).length;
  return {
    preset: config.preset,
    cases,
    findings: all,
    summary: {
      cases: cases.length,
      fitting: cases.filter((c) => c.fits).length,
      errors,
      warnings: all.filter(
        (f) => f.severity === 'warning' && f.suppressed === undefined,
      ).length,
      byRule,
    },
    lastMinute: pattern.summary,
    ok: errors === 0,
  };
}
