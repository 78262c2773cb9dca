import { describe, expect, it } from 'vitest';
import { portalFixture, toleratedFindings } from './portalFixture.js';

/** A fixture whose users carry the log-in cookie, as a browser would. */
function pages() {
  const fixture = portalFixture();
  async function cookieOf(userId: string): Promise<string> {
    const response = await fixture.app.inject({
      method: 'POST',
      url: '/api/login',
      payload: { userId, password: 'demo' },
    });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
    return cookie.split(';')[0]!;
  }
  const page = async (userId: string | null, url: string, extra = '') =>
    fixture.app.inject({
      url,
      headers: {
        cookie: [userId ? await cookieOf(userId) : '', extra]
          .filter(Boolean)
          .join('; '),
      },
    });
  return { ...fixture, page };
}

describe('pageRoutes', () => {
  it('sends visitors to log in, and users to their own home', async () => {
    const { page } = pages();
    expect((await page(null, '/')).headers.location).toBe('/login');
    expect((await page(null, '/officer')).headers.location).toBe('/login');
    expect((await page('bakery', '/')).headers.location).toBe('/applicant');
    expect((await page('reviewer-li', '/')).headers.location).toBe('/officer');
    expect((await page('bakery', '/officer')).headers.location).toBe(
      '/applicant',
    );
    const login = await page(null, '/login');
    expect(login.body).toContain('金麦烘焙坊');
    expect(login.headers['content-security-policy']).toContain(
      "script-src 'self'",
    );
  });

  it('RQ-COND, RQ-COMMIT: the applicant sees the items’ materials and the one-time notice on the case', async () => {
    const { page, submit, command } = pages();
    const home = await page('bakery', '/applicant');
    expect(home.body).toMatch(/食品安全管理制度[\s\S]*可容缺/);
    expect(home.body).toContain('暂无');
    const caseId = await submit();
    await command('officer-chen', caseId, { type: 'PRE_REVIEW_PASSED' });
    await command('officer-chen', caseId, {
      type: 'MATERIALS_CHECKED',
      findings: toleratedFindings,
    });
    const listed = await page('bakery', '/applicant');
    expect(listed.body).toMatch(/case-1[\s\S]*签署承诺，容缺受理/);
    const sheet = await page('bakery', `/cases/${caseId}`);
    expect(sheet.body).toMatch(
      /一次性告知[\s\S]*食品安全管理制度[\s\S]*5\s+个工作日[\s\S]*撤销受理[\s\S]*某市容缺受理办法 art. 8/,
    );
    expect(sheet.body).toContain('data-command="ACCEPT_TOLERANCE"');
    // The officer's page of the same case offers no applicant's form.
    const officer = await page('officer-chen', `/cases/${caseId}`);
    expect(officer.body).not.toContain('data-command="ACCEPT_TOLERANCE"');
  });

  it('GZ-NOTICE, GZ-CHOICE, GZ-DECIDE: the 告知承诺 route, from the choice on the form to the decision', async () => {
    const { page, app, as, command, snapshotOfStore } = pages();
    const home = await page('bakery', '/applicant');
    expect(home.body).toMatch(
      /<select name="route">[\s\S]*value="standard"[\s\S]*value="commitment"[\s\S]*告知承诺/,
    );
    const submitted = await app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: await as('bakery'),
      payload: {
        itemId: 'food-business-permit',
        route: 'commitment',
        providedMaterials: ['licence-copy'],
      },
    });
    const { caseId } = submitted.json<{ caseId: string }>();
    await command('officer-chen', caseId, { type: 'PRE_REVIEW_PASSED' });
    // The officer ticks each part of the written notice.
    const noticing = await page('officer-chen', `/cases/${caseId}`);
    expect(noticing.body).toContain('data-command="GIVE_NOTICE"');
    expect(
      noticing.body.match(/name="contents\.\w+"\s+data-boolean/g),
    ).toHaveLength(6);
    expect(noticing.body).toContain('待书面告知');
    const before = await snapshotOfStore();
    const partial = {
      item: true,
      conditions: true,
      replacedProofs: true,
      howToCommit: true,
      rightToVerify: true,
      consequences: false,
    };
    const incomplete = await command('officer-chen', caseId, {
      type: 'GIVE_NOTICE',
      contents: partial,
    });
    expect(incomplete.statusCode).toBe(409);
    expect(await snapshotOfStore()).toBe(before);
    await command('officer-chen', caseId, {
      type: 'GIVE_NOTICE',
      contents: { ...partial, consequences: true },
    });
    // The applicant chooses freely, then signs.
    expect((await page('bakery', '/applicant')).body).toContain('选择告知承诺');
    const choosing = await page('bakery', `/cases/${caseId}`);
    expect(choosing.body).toContain('data-command="CHOOSE_COMMITMENT"');
    expect(choosing.body).toContain('data-command="DECLINE_COMMITMENT"');
    expect(choosing.body).toMatch(/告知承诺书[\s\S]*以承诺替代：经营场所证明/);
    await command('bakery', caseId, { type: 'CHOOSE_COMMITMENT' });
    const signing = await page('bakery', `/cases/${caseId}`);
    expect(signing.body).toMatch(
      /data-command="SIGN_COMMITMENT"[\s\S]*<textarea name="text">/,
    );
    await command('bakery', caseId, {
      type: 'SIGN_COMMITMENT',
      text: '本人承诺符合许可条件',
    });
    const deciding = await page('officer-chen', `/cases/${caseId}`);
    expect(deciding.body).toMatch(
      /data-command="DECIDE"[\s\S]*data-extra="\{&quot;type&quot;:&quot;DECIDE&quot;,&quot;approve&quot;:true\}"/,
    );
    await command('officer-chen', caseId, { type: 'DECIDE', approve: true });
    const decided = await page('bakery', `/cases/${caseId}?lang=en`);
    expect(decided.body).toContain('data-state="issuing"');
    expect(decided.body).toContain('data-commitment="granted.verifying"');
    expect(decided.body).toMatch(
      /Commitment: 本人承诺符合许可条件 \(2025-09-26\)[\s\S]*Verification by: 2025-12-25/,
    );
    expect(decided.body).toMatch(
      /Commitment signed[\s\S]*本人承诺符合许可条件[\s\S]*Decided on the commitment[\s\S]*Approve/,
    );
  });

  it('SVC-ONE-NOTICE: a primary material missing leads to one correction notice the applicant answers', async () => {
    const { page, submit, command } = pages();
    const caseId = await submit();
    await command('officer-chen', caseId, { type: 'PRE_REVIEW_PASSED' });
    await command('officer-chen', caseId, {
      type: 'MATERIALS_CHECKED',
      findings: [
        { materialId: 'application', status: 'complete' },
        {
          materialId: 'premises-proof',
          status: 'defective',
          note: '租赁合同已过期',
        },
        { materialId: 'food-safety-rules', status: 'complete' },
      ],
    });
    const pending = await page('officer-chen', `/cases/${caseId}`);
    expect(pending.body).toContain('data-command="ISSUE_NOTICE"');
    expect(pending.body).toContain('value="租赁合同已过期"');
    const notice = await command('officer-chen', caseId, {
      type: 'ISSUE_NOTICE',
      items: [{ materialId: 'premises-proof', problem: '租赁合同已过期' }],
    });
    expect(notice.statusCode).toBe(200);
    const applicant = await page('bakery', `/cases/${caseId}`);
    expect(applicant.body).toMatch(
      /补正告知[\s\S]*经营场所证明：租赁合同已过期/,
    );
    expect(applicant.body).toContain('data-command="MATERIALS_SUPPLIED"');
    const home = await page('bakery', '/applicant');
    expect(home.body).toContain('提交补正材料');
  });

  it('escapes what users wrote', async () => {
    const { page, submit, command } = pages();
    const caseId = await submit();
    await command('officer-chen', caseId, {
      type: 'PROPOSE_REFUSAL',
      reason: '<script>alert(1)</script>',
      route: '"><img src=x onerror=alert(1)>',
    });
    const body = (await page('supervisor-zhao', `/cases/${caseId}`)).body;
    expect(body).not.toContain('<script>alert');
    expect(body).not.toContain('<img src=x');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('another applicant’s case is FORBIDDEN, shown in both languages', async () => {
    const { page, submit } = pages();
    const caseId = await submit('bakery');
    const response = await page('noodle-shop', `/cases/${caseId}`);
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('data-code="FORBIDDEN"');
    expect(response.body).toMatch(/无权查看[\s\S]*may not see/);
    expect(response.headers['content-security-policy']).toContain(
      "script-src 'self'",
    );
  });

  it('an error page escapes the path it names and carries the page headers', async () => {
    const { page } = pages();
    const response = await page(
      null,
      '/nowhere/%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    );
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('data-code="INVALID_REQUEST"');
    expect(response.body).not.toContain('<script>alert');
    expect(response.headers['content-security-policy']).toContain(
      "frame-ancestors 'none'",
    );
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('a case path too long to be an id is refused in both languages, on a page and in the API', async () => {
    const { page, app, as } = pages();
    const response = await page('officer-chen', `/cases/${'x'.repeat(201)}`);
    expect(response.statusCode).toBe(414);
    expect(response.body).toContain('data-code="INVALID_REQUEST"');
    expect(response.body).toMatch(/过长[\s\S]*too long/);
    const api = await app.inject({
      url: `/api/cases/${'x'.repeat(201)}`,
      headers: await as('officer-chen'),
    });
    expect(api.statusCode).toBe(414);
    expect(api.json()).toMatchObject({
      code: 'INVALID_REQUEST',
      details: { problem: 'path-too-long' },
    });
  });

  it('switches to English on ?lang=en and remembers it', async () => {
    const { page } = pages();
    const english = await page('bakery', '/applicant?lang=en');
    expect(english.body).toContain('Food business permit');
    expect(english.body).toContain('<html lang="en">');
    expect(String(english.headers['set-cookie'])).toContain('kuaiban_lang=en');
    const again = await page('bakery', '/applicant', 'kuaiban_lang=en');
    expect(again.body).toContain('My cases');
    const chinese = await page(
      'bakery',
      '/applicant?lang=zh',
      'kuaiban_lang=en',
    );
    expect(chinese.body).toContain('我的办件');
  });

  it('ALL-42-DECIDE-20D: the officer’s queue marks overdue cases', async () => {
    const { app, at, page, submit, command } = pages();
    const caseId = await submit();
    await command('officer-chen', caseId, { type: 'PRE_REVIEW_PASSED' });
    await command('officer-chen', caseId, {
      type: 'MATERIALS_CHECKED',
      findings: toleratedFindings.map((f) => ({ ...f, status: 'complete' })),
    });
    const fresh = await page('reviewer-li', '/officer');
    expect(fresh.body).toMatch(
      /id="queue-overdue"[\s\S]*暂无[\s\S]*id="queue-all"[\s\S]*case-1/,
    );
    at('2025-11-03');
    await app.kuaiban.engine.tick();
    const late = await page('reviewer-li', '/officer');
    expect(late.body).toMatch(
      /id="queue-overdue"[\s\S]*case-1[\s\S]*class="tag overdue"/,
    );
  });

  it('serves its one script', async () => {
    const { app } = pages();
    const script = await app.inject({ url: '/assets/portal.js' });
    expect(script.headers['content-type']).toContain('text/javascript');
    expect(script.body).toContain("'content-type': 'application/json'");
  });
});
