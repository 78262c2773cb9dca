import { describe, expect, it } from 'vitest';
import { PROPERTY_TRANSFER_COMPARISON } from '../src/beforeAfter.js';
import { kpiTable, sixCutsTable } from '../src/kpiTable.js';
import { reportIndex } from '../src/reportIndex.js';
import { scenarios } from '../src/scenarios.js';
import {
  processMeans,
  simulateComparisons,
  simulateItems,
} from '../src/simulateItems.js';

const RUN = { cases: 400, replications: 2, seed: 7 };

describe('simulating the designs', () => {
  it('SVC-SIX-CUTS: one window for a transfer cuts applications, materials and visits against three windows in turn', async () => {
    const [means] = await simulateComparisons(
      [PROPERTY_TRANSFER_COMPARISON],
      scenarios(),
      RUN,
    );
    expect(means!.before.items).toBe(3);
    expect(means!.after.items).toBe(1);
    expect(means!.after.materials).toBeLessThan(means!.before.materials);
    expect(means!.after.visits).toBeLessThan(means!.before.visits);
    expect(means!.after.steps).toBeLessThan(means!.before.steps);
    const lines = sixCutsTable([means!]);
    expect(lines[0]).toBe('不动产转移登记: before 3 items in turn, after 1');
    expect(lines.find((l) => l.includes('applications'))).toMatch(
      /3\s+1\s+-67%$/,
    );
  });

  it('adds the means of items done one after another, and simulates each item once', async () => {
    const items = PROPERTY_TRANSFER_COMPARISON.before.items.map((e) => e.item);
    const progress: string[] = [];
    const simulations = await simulateItems(
      [...items, items[0]!],
      scenarios(),
      RUN,
      (_done, _total, item) => progress.push(item.id),
    );
    expect(progress).toEqual(items.map((item) => item.id));
    const means = processMeans(items, simulations);
    const sum = items.reduce(
      (total, item) =>
        total + simulations.get(item.id)!.kpi.cycleTime.workingDays.mean,
      0,
    );
    expect(means.workingDays).toBeCloseTo(sum, 10);
    expect(simulations.get(items[0]!.id)!.kpi.cases).toBe(RUN.cases);

    const table = kpiTable(items, simulations);
    expect(table).toHaveLength(items.length + 1);
    expect(table[1]).toMatch(/^（改革前）存量房交易网签备案\s+\d+\.\d/);
  });

  it('writes an index page that escapes what it shows and links every report', () => {
    const item = PROPERTY_TRANSFER_COMPARISON.after.items[0]!.item;
    const html = reportIndex({
      title: 'A & B',
      tables: [['<row>']],
      items: [item],
      reportOf: (i) => `reports/${i.id}.html`,
    });
    expect(html).toContain('<title>A &#38; B</title>');
    expect(html).toContain('<pre>&#60;row&#62;</pre>');
    expect(html).toContain('<a href="reports/property-transfer.html">');
  });
});
