import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createChinaCalendar } from '@kuaiban/calendar';
import { verifyHistory } from '@kuaiban/core';
import { chainKpiText, htmlReport, simulateChain } from '@kuaiban/sim';
import { createPgliteStore } from '@kuaiban/store';
import {
  CONSTRUCTION_PERMITS_COMPARISON,
  PROPERTY_TRANSFER_COMPARISON,
} from './beforeAfter.js';
import { ENTERPRISE_CHAIN } from './enterpriseChain.js';
import {
  DEMO_ENTERPRISE,
  DEMO_START_DATE,
  ENTERPRISE_PLAN,
} from './enterprisePlan.js';
import { formatTimeline } from './formatTimeline.js';
import { designFiles } from './generatedFiles.js';
import { LINKS } from './links.js';
import { formatLint, lintDesigns } from './lintDesigns.js';
import { reportIndex } from './reportIndex.js';
import { chainScenarios, scenarios } from './scenarios.js';
import { sixCutsTable } from './sixCutsTable.js';
import { simulateComparisons, simulateItems } from './simulateItems.js';
import { runTimeline } from './timeline.js';

/** Where the demo writes, and how it talks. */
export interface DemoOptions {
  /** The output directory; emptied first. */
  readonly out: string;
  /** A line for people (the timeline, the tables, where things went). */
  readonly print: (line?: string) => void;
  /** Progress on one line (empty text: clear it). */
  readonly progress?: (text: string) => void;
  /** Enterprises to simulate (default 10,000, in 5 replications). */
  readonly enterprises?: number;
  /** Paths as shown to people (default: relative to the working directory). */
  readonly shown?: (path: string) => string;
}

/** 10,000 enterprises: 5 replications of 2,000. */
const RUN = { cases: 10_000, replications: 5, seed: 2025 } as const;
/** Enterprises of the park entering the whole chain, and property transfers, a working day. */
const PARK_ENTERPRISES_PER_DAY = 0.8;
const TRANSFERS_PER_DAY = 20;

/**
 * 八事快办 end to end: lints every design, runs one enterprise through the
 * whole chain on the embedded PGlite store, simulates the enterprises and
 * writes the reports to `out`. Returns whether every design passed and every
 * audit trail verified.
 *
 * @example
 * const ok = await runDemo({ out: '.tmp/bashi-kuaiban', print: console.log });
 */
export async function runDemo(options: DemoOptions): Promise<boolean> {
  const { out, print } = options;
  const progress = options.progress ?? (() => undefined);
  const done = () => progress('');
  const shown =
    options.shown ?? ((path: string) => relative(process.cwd(), path) || '.');
  const run = { ...RUN, cases: options.enterprises ?? RUN.cases };
  let ok = true;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'reports'), { recursive: true });

  print(
    'Kuaiban 快办 · 八事快办: the enterprise lifecycle chain (seeds/002 item 50)',
  );
  print();

  // 1. Lint every design.
  print('1. Lint every design (kuaiban lint designs/*.json)');
  const lint = lintDesigns(designFiles());
  for (const line of formatLint(lint)) print(`   ${line}`);
  if (lint.some((result) => !result.ok)) ok = false;
  print();

  // 2. One enterprise through the chain, on the embedded store.
  print(
    `2. ${DEMO_ENTERPRISE.nameZh} through the chain from ${DEMO_START_DATE} (a fixed demo date), on PGlite`,
  );
  const dataDir = join(out, 'pglite');
  const store = await createPgliteStore({ dataDir });
  const timeline = await runTimeline({
    chain: ENTERPRISE_CHAIN,
    links: LINKS,
    plan: ENTERPRISE_PLAN,
    calendar: createChinaCalendar(),
    startOn: DEMO_START_DATE,
    applicantId: DEMO_ENTERPRISE.id,
    store,
    onProgress: ({ done: n, total, record }) =>
      progress(`   [${String(n).padStart(2)}/${total}] ${record.item.nameZh}`),
  });
  done();
  for (const line of formatTimeline(timeline)) print(`   ${line}`);
  let entries = 0;
  for (const record of timeline.cases) {
    const history = await store.history(record.caseId);
    if (!verifyHistory(history).ok) ok = false;
    entries += history.length;
  }
  await store.close();
  print(
    `   ${timeline.cases.length} cases, ${entries} audit entries, every trail verified, in ${shown(dataDir)}`,
  );
  print();

  // 3. Simulate 10,000 enterprises through the whole chain, and the before/after pairs.
  const items = ENTERPRISE_CHAIN.items.map((entry) => entry.item);
  print(
    `3. Simulation: ${run.cases.toLocaleString('en')} enterprises through the chain (${run.replications} replications, seed ${run.seed})`,
  );
  const chainRun = await simulateChain(ENTERPRISE_CHAIN, {
    ...chainScenarios(ENTERPRISE_CHAIN, PARK_ENTERPRISES_PER_DAY),
    enterprises: run.cases / run.replications,
    replications: run.replications,
    seed: run.seed,
    onProgress: (n, total) => progress(`   replication ${n}/${total}`),
  });
  done();
  const chainTable = chainKpiText(chainRun.kpi).trimEnd().split('\n');
  for (const line of chainTable) print(`   ${line}`);
  print();
  print('   六减 before and after the reform, per enterprise end to end:');
  const comparisons = await simulateComparisons(
    [
      {
        comparison: CONSTRUCTION_PERMITS_COMPARISON,
        perWorkingDay: PARK_ENTERPRISES_PER_DAY,
      },
      {
        comparison: PROPERTY_TRANSFER_COMPARISON,
        perWorkingDay: TRANSFERS_PER_DAY,
      },
    ],
    run,
  );
  const cuts = sixCutsTable(comparisons);
  for (const line of cuts) print(`   ${line}`);
  print();

  // 4. Reports: the chain's tables, and each item under its county workload.
  const allScenarios = scenarios();
  const simulations = await simulateItems(
    items,
    allScenarios,
    run,
    (n, total, item) => progress(`   report ${n}/${total}: ${item.nameZh}`),
  );
  done();
  const reportOf = (id: string) => join('reports', `${id}.html`);
  for (const item of items) {
    const simulation = simulations.get(item.id);
    if (simulation)
      writeFileSync(join(out, reportOf(item.id)), htmlReport(simulation));
  }
  writeFileSync(
    join(out, 'index.html'),
    reportIndex({
      title: '八事快办: simulated enterprise lifecycle chain',
      tables: [chainTable, cuts],
      items,
      reportOf: (item) => reportOf(item.id),
    }),
  );
  writeFileSync(
    join(out, 'chain-kpi.json'),
    `${JSON.stringify(chainRun.kpi, null, 2)}\n`,
  );
  writeFileSync(
    join(out, 'timeline.txt'),
    `${formatTimeline(timeline).join('\n')}\n`,
  );
  print('4. Written:');
  print(
    `   ${shown(join(out, 'index.html'))}  the chain and 六减 tables, links to every report`,
  );
  print(
    `   ${shown(join(out, 'reports'))}/<item>.html  each item simulated under its county workload`,
  );
  print(`   ${shown(join(out, 'chain-kpi.json'))}  the chain's KPI document`);
  print(`   ${shown(join(out, 'timeline.txt'))}  the enterprise's timeline`);
  print(
    `   ${shown(dataDir)}  the PGlite database with the cases and their audit trails`,
  );
  return ok;
}
