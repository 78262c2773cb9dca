/**
 * @kuaiban/cli: the `kuaiban` command. The only package that reads argv,
 * files and the terminal.
 *
 * @packageDocumentation
 */
export { createProgram, runCli } from './runCli.js';
export { ExitCode } from './io.js';
export type { CliIO } from './io.js';
