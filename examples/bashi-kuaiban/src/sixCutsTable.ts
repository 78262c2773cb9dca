import type { ComparisonRun } from './simulateItems.js';

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

/**
 * The 六减 table of each before/after pair, per enterprise end to end
 * (SVC-SIX-CUTS): applications, steps, materials, proofs, visits, and the
 * working days from arrival to the last certificate (mean and P90).
 */
export function sixCutsTable(runs: readonly ComparisonRun[]): string[] {
  const lines: string[] = [];
  for (const { comparison, before, after } of runs) {
    const row = (label: string, b: number, a: number, digits = 1) =>
      `  ${pad(label, 28)}${left(b.toFixed(digits), 9)}${left(a.toFixed(digits), 9)}${left(b === 0 ? '' : `${(((a - b) / b) * 100).toFixed(0)}%`, 8)}`;
    lines.push(
      `${comparison.nameZh}: ${before.enterprises.toLocaleString('en')} enterprises each side, seed ${before.run.seed}`,
      `  ${pad('per enterprise', 28)}${left('before', 9)}${left('after', 9)}${left('change', 8)}`,
      row('applications 办件', before.chain.items, after.chain.items, 0),
      row(
        'steps 环节',
        before.perEnterprise.steps.mean,
        after.perEnterprise.steps.mean,
      ),
      row(
        'materials 材料',
        before.perEnterprise.materials.mean,
        after.perEnterprise.materials.mean,
      ),
      row(
        'proofs 证明',
        before.perEnterprise.proofs.mean,
        after.perEnterprise.proofs.mean,
      ),
      row(
        'visits 跑动',
        before.perEnterprise.visits.mean,
        after.perEnterprise.visits.mean,
      ),
      row(
        'working days, mean',
        before.endToEnd.workingDays.mean,
        after.endToEnd.workingDays.mean,
      ),
      row(
        'working days, P90',
        before.endToEnd.workingDays.p90,
        after.endToEnd.workingDays.p90,
      ),
    );
  }
  return lines;
}
