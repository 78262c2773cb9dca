import { verifyHistory } from '@kuaiban/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { applicantPage } from './applicantPage.js';
import { casePage } from './casePage.js';
import { caseSheet } from './caseSheet.js';
import { loginPage } from './loginPage.js';
import { officerPage } from './officerPage.js';
import type { Caller, Portal } from './portalContext.js';
import { LANG_COOKIE, langOf, portalCookie } from './portalContext.js';
import { portalScript } from './portalScript.js';
import type { Lang } from './texts.js';
import { caseIdOf } from './requestSchemas.js';

/** Pages allow only the portal's own script; no inline script, no framing. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** The headers of every HTML answer, pages and error pages alike. */
export function htmlHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff');
}

function sendPage(request: FastifyRequest, reply: FastifyReply, page: string) {
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  if (asked === 'en' || asked === 'zh') {
    void reply.header(
      'set-cookie',
      portalCookie(request, LANG_COOKIE, asked, 365 * 24 * 60 * 60),
    );
  }
  return htmlHeaders(reply).send(page);
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

  /**
   * A page for a logged-in user: visitors are sent to log in; `render`
   * answers `null` for a page that is not the user's, who is sent home.
   */
  const userPage = (
    path: string,
    render: (
      caller: Caller,
      request: FastifyRequest,
      lang: Lang,
    ) => Promise<string | null>,
  ) =>
    app.get(path, async (request, reply) => {
      const caller = pageCaller(portal, request);
      if (!caller) return reply.redirect('/login', 303);
      const page = await render(caller, request, langOf(request));
      return page === null
        ? reply.redirect(home(caller), 303)
        : sendPage(request, reply, page);
    });

  userPage('/applicant', async (caller, _request, lang) =>
    caller.role === 'applicant'
      ? applicantPage({
          lang,
          user: caller,
          items: portal.items,
          cases: await portal.casesOf(caller),
        })
      : null,
  );

  userPage('/officer', async (caller, _request, lang) =>
    caller.role === 'applicant'
      ? null
      : officerPage({
          lang,
          user: caller,
          items: portal.items,
          entries: await portal.queueOf(caller),
        }),
  );

  userPage('/cases/:id', async (caller, request, lang) => {
    const record = await portal.visibleCase(caller, caseIdOf(request));
    const history = await portal.engine.history(record.caseId);
    return casePage({
      lang,
      user: caller,
      sheet: caseSheet(record),
      item: portal.items.find((i) => i.id === record.itemId),
      history,
      check: verifyHistory(history),
    });
  });
}
