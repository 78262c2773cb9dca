import { resolve } from 'node:path';
import type { DemoOptions } from '@kuaiban/example-bashi-kuaiban';
import { KuaibanError } from '@kuaiban/calendar';
import { Command } from 'commander';
import { z } from 'zod';
import { PositiveNumber, parseArguments } from './arguments.js';
import type { CliIO } from './io.js';
import { bold } from './io.js';
import { problemsFound } from './problemsFound.js';

const DemoFlags = z.object({
  out: z.string().min(1).default('.tmp/bashi-kuaiban'),
  enterprises: PositiveNumber.optional(),
});

type RunDemo = (options: DemoOptions) => Promise<boolean>;

/**
 * The 八事快办 demo ships with the repository's examples, not with the
 * published CLI: load it where it is there, say so where it is not.
 */
async function loadDemo(): Promise<RunDemo> {
  try {
    const demo = (await import('@kuaiban/example-bashi-kuaiban')) as {
      runDemo: RunDemo;
    };
    return demo.runDemo;
  } catch (cause) {
    throw new KuaibanError({
      code: 'INVALID_ARGUMENT',
      message:
        'The 八事快办 demo comes with the Kuaiban repository: run `pnpm demo` (or `pnpm kuaiban demo`) there',
      messageZh:
        '八事快办演示随 Kuaiban 代码仓库提供：请在仓库中运行 `pnpm demo`（或 `pnpm kuaiban demo`）',
      cause,
    });
  }
}

/** `kuaiban demo`: the 八事快办 chain end to end on the embedded store. */
export function demoCommand(io: CliIO): Command {
  return new Command('demo')
    .description(
      'the 八事快办 chain end to end: lint every design, run one enterprise on the embedded PGlite store, simulate the enterprises, write the reports',
    )
    .option(
      '--out <dir>',
      'where the reports and the database go',
      '.tmp/bashi-kuaiban',
    )
    .option('--enterprises <n>', 'enterprises to simulate (default 10000)')
    .addHelpText(
      'after',
      `
Examples:
  kuaiban demo
  kuaiban demo --out reports/demo --enterprises 2000

Exit codes: 0 every design passed lint and every audit trail verified; 1 not; 2 bad input.`,
    )
    .action(async (raw: unknown) => {
      const flags = parseArguments(DemoFlags, raw);
      const runDemo = await loadDemo();
      const ok = await runDemo({
        out: resolve(flags.out),
        print: (line = '') => io.stdout(`${line}\n`),
        progress: (text) => {
          if (io.color) io.stderr(`\r\u001b[K${text}`);
        },
        ...(flags.enterprises ? { enterprises: flags.enterprises } : {}),
      });
      io.stdout(`${bold(io, ok ? 'Done.' : 'Done, with problems.')}\n`);
      if (!ok) throw problemsFound();
    });
}
