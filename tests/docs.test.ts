import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = `${root}.tmp/docs`;

const documents = [
  'README.md',
  'README.zh-CN.md',
  ...readdirSync(`${root}docs`, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/**
 * Turns a sample into a module: `expression; // => value` lines become
 * assertions that the expression equals the value.
 */
export function sampleToModule(code: string): string {
  const body = code
    .split('\n')
    .map((line) => {
      const match = /^(\s*)(.+?);\s*\/\/ => (.+)$/.exec(line);
      if (!match) return line;
      const [, indent, expression, value] = match;
      return `${indent}__expect(${expression}, ${JSON.stringify(line.trim())}).toEqual(${value});`;
    })
    .join('\n');
  const imports = body.match(/^import .*;$/gm) ?? [];
  const rest = body.replace(/^import .*;$/gm, '');
  return [
    "import { expect } from 'vitest';",
    ...imports,
    'const __expect = (actual: unknown, line: string) => expect(actual, line);',
    rest,
  ].join('\n');
}

describe('code samples in the docs run', () => {
  mkdirSync(scratch, { recursive: true });
  for (const document of documents) {
    const text = readFileSync(`${root}${document}`, 'utf8');
    const samples = [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map(
      (m) => m[1] ?? '',
    );
    samples.forEach((sample, index) => {
      it(`${document} sample ${index + 1}`, async () => {
        expect(sample).toContain('@kuaiban/');
        const file = `${scratch}/${document.replace(/\W/g, '_')}_${index + 1}.ts`;
        writeFileSync(file, sampleToModule(sample));
        await import(/* @vite-ignore */ pathToFileURL(file).href);
      });
    });
  }

  it('turns a marked line into an assertion that can fail', () => {
    expect(sampleToModule('f(1); // => 2')).toContain(
      '__expect(f(1), "f(1); // => 2").toEqual(2);',
    );
  });
});
