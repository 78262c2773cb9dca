import type { ChainKpiDocument } from './chainKpiDocument.js';
import { fixed, pad, percent, rateRow, summaryRow } from './kpiText.js';

/**
 * A chain's KPI document as a table for people (what `kuaiban simulate`
 * prints for a chain): the enterprises' end-to-end time and 六减 figures,
 * then one line per item.
 */
export function chainKpiText(kpi: ChainKpiDocument): string {
  const lines = [
    `${kpi.chain.nameZh} ${kpi.chain.name} (${kpi.chain.chainId}, ${kpi.chain.items} items), scenario "${kpi.scenario}"`,
    `${kpi.run.replications} replications × ${kpi.run.enterprisesPerReplication} enterprises, seed ${kpi.run.seed}, warm-up ${kpi.run.warmupDays} working days, from ${kpi.run.start}`,
    '',
    rateRow('completed 全部办结', kpi.completed),
    `${pad('materials provided 免提交', 30)}${kpi.materialsProvided}`,
    '',
    `${pad('per completed enterprise', 30)}${pad('mean', 16)}${pad('95% CI', 18)}${pad('P50', 8)}${pad('P90', 8)}P99`,
    summaryRow('end to end 全程 (working)', kpi.endToEnd.workingDays, 'wd'),
    summaryRow('end to end (calendar)', kpi.endToEnd.calendarDays, 'd'),
    summaryRow('visits 跑动', kpi.perEnterprise.visits, ''),
    summaryRow('materials 材料', kpi.perEnterprise.materials, ''),
    summaryRow('proofs 证明', kpi.perEnterprise.proofs, ''),
    summaryRow('steps 环节', kpi.perEnterprise.steps, ''),
    '',
    `${pad('item', 40)}${pad('cases', 8)}${pad('P50 wd', 9)}${pad('P90 wd', 9)}${pad('P99 wd', 9)}${pad('materials', 11)}approved`,
    ...kpi.items.map(({ itemId, kpi: item }) => {
      const cycle = item.cycleTime.workingDays;
      return `${pad(itemId, 40)}${pad(String(item.cases), 8)}${pad(fixed(cycle.p50), 9)}${pad(fixed(cycle.p90), 9)}${pad(fixed(cycle.p99), 9)}${pad(fixed(item.perCase.materials.mean, 2), 11)}${percent(item.outcomes.approved.share)}`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}
