import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createChinaCalendar } from '@kuaiban/calendar';
import { compileItem, defineItem } from '@kuaiban/core';
import { toMermaid } from '@kuaiban/machines';
import { describe, expect, it } from 'vitest';
import { foodPermitInput } from '../../core/test/items.js';
import { runKuaiban } from './support/runKuaiban.js';

const designFile = fileURLToPath(
  new URL(
    '../../../docs/getting-started/food-permit.design.json',
    import.meta.url,
  ),
);

const simpleItem = () => ({
  ...foodPermitInput(),
  id: 'street-vendor-filing',
  nameZh: '摊贩登记',
  materials: foodPermitInput().materials.filter((m) => m.id === 'application'),
  acceptance: undefined,
});

const chain = {
  id: 'open-a-bakery',
  name: 'Open a bakery',
  nameZh: '开面包店一件事',
  items: [
    { item: simpleItem() },
    {
      item: {
        ...foodPermitInput(),
        materials: foodPermitInput().materials.filter(
          (m) => m.id !== 'licence-copy',
        ),
      },
      after: ['street-vendor-filing'],
    },
  ],
};

const files: Record<string, string> = {
  'chain.json': JSON.stringify(chain),
  'broken.json': '{"id": ',
  'not-an-item.json': JSON.stringify({ id: 'x', name: 'X' }),
};

const kuaiban = (...argv: string[]) =>
  runKuaiban(argv, {
    files: { ...files, 'food-permit.json': readFileSync(designFile, 'utf8') },
  });

const compiled = compileItem(defineItem(foodPermitInput()), {
  calendar: createChinaCalendar(),
});

describe('kuaiban diagram --format mermaid', () => {
  it('prints the Mermaid diagram of the machine the item compiles to', async () => {
    const { code, stdout, stderr } = await kuaiban(
      'diagram',
      'food-permit.json',
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(`${toMermaid(compiled.machine)}\n`);
    expect(stdout).toMatch(/^stateDiagram-v2\n/);
    expect(stdout).toContain(
      'case_submitted --> case_accepting : PRE_REVIEW_PASSED',
    );
  });

  it('prints Markdown with one diagram per item of a chain, in chain order', async () => {
    const { code, stdout } = await kuaiban('diagram', 'chain.json');
    expect(code).toBe(0);
    expect(stdout.match(/^## .*$/gm)).toEqual([
      '## street-vendor-filing 摊贩登记',
      '## food-business-permit 食品经营许可',
    ]);
    expect(stdout.match(/```mermaid\nstateDiagram-v2\n/g)).toHaveLength(2);
    expect(stdout).toMatch(/^# 开面包店一件事\n/);
  });
});

describe('kuaiban diagram --format svg', () => {
  it('draws every state and every transition of the compiled machine', async () => {
    const { code, stdout } = await kuaiban(
      'diagram',
      'food-permit.json',
      '--format',
      'svg',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(stdout.trimEnd()).toMatch(/<\/svg>$/);
    const drawn = [...stdout.matchAll(/data-state="([^"]+)"/g)].map(
      (m) => m[1],
    );
    const states = compiled.graph.states
      .filter((s) => s.parent !== null)
      .map((s) => s.id);
    expect(drawn).toEqual(expect.arrayContaining(states));
    expect(drawn).toContain('(any state)');
    for (const t of compiled.graph.transitions) {
      if (t.event.startsWith('xstate.') || t.targets.length === 0) continue;
      expect(stdout).toContain(`>${t.event}</tspan>`);
    }
    // Final states have a second, inner border.
    expect(stdout).toMatch(
      /data-state="case.refused"><rect[^>]*\/><rect[^>]*fill="none"/,
    );
    // What the item puts into the machine, under the title.
    expect(stdout).toContain(
      'promised · 20 (promised 10) working-days · acceptance standard / 容缺 5 days / 告知承诺 · review steps site-review',
    );
    // Guards are in the arrows' tooltips.
    expect(stdout).toContain(
      'APPROVE [and(may, mayApprove, acceptanceSettled, notAgainstDepartments)]',
    );
  });

  it('is the same picture every time', async () => {
    const first = await kuaiban('diagram', 'chain.json', '--format', 'svg');
    const second = await kuaiban('diagram', 'chain.json', '--format', 'svg');
    expect(first.stdout).toBe(second.stdout);
    expect(
      first.stdout.match(/<g transform="translate\(0 \d+\)">/g),
    ).toHaveLength(2);
    expect(first.stdout).toContain(
      '<title>open-a-bakery 开面包店一件事</title>',
    );
  });
});

describe('kuaiban diagram: bad input', () => {
  it.each([
    [['missing.json'], 'INVALID_ARGUMENT', '无法读取文件 missing.json'],
    [['broken.json'], 'INVALID_ARGUMENT', 'broken.json 不是有效的 JSON'],
    [['not-an-item.json'], 'INVALID_DEFINITION', 'not-an-item.json'],
    [['food-permit.json', '--format', 'png'], 'INVALID_ARGUMENT', '--format'],
  ])('%j: exit 2, %s, in English and Chinese', async (argv, code, text) => {
    const result = await kuaiban('diagram', ...argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`error ${code}`);
    expect(result.stderr).toContain('错误');
    expect(result.stderr).toContain(text);
  });
});
