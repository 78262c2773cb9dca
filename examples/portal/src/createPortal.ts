import { KuaibanError, bilingual, parseWith } from '@kuaiban/calendar';
import type { CaseStore, Clock, Engine, EngineOptions } from '@kuaiban/core';
import { createEngine, createMemoryStore } from '@kuaiban/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Fastify from 'fastify';
import { z } from 'zod';
import { apiRoutes } from './apiRoutes.js';
import type { PortalUser } from './demoUsers.js';
import { PortalUserSchema, demoUsers } from './demoUsers.js';
import { layout, markup } from './html.js';
import { asKuaibanError, requestError, statusOf } from './httpErrors.js';
import { createPortalContext, langOf } from './portalContext.js';
import { htmlHeaders, pageRoutes } from './pageRoutes.js';

export interface PortalOptions {
  /** The engine's items, calendar and case ids; the portal adds the clock and store. */
  readonly engine: Omit<EngineOptions, 'clock' | 'store'>;
  /** Where cases live; default: a new in-memory store. */
  readonly store?: CaseStore;
  /** The only source of time, for the engine and for token expiry. */
  readonly clock: Clock;
  /** The HMAC-SHA256 key of the tokens: at least 32 characters. */
  readonly secret: string;
  /** Who may log in; default: the demo users. */
  readonly users?: readonly PortalUser[];
  /** How long a token is valid; default 8 hours. */
  readonly tokenTtlSeconds?: number;
  /** The largest request body accepted, in bytes; default 16 KiB. */
  readonly bodyLimit?: number;
  /** Fastify's request log; default off. */
  readonly logger?: boolean;
}

const SettingsSchema = z.strictObject({
  secret: z
    .string()
    .min(
      32,
      bilingual(
        'The token secret must have at least 32 characters',
        '令牌密钥至少 32 个字符',
      ),
    ),
  users: z.array(PortalUserSchema).min(1),
  tokenTtlSeconds: z.int().positive(),
  bodyLimit: z
    .int()
    .min(1024)
    .max(10 * 1024 * 1024),
});

/**
 * A government service portal on the Kuaiban engine: the REST API (log-in,
 * applications, commands, history, work queues) behind signed tokens and the
 * pages in Chinese and English. Returns the Fastify instance, not listening.
 *
 * @example
 * const app = createPortal({
 *   engine: { items: demoItems, calendar: createChinaCalendar(), ids },
 *   clock: { now: () => '2025-09-26T09:00:00.000+08:00' },
 *   secret: process.env.PORTAL_SECRET,
 * });
 * await app.listen({ port: 3000 });
 */
export function createPortal(options: PortalOptions): FastifyInstance {
  const settings = parseWith(
    SettingsSchema,
    {
      secret: options.secret,
      users: options.users ?? demoUsers,
      tokenTtlSeconds: options.tokenTtlSeconds ?? 8 * 60 * 60,
      bodyLimit: options.bodyLimit ?? 16 * 1024,
    },
    { code: 'INVALID_ARGUMENT', what: 'portal options', whatZh: '门户选项' },
  );
  const unhandled = options.engine.items.filter((i) => !i.roles?.handler);
  if (unhandled.length > 0) {
    throw new KuaibanError({
      code: 'INVALID_ARGUMENT',
      message: `Invalid portal options: items ${unhandled.map((i) => i.id).join(', ')} name no roles.handler, so the portal cannot assign their cases (SVC-AB-POST)`,
      messageZh: `门户选项无效：事项 ${unhandled.map((i) => i.id).join('、')} 未设置 roles.handler，无法分派经办人（SVC-AB-POST）`,
      details: { items: unhandled.map((i) => i.id) },
    });
  }
  const store = options.store ?? createMemoryStore();
  const engine = createEngine({
    ...options.engine,
    clock: options.clock,
    store,
  });
  const portal = createPortalContext({
    engine,
    store,
    clock: options.clock,
    calendar: options.engine.calendar,
    items: options.engine.items,
    ...settings,
  });
  // Every refusal, from a route or from the framework itself (a path
  // parameter too long, a malformed URL), is a KuaibanError: JSON for the
  // API and for writes, a page in both languages for a page.
  const answerError = (
    error: unknown,
    request: FastifyRequest,
    reply: FastifyReply,
  ) => {
    const known = asKuaibanError(error, settings.bodyLimit);
    if (!known) request.log.error(error);
    const status = known ? statusOf(known) : 500;
    const body = known?.toJSON() ?? {
      message: 'Internal server error',
      messageZh: '服务器内部错误',
    };
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply.status(status).send(body);
    }
    return htmlHeaders(reply.status(status)).send(
      layout(
        langOf(request),
        String(status),
        null,
        markup`<section>
          <div class="error" role="alert" data-code="${known?.code ?? ''}">
            ${body.messageZh} ${body.message}
          </div>
          <p><a href="/">←</a></p>
        </section>`,
      ),
    );
  };
  const app = Fastify({
    bodyLimit: settings.bodyLimit,
    logger: options.logger ?? false,
    frameworkErrors: (error, request, reply) => {
      void answerError(error, request, reply);
    },
  });

  // The API speaks JSON only: any other body is refused with 415.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(answerError);
  app.setNotFoundHandler((request) => {
    throw requestError(
      'no-route',
      `No route ${request.method} ${request.url.split('?')[0] ?? ''}`,
      `没有此路径：${request.method} ${request.url.split('?')[0] ?? ''}`,
    );
  });

  apiRoutes(app, portal);
  pageRoutes(app, portal);
  app.decorate('kuaiban', { engine, store });
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The portal's engine and store, for the process that runs it. */
    readonly kuaiban: {
      readonly engine: Engine;
      readonly store: CaseStore;
    };
  }
}
