import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { cookies, portalCookie } from '../src/portalContext.js';

describe('portalContext', () => {
  it('sets cookies HttpOnly and SameSite=Strict, and Secure over HTTPS', () => {
    expect(portalCookie({ protocol: 'http' }, 'kuaiban_token', 'abc', 60)).toBe(
      'kuaiban_token=abc; HttpOnly; SameSite=Strict; Path=/; Max-Age=60',
    );
    expect(
      portalCookie({ protocol: 'https' }, 'kuaiban_token', 'abc', 60),
    ).toMatch(/; Secure$/);
  });

  it('reads the cookies of a request, keeping a value it cannot decode', () => {
    const request = {
      headers: { cookie: 'a=1; kuaiban_lang=en; bad=%E0%A4%A; =x' },
    } as unknown as FastifyRequest;
    expect(cookies(request)).toEqual({
      a: '1',
      kuaiban_lang: 'en',
      bad: '%E0%A4%A',
    });
  });
});
