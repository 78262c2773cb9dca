import type { ConformanceReport } from './checkConformance.js';
import type { Finding } from './Finding.js';
import type { LintReport } from './lintDesign.js';

const MARK: Readonly<Record<Finding['severity'], string>> = {
  error: '✖',
  warning: '⚠',
  info: 'ℹ',
};

/** One finding as lines people read: what, where, why, and the path that shows it. */
export function formatFinding(found: Finding): string[] {
  const where = [
    found.itemId,
    found.caseId,
    found.path && found.path.length > 0 ? found.path.join('.') : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  const lines = [
    `${MARK[found.severity]} ${found.severity} ${found.rule} (${found.code})${where ? ` ${where}` : ''}${found.suppressed ? ' [suppressed]' : ''}`,
    `  ${found.message}`,
    `  ${found.messageZh}`,
    `  basis: ${found.basis}`,
  ];
  if (found.suppressed) lines.push(`  suppressed: ${found.suppressed}`);
  for (const step of found.witness ?? []) {
    lines.push(
      `    ${step.from} --${step.event}--> ${step.to}${step.days !== undefined ? ` (${step.days} wd)` : ''}`,
    );
  }
  for (const event of found.evidence ?? []) {
    lines.push(
      `    #${event.sequence} ${event.at} ${event.activity}${event.actor ? ` by ${event.actor}` : ''}`,
    );
  }
  return lines;
}

/**
 * A lint or conformance report as text: each finding with its legal basis
 * and witness, then a summary line.
 *
 * @example
 * console.log(formatText(lintDesign(design)));
 */
export function formatText(report: LintReport | ConformanceReport): string {
  const lines = report.findings.flatMap(formatFinding);
  if ('items' in report) {
    lines.push(
      `${report.items.length} item(s), preset ${report.preset}: ${report.errors} error(s), ${report.warnings} warning(s)${report.ok ? ' — complies' : ''}`,
    );
  } else {
    const { summary, lastMinute } = report;
    lines.push(
      `${summary.cases} case(s), ${summary.fitting} fit the design; ${summary.errors} error(s), ${summary.warnings} warning(s)`,
      `last-minute decisions: ${Math.round(lastMinute.share * 100)}% of ${lastMinute.decisions} in the final ${Math.round(lastMinute.window * 100)}% of the allowed time`,
    );
  }
  return `${lines.join('\n')}\n`;
}
