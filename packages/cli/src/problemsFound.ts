import { CommanderError } from 'commander';
import { ExitCode } from './io.js';

/** The code `runCli` turns into exit code 1. */
export const PROBLEMS_FOUND = 'kuaiban.problemsFound';

/**
 * Ends a command whose output is written and which found problems (a rejected
 * step, an error-level finding): `runCli` returns exit code 1 for it.
 */
export function problemsFound(): CommanderError {
  return new CommanderError(ExitCode.problemsFound, PROBLEMS_FOUND, '');
}
