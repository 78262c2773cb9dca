import { z } from 'zod';

/**
 * Every code a Kuaiban error can carry. The union is closed: callers branch on
 * it with an exhaustive `switch`, portals translate it, logs stay searchable.
 * The lowest layer owns the error base so that every package throws the same
 * class; packages above add their codes here.
 */
export type KuaibanErrorCode =
  /** A date or time that is malformed or does not exist (`2025-02-30`). */
  | 'INVALID_DATE'
  /** A date outside the calendar data, with "weekdays beyond the data" off. */
  | 'CALENDAR_OUT_OF_RANGE'
  /** A calendar definition or data file that fails validation. */
  | 'INVALID_CALENDAR'
  /** Office hours that overlap, are empty or out of order. */
  | 'INVALID_OFFICE_HOURS'
  /** A deadline (start, limit, pauses, extension) that breaks its rules. */
  | 'INVALID_DEADLINE'
  /** Any other argument of the wrong shape or value. */
  | 'INVALID_ARGUMENT'
  /** A service-item or chain definition that fails validation. */
  | 'INVALID_DEFINITION'
  /** A command of the wrong shape, or one the case does not know. */
  | 'INVALID_COMMAND'
  /** The sender's role may not issue this command. */
  | 'FORBIDDEN'
  /** No case with this id. */
  | 'CASE_NOT_FOUND'
  /** Another writer changed the case first (optimistic concurrency). */
  | 'CONFLICT'
  /** The command is known, but the case's state does not allow it now. */
  | 'NOT_ALLOWED_IN_STATE'
  /** An audit trail whose hash chain does not verify. */
  | 'HISTORY_TAMPERED'
  /** A database whose schema version this release does not know. */
  | 'STORE_SCHEMA_UNKNOWN'
  /** The store cannot be reached or opened. */
  | 'STORE_UNAVAILABLE'
  /** A simulation scenario that fails validation. */
  | 'INVALID_SCENARIO'
  /** A case log (audit-trail JSONL, XES) that cannot be read. */
  | 'INVALID_CASE_LOG'
  /** A lint configuration (presets, rules, suppressions) that fails validation. */
  | 'INVALID_LINT_CONFIG'
  /** A request to a portal that is malformed, too large or has unknown fields. */
  | 'INVALID_REQUEST'
  /** A request without a valid identity (missing, forged or expired token). */
  | 'UNAUTHENTICATED';

/** One problem found in an input, located by its path inside that input. */
export interface ValidationIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly messageZh: string;
}

export interface KuaibanErrorOptions {
  readonly code: KuaibanErrorCode;
  readonly message: string;
  readonly messageZh: string;
  readonly issues?: readonly ValidationIssue[];
  readonly details?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

/**
 * The one error class of Kuaiban. Thrown only for misuse and bad input;
 * expected outcomes (a refused application, a missed deadline) are states.
 *
 * @example
 * try {
 *   calendar.addWorkingDays('2031-01-01', 5);
 * } catch (error) {
 *   if (isKuaibanError(error) && error.code === 'CALENDAR_OUT_OF_RANGE') {
 *     console.log(error.messageZh);
 *   }
 * }
 */
export class KuaibanError extends Error {
  override readonly name = 'KuaibanError';
  readonly code: KuaibanErrorCode;
  /** The same message in Chinese. */
  readonly messageZh: string;
  /** Every problem found, each with its path, when the input was structured. */
  readonly issues: readonly ValidationIssue[];
  readonly details: Readonly<Record<string, unknown>>;

  constructor(options: KuaibanErrorOptions) {
    super(
      options.message,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.code = options.code;
    this.messageZh = options.messageZh;
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
  }

  toJSON(): {
    code: KuaibanErrorCode;
    message: string;
    messageZh: string;
    issues: readonly ValidationIssue[];
    details: Readonly<Record<string, unknown>>;
  } {
    return {
      code: this.code,
      message: this.message,
      messageZh: this.messageZh,
      issues: this.issues,
      details: this.details,
    };
  }
}

export function isKuaibanError(value: unknown): value is KuaibanError {
  return value instanceof KuaibanError;
}

/** Chinese texts of bilingual messages, for checks whose issues drop `params`. */
const zhByMessage = new Map<string, string>();
const MAX_REMEMBERED = 2_000;

/**
 * A zod check message in both languages. Refinements keep `params` on the
 * issue; built-in checks (`.min`, `.regex`, `.int` …) drop it, so the Chinese
 * text is also remembered by its English one for {@link parseWith}.
 */
export function bilingual(
  message: string,
  zh: string,
): { message: string; params: { zh: string } } {
  if (!zhByMessage.has(message)) {
    if (zhByMessage.size >= MAX_REMEMBERED) {
      zhByMessage.delete(zhByMessage.keys().next().value ?? '');
    }
    zhByMessage.set(message, zh);
  }
  return { message, params: { zh } };
}

/**
 * A string schema that must match `pattern`, failing with a message in both
 * languages (zod keeps `params` on refinements, not on `.regex`).
 */
export function textMatching(
  pattern: RegExp,
  message: string,
  zh: string,
): z.ZodString {
  return z
    .string()
    .refine((text) => pattern.test(text), bilingual(message, zh));
}

const zhCN = z.locales.zhCN();

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key, index) =>
      typeof key === 'number'
        ? `[${key}]`
        : `${index === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');
}

/**
 * Validates `input` against `schema` and returns the parsed value, or throws a
 * `KuaibanError` that lists every problem with its path, in English and
 * Chinese.
 */
export function parseWith<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  failure: {
    code: KuaibanErrorCode;
    what: string;
    whatZh: string;
    /** How to show a path in the message (default `a.b[0]`). */
    showPath?: (path: readonly (string | number)[]) => string;
  },
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const zhResult = schema.safeParse(input, { error: zhCN.localeError });
  const zhIssues = zhResult.success ? [] : zhResult.error.issues;
  const issues: ValidationIssue[] = result.error.issues.map((issue, index) => {
    const params = (issue as { params?: { zh?: unknown } }).params;
    const zh =
      typeof params?.zh === 'string'
        ? params.zh
        : (zhByMessage.get(issue.message) ??
          zhIssues[index]?.message ??
          issue.message);
    return {
      path: issue.path.map((key) =>
        typeof key === 'number' ? key : String(key),
      ),
      message: issue.message,
      messageZh: zh,
    };
  });
  const show = failure.showPath ?? formatPath;
  const lines = issues.map((i) => `${show(i.path)}: ${i.message}`);
  const linesZh = issues.map((i) => `${show(i.path)}：${i.messageZh}`);
  throw new KuaibanError({
    code: failure.code,
    message: `Invalid ${failure.what}: ${lines.join('; ')}`,
    messageZh: `${failure.whatZh}无效：${linesZh.join('；')}`,
    issues,
  });
}
