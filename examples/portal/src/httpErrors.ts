import type { KuaibanErrorCode } from '@kuaiban/calendar';
import { KuaibanError, isKuaibanError } from '@kuaiban/calendar';

/** Why a request was refused before it reached the engine. */
export type RequestProblem =
  | 'malformed-json'
  | 'too-large'
  | 'media-type'
  | 'no-route'
  | 'path-too-long'
  | 'invalid';

/** The one place where error codes become HTTP statuses. */
export function statusOf(error: KuaibanError): number {
  const code: KuaibanErrorCode = error.code;
  switch (code) {
    case 'INVALID_REQUEST':
      switch (error.details.problem as RequestProblem | undefined) {
        case 'too-large':
          return 413;
        case 'media-type':
          return 415;
        case 'no-route':
          return 404;
        case 'path-too-long':
          return 414;
        case 'malformed-json':
        case 'invalid':
        case undefined:
          return 400;
      }
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'CASE_NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'NOT_ALLOWED_IN_STATE':
      return 409;
    case 'INVALID_COMMAND':
    case 'INVALID_ARGUMENT':
    case 'INVALID_DATE':
    case 'INVALID_DEADLINE':
    case 'CALENDAR_OUT_OF_RANGE':
      return 422;
    case 'STORE_UNAVAILABLE':
      return 503;
    case 'INVALID_CALENDAR':
    case 'INVALID_OFFICE_HOURS':
    case 'INVALID_DEFINITION':
    case 'HISTORY_TAMPERED':
    case 'STORE_SCHEMA_UNKNOWN':
    case 'INVALID_SCENARIO':
    case 'INVALID_CASE_LOG':
    case 'INVALID_LINT_CONFIG':
      return 500;
  }
}

/** A refused request, before the engine sees it. */
export function requestError(
  problem: RequestProblem,
  message: string,
  messageZh: string,
  details: Record<string, unknown> = {},
): KuaibanError {
  return new KuaibanError({
    code: 'INVALID_REQUEST',
    message,
    messageZh,
    details: { problem, ...details },
  });
}

interface FrameworkError {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
}

/**
 * Any error thrown while handling a request, as a `KuaibanError` when it is
 * the client's fault; `null` for a fault of the server.
 */
export function asKuaibanError(
  error: unknown,
  bodyLimit: number,
): KuaibanError | null {
  if (isKuaibanError(error)) return error;
  const { code, statusCode } = (error ?? {}) as FrameworkError;
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return requestError(
        'malformed-json',
        'The request body is not valid JSON',
        '请求体不是合法的 JSON',
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return requestError(
        'too-large',
        `The request body is larger than ${bodyLimit} bytes`,
        `请求体超过 ${bodyLimit} 字节`,
        { limit: bodyLimit },
      );
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return requestError(
        'path-too-long',
        'A part of the request path is too long',
        '请求路径中的某一段过长',
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return requestError(
        'media-type',
        'The request body must be application/json',
        '请求体必须为 application/json',
      );
  }
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const message =
      typeof (error as FrameworkError).message === 'string'
        ? String((error as FrameworkError).message)
        : 'Bad request';
    return requestError(
      'invalid',
      `The request is invalid: ${message}`,
      `请求无效：${message}`,
    );
  }
  return null;
}
