import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseInput, trustedInput, trustedWhen } from '../src/trustedInput.js';

const Schema = z.strictObject({ name: z.string().trim().min(1) });

describe('trustedInput: inputs a parent built from parsed parts', () => {
  it('parses an input nobody marked, and names what is wrong', () => {
    expect(
      parseInput(Schema, { name: ' a ' }, 'test input', '测试输入'),
    ).toEqual({ name: 'a' });
    expect(() =>
      parseInput(Schema, { name: '' }, 'test input', '测试输入'),
    ).toThrow(/Invalid test input/);
    expect(() => parseInput(Schema, 'text', 'test input', '测试输入')).toThrow(
      /Invalid test input/,
    );
  });

  it('takes a marked input as it is, and only that object', () => {
    const marked = trustedInput({ name: 'a' });
    expect(parseInput(Schema, marked, 'test input', '测试输入')).toBe(marked);
    const lookalike = { name: 'a' };
    const parsed = parseInput(Schema, lookalike, 'test input', '测试输入');
    expect(parsed).toEqual(lookalike);
    expect(parsed).not.toBe(lookalike);
  });

  it('marks an input only when its parts were checked', () => {
    const unchecked = trustedWhen(false, { name: '' });
    expect(() =>
      parseInput(Schema, unchecked, 'test input', '测试输入'),
    ).toThrow(/Invalid test input/);
    const checked = trustedWhen(true, { name: 'a' });
    expect(parseInput(Schema, checked, 'test input', '测试输入')).toBe(checked);
  });
});
