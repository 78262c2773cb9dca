import { isKuaibanError } from '@kuaiban/calendar';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../src/index.js';
import {
  parseJsonText,
  readJsonFile,
  readTextFile,
} from '../src/readJsonFile.js';

const io = (files: Record<string, string>): CliIO => ({
  stdout: () => undefined,
  stderr: () => undefined,
  color: false,
  readFile: (path) => {
    const text = files[path];
    if (text === undefined) throw new Error(`ENOENT: no such file '${path}'`);
    return text;
  },
});

const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (isKuaibanError(error)) return error;
    throw error;
  }
  throw new Error('expected a KuaibanError');
};

describe('readJsonFile', () => {
  it('reads and parses a JSON file', () => {
    expect(readJsonFile(io({ 'a.json': '{"n": 1}' }), 'a.json')).toEqual({
      n: 1,
    });
    expect(readTextFile(io({ 'a.txt': 'text' }), 'a.txt')).toBe('text');
  });

  it('names the file that cannot be read or is not JSON, in both languages', () => {
    const missing = failure(() => readJsonFile(io({}), 'nope.json'));
    expect(missing.code).toBe('INVALID_ARGUMENT');
    expect(missing.message).toContain('Cannot read nope.json');
    expect(missing.messageZh).toContain('无法读取文件 nope.json');
    const broken = failure(() =>
      readJsonFile(io({ 'b.json': '[{' }), 'b.json'),
    );
    expect(broken.message).toMatch(/^b\.json is not valid JSON: /);
    expect(broken.messageZh).toMatch(/^b\.json 不是有效的 JSON：/);
    expect(broken.details).toEqual({ where: 'b.json' });
  });

  it('names a line of text that is not JSON', () => {
    const line = failure(() => parseJsonText('{oops', 'line 3'));
    expect(line.message).toMatch(/^line 3 is not valid JSON/);
  });
});
