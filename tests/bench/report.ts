/**
 * Shared by the packages' benchmarks: medians, number formats, and
 * BENCHMARKS.md, where each package owns one section.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

export const formatNs = (ns: number): string =>
  ns >= 1e6
    ? `${(ns / 1e6).toFixed(2)} ms`
    : ns >= 1e3
      ? `${(ns / 1e3).toFixed(2)} µs`
      : `${ns.toFixed(0)} ns`;

/** Progress on one line in a terminal, one line per step otherwise. */
export function progress(text: string, first: boolean): void {
  if (process.stdout.isTTY) process.stdout.write(`\r${text} `);
  else if (first) process.stdout.write(`${text}\n`);
}

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `Machine: ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}, Node ${process.version}.`;
}

const HEADER = [
  '# Benchmarks',
  '',
  "Written by `pnpm bench`. Each section comes from one package's benchmark, which runs",
  'Kuaiban and the named baseline side by side in one process, alternating, over several rounds;',
  'the tables show medians.',
  '',
];

/** Replaces the section `id` of BENCHMARKS.md (or adds it), and the machine line. */
export function writeSection(id: string, lines: readonly string[]): void {
  const start = `<!-- bench:${id} -->`;
  const end = `<!-- /bench:${id} -->`;
  const section = [start, ...lines, end].join('\n');
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (!text.startsWith('# Benchmarks')) text = `${HEADER.join('\n')}\n`;
  text = text.replace(/^Machine: .*$/m, '').replace(/\n{3,}/g, '\n\n');
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  text = pattern.test(text)
    ? text.replace(pattern, () => section)
    : `${text.trimEnd()}\n\n${section}\n`;
  text = text.replace(
    HEADER.join('\n'),
    `${HEADER.join('\n')}\n${machine()}\n`,
  );
  writeFileSync(file, `${text.trimEnd()}\n`);
}
