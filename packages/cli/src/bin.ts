import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { runCli } from './runCli.js';

const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  readFile: (path: string) => readFileSync(path, 'utf8'),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  lines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
};

process.exitCode = await runCli(process.argv.slice(2), io);
