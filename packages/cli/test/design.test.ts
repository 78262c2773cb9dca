import { isKuaibanError } from '@kuaiban/calendar';
import { describe, expect, it } from 'vitest';
import {
  constructionPermitInput,
  foodPermitInput,
} from '../../core/test/items.js';
import { designItems, readDesign } from '../src/design.js';
import type { CliIO } from '../src/io.js';

const files: Record<string, string> = {
  'food.json': JSON.stringify(foodPermitInput()),
  'chain.json': JSON.stringify({
    id: 'opening',
    name: 'Opening a restaurant',
    nameZh: '开餐馆',
    items: [
      { item: constructionPermitInput() },
      { item: foodPermitInput(), after: [constructionPermitInput().id] },
    ],
  }),
  'bad.json': '{"id": ',
  'invalid.json': JSON.stringify({ ...foodPermitInput(), limit: -1 }),
};

const io: CliIO = {
  stdout: () => undefined,
  stderr: () => undefined,
  readFile: (path) => {
    const text = files[path];
    if (text === undefined) throw new Error(`ENOENT: no such file '${path}'`);
    return text;
  },
  color: false,
};

const failure = (path: string) => {
  try {
    readDesign(io, path);
  } catch (error) {
    if (isKuaibanError(error)) return error;
  }
  throw new Error(`expected ${path} to fail`);
};

describe('readDesign', () => {
  it('reads an item design', () => {
    const design = readDesign(io, 'food.json');
    expect(design.kind).toBe('item');
    expect(designItems(design).map((item) => item.id)).toEqual([
      foodPermitInput().id,
    ]);
  });

  it('reads a chain design, its items in order', () => {
    const design = readDesign(io, 'chain.json');
    expect(design.kind).toBe('chain');
    expect(designItems(design).map((item) => item.id)).toEqual([
      constructionPermitInput().id,
      foodPermitInput().id,
    ]);
  });

  it('names the file when it is missing, not JSON, or not a valid design', () => {
    expect(failure('missing.json').code).toBe('INVALID_ARGUMENT');
    const notJson = failure('bad.json');
    expect(notJson.code).toBe('INVALID_ARGUMENT');
    expect(notJson.message).toMatch(/^bad\.json is not valid JSON/);
    expect(notJson.messageZh).toMatch(/^bad\.json 不是有效的 JSON/);
    const invalid = failure('invalid.json');
    expect(invalid.code).toBe('INVALID_DEFINITION');
    expect(invalid.message).toMatch(/^invalid\.json: /);
    expect(invalid.details).toMatchObject({ path: 'invalid.json' });
    expect(invalid.issues.length).toBeGreaterThan(0);
  });
});
