import { verifyHistory } from '@kuaiban/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { applicantPage } from './applicantPage.js';
import { casePage } from './casePage.js';
import { caseSheet } from './caseSheet.js';
import { loginPage } from './loginPage.js';
import { officerPage } from './officerPage.js';
import type { Caller, Portal } from './portalContext.js';
import { LANG_COOKIE, langOf } from './portalContext.js';
import { portalScript } from './portalScript.js';

/** Pages allow only the portal's own script; no inline script, no framing. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function sendPage(request: FastifyRequest, reply: FastifyReply, page: string) {
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  if (asked === 'en' || asked === 'zh') {
    void reply.header(
      'set-cookie',
      `${LANG_COOKIE}=${asked}; SameSite=Strict; Path=/; Max-Age=31536000`,
    );
  }
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .send(page);
}

/** The caller of a page request, or `null` (the page then sends them to log in). */
function pageCaller(portal: Portal, request: FastifyRequest): Caller | null {
  try {
    return portal.authenticate(request);
  } catch {
    return null;
  }
}

const home = (caller: Caller) =>
  caller.role === 'applicant' ? '/applicant' : '/officer';

/** The server-rendered pages (Chinese, English on `?lang=en`) and their script. */
export function pageRoutes(app: FastifyInstance, portal: Portal): void {
  app.get('/assets/portal.js', async (_request, reply) =>
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('x-content-type-options', 'nosniff')
      .send(portalScript),
  );

  app.get('/login', async (request, reply) =>
    sendPage(request, reply, loginPage(langOf(request), portal.users)),
  );

  app.get('/', async (request, reply) => {
    const caller = pageCaller(portal, request);
    return reply.redirect(caller ? home(caller) : '/login', 303);
  });

  app.get('/applicant', async (request, reply) => {
    const caller = pageCaller(portal, request);
    if (!caller) return reply.redirect('/login', 303);
    if (caller.role !== 'applicant') return reply.redirect(home(caller), 303);
    const page = applicantPage({
      lang: langOf(request),
      user: caller,
      items: portal.items,
      cases: await portal.casesOf(caller),
    });
    return sendPage(request, reply, page);
  });

  app.get('/officer', async (request, reply) => {
    const caller = pageCaller(portal, request);
    if (!caller) return reply.redirect('/login', 303);
    if (caller.role === 'applicant') return reply.redirect(home(caller), 303);
    const page = officerPage({
      lang: langOf(request),
      user: caller,
      items: portal.items,
      entries: await portal.queueOf(caller),
    });
    return sendPage(request, reply, page);
  });

  app.get('/cases/:id', async (request, reply) => {
    const caller = pageCaller(portal, request);
    if (!caller) return reply.redirect('/login', 303);
    const { id } = request.params as { id: string };
    const record = await portal.visibleCase(caller, id);
    const history = await portal.engine.history(record.caseId);
    const page = casePage({
      lang: langOf(request),
      user: caller,
      sheet: caseSheet(record),
      item: portal.items.find((i) => i.id === record.itemId),
      history,
      check: verifyHistory(history),
    });
    return sendPage(request, reply, page);
  });
}
