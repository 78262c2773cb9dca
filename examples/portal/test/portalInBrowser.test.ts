import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createChinaCalendar } from '@kuaiban/calendar';
import { createMemoryStore } from '@kuaiban/core';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortal } from '../src/createPortal.js';
import { demoItems } from '../src/items.js';
import { SECRET, toleranceStory } from './portalFixture.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = resolve(
  import.meta.dirname,
  '../../../.tmp/portal-screenshots',
);
const available = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';
if (!available && !inCi) {
  console.warn(`Skipping the portal browser test: no Chromium at ${CHROMIUM}.`);
}

describe.skipIf(!available && !inCi)('the portal in a browser', () => {
  let now = '2025-09-26T09:00:00.000+08:00';
  let next = 0;
  const app = createPortal({
    engine: {
      items: demoItems,
      calendar: createChinaCalendar(),
      ids: () => `case-${++next}`,
    },
    store: createMemoryStore(),
    clock: { now: () => now },
    secret: SECRET,
    // The story spans days of the case clock; sessions outlive them.
    tokenTtlSeconds: 30 * 24 * 60 * 60,
  });
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    if (!available)
      throw new Error(`CI=true but there is no Chromium at ${CHROMIUM}`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await app.close();
  });

  /** A fresh browser session, logged in as a demo user through the log-in page. */
  async function logIn(userId: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.selectOption('select[name=userId]', userId);
    await page.fill('input[name=password]', 'demo');
    await Promise.all([
      page.waitForURL((url) => url.pathname !== '/login'),
      page.click('#login button[type=submit]'),
    ]);
    return page;
  }

  /** Sends a command through its form; fails with the page's error message. */
  async function send(page: Page, type: string): Promise<void> {
    const loaded = page.waitForEvent('load');
    await page.click(`form[data-command="${type}"] button[type=submit]`);
    const shown = page
      .locator('#error')
      .waitFor({ state: 'visible' })
      .then(async () => {
        throw new Error(`${type}: ${await page.locator('#error').innerText()}`);
      });
    // Whichever comes second must not surface as an unhandled rejection.
    shown.catch(() => undefined);
    loaded.catch(() => undefined);
    await Promise.race([loaded, shown]);
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({
      path: resolve(SCREENSHOTS, `${name}.png`),
      fullPage: true,
    });

  it('RQ-COND, RQ-COMMIT: an applicant is accepted under 容缺, supplements, and the case is decided', async () => {
    const applicant = await logIn('bakery');
    expect(new URL(applicant.url()).pathname).toBe('/applicant');
    const permit = applicant.locator(
      'section[data-item="food-business-permit"]',
    );
    await expect.poll(() => permit.innerText()).toContain('食品安全管理制度');
    expect(await permit.innerText()).toContain('可容缺');
    await Promise.all([
      applicant.waitForURL(`${base}/cases/case-1`),
      permit.locator('button[type=submit]').click(),
    ]);
    expect(await applicant.locator('#case-state').innerText()).toContain(
      '待预审',
    );
    await shot(applicant, '01-applicant-submitted');

    // The window officer: pre-review, then the check finds the rules missing.
    const officer = await logIn('officer-chen');
    expect(
      await officer.locator('#queue-all tr[data-case="case-1"]').count(),
    ).toBe(1);
    await shot(officer, '02-officer-queue');
    await officer.goto(`${base}/cases/case-1`);
    await send(officer, 'PRE_REVIEW_PASSED');
    await officer.selectOption(
      'tr[data-material="food-safety-rules"] select[name=status]',
      'missing',
    );
    await send(officer, 'MATERIALS_CHECKED');
    expect(
      await officer.locator('#case-summary').getAttribute('data-acceptance'),
    ).toBe('tolerance.offered');

    // The applicant reads the one-time notice and signs the commitment.
    await applicant.reload();
    const notice = applicant.locator('#one-time-notice');
    expect(await notice.innerText()).toMatch(
      /一次性告知[\s\S]*食品安全管理制度[\s\S]*5 个工作日[\s\S]*撤销受理/,
    );
    await shot(applicant, '03-applicant-one-time-notice');
    await applicant.fill(
      'textarea[name="commitment.text"]',
      '<img src=x onerror="document.title=1">承诺于期限内补齐食品安全管理制度',
    );
    await send(applicant, 'ACCEPT_TOLERANCE');
    expect(await applicant.locator('#case-state').innerText()).toContain(
      '容缺受理',
    );
    expect(await applicant.locator('[data-supply-by]').innerText()).toBe(
      '2025-10-10',
    );
    expect(
      await applicant.locator('[data-due="decisionDue"]').innerText(),
    ).toContain('2025-');
    // User content is shown as text, never as markup.
    expect(await applicant.locator('#timeline img').count()).toBe(0);
    expect(await applicant.locator('#timeline').innerText()).toContain(
      '<img src=x',
    );
    await shot(applicant, '04-applicant-accepted-provisionally');

    now = '2025-09-30T10:00:00.000+08:00';
    await send(applicant, 'SUPPLEMENT');
    expect(
      await applicant.locator('#case-summary').getAttribute('data-acceptance'),
    ).toBe('accepted');
    expect(await applicant.locator('#one-time-notice').innerText()).toContain(
      '已补交',
    );

    const reviewer = await logIn('reviewer-li');
    await reviewer.goto(`${base}/cases/case-1`);
    await send(reviewer, 'REVIEW_OPINION');
    const head = await logIn('head-wang');
    await head.goto(`${base}/cases/case-1`);
    await send(head, 'APPROVE');
    expect(
      await head
        .locator('#case-summary [data-decision]')
        .getAttribute('data-decision'),
    ).toBe('approved');

    await applicant.reload();
    expect(await applicant.locator('#case-state').innerText()).toContain(
      '待发证',
    );
    expect(
      await Promise.all(
        (await applicant.locator('#timeline tr[data-command]').all()).map(
          (row) => row.getAttribute('data-command'),
        ),
      ),
    ).toEqual(toleranceStory);
    expect(
      await applicant.locator('[data-verified]').getAttribute('data-verified'),
    ).toBe('true');
    await shot(applicant, '05-applicant-decided-timeline');

    await Promise.all([
      applicant.waitForEvent('load'),
      applicant.click('#lang-toggle'),
    ]);
    expect(await applicant.locator('#timeline h2').innerText()).toBe(
      'Timeline (audit trail)',
    );
    expect(await applicant.locator('#case-state').innerText()).toContain(
      'Approved',
    );
    await shot(applicant, '06-applicant-decided-english');
    expect(await applicant.title()).not.toBe('1');
  }, 60_000);

  it('GZ-NOTICE, GZ-CHOICE, GZ-DECIDE: an applicant chooses 告知承诺 on the form, is told in writing, signs, and is granted on the spot', async () => {
    const applicant = await logIn('noodle-shop');
    const permit = applicant.locator(
      'section[data-item="food-business-permit"]',
    );
    await permit.locator('select[name=route]').selectOption('commitment');
    await Promise.all([
      applicant.waitForURL(/\/cases\//),
      permit.locator('button[type=submit]').click(),
    ]);
    const url = applicant.url();

    const officer = await logIn('officer-chen');
    await officer.goto(url);
    await send(officer, 'PRE_REVIEW_PASSED');
    // A notice missing a part is refused, and the page says so.
    const notice = officer.locator('form[data-command="GIVE_NOTICE"]');
    const parts = await notice.locator('input[type=checkbox]').all();
    expect(parts).toHaveLength(6);
    for (const part of parts.slice(0, -1)) await part.check();
    await notice.locator('button[type=submit]').click();
    await officer.locator('#error').waitFor({ state: 'visible' });
    expect(await officer.locator('#error').getAttribute('data-code')).toBe(
      'NOT_ALLOWED_IN_STATE',
    );
    await parts.at(-1)?.check();
    await send(officer, 'GIVE_NOTICE');

    await applicant.reload();
    expect(await applicant.locator('#commitment-notice').innerText()).toContain(
      '经营场所证明',
    );
    await send(applicant, 'CHOOSE_COMMITMENT');
    await send(applicant, 'SIGN_COMMITMENT');
    await shot(applicant, '07-applicant-commitment-signed');

    await officer.reload();
    await send(officer, 'DECIDE');
    expect(
      await officer.locator('#case-summary').getAttribute('data-state'),
    ).toBe('issuing');
    expect(
      await officer
        .locator('#commitment-notice')
        .getAttribute('data-commitment'),
    ).toBe('granted.verifying');
    await shot(officer, '08-officer-commitment-granted');
  }, 60_000);

  it('shows an officer’s refusal of an applicant’s command in both languages', async () => {
    const page = await logIn('noodle-shop');
    const response = await page.request.post(
      `${base}/api/cases/case-1/commands`,
      {
        data: { type: 'WITHDRAW' },
      },
    );
    expect(response.status()).toBe(403);
    await page.goto(`${base}/cases/case-1`);
    const error = page.getByRole('alert');
    expect(await error.getAttribute('data-code')).toBe('FORBIDDEN');
    expect(await error.innerText()).toContain('无权查看');
  }, 30_000);
});
