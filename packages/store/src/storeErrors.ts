import { KuaibanError, isKuaibanError } from '@kuaiban/calendar';

/** The SQLSTATE of a driver error (`pg` and PGlite both set `code`). */
export function sqlState(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** Another writer changed the case first. */
export function conflictError(
  caseId: string,
  expected: number | null,
  found: number | null,
  cause?: unknown,
): KuaibanError {
  return new KuaibanError({
    code: 'CONFLICT',
    message: `Case ${caseId} was changed by another writer (expected version ${String(expected)}, found ${String(found ?? 'none')}); read it again and retry`,
    messageZh: `办件 ${caseId} 已被他人修改（期望版本 ${String(expected)}，实际 ${String(found ?? '无')}）；请重新读取后重试`,
    details: { caseId, expected, found },
    ...(cause === undefined ? {} : { cause }),
  });
}

/** SQLSTATE classes and codes that mean the database cannot be used now. */
const UNAVAILABLE = /^(08|53|57P|58)/;
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
]);

/** Errors of `pg` that carry no code but mean the connection is gone. */
const LOST =
  /^Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable/;

/** The store cannot be reached or opened. */
export function unavailableError(what: string, cause: unknown): KuaibanError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new KuaibanError({
    code: 'STORE_UNAVAILABLE',
    message: `The case store is unavailable (${what}): ${reason}`,
    messageZh: `办件库不可用（${what}）：${reason}`,
    details: { what, sqlState: sqlState(cause) },
    cause,
  });
}

/**
 * Errors from a driver as Kuaiban errors where they have a meaning for the
 * caller: lost connections are `STORE_UNAVAILABLE`; others pass unchanged.
 */
export function storeError(error: unknown, what: string): unknown {
  if (isKuaibanError(error)) return error;
  const code = sqlState(error);
  if (code !== null && (UNAVAILABLE.test(code) || NETWORK.has(code))) {
    return unavailableError(what, error);
  }
  if (code === null && error instanceof Error && LOST.test(error.message)) {
    return unavailableError(what, error);
  }
  return error;
}
