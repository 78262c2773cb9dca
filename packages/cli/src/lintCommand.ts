import { formatSarif, formatText, lintDesign } from '@kuaiban/lint';
import { Command } from 'commander';
import { z } from 'zod';
import { parseArguments } from './arguments.js';
import type { CliIO } from './io.js';
import { problemsFound } from './problemsFound.js';
import { readJsonFile } from './readJsonFile.js';

const LintFlags = z.object({
  format: z.enum(['text', 'json', 'sarif']).default('text'),
  preset: z.enum(['recommended', 'strict']).default('recommended'),
});

/** `kuaiban lint <design> [--format text|json|sarif] [--preset recommended|strict]`. */
export function lintCommand(io: CliIO): Command {
  return new Command('lint')
    .description(
      'check a design against the licensing law and the reform rules (合规检查); exit 1 on any error-level finding',
    )
    .argument('<design>', 'a design JSON file: one service item, or a chain')
    .option('--format <format>', 'text, json or sarif (SARIF 2.1.0)', 'text')
    .option('--preset <preset>', 'recommended or strict', 'recommended')
    .addHelpText(
      'after',
      '\nExamples:\n  kuaiban lint food-permit.design.json\n  kuaiban lint food-permit.design.json --preset strict --format sarif > lint.sarif',
    )
    .action((path: string, raw: unknown) => {
      const flags = parseArguments(LintFlags, raw);
      // Not validated here: what is wrong with the design becomes findings.
      const design = readJsonFile(io, path);
      const report = lintDesign(design, { preset: flags.preset });
      io.stdout(
        flags.format === 'text'
          ? formatText(report)
          : `${JSON.stringify(
              flags.format === 'sarif'
                ? formatSarif(report, { artifactUri: path })
                : report,
              null,
              2,
            )}\n`,
      );
      if (!report.ok) throw problemsFound();
    });
}
