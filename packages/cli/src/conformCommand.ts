import { checkConformance, formatSarif, formatText } from '@kuaiban/lint';
import { Command } from 'commander';
import { z } from 'zod';
import { parseArguments } from './arguments.js';
import { readDesign } from './design.js';
import type { CliIO } from './io.js';
import { problemsFound } from './problemsFound.js';
import { readTextFile } from './readJsonFile.js';

const ConformFlags = z.object({
  format: z.enum(['text', 'json', 'sarif']).default('text'),
  preset: z.enum(['recommended', 'strict']).default('recommended'),
});

/** `kuaiban conform <design> <case-log> [--format text|json|sarif]`. */
export function conformCommand(io: CliIO): Command {
  return new Command('conform')
    .description(
      'replay a case log (audit-trail JSONL or XES) against a design and check its legal times in working days (督查); exit 1 on any error-level finding',
    )
    .argument('<design>', 'a design JSON file: one service item, or a chain')
    .argument(
      '<case-log>',
      'the engine’s audit trail as JSON Lines, or an XES log',
    )
    .option('--format <format>', 'text, json or sarif (SARIF 2.1.0)', 'text')
    .option('--preset <preset>', 'recommended or strict', 'recommended')
    .addHelpText(
      'after',
      '\nExamples:\n  kuaiban conform food-permit.design.json cases.jsonl\n  kuaiban conform food-permit.design.json cases.xes --format json',
    )
    .action((designPath: string, logPath: string, raw: unknown) => {
      const flags = parseArguments(ConformFlags, raw);
      const design = readDesign(io, designPath);
      const log = readTextFile(io, logPath);
      const definition = design.kind === 'item' ? design.item : design.chain;
      const report = checkConformance(definition, log, {
        preset: flags.preset,
      });
      io.stdout(
        flags.format === 'text'
          ? formatText(report)
          : `${JSON.stringify(
              flags.format === 'sarif'
                ? formatSarif(report, { artifactUri: logPath })
                : report,
              null,
              2,
            )}\n`,
      );
      if (!report.ok) throw problemsFound();
    });
}
