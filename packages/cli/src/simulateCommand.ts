import { writeFileSync } from 'node:fs';
import { KuaibanError } from '@kuaiban/calendar';
import type { ItemDefinition } from '@kuaiban/core';
import type { ScenarioInput } from '@kuaiban/sim';
import {
  chainKpiText,
  compareDesigns,
  comparisonText,
  defineScenario,
  htmlReport,
  kpiText,
  simulate,
  simulateChain,
  simulatedEventLogs,
} from '@kuaiban/sim';
import { Command, Option } from 'commander';
import { z } from 'zod';
import {
  CountNumber as Count,
  PositiveNumber as Positive,
  WholeNumber as Whole,
  namingFile,
  parseArguments,
} from './arguments.js';
import { readJsonFile } from './readJsonFile.js';
import { readDesign } from './design.js';
import type { CliIO } from './io.js';

const SimulateFlags = z.strictObject({
  scenario: z.string().optional(),
  cases: Positive.default(1000),
  seed: Whole.default(1),
  replications: Positive.default(10),
  warmup: Count.default(20),
  threads: Positive.default(1),
  compare: z.string().optional(),
  format: z.enum(['text', 'json']).default('text'),
  report: z.string().optional(),
  log: z.string().optional(),
});

/** Where the command writes files; tests give their own. */
export interface SimulateFiles {
  writeFile(path: string, text: string): void;
}

function itemOf(io: CliIO, path: string): ItemDefinition {
  const design = readDesign(io, path);
  if (design.kind === 'item') return design.item;
  throw new KuaibanError({
    code: 'INVALID_ARGUMENT',
    message: `${path}: --compare takes one service item; this design is a chain of ${design.chain.items.length} items`,
    messageZh: `${path}：--compare 只接受单个事项；该设计是包含 ${design.chain.items.length} 个事项的链条`,
    details: { path },
  });
}

/** Options an item run has and a chain run does not. */
function refuseForChain(
  path: string,
  options: {
    compare?: string | undefined;
    report?: string | undefined;
    log?: string | undefined;
  },
): void {
  const used = (['compare', 'report', 'log'] as const).filter(
    (key) => options[key] !== undefined,
  );
  if (used.length === 0) return;
  const flags = used.map((key) => `--${key}`).join(', ');
  throw new KuaibanError({
    code: 'INVALID_ARGUMENT',
    message: `${path} is a chain: ${flags} apply to one service item (simulate the item's own design for them)`,
    messageZh: `${path} 是链条：${flags} 仅适用于单个事项（请对该事项的设计单独仿真）`,
    details: { path, options: used },
  });
}

function scenarioOf(io: CliIO, path: string | undefined): ScenarioInput {
  if (path === undefined) return {};
  const json = readJsonFile(io, path);
  namingFile(path, () => defineScenario(json));
  return json as ScenarioInput;
}

/** A progress bar on stderr, only when stderr is a terminal. */
function progressBar(
  io: CliIO,
  label: string,
): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    io.stderr(
      `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`,
    );
  };
}

/**
 * `kuaiban simulate <design>`: simulates a design under a scenario (the
 * default scenario when none is given) and prints the KPI table, or the
 * KPI document with `--format json`; a chain (一件事) runs `--cases`
 * enterprises through its items and reports their end-to-end time; `--compare` runs a second design with
 * the same seed (what-if), `--report` writes the HTML report and `--log`
 * the event log of the recorded cases (`.xes`, `.ocel.json`, `.csv`,
 * `.jsonl`).
 */
export function simulateCommand(
  io: CliIO,
  files: SimulateFiles = {
    writeFile: (path, text) => writeFileSync(path, text),
  },
): Command {
  return new Command('simulate')
    .description(
      'simulate a design under a scenario: cycle times, on-time rates, load (仿真)',
    )
    .argument(
      '<design>',
      'the design: a service item or a chain (一件事) as JSON',
    )
    .option(
      '--scenario <file>',
      'the scenario as JSON (default: the documented default scenario)',
    )
    .option(
      '--cases <n>',
      'cases (a chain: enterprises) per replication, after the warm-up',
      '1000',
    )
    .option(
      '--seed <s>',
      'random seed: the same seed gives the same numbers',
      '1',
    )
    .option('--replications <r>', 'independent replications', '10')
    .option('--warmup <days>', 'working days of warm-up not counted', '20')
    .option('--threads <t>', 'worker threads for the replications', '1')
    .option('--compare <design2>', 'a second design to compare with (what-if)')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json'])
        .default('text'),
    )
    .option('--report <out.html>', 'write the HTML report')
    .option(
      '--log <file>',
      'write the event log of the recorded cases (.xes, .ocel.json, .csv, .jsonl)',
    )
    .addHelpText(
      'after',
      `
Examples:
  kuaiban simulate permit.json --cases 2000 --seed 7
  kuaiban simulate permit.json --scenario county.json --format json
  kuaiban simulate before.json --compare after.json --report what-if.html
  kuaiban simulate enterprise-lifecycle.chain.json --cases 1000

Exit codes: 0 ok; 2 bad input (design, scenario or options).`,
    )
    .action(async (designPath: string, flags: Record<string, unknown>) => {
      const options = parseArguments(SimulateFlags, flags);
      if (
        options.log !== undefined &&
        !/\.(xes|ocel\.json|csv|jsonl)$/.test(options.log)
      ) {
        throw new KuaibanError({
          code: 'INVALID_ARGUMENT',
          message: `--log ${options.log}: the file must end in .xes, .ocel.json, .csv or .jsonl`,
          messageZh: `--log ${options.log}：文件扩展名须为 .xes、.ocel.json、.csv 或 .jsonl`,
        });
      }
      const design = readDesign(io, designPath);
      const scenarioInput = scenarioOf(io, options.scenario);
      if (design.kind === 'chain') {
        refuseForChain(designPath, options);
        const onProgress = progressBar(io, 'simulating the chain');
        const chainSettings = {
          scenario: scenarioInput,
          enterprises: options.cases,
          seed: options.seed,
          replications: options.replications,
          warmupDays: options.warmup,
        };
        const simulation = await simulateChain(
          design.chain,
          onProgress ? { ...chainSettings, onProgress } : chainSettings,
        );
        io.stdout(
          options.format === 'json'
            ? `${JSON.stringify(simulation.kpi, null, 2)}\n`
            : chainKpiText(simulation.kpi),
        );
        return;
      }
      const item = design.item;
      const alternative =
        options.compare === undefined ? undefined : itemOf(io, options.compare);
      const settings = {
        scenario: scenarioInput,
        cases: options.cases,
        seed: options.seed,
        replications: options.replications,
        warmupDays: options.warmup,
        threads: options.threads,
      };
      if (alternative === undefined) {
        const onProgress = progressBar(io, 'simulating');
        const simulation = await simulate(
          item,
          onProgress ? { ...settings, onProgress } : settings,
        );
        io.stdout(
          options.format === 'json'
            ? `${JSON.stringify(simulation.kpi, null, 2)}\n`
            : kpiText(simulation.kpi),
        );
        if (options.report !== undefined)
          files.writeFile(options.report, htmlReport(simulation));
        if (options.log !== undefined)
          writeLog(
            files,
            options.log,
            simulation.model.item,
            simulation.traces,
          );
        return;
      }
      const onProgress = progressBar(io, 'simulating both designs');
      let done = 0;
      const both = await compareDesigns(
        item,
        alternative,
        onProgress
          ? {
              ...settings,
              onProgress: (_d, total) => onProgress(++done, 2 * total),
            }
          : settings,
      );
      io.stdout(
        options.format === 'json'
          ? `${JSON.stringify(both.comparison, null, 2)}\n`
          : `${kpiText(both.baseline.kpi)}\n${kpiText(both.alternative.kpi)}\n${comparisonText(both.comparison)}`,
      );
      if (options.report !== undefined) {
        files.writeFile(
          options.report,
          htmlReport(both.baseline, {
            alternative: both.alternative,
            comparison: both.comparison,
          }),
        );
      }
      if (options.log !== undefined)
        writeLog(
          files,
          options.log,
          both.baseline.model.item,
          both.baseline.traces,
        );
    });
}

function writeLog(
  files: SimulateFiles,
  path: string,
  item: ItemDefinition,
  traces: Parameters<typeof simulatedEventLogs>[1],
): void {
  const logs = simulatedEventLogs(item, traces);
  const text = path.endsWith('.xes')
    ? logs.xes
    : path.endsWith('.ocel.json')
      ? `${JSON.stringify(logs.ocel, null, 2)}\n`
      : path.endsWith('.csv')
        ? logs.csv
        : logs.jsonl;
  files.writeFile(path, text);
}
