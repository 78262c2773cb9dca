import type { ComparisonDocument } from './compareDesigns.js';
import type { KpiDocument } from './kpiDocument.js';
import type { Simulation } from './simulate.js';
import {
  barsSvg,
  cdfSvg,
  escapeHtml,
  ganttSvg,
  histogramSvg,
} from './svgCharts.js';

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const days = (x: number) => x.toFixed(1);

function cycleTimes(simulation: Simulation): Float64Array {
  const all = simulation.replications.flatMap((r) => [...r.cycleWorkingDays]);
  return Float64Array.from(all);
}

function kpiTable(kpi: KpiDocument): string {
  const row = (label: string, s: KpiDocument['cycleTime']['workingDays']) =>
    `<tr><th>${escapeHtml(label)}</th><td>${days(s.mean)}</td><td>[${days(s.ci95[0])}, ${days(s.ci95[1])}]</td><td>${days(s.p50)}</td><td>${days(s.p90)}</td><td>${days(s.p99)}</td></tr>`;
  return `<table><tr><th></th><th>mean</th><th>95% CI</th><th>P50</th><th>P90</th><th>P99</th></tr>${row('cycle time, working days 工作日', kpi.cycleTime.workingDays)}${row('cycle time, calendar days 自然日', kpi.cycleTime.calendarDays)}${row('visits 跑动次数', kpi.perCase.visits)}${row('materials 材料', kpi.perCase.materials)}${row('proofs 证明', kpi.perCase.proofs)}${row('steps 环节', kpi.perCase.steps)}</table>`;
}

function sections(simulation: Simulation): string {
  const { kpi } = simulation;
  const trace =
    simulation.traces.find((t) => t.tasks.length > 2) ?? simulation.traces[0];
  const onTime = barsSvg(
    [
      'within promise 承诺时限',
      'within statute 法定时限',
      'approved 准予',
      'denied 不予许可',
      'refused 不予受理',
      'lapsed 容缺失效',
    ],
    [
      {
        name: kpi.design.itemId,
        values: [
          kpi.onTime.promised.share,
          kpi.onTime.statutory.share,
          kpi.outcomes.approved.share,
          kpi.outcomes.denied.share,
          kpi.outcomes.refused.share,
          kpi.outcomes.lapsed.share,
        ],
      },
    ],
    percent,
    1,
  );
  const utilisation = barsSvg(
    kpi.pools.map((p) => `${p.department} ${p.role}`),
    [
      {
        name: 'utilisation 负荷',
        values: kpi.pools.map((p) => p.utilisation.share),
      },
    ],
    percent,
    1,
  );
  return `
<h2>Cycle time 办理时长</h2>
${kpiTable(kpi)}
<figure>${histogramSvg(cycleTimes(simulation), 'working days from submission to closure')}<figcaption>Histogram of cycle times</figcaption></figure>
<figure>${cdfSvg([{ name: kpi.design.itemId, values: cycleTimes(simulation) }], 'working days')}<figcaption>Cumulative distribution</figcaption></figure>
<h2>On time and outcomes 按时办结率</h2>
<figure>${onTime}</figure>
<h2>Officers' load 工作负荷</h2>
<figure>${utilisation}</figure>
<table><tr><th>rank</th><th>pool</th><th>utilisation</th><th>wait per case (wd)</th></tr>${kpi.bottlenecks.map((b) => `<tr><td>${b.rank}</td><td>${escapeHtml(`${b.department} ${b.role}`)}</td><td>${percent(b.utilisation)}</td><td>${b.waitWorkingDaysPerCase.toFixed(2)}</td></tr>`).join('')}</table>
${trace ? `<h2>A sample case 样本办件 ${escapeHtml(trace.caseId)}</h2><figure>${ganttSvg(trace.tasks, trace.arrival, `${trace.caseId}, ${trace.outcome}`)}</figure>` : ''}`;
}

/**
 * The simulation report as one HTML page with inline SVG charts: the KPI
 * table, the cycle-time histogram and CDF, on-time rates, utilisation and
 * bottlenecks, the Gantt chart of a sample case and, for a what-if, both
 * designs side by side with the paired differences.
 *
 * @example
 * writeFileSync('report.html', htmlReport(simulation));
 */
export function htmlReport(
  simulation: Simulation,
  whatIf?: { alternative: Simulation; comparison: ComparisonDocument },
): string {
  const { kpi } = simulation;
  const title = `${kpi.design.nameZh} ${kpi.design.name}: simulation 仿真`;
  let comparison = '';
  if (whatIf) {
    const { alternative, comparison: doc } = whatIf;
    comparison = `
<h2>What if 方案比较: ${escapeHtml(kpi.design.itemId)} → ${escapeHtml(alternative.kpi.design.itemId)}</h2>
<figure>${cdfSvg(
      [
        {
          name: `baseline ${kpi.design.itemId}`,
          values: cycleTimes(simulation),
        },
        {
          name: `alternative ${alternative.kpi.design.itemId}`,
          values: cycleTimes(alternative),
        },
      ],
      'working days from submission to closure',
    )}</figure>
<figure>${barsSvg(
      [
        'P90 cycle time (wd)',
        'mean cycle time (wd)',
        'visits per case',
        'materials per case',
      ],
      [
        {
          name: 'baseline',
          values: [
            kpi.cycleTime.workingDays.p90,
            kpi.cycleTime.workingDays.mean,
            kpi.perCase.visits.mean,
            kpi.perCase.materials.mean,
          ],
        },
        {
          name: 'alternative',
          values: [
            alternative.kpi.cycleTime.workingDays.p90,
            alternative.kpi.cycleTime.workingDays.mean,
            alternative.kpi.perCase.visits.mean,
            alternative.kpi.perCase.materials.mean,
          ],
        },
      ],
      (x) => x.toFixed(2),
    )}</figure>
<table><tr><th>metric</th><th>baseline</th><th>alternative</th><th>difference</th><th>95% CI</th></tr>${doc.differences
      .map(
        (d) =>
          `<tr><td>${escapeHtml(d.metric)}</td><td>${d.baseline.toFixed(3)}</td><td>${d.alternative.toFixed(3)}</td><td>${d.difference.toFixed(3)}</td><td>[${d.ci95[0].toFixed(3)}, ${d.ci95[1].toFixed(3)}]</td></tr>`,
      )
      .join('')}</table>
<h1>Alternative 备选方案: ${escapeHtml(alternative.kpi.design.itemId)}</h1>
${sections(alternative)}`;
  }
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;color:#111}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ddd;padding:4px 8px;text-align:right}th:first-child{text-align:left}figure{margin:1em 0}</style></head>
<body><h1>${escapeHtml(title)}</h1>
<p>Scenario “${escapeHtml(kpi.scenario)}”: ${kpi.run.replications} replications × ${kpi.run.casesPerReplication} cases, seed ${kpi.run.seed}, warm-up ${kpi.run.warmupDays} working days, from ${escapeHtml(kpi.run.start)}.</p>
${comparison}${whatIf ? `<h1>Baseline 基准方案: ${escapeHtml(kpi.design.itemId)}</h1>` : ''}
${sections(simulation)}
</body></html>
`;
}
