import { isKuaibanError } from '@kuaiban/calendar';
import { describe, expect, it } from 'vitest';
import { signToken, verifyToken } from '../src/portalToken.js';

const SECRET = 'portal-token-test-secret-0123456789';
const payload = { sub: 'bakery', role: 'applicant' as const, exp: 1_000 };

function reasonOf(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (!isKuaibanError(error)) throw error;
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.messageZh).toMatch(/令牌/);
    return String(error.details.reason);
  }
}

describe('portalToken', () => {
  it('verifies its own tokens until they expire', () => {
    const token = signToken(payload, SECRET);
    expect(verifyToken(token, SECRET, 999)).toEqual(payload);
    expect(reasonOf(() => verifyToken(token, SECRET, 1_000))).toBe('expired');
  });

  it('refuses another secret, a changed payload, a changed signature', () => {
    const token = signToken(payload, SECRET);
    const [body, mac] = token.split('.') as [string, string];
    expect(reasonOf(() => verifyToken(token, `${SECRET}x`, 0))).toBe(
      'signature',
    );
    const promoted = Buffer.from(
      JSON.stringify({ ...payload, role: 'agency-head' }),
    ).toString('base64url');
    expect(reasonOf(() => verifyToken(`${promoted}.${mac}`, SECRET, 0))).toBe(
      'signature',
    );
    expect(
      reasonOf(() => verifyToken(`${body}.${mac.slice(1)}`, SECRET, 0)),
    ).toBe('signature');
  });

  it('refuses malformed tokens and payloads that are not {sub, role, exp}', () => {
    for (const token of ['', 'abc', 'a.b.c']) {
      expect(reasonOf(() => verifyToken(token, SECRET, 0))).toBe('malformed');
    }
  });

  it('refuses a correctly signed payload of the wrong shape', async () => {
    const { createHmac } = await import('node:crypto');
    const sign = (json: string) => {
      const body = Buffer.from(json).toString('base64url');
      const mac = createHmac('sha256', SECRET).update(body).digest('base64url');
      return `${body}.${mac}`;
    };
    for (const json of [
      'not json',
      '{"sub":"x","role":"system","exp":9999}',
      '{"sub":"x","role":"applicant","exp":9999,"admin":true}',
      '{"sub":"","role":"applicant","exp":9999}',
    ]) {
      expect(
        reasonOf(() => verifyToken(sign(json), SECRET, 0)),
        json,
      ).toBe('payload');
    }
  });
});
