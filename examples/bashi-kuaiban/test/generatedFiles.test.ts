import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineChain, defineItem } from '@kuaiban/core';
import { compileSimulation, defineScenario } from '@kuaiban/sim';
import { describe, expect, it } from 'vitest';
import {
  designFiles,
  generatedFiles,
  scenarioFiles,
} from '../src/generatedFiles.js';
import { calendar } from './harness.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path: string) =>
  JSON.parse(readFileSync(join(root, path), 'utf8')) as unknown;

describe('designs/*.json and scenarios/*.json', () => {
  it('are up to date with the TypeScript sources (pnpm --filter @kuaiban/example-bashi-kuaiban designs)', () => {
    const files = generatedFiles();
    for (const file of files) {
      const content = file.kind === 'design' ? file.design : file.scenario;
      expect(read(file.path), file.path).toEqual(
        JSON.parse(JSON.stringify(content)),
      );
    }
    const onDisk = ['designs', 'scenarios'].flatMap((folder) =>
      readdirSync(join(root, folder))
        .filter((name) => name.endsWith('.json'))
        .map((name) => `${folder}/${name}`),
    );
    expect(onDisk.sort()).toEqual(files.map((f) => f.path).sort());
  });

  it('each design passes defineItem or defineChain, as the CLI reads it', () => {
    for (const file of designFiles()) {
      const json = read(file.path) as { items?: unknown };
      const parsed = Array.isArray(json.items)
        ? defineChain(json as never)
        : defineItem(json as never);
      expect(parsed, file.path).toEqual(file.design);
    }
  });

  it('each scenario passes defineScenario and fits its design: every step, department and pool it names exists', () => {
    for (const file of scenarioFiles()) {
      const item = defineItem(read(file.designPath) as never);
      const scenario = defineScenario(read(file.path));
      expect(() =>
        compileSimulation(item, scenario, { calendar }),
      ).not.toThrow();
    }
  });

  it('one design per item of the eight links and the pre-reform processes, the chains, and a scenario per item', () => {
    const designs = designFiles();
    expect(
      designs.filter((f) => f.path.endsWith('.chain.json')).map((f) => f.path),
    ).toEqual([
      'designs/enterprise-lifecycle.chain.json',
      'designs/construction-permits.before.chain.json',
      'designs/construction-permits.after.chain.json',
      'designs/property-transfer.before.chain.json',
      'designs/property-transfer.after.chain.json',
    ]);
    expect(designs).toHaveLength(47);
    expect(
      scenarioFiles()
        .map((f) => f.designPath)
        .sort(),
    ).toEqual(
      designs
        .filter((f) => !f.path.endsWith('.chain.json'))
        .map((f) => f.path)
        .sort(),
    );
  });
});
