import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { KuaibanError, isKuaibanError } from '../src/index.js';
import { bilingual, parseWith } from '../src/KuaibanError.js';

describe('KuaibanError', () => {
  it('carries a code, both messages, issues, details and cause', () => {
    const cause = new Error('root');
    const error = new KuaibanError({
      code: 'INVALID_ARGUMENT',
      message: 'bad',
      messageZh: '错误',
      details: { n: 1 },
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('KuaibanError');
    expect(error.cause).toBe(cause);
    expect(error.issues).toEqual([]);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      code: 'INVALID_ARGUMENT',
      message: 'bad',
      messageZh: '错误',
      issues: [],
      details: { n: 1 },
    });
  });

  it('isKuaibanError tells it apart from other errors', () => {
    expect(
      isKuaibanError(
        new KuaibanError({
          code: 'INVALID_DATE',
          message: 'a',
          messageZh: 'b',
        }),
      ),
    ).toBe(true);
    expect(isKuaibanError(new Error('x'))).toBe(false);
    expect(isKuaibanError({ code: 'INVALID_DATE' })).toBe(false);
  });
});

describe('parseWith', () => {
  const schema = z.strictObject({
    name: z.string(),
    size: z
      .number()
      .refine((n) => n > 1, bilingual('size must exceed 1', '大小必须大于 1')),
    list: z.array(z.number()),
  });

  it('returns the parsed value', () => {
    expect(
      parseWith(
        schema,
        { name: 'a', size: 2, list: [] },
        { code: 'INVALID_ARGUMENT', what: 'x', whatZh: 'x' },
      ),
    ).toEqual({
      name: 'a',
      size: 2,
      list: [],
    });
  });

  it('reports every issue with its path in English and Chinese', () => {
    try {
      parseWith(
        schema,
        { name: 1, size: 0, list: [1, 'two'] },
        { code: 'INVALID_ARGUMENT', what: 'thing', whatZh: '物件' },
      );
      expect.unreachable();
    } catch (error) {
      if (!isKuaibanError(error)) throw error;
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.issues.map((i) => i.path)).toEqual([
        ['name'],
        ['size'],
        ['list', 1],
      ]);
      expect(error.issues[1]).toMatchObject({
        message: 'size must exceed 1',
        messageZh: '大小必须大于 1',
      });
      expect(error.issues[0]?.messageZh).toContain('期望');
      expect(error.message).toMatch(
        /^Invalid thing: name: .*; size: size must exceed 1; list\[1\]: /,
      );
      expect(error.messageZh).toMatch(/^物件无效：name：/);
    }
  });

  it('keeps the Chinese text of built-in checks, which drop params', () => {
    const list = z.strictObject({
      items: z
        .array(z.number())
        .min(1, bilingual('at least one item', '至少一项')),
    });
    try {
      parseWith(
        list,
        { items: [] },
        { code: 'INVALID_ARGUMENT', what: 'list', whatZh: '列表' },
      );
      expect.unreachable();
    } catch (error) {
      if (!isKuaibanError(error)) throw error;
      expect(error.issues).toEqual([
        {
          path: ['items'],
          message: 'at least one item',
          messageZh: '至少一项',
        },
      ]);
    }
  });

  it('names the root when the input itself is wrong', () => {
    expect(() =>
      parseWith(schema, 'nope', {
        code: 'INVALID_ARGUMENT',
        what: 'thing',
        whatZh: '物件',
      }),
    ).toThrowError(/\(root\)/);
  });
});
