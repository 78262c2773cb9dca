import { defineChain, verifyHistory } from '@kuaiban/core';
import { createPgliteStore } from '@kuaiban/store';
import { describe, expect, it } from 'vitest';
import { formatTimeline } from '../src/formatTimeline.js';
import {
  businessRegistration,
  companySealFiling,
} from '../src/items/startingBusiness.js';
import {
  simplifiedDeregistration,
  simplifiedDeregistrationNotice,
} from '../src/items/exit.js';
import { ENTERPRISE_PLAN } from '../src/enterprisePlan.js';
import { LINKS } from '../src/links.js';
import { runTimeline } from '../src/timeline.js';
import { calendar, codeOf } from './harness.js';

const chain = defineChain({
  id: 'open-and-close',
  name: 'Open and close',
  nameZh: '开办与简易注销',
  items: [
    { item: businessRegistration },
    { item: companySealFiling, after: ['business-registration'] },
    { item: simplifiedDeregistrationNotice, after: ['company-seal-filing'] },
    {
      item: simplifiedDeregistration,
      after: ['simplified-deregistration-notice'],
    },
  ],
  provides: [
    {
      from: 'business-registration',
      result: 'business-licence',
      to: 'company-seal-filing',
      material: 'business-licence',
    },
  ],
});

const run = (startOn: string) =>
  runTimeline({
    chain,
    links: LINKS,
    plan: ENTERPRISE_PLAN,
    calendar,
    startOn,
    applicantId: 'lvyuan-packaging',
  });

describe('runTimeline and formatTimeline', () => {
  it('TIME-NEXT-DAY: a chain started on a holiday begins on the next working day; the notice runs 20 calendar days from the day after publication', async () => {
    // 2025-10-01 is National Day: the first working day after it is 10-09.
    const timeline = await run('2025-10-01');
    expect(timeline.cases.map((c) => [c.item.id, c.submittedOn])).toEqual([
      ['business-registration', '2025-10-09'],
      ['company-seal-filing', '2025-10-09'],
      ['simplified-deregistration-notice', '2025-10-10'],
      ['simplified-deregistration', '2025-10-31'],
    ]);
    expect(timeline.waits).toMatchObject([
      {
        itemId: 'simplified-deregistration',
        from: '2025-10-10',
        until: '2025-10-30',
      },
    ]);
    // The exit link counts its notice: 15 working days in (10-10, 10-30],
    // 10-11 a make-up Saturday; the deregistration is done the same day.
    expect(timeline.links.map((l) => [l.link.id, l.workingDays])).toEqual([
      ['starting-a-business', 0],
      ['resolving-insolvency', 15],
    ]);
  });

  it('prints each case with its dates and the rule behind each due date', async () => {
    const lines = formatTimeline(await run('2025-10-01'));
    expect(lines).toContain(
      '2025-10-09 → 2025-10-09  企业设立登记 [县市场监督管理局] same day, 告知承诺, within the 1-day promise',
    );
    expect(lines).toContain(
      '    materials: 4 brought, 1 replaced by a commitment, 0 provided by earlier results, 1 read by data sharing',
    );
    expect(
      lines.some((line) =>
        line.includes('GZ-VERIFY: 60 working days after the decision'),
      ),
    ).toBe(true);
    expect(
      lines.some((line) =>
        line.startsWith('  … 2025-10-10 → 2025-10-30  简易注销公示期'),
      ),
    ).toBe(true);
    expect(lines.at(-1)).toBe('Whole chain: 2025-10-01 → 2025-10-31, 4 cases.');
  });

  it('runs on the embedded PGlite store, every audit trail verifying', async () => {
    const store = await createPgliteStore();
    try {
      const timeline = await runTimeline({
        chain,
        links: LINKS,
        plan: ENTERPRISE_PLAN,
        calendar,
        startOn: '2025-10-01',
        applicantId: 'lvyuan-packaging',
        store,
      });
      for (const record of timeline.cases) {
        const history = await store.history(record.caseId);
        expect(verifyHistory(history)).toEqual({
          ok: true,
          entries: history.length,
        });
        expect(history.at(-1)?.state).toBe('archived');
      }
    } finally {
      await store.close();
    }
    // Opening PGlite (PostgreSQL in WebAssembly) takes seconds.
  }, 60_000);

  it('refuses a chain item without a case plan, saying which', async () => {
    expect(
      await codeOf(
        runTimeline({
          chain,
          links: LINKS,
          plan: {},
          calendar,
          startOn: '2025-10-09',
          applicantId: 'lvyuan-packaging',
        }),
      ),
    ).toBe('INVALID_ARGUMENT');
  });
});
