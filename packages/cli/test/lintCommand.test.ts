import { describe, expect, it } from 'vitest';
import {
  constructionPermitInput,
  foodPermitInput,
} from '../../core/test/items.js';
import { runKuaiban } from './support/runKuaiban.js';
import { ExitCode } from '../src/index.js';

const files: Record<string, string> = {
  'food.json': JSON.stringify(foodPermitInput()),
  'construction.json': JSON.stringify(constructionPermitInput()),
  'late-certificate.json': JSON.stringify({
    ...foodPermitInput(),
    issuance: { days: 15 },
  }),
  'no-backup.json': JSON.stringify({
    ...constructionPermitInput(),
    roles: { handler: { id: 'window-7' } },
  }),
  'broken.json': '{"id": ',
};

const kuaiban = (...argv: string[]) => runKuaiban(argv, { files });

describe('kuaiban lint', () => {
  it('exits 0 for a design that complies, with a summary line', async () => {
    const run = await kuaiban('lint', 'food.json');
    expect(run.code).toBe(ExitCode.ok);
    expect(run.stdout).toContain('0 error(s), 0 warning(s) — complies');
  });

  it('ALL-44-ISSUE-10D: exits 1 on an error-level finding and explains it with its basis', async () => {
    const run = await kuaiban('lint', 'late-certificate.json');
    expect(run.code).toBe(ExitCode.problemsFound);
    expect(run.stdout).toContain('issuance-within-10d (ALL-44-ISSUE-10D)');
    expect(run.stdout).toContain('basis: 中华人民共和国行政许可法 art. 44');
  });

  it('SVC-AB-POST: a warning passes recommended and fails strict', async () => {
    expect((await kuaiban('lint', 'no-backup.json')).code).toBe(ExitCode.ok);
    expect(
      (await kuaiban('lint', 'no-backup.json', '--preset', 'strict')).code,
    ).toBe(ExitCode.problemsFound);
  });

  it('writes the report as JSON', async () => {
    const run = await kuaiban(
      'lint',
      'late-certificate.json',
      '--format',
      'json',
    );
    const report = JSON.parse(run.stdout) as {
      ok: boolean;
      findings: { rule: string }[];
    };
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => f.rule)).toEqual(['issuance-within-10d']);
  });

  it('writes SARIF 2.1.0 pointing at the design file', async () => {
    const run = await kuaiban(
      'lint',
      'late-certificate.json',
      '--format',
      'sarif',
    );
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      runs: {
        results: {
          ruleId: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string } };
          }[];
        }[];
      }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results[0]?.ruleId).toBe('issuance-within-10d');
    expect(
      sarif.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation
        .uri,
    ).toBe('late-certificate.json');
  });

  it.each([
    [['lint', 'missing.json'], 'Cannot read missing.json'],
    [['lint', 'broken.json'], 'broken.json is not valid JSON'],
    [['lint', 'food.json', '--format', 'xml'], '--format'],
    [['lint', 'food.json', '--preset', 'lenient'], '--preset'],
  ])('exits 2 on bad input: %j', async (argv, message) => {
    const run = await kuaiban(...argv);
    expect(run.code).toBe(ExitCode.badInput);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });
});
