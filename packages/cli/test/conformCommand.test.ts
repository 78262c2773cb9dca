import { toJsonl, toXes } from '@kuaiban/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { foodPermitInput } from '../../core/test/items.js';
import { foodPermitHistories } from '../../lint/test/engineLogs.js';
import { runKuaiban } from './support/runKuaiban.js';
import { ExitCode } from '../src/index.js';

const files: Record<string, string> = {
  'food.json': JSON.stringify(foodPermitInput()),
  'invalid-design.json': JSON.stringify({
    ...foodPermitInput(),
    materials: [],
  }),
  'garbage.jsonl': 'not a log\n',
};

beforeAll(async () => {
  const onTime = await foodPermitHistories(foodPermitInput(), [{}, {}]);
  const late = await foodPermitHistories(foodPermitInput(), [
    {},
    { reviewOn: '2025-10-20' },
  ]);
  files['on-time.jsonl'] = toJsonl(onTime);
  files['late.jsonl'] = toJsonl(late);
  files['late.xes'] = toXes(late);
});

const kuaiban = (...argv: string[]) => runKuaiban(argv, { files });

describe('kuaiban conform', () => {
  it('exits 0 when every case followed the design on time', async () => {
    const run = await kuaiban('conform', 'food.json', 'on-time.jsonl');
    expect(run.code).toBe(ExitCode.ok);
    expect(run.stdout).toContain('2 case(s), 2 fit the design; 0 error(s)');
  });

  it('ALL-42-DECIDE-20D: exits 1 with the late case, its dates and basis, from JSONL or XES', async () => {
    for (const log of ['late.jsonl', 'late.xes']) {
      const run = await kuaiban('conform', 'food.json', log);
      expect(run.code).toBe(ExitCode.problemsFound);
      expect(run.stdout).toContain(
        'decision-on-time (ALL-42-DECIDE-20D) food-business-permit case-0002',
      );
      expect(run.stdout).toContain('due 2025-09-28');
    }
  });

  it('writes the report as JSON', async () => {
    const run = await kuaiban(
      'conform',
      'food.json',
      'late.jsonl',
      '--format',
      'json',
    );
    const report = JSON.parse(run.stdout) as {
      summary: { cases: number; errors: number };
    };
    expect(report.summary).toMatchObject({ cases: 2, errors: 1 });
  });

  it('ALL-42-DECIDE-20D: writes SARIF 2.1.0 pointing at the case log, and still exits 1', async () => {
    const run = await kuaiban(
      'conform',
      'food.json',
      'late.jsonl',
      '--format',
      'sarif',
    );
    expect(run.code).toBe(ExitCode.problemsFound);
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          locations: {
            physicalLocation: { artifactLocation: { uri: string } };
            logicalLocations: { fullyQualifiedName: string }[];
          }[];
        }[];
      }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const [run0] = sarif.runs;
    const [result] = run0?.results ?? [];
    expect(result?.ruleId).toBe('decision-on-time');
    expect(run0?.tool.driver.rules[result?.ruleIndex ?? -1]?.id).toBe(
      'decision-on-time',
    );
    expect(result?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(
      'late.jsonl',
    );
    expect(result?.locations[0]?.logicalLocations[0]?.fullyQualifiedName).toBe(
      'food-business-permit/case-0002',
    );
  });

  it.each([
    [['conform', 'food.json', 'missing.jsonl'], 'Cannot read missing.jsonl'],
    [['conform', 'food.json', 'garbage.jsonl'], 'INVALID_CASE_LOG'],
    [['conform', 'invalid-design.json', 'on-time.jsonl'], 'INVALID_DEFINITION'],
    [['conform', 'food.json', 'on-time.jsonl', '--format', 'csv'], '--format'],
  ])('exits 2 on bad input: %j', async (argv, message) => {
    const run = await kuaiban(...argv);
    expect(run.code).toBe(ExitCode.badInput);
    expect(run.stderr).toContain(message);
  });
});
