import { createHmac, timingSafeEqual } from 'node:crypto';
import { KuaibanError } from '@kuaiban/calendar';
import { ROLES } from '@kuaiban/machines';
import { z } from 'zod';

/** What a portal token says: who (`sub`), in which role, until when (`exp`, epoch seconds). */
export const TokenPayloadSchema = z.strictObject({
  sub: z.string().min(1),
  role: z.enum(ROLES).exclude(['system']),
  exp: z.number().int().positive(),
});
export type TokenPayload = z.infer<typeof TokenPayloadSchema>;

const base64url = (data: Buffer | string) =>
  Buffer.from(data).toString('base64url');

const signature = (body: string, secret: string) =>
  createHmac('sha256', secret).update(body).digest();

/**
 * Signs a demo portal token: `base64url(JSON payload).base64url(HMAC-SHA256)`.
 *
 * @example
 * const token = signToken({ sub: 'bakery', role: 'applicant', exp: 1767225600 }, secret);
 */
export function signToken(payload: TokenPayload, secret: string): string {
  const body = base64url(JSON.stringify(TokenPayloadSchema.parse(payload)));
  return `${body}.${base64url(signature(body, secret))}`;
}

const unauthenticated = (reason: string, message: string, messageZh: string) =>
  new KuaibanError({
    code: 'UNAUTHENTICATED',
    message,
    messageZh,
    details: { reason },
  });

/**
 * Checks a token's signature (in constant time), shape and expiry against
 * `nowSeconds`; throws `UNAUTHENTICATED` otherwise.
 */
export function verifyToken(
  token: string,
  secret: string,
  nowSeconds: number,
): TokenPayload {
  const [body, mac, ...rest] = token.split('.');
  if (!body || !mac || rest.length > 0) {
    throw unauthenticated(
      'malformed',
      'The token is malformed: expected <payload>.<signature>',
      '令牌格式错误：应为“载荷.签名”',
    );
  }
  const expected = signature(body, secret);
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw unauthenticated(
      'signature',
      'The token signature does not verify',
      '令牌签名校验失败',
    );
  }
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    payload = null;
  }
  const parsed = TokenPayloadSchema.safeParse(payload);
  if (!parsed.success) {
    throw unauthenticated(
      'payload',
      'The token payload is not {sub, role, exp}',
      '令牌载荷应为 {sub, role, exp}',
    );
  }
  if (parsed.data.exp <= nowSeconds) {
    throw unauthenticated(
      'expired',
      'The token has expired: log in again',
      '令牌已过期，请重新登录',
    );
  }
  return parsed.data;
}
