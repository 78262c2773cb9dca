import { describe, expect, it } from 'vitest';
import type { CliIO } from '../src/io.js';
import { runCli } from '../src/runCli.js';

const io: CliIO = {
  stdout: () => undefined,
  stderr: () => undefined,
  readFile: () => '',
  color: false,
};

describe('kuaiban --help', () => {
  it.each([
    'calendar is-workday',
    'calendar add',
    'calendar between',
    'calendar deadline',
    'lint',
    'simulate',
    'conform',
    'diagram',
    'run',
    'demo',
  ])('kuaiban %s: help with examples, exit 0', async (command) => {
    let stdout = '';
    const code = await runCli([...command.split(' '), '--help'], {
      ...io,
      stdout: (text) => (stdout += text),
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: kuaiban /);
    expect(stdout).toMatch(/Examples:\n {2}kuaiban /);
  });
});
