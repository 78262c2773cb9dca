import type { CliIO } from '../../src/index.js';
import { runCli } from '../../src/index.js';

/** What one run of the CLI printed, and its exit code. */
export interface KuaibanRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `kuaiban …argv` with output captured, `files` as the only readable
 * files (any other path fails as a missing file would), and `lines` as
 * standard input when given.
 */
export async function runKuaiban(
  argv: readonly string[],
  options: {
    files?: Readonly<Record<string, string>>;
    lines?: readonly string[];
  } = {},
): Promise<KuaibanRun> {
  let stdout = '';
  let stderr = '';
  const { files = {}, lines } = options;
  const io: CliIO = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readFile: (path) => {
      const text = files[path];
      if (text === undefined)
        throw new Error(`ENOENT: no such file, open '${path}'`);
      return text;
    },
    color: false,
    ...(lines
      ? {
          lines: async function* () {
            await Promise.resolve();
            yield* lines;
          },
        }
      : {}),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
