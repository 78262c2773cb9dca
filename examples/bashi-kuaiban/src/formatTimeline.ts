import type { Timeline } from './timeline.js';

const days = (n: number) => (n === 0 ? 'same day' : `${n} wd`);

/**
 * The timeline as lines for a terminal: each case with its dates and the
 * rule behind each due date, each waiting period, then each link's time.
 */
export function formatTimeline(timeline: Timeline): string[] {
  const lines: string[] = [];
  const waitsBefore = new Map(timeline.waits.map((w) => [w.itemId, w]));
  for (const record of timeline.cases) {
    const wait = waitsBefore.get(record.item.id);
    if (wait) {
      lines.push(
        `  … ${wait.from} → ${wait.until}  ${wait.nameZh} (${wait.calendarDays} calendar days; ${wait.basis})`,
      );
    }
    lines.push(
      `${record.submittedOn} → ${record.issuedOn}  ${record.item.nameZh} [${record.item.department.nameZh}] ${days(record.workingDays)}, ${record.route === 'commitment' ? '告知承诺' : record.tolerated.length > 0 ? '容缺受理' : '一般程序'}, ${record.withinPromise ? 'within' : 'OVER'} the ${record.promisedDays}-day promise`,
    );
    lines.push(
      `    materials: ${record.asked.length} brought, ${record.committed.length} replaced by a commitment, ${record.provided.length} provided by earlier results, ${record.shared.length} read by data sharing`,
    );
    for (const due of record.dueDates) {
      lines.push(`    due ${due.date}  ${due.label}: ${due.rule}`);
    }
  }
  lines.push('');
  lines.push('Per link (working days of approval, TIME-WORKDAY):');
  for (const summary of timeline.links) {
    lines.push(
      `  ${summary.link.nameZh.padEnd(8, '　')} ${summary.from} → ${summary.until}  ${String(summary.workingDays).padStart(3)} wd, ${summary.items.length} items, ${summary.asked} materials brought, ${summary.spared} spared`,
    );
  }
  lines.push(
    `Whole chain: ${timeline.startOn} → ${timeline.endOn}, ${timeline.cases.length} cases.`,
  );
  return lines;
}
