import type { ComparisonDocument } from './compareDesigns.js';
import type { KpiDocument, Rate, Summary } from './kpiDocument.js';

export const fixed = (x: number, digits = 1) => x.toFixed(digits);
export const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
/** Columns a text takes in a terminal: CJK characters take two. */
const columns = (text: string) =>
  [...text].reduce(
    (w, c) => w + ((c.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1),
    0,
  );
export const pad = (text: string, width: number) =>
  text + ' '.repeat(Math.max(0, width - columns(text)));

export function summaryRow(label: string, s: Summary, unit: string): string {
  return `${pad(label, 30)}${pad(`${fixed(s.mean)} ${unit}`, 16)}${pad(`[${fixed(s.ci95[0])}, ${fixed(s.ci95[1])}]`, 18)}${pad(fixed(s.p50), 8)}${pad(fixed(s.p90), 8)}${fixed(s.p99)}`;
}

export function rateRow(label: string, r: Rate): string {
  return `${pad(label, 30)}${pad(percent(r.share), 16)}[${percent(r.ci95[0])}, ${percent(r.ci95[1])}]`;
}

/**
 * The KPI document as a table for people (what `kuaiban simulate` prints):
 * cycle times, on-time rates, the 六减 figures per case, and the pools,
 * bottleneck first.
 */
export function kpiText(kpi: KpiDocument): string {
  const lines = [
    `${kpi.design.nameZh} ${kpi.design.name} (${kpi.design.itemId}), scenario "${kpi.scenario}"`,
    `${kpi.run.replications} replications × ${kpi.run.casesPerReplication} cases, seed ${kpi.run.seed}, warm-up ${kpi.run.warmupDays} working days, from ${kpi.run.start}`,
    '',
    `${pad('', 30)}${pad('mean', 16)}${pad('95% CI', 18)}${pad('P50', 8)}${pad('P90', 8)}P99`,
    summaryRow(
      'cycle time 办理时长 (working)',
      kpi.cycleTime.workingDays,
      'wd',
    ),
    summaryRow('cycle time (calendar)', kpi.cycleTime.calendarDays, 'd'),
    summaryRow('visits 跑动', kpi.perCase.visits, ''),
    summaryRow('materials 材料', kpi.perCase.materials, ''),
    summaryRow('proofs 证明', kpi.perCase.proofs, ''),
    summaryRow('steps 环节', kpi.perCase.steps, ''),
    '',
    rateRow('decided within promise 承诺', kpi.onTime.promised),
    rateRow('decided within statute 法定', kpi.onTime.statutory),
    ...(kpi.onTime.extended && kpi.onTime.extended.share > 0
      ? [rateRow('extended 延期 (ALL-42)', kpi.onTime.extended)]
      : []),
    ...(kpi.verification
      ? [
          rateRow('verified 核查 (GZ-VERIFY)', kpi.verification.verified),
          rateRow('revoked 撤销 (GZ-FALSE)', kpi.verification.revoked),
        ]
      : []),
    rateRow('approved 准予', kpi.outcomes.approved),
    rateRow('denied 不予许可', kpi.outcomes.denied),
    rateRow('refused 不予受理', kpi.outcomes.refused),
    rateRow('lapsed 容缺失效', kpi.outcomes.lapsed),
    '',
    `${pad('pool (bottleneck first)', 40)}${pad('staff', 7)}${pad('utilisation', 13)}${pad('wait/task h', 13)}wait/case wd`,
    ...kpi.bottlenecks.map((b) => {
      const pool = kpi.pools.find(
        (p) => p.department === b.department && p.role === b.role,
      );
      return `${pad(`${b.rank}. ${b.department} ${b.role}`, 40)}${pad(String(pool?.staff ?? ''), 7)}${pad(percent(b.utilisation), 13)}${pad(fixed(pool?.queueWaitHours.mean ?? 0, 2), 13)}${fixed(b.waitWorkingDaysPerCase, 2)}`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}

/** A what-if comparison as a table: baseline, alternative, difference and its interval. */
export function comparisonText(comparison: ComparisonDocument): string {
  const { baseline, alternative } = comparison;
  const lines = [
    `what-if: ${baseline.design.itemId} → ${alternative.design.itemId} (same seed ${baseline.run.seed}: common random numbers)`,
    '',
    `${pad('metric', 32)}${pad('baseline', 12)}${pad('alternative', 14)}${pad('difference', 12)}95% CI`,
    ...comparison.differences.map(
      (d) =>
        `${pad(d.metric, 32)}${pad(fixed(d.baseline, 3), 12)}${pad(fixed(d.alternative, 3), 14)}${pad(`${d.difference >= 0 ? '+' : ''}${fixed(d.difference, 3)}`, 12)}[${fixed(d.ci95[0], 3)}, ${fixed(d.ci95[1], 3)}]`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
