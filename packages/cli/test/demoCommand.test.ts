import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runKuaiban } from './support/runKuaiban.js';
import { ExitCode } from '../src/index.js';

const out = mkdtempSync(join(tmpdir(), 'kuaiban-demo-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const kuaiban = (...argv: string[]) => runKuaiban(argv);

describe('kuaiban demo', () => {
  it('lints, runs one enterprise on PGlite, simulates and says where everything went', async () => {
    const run = await kuaiban('demo', '--out', out, '--enterprises', '50');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(ExitCode.ok);
    expect(run.stdout).toContain('1. Lint every design');
    expect(run.stdout).toContain('every trail verified');
    expect(run.stdout).toContain('50 enterprises');
    expect(run.stdout).toMatch(/Done\.\n$/);
    for (const file of ['index.html', 'chain-kpi.json', 'timeline.txt']) {
      expect(existsSync(join(out, file))).toBe(true);
    }
    const kpi: unknown = JSON.parse(
      readFileSync(join(out, 'chain-kpi.json'), 'utf8'),
    );
    expect(kpi).toHaveProperty('chain');
  }, 180_000);

  it('refuses a bad --enterprises with exit code 2', async () => {
    const run = await kuaiban('demo', '--enterprises', 'many');
    expect(run.code).toBe(ExitCode.badInput);
    expect(run.stderr).toContain('--enterprises');
    expect(run.stderr).toContain('错误');
  });
});
