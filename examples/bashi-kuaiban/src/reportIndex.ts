import type { ItemDefinition } from '@kuaiban/core';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The index page of the demo's reports: the KPI and 六减 tables as
 * preformatted text, and a link to each item's simulation report.
 */
export function reportIndex(options: {
  readonly title: string;
  readonly tables: readonly (readonly string[])[];
  readonly items: readonly ItemDefinition[];
  /** The report file of an item, relative to the index. */
  readonly reportOf: (item: ItemDefinition) => string;
}): string {
  const tables = options.tables
    .map((lines) => `<pre>${escapeHtml(lines.join('\n'))}</pre>`)
    .join('\n');
  const links = options.items
    .map(
      (item) =>
        `<li><a href="${escapeHtml(options.reportOf(item))}">${escapeHtml(item.nameZh)}</a> <code>${escapeHtml(item.id)}</code></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(options.title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}pre{background:#f6f6f6;padding:1rem;overflow-x:auto}</style>
</head><body>
<h1>${escapeHtml(options.title)}</h1>
${tables}
<h2>Reports per item 各事项仿真报告</h2>
<ul>
${links}
</ul>
</body></html>
`;
}
