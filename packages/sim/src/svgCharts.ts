// Small inline SVG charts for the HTML report: no scripts, no external files.

const W = 560;
const H = 220;
const M = { left: 48, right: 12, top: 12, bottom: 32 };
const COLOURS = [
  '#2563eb',
  '#dc2626',
  '#059669',
  '#d97706',
  '#7c3aed',
  '#0891b2',
];

/** Text safe inside SVG or HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const n = (x: number) => (Math.round(x * 10) / 10).toString();

function frame(
  body: string,
  xLabel: string,
  yLabel: string,
  xMax: number,
  yMax: number,
  yFormat: (y: number) => string,
): string {
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => {
      const y = M.top + (1 - f) * (H - M.top - M.bottom);
      const x = M.left + f * (W - M.left - M.right);
      return `<line x1="${M.left}" x2="${W - M.right}" y1="${n(y)}" y2="${n(y)}" stroke="#e5e7eb"/><text x="${M.left - 4}" y="${n(y + 4)}" text-anchor="end" font-size="10">${escapeHtml(yFormat(f * yMax))}</text><text x="${n(x)}" y="${H - M.bottom + 14}" text-anchor="middle" font-size="10">${n(f * xMax)}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img">${ticks}${body}<text x="${(W + M.left) / 2}" y="${H - 4}" text-anchor="middle" font-size="11">${escapeHtml(xLabel)}</text><text x="12" y="${H / 2}" transform="rotate(-90 12 ${H / 2})" text-anchor="middle" font-size="11">${escapeHtml(yLabel)}</text></svg>`;
}

const sx = (x: number, max: number) =>
  M.left + (max === 0 ? 0 : x / max) * (W - M.left - M.right);
const sy = (y: number, max: number) =>
  M.top + (1 - (max === 0 ? 0 : y / max)) * (H - M.top - M.bottom);

/** A histogram of values in `bins` equal bins. */
export function histogramSvg(
  values: ArrayLike<number>,
  label: string,
  bins = 30,
): string {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]!);
  const width = max / bins || 1;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    counts[Math.min(bins - 1, Math.floor(values[i]! / width))]!++;
  }
  const top = Math.max(1, ...counts);
  const xMax = width * bins;
  const bars = counts
    .map((count, i) => {
      const x = sx(i * width, xMax);
      const y = sy(count, top);
      return `<rect x="${n(x)}" y="${n(y)}" width="${n(sx(width, xMax) - M.left - 1)}" height="${n(H - M.bottom - y)}" fill="${COLOURS[0]}"><title>${n(i * width)}–${n((i + 1) * width)}: ${count}</title></rect>`;
    })
    .join('');
  return frame(bars, label, 'cases', xMax, top, (y) => String(Math.round(y)));
}

/** Empirical CDFs of one or more series, on one axis. */
export function cdfSvg(
  series: readonly { name: string; values: ArrayLike<number> }[],
  label: string,
): string {
  const sorted = series.map((s) => Float64Array.from(s.values).sort());
  const xMax = Math.max(1e-9, ...sorted.map((v) => v[v.length - 1] ?? 0));
  const lines = sorted
    .map((values, k) => {
      const step = Math.max(1, Math.floor(values.length / 400));
      const points: string[] = [];
      for (let i = 0; i < values.length; i += step) {
        points.push(
          `${n(sx(values[i]!, xMax))},${n(sy((i + 1) / values.length, 1))}`,
        );
      }
      if (values.length > 0)
        points.push(
          `${n(sx(values[values.length - 1]!, xMax))},${n(sy(1, 1))}`,
        );
      return `<polyline fill="none" stroke="${COLOURS[k % COLOURS.length]}" stroke-width="2" points="${points.join(' ')}"/><text x="${W - M.right - 4}" y="${M.top + 14 + 14 * k}" text-anchor="end" font-size="11" fill="${COLOURS[k % COLOURS.length]}">${escapeHtml(series[k]!.name)}</text>`;
    })
    .join('');
  return frame(
    lines,
    label,
    'share of cases',
    xMax,
    1,
    (y) => `${Math.round(y * 100)}%`,
  );
}

/** Horizontal bars, one group per label and one bar per series. */
export function barsSvg(
  labels: readonly string[],
  series: readonly { name: string; values: readonly number[] }[],
  format: (x: number) => string,
  max?: number,
): string {
  const rowHeight = 14 * series.length + 8;
  const height = M.top + labels.length * rowHeight + 24;
  const top = max ?? Math.max(1e-9, ...series.flatMap((s) => s.values));
  const left = 200;
  const width = W - left - 60;
  const rows = labels
    .map((label, i) => {
      const y0 = M.top + i * rowHeight;
      const bars = series
        .map((s, k) => {
          const value = s.values[i] ?? 0;
          const y = y0 + k * 14;
          return `<rect x="${left}" y="${y}" width="${n((value / top) * width)}" height="12" fill="${COLOURS[k % COLOURS.length]}"><title>${escapeHtml(s.name)}: ${escapeHtml(format(value))}</title></rect><text x="${n(left + (value / top) * width + 4)}" y="${y + 10}" font-size="10">${escapeHtml(format(value))}</text>`;
        })
        .join('');
      return `<text x="${left - 6}" y="${y0 + 10}" text-anchor="end" font-size="11">${escapeHtml(label)}</text>${bars}`;
    })
    .join('');
  const legend = series
    .map(
      (s, k) =>
        `<text x="${left + k * 140}" y="${height - 8}" font-size="11" fill="${COLOURS[k % COLOURS.length]}">■ ${escapeHtml(s.name)}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img">${rows}${legend}</svg>`;
}

/** A Gantt chart of one case's tasks: waiting (light) and working (dark), per pool row. */
export function ganttSvg(
  tasks: readonly {
    activity: string;
    queued: number;
    start: number;
    end: number;
  }[],
  origin: number,
  label: string,
): string {
  const rows = [...new Set(tasks.map((t) => t.activity))];
  const end = Math.max(origin + 1e-9, ...tasks.map((t) => t.end));
  const span = end - origin;
  const left = 170;
  const width = W - left - 12;
  const height = M.top + rows.length * 18 + 30;
  const x = (t: number) => left + ((t - origin) / span) * width;
  const bars = tasks
    .map((t) => {
      const y = M.top + rows.indexOf(t.activity) * 18;
      return `<rect x="${n(x(t.queued))}" y="${y}" width="${n(Math.max(0.5, x(t.start) - x(t.queued)))}" height="12" fill="#bfdbfe"><title>waiting ${n(t.start - t.queued)} wd</title></rect><rect x="${n(x(t.start))}" y="${y}" width="${n(Math.max(1, x(t.end) - x(t.start)))}" height="12" fill="${COLOURS[0]}"><title>${escapeHtml(t.activity)}: ${n(t.end - t.start)} wd</title></rect>`;
    })
    .join('');
  const names = rows
    .map(
      (r, i) =>
        `<text x="${left - 6}" y="${M.top + i * 18 + 10}" text-anchor="end" font-size="11">${escapeHtml(r)}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img">${names}${bars}<text x="${left}" y="${height - 8}" font-size="11">${escapeHtml(label)}: 0 – ${n(span)} working days</text></svg>`;
}
