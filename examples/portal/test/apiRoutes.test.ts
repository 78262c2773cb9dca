import { describe, expect, it } from 'vitest';
import { signToken } from '../src/portalToken.js';
import {
  portalFixture,
  toleranceStory,
  toleratedFindings,
} from './portalFixture.js';

type Json = Record<string, unknown>;

describe('apiRoutes: the 容缺 story over HTTP', () => {
  it('RQ-COMMIT: submit, check, sign the commitment, supplement, review and decide', async () => {
    const { app, as, at, submit, command } = portalFixture();
    const caseId = await submit();
    expect(caseId).toBe('case-1');
    expect(
      (await command('officer-chen', caseId, { type: 'PRE_REVIEW_PASSED' }))
        .statusCode,
    ).toBe(200);
    await command('officer-chen', caseId, {
      type: 'MATERIALS_CHECKED',
      findings: toleratedFindings,
    });
    const offered = await app.inject({
      url: `/api/cases/${caseId}`,
      headers: await as('bakery'),
    });
    expect(offered.json()).toMatchObject({
      state: 'accepting',
      acceptance: {
        state: 'tolerance.offered',
        outstanding: ['food-safety-rules'],
      },
    });
    const signed = await command('bakery', caseId, {
      type: 'ACCEPT_TOLERANCE',
      commitment: { text: '承诺五个工作日内补齐' },
    });
    expect(signed.json()).toMatchObject({
      state: 'reviewing',
      facts: { dueDates: { supplement: '2025-10-10' } },
    });
    const sheet = (
      await app.inject({
        url: `/api/cases/${caseId}`,
        headers: await as('bakery'),
      })
    ).json<{ acceptance: { toleranceNotice: Json } }>();
    expect(sheet.acceptance.toleranceNotice).toMatchObject({
      supplyBy: '2025-10-10',
      consequence: 'revoke-acceptance',
      commitment: { signedBy: 'bakery', text: '承诺五个工作日内补齐' },
    });
    at('2025-09-30');
    await command('bakery', caseId, {
      type: 'SUPPLEMENT',
      materialIds: ['food-safety-rules'],
    });
    await command('reviewer-li', caseId, {
      type: 'REVIEW_OPINION',
      step: 'site-review',
      opinion: 'approve',
    });
    const decided = await command('head-wang', caseId, { type: 'APPROVE' });
    expect(decided.json()).toMatchObject({ state: 'issuing' });
    const history = await app.inject({
      url: `/api/cases/${caseId}/history`,
      headers: await as('officer-chen'),
    });
    const { entries, check } = history.json<{
      entries: { actor: Json; command: { type: string } }[];
      check: Json;
    }>();
    expect(entries.map((e) => e.command.type)).toEqual(toleranceStory);
    // The actor is the token's subject and role, never the body's.
    expect(entries[3]?.actor).toEqual({ id: 'bakery', role: 'applicant' });
    expect(check).toEqual({ ok: true, entries: 7 });
  });

  it('a repeated commandId acts once', async () => {
    const { app, as, submit, command } = portalFixture();
    const caseId = await submit();
    const click = { type: 'PRE_REVIEW_PASSED', commandId: 'click-1' };
    const first = await command('officer-chen', caseId, click);
    const again = await command('officer-chen', caseId, click);
    expect(again.json()).toEqual(first.json());
    const history = await app.inject({
      url: `/api/cases/${caseId}/history`,
      headers: await as('bakery'),
    });
    expect(history.json<{ entries: unknown[] }>().entries).toHaveLength(2);
  });

  it('a repeated commandId submits once: a second click opens no second case', async () => {
    const { app, as, store } = portalFixture();
    const apply = async (userId: string, body: Record<string, unknown>) =>
      app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: await as(userId),
        payload: { itemId: 'food-business-permit', ...body },
      });
    const first = await apply('bakery', { commandId: 'apply-1' });
    const again = await apply('bakery', { commandId: 'apply-1' });
    expect(first.statusCode).toBe(201);
    expect([again.statusCode, again.json()]).toEqual([201, first.json()]);
    expect(await store.list()).toHaveLength(1);
    // Another applicant's id is theirs alone.
    const other = await apply('noodle-shop', { commandId: 'apply-1' });
    expect(other.json<{ caseId: string }>().caseId).not.toBe(
      first.json<{ caseId: string }>().caseId,
    );
    expect(await store.list()).toHaveLength(2);
  });
});

describe('apiRoutes: who may do what', () => {
  it.each([
    ['no token', {}],
    ['a malformed token', { authorization: 'Bearer abc' }],
    [
      'a token signed with another secret',
      {
        authorization: `Bearer ${signToken({ sub: 'bakery', role: 'applicant', exp: 4_000_000_000 }, 'another-secret-0123456789-abcdefghij')}`,
      },
    ],
  ])('UNAUTHENTICATED with %s, and nothing changes', async (_what, headers) => {
    const { app, submit, snapshotOfStore } = portalFixture();
    const caseId = await submit();
    const before = await snapshotOfStore();
    for (const request of [
      { method: 'GET' as const, url: `/api/cases/${caseId}` },
      { method: 'GET' as const, url: `/api/cases/${caseId}/history` },
      { method: 'GET' as const, url: '/api/queue' },
      {
        method: 'POST' as const,
        url: `/api/cases/${caseId}/commands`,
        payload: { type: 'WITHDRAW' },
      },
      {
        method: 'POST' as const,
        url: '/api/cases',
        payload: { itemId: 'street-vendor-filing' },
      },
    ]) {
      const response = await app.inject({ ...request, headers });
      expect(response.statusCode, request.url).toBe(401);
      expect(response.json()).toMatchObject({
        code: 'UNAUTHENTICATED',
        message: expect.any(String) as string,
        messageZh: expect.any(String) as string,
      });
    }
    expect(await snapshotOfStore()).toBe(before);
  });

  it('UNAUTHENTICATED for a token with a forged role or an expired one', async () => {
    const { app, as, at, bearer, nowSeconds, submit, snapshotOfStore } =
      portalFixture();
    const caseId = await submit();
    const before = await snapshotOfStore();
    const { authorization } = await as('bakery');
    const [body, mac] = String(authorization)
      .slice('Bearer '.length)
      .split('.');
    const payload = JSON.parse(
      Buffer.from(body!, 'base64url').toString(),
    ) as Json;
    const forged = Buffer.from(
      JSON.stringify({ ...payload, role: 'agency-head' }),
    ).toString('base64url');
    const approve = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/commands`,
        headers,
        payload: { type: 'PRE_REVIEW_PASSED' },
      });
    const tampered = await approve({
      authorization: `Bearer ${forged}.${mac}`,
    });
    expect(tampered.statusCode).toBe(401);
    expect(tampered.json()).toMatchObject({ details: { reason: 'signature' } });

    const expiring = bearer({
      sub: 'bakery',
      role: 'applicant',
      exp: nowSeconds() + 60,
    });
    expect(
      (await app.inject({ url: `/api/cases/${caseId}`, headers: expiring }))
        .statusCode,
    ).toBe(200);
    at('2025-09-26T09:01:00.000+08:00');
    const expired = await app.inject({
      url: `/api/cases/${caseId}`,
      headers: expiring,
    });
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'expired' },
    });
    expect(await snapshotOfStore()).toBe(before);
  });

  it('UNAUTHENTICATED for a wrong password, and the same answer for an unknown user', async () => {
    const { app } = portalFixture();
    const logIn = (userId: string) =>
      app.inject({
        method: 'POST',
        url: '/api/login',
        payload: { userId, password: 'guess' },
      });
    const wrong = await logIn('head-wang');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const unknown = await logIn('nobody');
    expect([unknown.statusCode, unknown.body]).toEqual([401, wrong.body]);
  });

  it('FORBIDDEN: an applicant cannot see or act on another applicant’s case', async () => {
    const { app, as, submit, command, snapshotOfStore } = portalFixture();
    const caseId = await submit('bakery');
    await command('officer-chen', caseId, { type: 'PRE_REVIEW_PASSED' });
    await command('officer-chen', caseId, {
      type: 'MATERIALS_CHECKED',
      findings: toleratedFindings,
    });
    const before = await snapshotOfStore();
    const other = await as('noodle-shop');
    for (const url of [
      `/api/cases/${caseId}`,
      `/api/cases/${caseId}/history`,
    ]) {
      const response = await app.inject({ url, headers: other });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
    const signed = await command('noodle-shop', caseId, {
      type: 'ACCEPT_TOLERANCE',
      commitment: { text: '我替他承诺' },
    });
    expect(signed.statusCode).toBe(403);
    expect(signed.json()).toMatchObject({ code: 'FORBIDDEN' });
    const listed = await app.inject({ url: '/api/cases', headers: other });
    expect(listed.json<{ cases: unknown[] }>().cases).toEqual([]);
    expect(await snapshotOfStore()).toBe(before);
  });

  it('FORBIDDEN: an applicant cannot send an officer’s command, an officer cannot apply', async () => {
    const { app, as, submit, command, snapshotOfStore } = portalFixture();
    const caseId = await submit('bakery');
    const before = await snapshotOfStore();
    for (const type of ['PRE_REVIEW_PASSED', 'APPROVE']) {
      const response = await command('bakery', caseId, { type });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringContaining(type) as string,
        messageZh: expect.stringContaining('无权') as string,
      });
    }
    const applied = await app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: await as('officer-chen'),
      payload: { itemId: 'street-vendor-filing' },
    });
    expect(applied.statusCode).toBe(403);
    const queue = await app.inject({
      url: '/api/queue',
      headers: await as('bakery'),
    });
    expect(queue.statusCode).toBe(403);
    expect(await snapshotOfStore()).toBe(before);
  });
});

describe('apiRoutes: bad requests get a clear 4xx and change nothing', () => {
  it.each([
    ['malformed JSON', '{"type": "PRE_REVIEW_PASSED"', 400, 'malformed-json'],
    ['an empty JSON body', '', 400, 'malformed-json'],
    [
      'an unknown field',
      { type: 'PRE_REVIEW_PASSED', urgent: true },
      400,
      null,
    ],
    [
      'an actor in the body',
      {
        type: 'PRE_REVIEW_PASSED',
        actor: { id: 'head-wang', role: 'agency-head' },
      },
      400,
      null,
    ],
    [
      'a date in the body',
      { type: 'PRE_REVIEW_PASSED', at: '2025-01-01' },
      400,
      null,
    ],
    ['an unknown command', { type: 'FLY' }, 400, 'invalid'],
    ['the scheduler’s TICK', { type: 'TICK' }, 400, 'invalid'],
    [
      'a missing field',
      { type: 'PROPOSE_REFUSAL', route: '向区政府申请' },
      400,
      null,
    ],
    [
      'an oversized body',
      { type: 'PROPOSE_REFUSAL', reason: 'x'.repeat(20_000), route: 'r' },
      413,
      'too-large',
    ],
  ])('%s', async (_what, payload, status, problem) => {
    const { app, as, submit, snapshotOfStore } = portalFixture();
    const caseId = await submit();
    const before = await snapshotOfStore();
    const response = await app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/commands`,
      headers: {
        ...(await as('officer-chen')),
        'content-type': 'application/json',
      },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
    expect(response.statusCode).toBe(status);
    const body = response.json<{
      code: string;
      message: string;
      messageZh: string;
      details: Json;
    }>();
    expect(body.code).toBe('INVALID_REQUEST');
    expect(body.message.length).toBeGreaterThan(10);
    expect(body.messageZh).toMatch(/[\u4e00-\u9fff]/);
    if (problem) expect(body.details.problem).toBe(problem);
    expect(await snapshotOfStore()).toBe(before);
  });

  it.each([
    ['an applicant named in the body', { applicant: { id: 'noodle-shop' } }],
    ['a handler named in the body', { handler: { id: 'officer-chen' } }],
    ['an unknown field', { urgent: true }],
    ['an unknown route', { route: 'fast-lane' }],
  ])(
    'an application with %s is INVALID_REQUEST and opens no case',
    async (_what, extra) => {
      const { app, as, snapshotOfStore } = portalFixture();
      const before = await snapshotOfStore();
      const response = await app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: await as('bakery'),
        payload: { itemId: 'food-business-permit', ...extra },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'INVALID_REQUEST' });
      expect(await snapshotOfStore()).toBe(before);
    },
  );

  it('a log-in with an unknown field is INVALID_REQUEST and sets no cookie', async () => {
    const { app } = portalFixture();
    const response = await app.inject({
      method: 'POST',
      url: '/api/login',
      payload: { userId: 'bakery', password: 'demo', role: 'agency-head' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_REQUEST' });
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('says which field is unknown or missing, and where', async () => {
    const { submit, command } = portalFixture();
    const caseId = await submit();
    const response = await command('officer-chen', caseId, {
      type: 'PROPOSE_REFUSAL',
      route: 5,
      urgent: true,
    });
    const body = response.json<{
      issues: { path: string[]; messageZh: string }[];
    }>();
    expect(body.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['reason', 'route', '']),
    );
  });

  it('415 for a body that is not JSON; 404 for an unknown route', async () => {
    const { app, as, submit } = portalFixture();
    const caseId = await submit();
    const text = await app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/commands`,
      headers: { ...(await as('officer-chen')), 'content-type': 'text/plain' },
      payload: 'PRE_REVIEW_PASSED',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ code: 'INVALID_REQUEST' });
    const nowhere = await app.inject({ url: '/api/nowhere' });
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.json()).toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('refuses the bodies a cross-site form can send, even with the log-in cookie, and writes nothing', async () => {
    const { app, submit, snapshotOfStore } = portalFixture();
    const caseId = await submit();
    const login = await app.inject({
      method: 'POST',
      url: '/api/login',
      payload: { userId: 'officer-chen', password: 'demo' },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const before = await snapshotOfStore();
    for (const [contentType, payload] of [
      ['application/x-www-form-urlencoded', 'type=PRE_REVIEW_PASSED'],
      ['multipart/form-data; boundary=x', '--x\r\n\r\n--x--'],
      ['text/plain', '{"type":"PRE_REVIEW_PASSED"}'],
      ['text/plain;charset=UTF-8', '{"type":"PRE_REVIEW_PASSED"}'],
    ] as const) {
      for (const url of [`/api/cases/${caseId}/commands`, '/api/cases']) {
        const response = await app.inject({
          method: 'POST',
          url,
          headers: { cookie, 'content-type': contentType },
          payload,
        });
        expect([contentType, response.statusCode]).toEqual([contentType, 415]);
      }
    }
    // No body at all is no command either.
    const empty = await app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/commands`,
      headers: { cookie },
    });
    expect(empty.statusCode).toBe(400);
    expect(await snapshotOfStore()).toBe(before);
  });

  it('the engine’s refusals keep their codes: CASE_NOT_FOUND 404, NOT_ALLOWED_IN_STATE 409, INVALID_COMMAND 422', async () => {
    const { app, as, submit, command, snapshotOfStore } = portalFixture();
    const caseId = await submit();
    const before = await snapshotOfStore();
    const missing = await command('officer-chen', 'case-99', {
      type: 'PRE_REVIEW_PASSED',
    });
    expect([missing.statusCode, missing.json<Json>().code]).toEqual([
      404,
      'CASE_NOT_FOUND',
    ]);
    const early = await command('head-wang', caseId, { type: 'APPROVE' });
    expect([early.statusCode, early.json<Json>().code]).toEqual([
      409,
      'NOT_ALLOWED_IN_STATE',
    ]);
    const unknownItem = await app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: await as('bakery'),
      payload: { itemId: 'moon-landing-permit' },
    });
    expect([unknownItem.statusCode, unknownItem.json<Json>().code]).toEqual([
      422,
      'INVALID_COMMAND',
    ]);
    expect(await snapshotOfStore()).toBe(before);
  });
});

describe('apiRoutes: work queues', () => {
  it('ALL-42-DECIDE-20D: the queue shows due-soon, warned and overdue cases as the clock moves', async () => {
    const { app, as, at, submit, command } = portalFixture();
    const caseId = await submit();
    await command('officer-chen', caseId, { type: 'PRE_REVIEW_PASSED' });
    await command('officer-chen', caseId, {
      type: 'MATERIALS_CHECKED',
      findings: [
        ...toleratedFindings.slice(0, 2),
        { materialId: 'food-safety-rules', status: 'complete' },
      ],
    });
    const queue = async (status: string) =>
      (
        await app.inject({
          url: `/api/queue?status=${status}`,
          headers: await as('reviewer-li'),
        })
      )
        .json<{ cases: { caseId: string; urgency: Json }[] }>()
        .cases.map((c) => c.caseId);
    const all = (
      await app.inject({ url: '/api/queue', headers: await as('reviewer-li') })
    ).json<{
      cases: { caseId: string; facts: { dueDates: { decision: string } } }[];
    }>().cases;
    expect(all.map((c) => c.caseId)).toEqual([caseId]);
    const due = all[0]!.facts.dueDates.decision;
    expect(await queue('due-soon')).toEqual([]);
    at(due);
    await app.kuaiban.engine.tick();
    expect(await queue('due-soon')).toEqual([caseId]);
    expect(await queue('warning')).toEqual([caseId]);
    expect(await queue('overdue')).toEqual([]);
    at('2025-11-03');
    await app.kuaiban.engine.tick();
    expect(await queue('overdue')).toEqual([caseId]);
    expect(await queue('warning')).toEqual([]);
    // The window officer's queue does not hold a case in review.
    const officer = await app.inject({
      url: '/api/queue',
      headers: await as('officer-chen'),
    });
    expect(officer.json<{ cases: unknown[] }>().cases).toEqual([]);
  });

  it('rejects an unknown queue filter', async () => {
    const { app, as } = portalFixture();
    const response = await app.inject({
      url: '/api/queue?status=someday',
      headers: await as('reviewer-li'),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_REQUEST' });
  });
});
