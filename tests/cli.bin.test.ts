import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs the real `kuaiban` entry point as `pnpm kuaiban` does. */
function kuaiban(...argv: string[]) {
  return spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=@kuaiban/source',
      'packages/cli/src/bin.ts',
      ...argv,
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  );
}

describe('the kuaiban process', () => {
  it('prints the answer and exits 0', () => {
    const run = kuaiban('calendar', 'add', '2025-09-30', '5');
    expect(run.stdout).toBe('2025-10-14\n');
    expect(run.status).toBe(0);
  });

  it('exits 2 with a bilingual message on bad input', () => {
    const run = kuaiban('calendar', 'between', '2025-02-30', '2025-03-01');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('INVALID_DATE');
    expect(run.stderr).toContain('不是有效日期');
  });
});
