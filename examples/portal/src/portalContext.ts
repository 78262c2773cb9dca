import { createHash, timingSafeEqual } from 'node:crypto';
import type { WorkCalendar } from '@kuaiban/calendar';
import { KuaibanError, dateInChina } from '@kuaiban/calendar';
import type {
  CaseStore,
  Clock,
  Engine,
  ItemDefinition,
  StoredCase,
} from '@kuaiban/core';
import type { FastifyRequest } from 'fastify';
import type { CaseSheet } from './caseSheet.js';
import { caseSheet } from './caseSheet.js';
import type { PortalUser } from './demoUsers.js';
import type { TokenPayload } from './portalToken.js';
import { signToken, verifyToken } from './portalToken.js';
import type { QueueEntry } from './officerPage.js';
import { queueUrgency } from './queueUrgency.js';
import type { Lang } from './texts.js';

export const TOKEN_COOKIE = 'kuaiban_token';
export const LANG_COOKIE = 'kuaiban_lang';

/** Who is asking: the token's subject and role, and their display names. */
export type Caller = PortalUser;

/** What the routes share: the engine, its store and clock, the users and the secret. */
export interface PortalContext {
  readonly engine: Engine;
  readonly store: CaseStore;
  readonly clock: Clock;
  readonly calendar: WorkCalendar;
  readonly items: readonly ItemDefinition[];
  readonly users: readonly PortalUser[];
  readonly secret: string;
  readonly tokenTtlSeconds: number;
  readonly bodyLimit: number;
}

/**
 * A `Set-Cookie` value for the portal: HttpOnly, SameSite=Strict, Path=/,
 * and Secure when the request came over HTTPS.
 */
export function portalCookie(
  request: Pick<FastifyRequest, 'protocol'>,
  name: string,
  value: string,
  maxAgeSeconds: number,
): string {
  return [
    `${name}=${value}`,
    'HttpOnly',
    'SameSite=Strict',
    'Path=/',
    `Max-Age=${maxAgeSeconds}`,
    ...(request.protocol === 'https' ? ['Secure'] : []),
  ].join('; ');
}

/** The cookies of a request, by name. */
export function cookies(request: FastifyRequest): Record<string, string> {
  const jar: Record<string, string> = {};
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    const name = at > 0 ? part.slice(0, at).trim() : '';
    if (!name) continue;
    const value = part.slice(at + 1).trim();
    try {
      jar[name] = decodeURIComponent(value);
    } catch {
      jar[name] = value;
    }
  }
  return jar;
}

/** The page language: `?lang=`, else the cookie, else Chinese. */
export function langOf(request: FastifyRequest): Lang {
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  if (asked === 'en' || asked === 'zh') return asked;
  return cookies(request)[LANG_COOKIE] === 'en' ? 'en' : 'zh';
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** What an unknown user's password is compared with; the log-in fails anyway. */
const NO_PASSWORD = '\u0000no such user';

export function createPortalContext(context: PortalContext) {
  const nowSeconds = () => Math.floor(Date.parse(context.clock.now()) / 1000);
  const today = () => dateInChina(context.clock.now());

  const callerOf = (payload: TokenPayload): Caller =>
    context.users.find(
      (u) => u.id === payload.sub && u.role === payload.role,
    ) ?? {
      id: payload.sub,
      role: payload.role,
      name: payload.sub,
      nameZh: payload.sub,
      password: '',
    };

  return {
    ...context,
    today,

    /** The officer who handles an item's cases (SVC-AB-POST), as the item names them. */
    handlerOf(itemId: string): { id: string; backup?: string | undefined } {
      const handler = context.items.find((i) => i.id === itemId)?.roles
        ?.handler;
      if (!handler) {
        throw new KuaibanError({
          code: 'INVALID_COMMAND',
          message: `No service item "${itemId}" in this portal`,
          messageZh: `本门户没有事项“${itemId}”`,
          details: { itemId },
        });
      }
      return handler;
    },

    /** Logs a demo user in: a signed token valid for `tokenTtlSeconds`. */
    login(userId: string, password: string) {
      const user = context.users.find((u) => u.id === userId);
      // An unknown user costs the same comparison as a wrong password, so
      // the answer's timing does not tell which user ids exist.
      const ok = timingSafeEqual(
        digest(user?.password ?? NO_PASSWORD),
        digest(password),
      );
      if (!user || !ok) {
        throw new KuaibanError({
          code: 'UNAUTHENTICATED',
          message: 'Unknown user or wrong password',
          messageZh: '用户不存在或密码错误',
          details: { reason: 'credentials' },
        });
      }
      const exp = nowSeconds() + context.tokenTtlSeconds;
      const token = signToken(
        { sub: user.id, role: user.role, exp },
        context.secret,
      );
      return { token, exp, user };
    },

    /** The caller of a request, from `Authorization: Bearer` or the cookie. */
    authenticate(request: FastifyRequest): Caller {
      const header = request.headers.authorization;
      const bearer = header?.startsWith('Bearer ')
        ? header.slice('Bearer '.length).trim()
        : undefined;
      const token = bearer ?? cookies(request)[TOKEN_COOKIE];
      if (!token) {
        throw new KuaibanError({
          code: 'UNAUTHENTICATED',
          message:
            'Log in first: no token in the Authorization header or cookie',
          messageZh: '请先登录：请求未携带令牌',
          details: { reason: 'missing' },
        });
      }
      return callerOf(verifyToken(token, context.secret, nowSeconds()));
    },

    /** A stored case the caller may see: applicants only their own. */
    async visibleCase(caller: Caller, caseId: string): Promise<StoredCase> {
      const record = await context.store.load(caseId);
      if (!record) {
        throw new KuaibanError({
          code: 'CASE_NOT_FOUND',
          message: `No case "${caseId}"`,
          messageZh: `没有办件“${caseId}”`,
          details: { caseId },
        });
      }
      if (caller.role === 'applicant' && record.facts.applicant !== caller.id) {
        throw new KuaibanError({
          code: 'FORBIDDEN',
          message: `Applicant ${caller.id} may not see case ${caseId}`,
          messageZh: `申请人 ${caller.id} 无权查看办件 ${caseId}`,
          details: { caseId },
        });
      }
      return record;
    },

    /** The applicant's own cases, newest last. */
    async casesOf(caller: Caller): Promise<CaseSheet[]> {
      const all = await context.store.list();
      return all
        .filter(
          (c) => caller.role !== 'applicant' || c.facts.applicant === caller.id,
        )
        .map(caseSheet);
    },

    /** The caller's work queue: active cases awaiting their role, most pressing first. */
    async queueOf(caller: Caller): Promise<QueueEntry[]> {
      const views = await context.engine.queue(
        caller.role === 'supervisor' ? {} : { role: caller.role },
      );
      const day = today();
      const entries: QueueEntry[] = [];
      for (const view of views) {
        const record = await context.store.load(view.caseId);
        if (!record) continue;
        entries.push({
          sheet: caseSheet(record),
          urgency: queueUrgency(record.facts, day, context.calendar),
        });
      }
      const rank = (e: QueueEntry) =>
        e.urgency.overdue
          ? 0
          : e.urgency.warning
            ? 1
            : e.urgency.dueSoon
              ? 2
              : 3;
      return entries.sort(
        (a, b) =>
          rank(a) - rank(b) ||
          (a.urgency.nextDue ?? '9').localeCompare(b.urgency.nextDue ?? '9'),
      );
    },
  };
}

export type Portal = ReturnType<typeof createPortalContext>;
