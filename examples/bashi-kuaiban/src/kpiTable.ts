import type { ItemDefinition } from '@kuaiban/core';
import type { Simulation } from '@kuaiban/sim';
import type { ComparisonMeans } from './simulateItems.js';

/** Columns a text takes in a terminal: CJK characters take two. */
const columns = (text: string) =>
  [...text].reduce(
    (w, c) => w + ((c.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1),
    0,
  );
const pad = (text: string, width: number) =>
  text + ' '.repeat(Math.max(0, width - columns(text)));
const left = (text: string, width: number) =>
  ' '.repeat(Math.max(0, width - columns(text))) + text;
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * One row per item: cycle time (mean, P50, P90 in working days), the share
 * decided within the promise, and visits, materials and proofs per case.
 */
export function kpiTable(
  items: readonly ItemDefinition[],
  simulations: ReadonlyMap<string, Simulation>,
): string[] {
  const lines = [
    `${pad('item 事项', 44)}${left('mean', 7)}${left('P50', 7)}${left('P90', 7)}${left('promise', 9)}${left('visits', 8)}${left('materials', 11)}${left('proofs', 8)}`,
  ];
  for (const item of items) {
    const kpi = simulations.get(item.id)?.kpi;
    if (!kpi) continue;
    const wd = kpi.cycleTime.workingDays;
    lines.push(
      `${pad(item.nameZh.length > 20 ? `${item.nameZh.slice(0, 20)}…` : item.nameZh, 44)}${left(wd.mean.toFixed(1), 7)}${left(wd.p50.toFixed(1), 7)}${left(wd.p90.toFixed(1), 7)}${left(percent(kpi.onTime.promised.share), 9)}${left(kpi.perCase.visits.mean.toFixed(2), 8)}${left(kpi.perCase.materials.mean.toFixed(1), 11)}${left(kpi.perCase.proofs.mean.toFixed(1), 8)}`,
    );
  }
  return lines;
}

/** The 六减 table of each before/after pair (means per case, SVC-SIX-CUTS). */
export function sixCutsTable(
  comparisons: readonly ComparisonMeans[],
): string[] {
  const lines: string[] = [];
  for (const { comparison, before, after } of comparisons) {
    const row = (label: string, b: number, a: number, digits = 1) =>
      `  ${pad(label, 26)}${left(b.toFixed(digits), 9)}${left(a.toFixed(digits), 9)}${left(b === 0 ? '' : `${(((a - b) / b) * 100).toFixed(0)}%`, 8)}`;
    lines.push(
      `${comparison.nameZh}: before ${before.items} items in turn, after ${after.items}`,
      `  ${pad('mean per case', 26)}${left('before', 9)}${left('after', 9)}${left('change', 8)}`,
      row('applications 办件', before.items, after.items, 0),
      row('steps 环节', before.steps, after.steps),
      row('materials 材料', before.materials, after.materials),
      row('proofs 证明', before.proofs, after.proofs),
      row('visits 跑动', before.visits, after.visits),
      row('working days 时间', before.workingDays, after.workingDays),
    );
  }
  return lines;
}
