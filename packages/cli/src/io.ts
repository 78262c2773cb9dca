/** Where the CLI reads and writes: the process in `bin.ts`, buffers in tests. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => string;
  /** Whether stdout is a terminal (colour on). */
  readonly color: boolean;
  /** Standard input, line by line (`kuaiban run` without `--script`). */
  readonly lines?: () => AsyncIterable<string>;
}

/** Exit codes of the CLI contract. */
export const ExitCode = {
  ok: 0,
  problemsFound: 1,
  badInput: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

const paint =
  (code: string) =>
  (io: CliIO, text: string): string =>
    io.color ? `\u001b[${code}m${text}\u001b[0m` : text;

export const bold = paint('1');
export const dim = paint('2');
export const red = paint('31');
export const yellow = paint('33');
export const green = paint('32');
