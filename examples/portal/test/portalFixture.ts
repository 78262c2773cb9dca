import { createChinaCalendar } from '@kuaiban/calendar';
import type { CaseStore } from '@kuaiban/core';
import { createMemoryStore } from '@kuaiban/core';
import { createPortal } from '../src/createPortal.js';
import { demoItems } from '../src/items.js';
import { signToken } from '../src/portalToken.js';

export const SECRET = 'test-secret-0123456789-abcdefghijklmnop';

/** A portal on a memory store with a clock the test moves; ids counted from 1. */
export function portalFixture(options: { bodyLimit?: number } = {}) {
  let now = '2025-09-26T09:00:00.000+08:00';
  let next = 0;
  const store: CaseStore = createMemoryStore();
  const app = createPortal({
    engine: {
      items: demoItems,
      calendar: createChinaCalendar(),
      ids: () => `case-${++next}`,
    },
    store,
    clock: { now: () => now },
    secret: SECRET,
    ...options,
  });
  const at = (moment: string) => {
    now = moment.includes('T') ? moment : `${moment}T10:00:00.000+08:00`;
  };
  const nowSeconds = () => Math.floor(Date.parse(now) / 1000);

  /** Logs a demo user in through the API; the bearer header for them. */
  async function as(userId: string): Promise<Record<string, string>> {
    const response = await app.inject({
      method: 'POST',
      url: '/api/login',
      payload: { userId, password: 'demo' },
    });
    const { token } = response.json<{ token: string }>();
    return { authorization: `Bearer ${token}` };
  }

  /** A token signed with the portal's secret, for any payload. */
  const bearer = (payload: {
    sub: string;
    role: 'applicant';
    exp: number;
  }) => ({
    authorization: `Bearer ${signToken(payload, SECRET)}`,
  });

  async function submit(userId = 'bakery') {
    const response = await app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: await as(userId),
      payload: {
        itemId: 'food-business-permit',
        providedMaterials: ['licence-copy'],
      },
    });
    return response.json<{ caseId: string }>().caseId;
  }

  async function command(
    userId: string,
    caseId: string,
    body: Record<string, unknown>,
  ) {
    return app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/commands`,
      headers: await as(userId),
      payload: body,
    });
  }

  /** Everything the store holds, to show that a refusal wrote nothing. */
  async function snapshotOfStore() {
    const cases = await store.list();
    return JSON.stringify(
      await Promise.all(
        cases.map(async (c) => ({ c, history: await store.history(c.caseId) })),
      ),
    );
  }

  return {
    app,
    store,
    at,
    nowSeconds,
    as,
    bearer,
    submit,
    command,
    snapshotOfStore,
  };
}

/** The 容缺 finding: the food-safety rules missing, everything else complete. */
export const toleratedFindings = [
  { materialId: 'application', status: 'complete' },
  { materialId: 'premises-proof', status: 'complete' },
  { materialId: 'food-safety-rules', status: 'missing' },
];

/** The commands of the 容缺 story, submission to decision, as the trail records them. */
export const toleranceStory = [
  'SUBMIT',
  'PRE_REVIEW_PASSED',
  'MATERIALS_CHECKED',
  'ACCEPT_TOLERANCE',
  'SUPPLEMENT',
  'REVIEW_OPINION',
  'APPROVE',
];
