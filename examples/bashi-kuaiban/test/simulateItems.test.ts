import { describe, expect, it } from 'vitest';
import { PROPERTY_TRANSFER_COMPARISON } from '../src/beforeAfter.js';
import { ENTERPRISE_CHAIN } from '../src/enterpriseChain.js';
import { reportIndex } from '../src/reportIndex.js';
import { chainScenarios, scenarios } from '../src/scenarios.js';
import { simulateComparisons, simulateItems } from '../src/simulateItems.js';
import { sixCutsTable } from '../src/sixCutsTable.js';

const RUN = { cases: 400, replications: 2, seed: 7 };

describe('simulating the designs', () => {
  it('SVC-SIX-CUTS: one window for a transfer cuts applications, steps, materials and visits against three windows in turn', async () => {
    const [run] = await simulateComparisons(
      [{ comparison: PROPERTY_TRANSFER_COMPARISON, perWorkingDay: 20 }],
      RUN,
    );
    const { before, after } = run!;
    expect(before.chain.items).toBe(3);
    expect(after.chain.items).toBe(1);
    expect(before.enterprises).toBe(after.enterprises);
    expect(after.perEnterprise.materials.mean).toBeLessThan(
      before.perEnterprise.materials.mean,
    );
    expect(after.perEnterprise.visits.mean).toBeLessThan(
      before.perEnterprise.visits.mean,
    );
    expect(after.perEnterprise.steps.mean).toBeLessThan(
      before.perEnterprise.steps.mean,
    );
    const lines = sixCutsTable([run!]);
    expect(lines[0]).toBe('不动产转移登记: 400 enterprises each side, seed 7');
    expect(lines.find((l) => l.includes('applications'))).toMatch(
      /3\s+1\s+-67%$/,
    );
    expect(lines.some((l) => l.includes('working days, P90'))).toBe(true);
  });

  it('gives a chain its arrivals and only its own items’ scenarios', () => {
    const { scenario, items } = chainScenarios(ENTERPRISE_CHAIN, 0.8);
    expect(scenario.arrivals).toMatchObject({
      kind: 'poisson',
      perWorkingDay: 0.8,
    });
    expect(Object.keys(items)).toEqual(
      ENTERPRISE_CHAIN.items.map((e) => e.item.id),
    );
    expect(items['business-registration']).toEqual(
      scenarios()['business-registration'],
    );
  });

  it('simulates each item once under its own scenario', async () => {
    const items = PROPERTY_TRANSFER_COMPARISON.before.items.map((e) => e.item);
    const progress: string[] = [];
    const simulations = await simulateItems(
      [...items, items[0]!],
      scenarios(),
      RUN,
      (_done, _total, item) => progress.push(item.id),
    );
    expect(progress).toEqual(items.map((item) => item.id));
    expect(simulations.get(items[0]!.id)!.kpi.cases).toBe(RUN.cases);
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
