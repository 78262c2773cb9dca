import { KuaibanError } from '@kuaiban/calendar';
import { unreadableFile } from './arguments.js';
import type { CliIO } from './io.js';

/** A file's text; an unreadable file is `INVALID_ARGUMENT` naming it. */
export function readTextFile(io: CliIO, path: string): string {
  try {
    return io.readFile(path);
  } catch (cause) {
    throw unreadableFile(path, cause);
  }
}

/** Text that should have been JSON, and `where` it came from (a file, a line). */
export function notJson(where: string, cause: unknown): KuaibanError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new KuaibanError({
    code: 'INVALID_ARGUMENT',
    message: `${where} is not valid JSON: ${reason}`,
    messageZh: `${where} 不是有效的 JSON：${reason}`,
    details: { where },
    cause,
  });
}

/** Parses JSON text from `where`; bad JSON is `INVALID_ARGUMENT` naming it. */
export function parseJsonText(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw notJson(where, cause);
  }
}

/**
 * A JSON file, parsed but not validated: unreadable files and bad JSON are
 * `INVALID_ARGUMENT` errors that name the file.
 *
 * @example
 * const steps = parseCaseScript(readJsonFile(io, 'steps.json'), 'steps.json');
 */
export function readJsonFile(io: CliIO, path: string): unknown {
  return parseJsonText(readTextFile(io, path), path);
}
