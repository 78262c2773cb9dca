import type { KuaibanErrorCode } from '@kuaiban/calendar';
import { KuaibanError } from '@kuaiban/calendar';
import { describe, expect, it } from 'vitest';
import { asKuaibanError, requestError, statusOf } from '../src/httpErrors.js';

const error = (code: KuaibanErrorCode, details = {}) =>
  new KuaibanError({ code, message: 'm', messageZh: '中', details });

describe('httpErrors', () => {
  it.each([
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['CASE_NOT_FOUND', 404],
    ['CONFLICT', 409],
    ['NOT_ALLOWED_IN_STATE', 409],
    ['INVALID_COMMAND', 422],
    ['INVALID_ARGUMENT', 422],
    ['INVALID_REQUEST', 400],
    ['STORE_UNAVAILABLE', 503],
    ['HISTORY_TAMPERED', 500],
  ] as const)('%s → %i', (code, status) => {
    expect(statusOf(error(code))).toBe(status);
  });

  it('gives a refused request the status of its problem', () => {
    expect(statusOf(requestError('too-large', 'm', '中'))).toBe(413);
    expect(statusOf(requestError('path-too-long', 'm', '中'))).toBe(414);
    expect(statusOf(requestError('media-type', 'm', '中'))).toBe(415);
    expect(statusOf(requestError('no-route', 'm', '中'))).toBe(404);
    expect(statusOf(requestError('malformed-json', 'm', '中'))).toBe(400);
  });

  it('turns framework errors into INVALID_REQUEST, and keeps server faults apart', () => {
    expect(
      asKuaibanError(
        { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 },
        64,
      )?.toJSON(),
    ).toMatchObject({
      code: 'INVALID_REQUEST',
      message: expect.stringContaining('64 bytes') as string,
      details: { problem: 'too-large', limit: 64 },
    });
    expect(
      asKuaibanError(
        { code: 'FST_ERR_OTHER', statusCode: 400, message: 'x' },
        64,
      )?.code,
    ).toBe('INVALID_REQUEST');
    expect(asKuaibanError(new Error('database down'), 64)).toBeNull();
    const own = error('CONFLICT');
    expect(asKuaibanError(own, 64)).toBe(own);
  });
});
