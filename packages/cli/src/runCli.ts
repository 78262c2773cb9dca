import { isKuaibanError } from '@kuaiban/calendar';
import { Command, CommanderError } from 'commander';
import { calendarCommand } from './calendarCommand.js';
import { conformCommand } from './conformCommand.js';
import { demoCommand } from './demoCommand.js';
import { diagramCommand } from './diagramCommand.js';
import { lintCommand } from './lintCommand.js';
import { runCommand } from './runCommand.js';
import { simulateCommand } from './simulateCommand.js';
import { PROBLEMS_FOUND } from './problemsFound.js';
import type { CliIO } from './io.js';
import { ExitCode, red } from './io.js';

/** The `kuaiban` program, writing through `io`. */
export function createProgram(io: CliIO): Command {
  const program = new Command('kuaiban')
    .description(
      'Kuaiban 快办: Chinese administrative approval as typed, tested state machines',
    )
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(red(io, text)),
    })
    .exitOverride();
  program.addCommand(calendarCommand(io));
  program.addCommand(diagramCommand(io));
  program.addCommand(runCommand(io));
  program.addCommand(simulateCommand(io));
  program.addCommand(lintCommand(io));
  program.addCommand(conformCommand(io));
  program.addCommand(demoCommand(io));
  inheritSettings(program);
  return program;
}

/** Gives every subcommand the program's output and exit handling. */
function inheritSettings(command: Command): void {
  for (const sub of command.commands) {
    sub.exitOverride().configureOutput(command.configureOutput());
    sub.showHelpAfterError('(run with --help for usage)');
    inheritSettings(sub);
  }
}

/**
 * Runs the CLI on `argv` (without the node and script paths) and returns the
 * exit code: 0 ok, 1 the check found problems, 2 bad input.
 *
 * @example
 * const code = await runCli(['calendar', 'add', '2025-09-30', '5'], io);
 */
export async function runCli(
  argv: readonly string[],
  io: CliIO,
): Promise<ExitCode> {
  const program = createProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === PROBLEMS_FOUND) return ExitCode.problemsFound;
      // Help and version end through here too, with exit code 0.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.badInput;
    }
    if (isKuaibanError(error)) {
      io.stderr(
        `${red(io, `error ${error.code}`)}: ${error.message}\n${red(io, '错误')}：${error.messageZh}\n`,
      );
      return ExitCode.badInput;
    }
    throw error;
  }
}
