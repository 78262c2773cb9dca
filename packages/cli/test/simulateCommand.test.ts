import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ChainKpiDocumentSchema,
  ComparisonDocumentSchema,
  KpiDocumentSchema,
} from '@kuaiban/sim';
import { describe, expect, it } from 'vitest';
import {
  constructionPermitInput,
  foodPermitInput,
} from '../../core/test/items.js';
import { restaurantChainInput } from '../../sim/test/fixtures.js';
import { runKuaiban } from './support/runKuaiban.js';
import { ExitCode } from '../src/index.js';

const files: Record<string, string> = {
  'food.json': JSON.stringify(foodPermitInput()),
  'construction.json': JSON.stringify(constructionPermitInput()),
  'busy.json': JSON.stringify({
    name: 'busy',
    arrivals: { kind: 'poisson', perWorkingDay: 9 },
  }),
  'bad-scenario.json': JSON.stringify({ probabilities: { refusal: 3 } }),
  'broken.json': '{"name": ',
  'chain.json': JSON.stringify({
    id: 'chain',
    name: 'Chain',
    nameZh: '链',
    items: [{ item: foodPermitInput() }],
  }),
  'restaurant.json': JSON.stringify(restaurantChainInput()),
};

const kuaiban = (...argv: string[]) => runKuaiban(argv, { files });

const small = ['--cases', '200', '--replications', '2'];

describe('kuaiban simulate', () => {
  it('prints the KPI table for a design under the default scenario', async () => {
    const run = await kuaiban('simulate', 'food.json', ...small, '--seed', '4');
    expect(run.code).toBe(ExitCode.ok);
    expect(run.stdout).toContain(
      '食品经营许可 Food business permit (food-business-permit), scenario "scenario"',
    );
    expect(run.stdout).toContain('2 replications × 200 cases, seed 4');
    expect(run.stdout).toContain('decided within promise');
    expect(run.stderr).toBe('');
  });

  it('prints the JSON KPI document with --format json; the same seed gives the same numbers', async () => {
    const a = await kuaiban(
      'simulate',
      'food.json',
      ...small,
      '--scenario',
      'busy.json',
      '--seed',
      '7',
      '--format',
      'json',
    );
    const b = await kuaiban(
      'simulate',
      'food.json',
      ...small,
      '--scenario',
      'busy.json',
      '--seed',
      '7',
      '--format',
      'json',
    );
    const c = await kuaiban(
      'simulate',
      'food.json',
      ...small,
      '--scenario',
      'busy.json',
      '--seed',
      '8',
      '--format',
      'json',
    );
    const kpi = KpiDocumentSchema.parse(JSON.parse(a.stdout));
    expect(kpi.scenario).toBe('busy');
    expect(kpi.run).toMatchObject({
      seed: 7,
      replications: 2,
      casesPerReplication: 200,
    });
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).not.toBe(a.stdout);
  });

  it('compares two designs with --compare, and writes the report and the event log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kuaiban-sim-'));
    const report = join(dir, 'report.html');
    const log = join(dir, 'cases.ocel.json');
    const run = await kuaiban(
      'simulate',
      'food.json',
      '--compare',
      'construction.json',
      ...small,
      '--report',
      report,
      '--log',
      log,
    );
    expect(run.code).toBe(ExitCode.ok);
    expect(run.stdout).toContain(
      'what-if: food-business-permit → construction-permit',
    );
    expect(readFileSync(report, 'utf8')).toContain('What if');
    expect(JSON.parse(readFileSync(log, 'utf8'))).toHaveProperty('events');
    const json = await kuaiban(
      'simulate',
      'food.json',
      '--compare',
      'construction.json',
      ...small,
      '--format',
      'json',
    );
    expect(
      ComparisonDocumentSchema.parse(JSON.parse(json.stdout)).differences
        .length,
    ).toBeGreaterThan(5);
  });

  it('writes the event log as XES, CSV or JSON Lines by its extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kuaiban-sim-'));
    for (const [name, start] of [
      ['log.xes', '<?xml'],
      ['log.csv', 'caseId,itemId'],
      ['log.jsonl', '{"caseId"'],
    ] as const) {
      expect(
        (
          await kuaiban(
            'simulate',
            'food.json',
            ...small,
            '--log',
            join(dir, name),
          )
        ).code,
      ).toBe(ExitCode.ok);
      expect(readFileSync(join(dir, name), 'utf8').startsWith(start)).toBe(
        true,
      );
    }
  });

  it('simulates a chain (一件事): enterprises end to end, then each item', async () => {
    const run = await kuaiban(
      'simulate',
      'restaurant.json',
      ...small,
      '--seed',
      '3',
    );
    expect(run.code).toBe(ExitCode.ok);
    expect(run.stdout).toContain(
      '开餐馆一件事 Open a restaurant (open-a-restaurant, 3 items)',
    );
    expect(run.stdout).toContain('2 replications × 200 enterprises, seed 3');
    expect(run.stdout).toMatch(/end to end 全程 \(working\)/);
    expect(run.stdout).toMatch(/^food-business-permit +\d+/m);
    const json = await kuaiban(
      'simulate',
      'restaurant.json',
      ...small,
      '--seed',
      '3',
      '--format',
      'json',
    );
    const kpi = ChainKpiDocumentSchema.parse(JSON.parse(json.stdout));
    expect(kpi.enterprises).toBe(400);
    expect(kpi.items.map((i) => i.itemId)).toEqual([
      'business-licence',
      'food-business-permit',
      'construction-permit',
    ]);
    expect(kpi.items[1]!.provided).toEqual(['licence-copy']);
    expect(kpi.endToEnd.workingDays.p99).toBeGreaterThanOrEqual(
      kpi.endToEnd.workingDays.p90,
    );
  });

  it('exits 2 with a message for bad input, naming what and where', async () => {
    const cases = [
      [['simulate', 'missing.json'], /Cannot read missing.json/],
      [['simulate', 'food.json', '--cases', '0'], /--cases/],
      [['simulate', 'food.json', '--seed', 'x'], /--seed/],
      [
        ['simulate', 'food.json', '--scenario', 'bad-scenario.json'],
        /bad-scenario.json: .*probabilities.refusal/,
      ],
      [
        ['simulate', 'food.json', '--scenario', 'broken.json'],
        /broken.json is not valid JSON/,
      ],
      [['simulate', 'food.json', '--format', 'xml'], /xml/],
      [['simulate', 'food.json', '--log', 'out.txt'], /--log out.txt/],
      [
        ['simulate', 'food.json', '--compare', 'chain.json'],
        /chain.json: --compare takes one service item; this design is a chain of 1 items/,
      ],
      [
        [
          'simulate',
          'restaurant.json',
          '--report',
          'out.html',
          '--log',
          'a.csv',
        ],
        /restaurant.json is a chain: --report, --log apply to one service item/,
      ],
    ] as const;
    for (const [argv, message] of cases) {
      const run = await kuaiban(...argv);
      expect(run.code, argv.join(' ')).toBe(ExitCode.badInput);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
    }
  });
});
