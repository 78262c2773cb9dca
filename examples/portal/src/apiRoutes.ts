import { KuaibanError } from '@kuaiban/calendar';
import { verifyHistory } from '@kuaiban/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { caseSheet } from './caseSheet.js';
import type { Portal } from './portalContext.js';
import { TOKEN_COOKIE, portalCookie } from './portalContext.js';
import {
  LoginRequestSchema,
  SubmitRequestSchema,
  caseIdOf,
  parseCommandRequest,
  parseRequest,
} from './requestSchemas.js';

const QueueQuerySchema = z.strictObject({
  status: z.enum(['overdue', 'warning', 'due-soon']).optional(),
});

const forbidden = (message: string, messageZh: string) =>
  new KuaibanError({ code: 'FORBIDDEN', message, messageZh });

/** The REST API: log-in, applications, commands, history and work queues. */
export function apiRoutes(app: FastifyInstance, portal: Portal): void {
  app.post('/api/login', async (request, reply) => {
    const { userId, password } = parseRequest(
      LoginRequestSchema,
      request.body,
      'log-in request',
      '登录请求',
    );
    const { token, exp, user } = portal.login(userId, password);
    void reply.header(
      'set-cookie',
      portalCookie(request, TOKEN_COOKIE, token, portal.tokenTtlSeconds),
    );
    return {
      token,
      expiresAt: exp,
      user: {
        id: user.id,
        role: user.role,
        name: user.name,
        nameZh: user.nameZh,
      },
    };
  });

  app.post('/api/logout', async (request, reply) => {
    void reply.header('set-cookie', portalCookie(request, TOKEN_COOKIE, '', 0));
    return { ok: true };
  });

  app.get('/api/items', (_request, reply) =>
    reply.send({ items: portal.items }),
  );

  app.post('/api/cases', async (request, reply) => {
    const caller = portal.authenticate(request);
    const body = parseRequest(
      SubmitRequestSchema,
      request.body,
      'application',
      '申请',
    );
    if (caller.role !== 'applicant') {
      throw forbidden(
        `Only an applicant may submit an application, not a ${caller.role}`,
        `只有申请人可以提交申请，${caller.role} 不可以`,
      );
    }
    // A repeated click (the same commandId) gets the case it opened.
    const view = await portal.engine.submit({
      ...body,
      providedMaterials: [...body.providedMaterials],
      applicant: { id: caller.id },
      handler: portal.handlerOf(body.itemId),
    });
    return reply.status(201).send(view);
  });

  app.get('/api/cases', async (request) => {
    const caller = portal.authenticate(request);
    return { cases: await portal.casesOf(caller) };
  });

  app.get('/api/cases/:id', async (request) => {
    const caller = portal.authenticate(request);
    return caseSheet(await portal.visibleCase(caller, caseIdOf(request)));
  });

  app.get('/api/cases/:id/history', async (request) => {
    const caller = portal.authenticate(request);
    const caseId = caseIdOf(request);
    await portal.visibleCase(caller, caseId);
    const entries = await portal.engine.history(caseId);
    return { entries, check: verifyHistory(entries) };
  });

  app.post('/api/cases/:id/commands', async (request) => {
    const caller = portal.authenticate(request);
    const caseId = caseIdOf(request);
    const command = parseCommandRequest(request.body);
    return portal.engine.dispatch(caseId, {
      ...command,
      actor: { id: caller.id, role: caller.role },
    });
  });

  app.get('/api/queue', async (request) => {
    const caller = portal.authenticate(request);
    const { status } = parseRequest(
      QueueQuerySchema,
      request.query,
      'queue query',
      '待办查询',
    );
    if (caller.role === 'applicant') {
      throw forbidden(
        'Work queues are for officers; applicants see GET /api/cases',
        '待办件仅供工作人员查看；申请人请使用 GET /api/cases',
      );
    }
    const entries = await portal.queueOf(caller);
    const wanted = entries.filter(
      ({ urgency }) =>
        !status ||
        (status === 'overdue'
          ? urgency.overdue
          : status === 'warning'
            ? urgency.warning
            : urgency.dueSoon),
    );
    return {
      cases: wanted.map(({ sheet, urgency }) => ({ ...sheet, urgency })),
    };
  });
}
