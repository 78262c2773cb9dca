import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  constructionPermitInput,
  foodPermitInput,
} from '../../core/test/items.js';
import { RULES, lintDesign } from '../src/index.js';

const catalogue = readFileSync(
  new URL('../../../docs/lint/README.md', import.meta.url),
  'utf8',
);

const bases = { food: foodPermitInput, construction: constructionPermitInput };

/** The design with each path set to its value (`null` removes it). */
function applyChange(
  design: unknown,
  change: Record<string, unknown>,
): Record<string, unknown> {
  const copy = structuredClone(design) as Record<string, unknown>;
  for (const [path, value] of Object.entries(change)) {
    const keys = path.split('.');
    const last = keys.pop() ?? '';
    let at: Record<string, unknown> = copy;
    for (const key of keys) {
      at[key] ??= {};
      at = at[key] as Record<string, unknown>;
    }
    if (value === null) delete at[last];
    else at[last] = value;
  }
  return copy;
}

interface Example {
  readonly rule: string;
  readonly outcome: 'fail' | 'pass';
  readonly base: keyof typeof bases;
  readonly change: Record<string, unknown>;
}

const examples: Example[] = [];
for (const section of catalogue.split(/^#### /m).slice(1)) {
  const rule = /^`([a-z0-9-]+)`/.exec(section)?.[1] ?? '';
  for (const match of section.matchAll(
    /```json lint-(fail|pass) (food|construction)\n([\s\S]*?)```/g,
  )) {
    examples.push({
      rule,
      outcome: match[1] as Example['outcome'],
      base: match[2] as Example['base'],
      change: JSON.parse(match[3] ?? '{}') as Record<string, unknown>,
    });
  }
}

describe('the rule catalogue in docs/lint/README.md', () => {
  it('has an entry for every rule, in catalogue order', () => {
    const entries = [...catalogue.matchAll(/^#### `([a-z0-9-]+)`/gm)].map(
      (m) => m[1],
    );
    expect(entries).toEqual(RULES.map((r) => r.id));
  });

  it('gives a failing and a passing example for every static rule a design can break', () => {
    const withBoth = new Set(
      examples
        .filter((e) => e.outcome === 'fail')
        .map((e) => e.rule)
        .filter((rule) =>
          examples.some((e) => e.rule === rule && e.outcome === 'pass'),
        ),
    );
    expect(withBoth.size).toBeGreaterThanOrEqual(20);
  });

  for (const example of examples) {
    it(`${example.rule}: the ${example.outcome}ing example ${example.outcome === 'fail' ? 'fails' : 'passes'} (${JSON.stringify(example.change).slice(0, 60)})`, () => {
      const design = applyChange(bases[example.base](), example.change);
      const rules = lintDesign(design, { preset: 'strict' }).findings.map(
        (f) => f.rule,
      );
      if (example.outcome === 'fail') expect(rules).toContain(example.rule);
      else expect(rules).not.toContain(example.rule);
    });
  }
});
