import { KuaibanError, parseWith, textMatching } from '@kuaiban/calendar';
import type { z } from 'zod';

const kebab = (name: string): string =>
  name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Validates command-line input with zod; bad input is `INVALID_ARGUMENT`,
 * naming options as flags (`--warn-within`) and positional arguments as
 * `<n>`.
 */
export function parseArguments<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  kind: 'options' | 'arguments' = 'options',
): z.output<Schema> {
  return parseWith(schema, input, {
    code: 'INVALID_ARGUMENT',
    what: kind,
    whatZh: kind === 'options' ? '选项' : '参数',
    showPath: ([key, ...rest]) => {
      const name = String(key ?? '');
      const shown = kind === 'options' ? `--${kebab(name)}` : `<${name}>`;
      return rest.length
        ? `${shown} #${rest.map((i) => Number(i) + 1).join('.')}`
        : shown;
    },
  });
}

export function unreadableFile(path: string, cause: unknown): KuaibanError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new KuaibanError({
    code: 'INVALID_ARGUMENT',
    message: `Cannot read ${path}: ${reason}`,
    messageZh: `无法读取文件 ${path}：${reason}`,
    cause,
  });
}

/** Command-line numbers, as text in and numbers out. */
export const WholeNumber = textMatching(
  /^[+-]?\d+$/,
  'Expected a whole number',
  '应为整数',
).transform(Number);
export const PositiveNumber = textMatching(
  /^0*[1-9]\d*$/,
  'Expected a positive whole number',
  '应为正整数',
).transform(Number);
export const CountNumber = textMatching(
  /^\d+$/,
  'Expected a whole number, 0 or more',
  '应为非负整数',
).transform(Number);

/**
 * Runs `read` on what came from `path`; a `KuaibanError` it throws is thrown
 * again with the file named in both messages and in `details.path`.
 */
export function namingFile<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof KuaibanError)) throw error;
    throw new KuaibanError({
      code: error.code,
      message: `${path}: ${error.message}`,
      messageZh: `${path}：${error.messageZh}`,
      issues: error.issues,
      details: { ...error.details, path },
      cause: error,
    });
  }
}
