import { createChinaCalendar, isKuaibanError } from '@kuaiban/calendar';
import { defineItem } from '@kuaiban/core';
import { createPgliteStore } from '@kuaiban/store';
import { describe, expect, it } from 'vitest';
import { createPortal } from '../src/createPortal.js';
import { demoItems, foodBusinessPermit } from '../src/items.js';

const engine = {
  items: demoItems,
  calendar: createChinaCalendar(),
  ids: () => 'case-1',
};
const clock = { now: () => '2025-09-26T09:00:00.000+08:00' };

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    return isKuaibanError(error)
      ? `${error.code}: ${error.messageZh}`
      : String(error);
  }
}

describe('createPortal', () => {
  it('refuses a short secret and a bad body limit', () => {
    expect(
      codeOf(() => createPortal({ engine, clock, secret: 'short' })),
    ).toMatch(/^INVALID_ARGUMENT: .*令牌密钥至少 32 个字符/);
    expect(
      codeOf(() =>
        createPortal({ engine, clock, secret: 'x'.repeat(32), bodyLimit: 0 }),
      ),
    ).toMatch(/^INVALID_ARGUMENT/);
  });

  it('SVC-AB-POST: refuses an item that names no handler for its cases', () => {
    const { roles: _roles, ...unassigned } = foodBusinessPermit;
    const item = defineItem({ ...unassigned, id: 'unassigned' });
    expect(
      codeOf(() =>
        createPortal({
          engine: { ...engine, items: [item] },
          clock,
          secret: 'x'.repeat(32),
        }),
      ),
    ).toMatch(/^INVALID_ARGUMENT: .*unassigned.*SVC-AB-POST/);
  });

  it('lists the items it offers', async () => {
    const app = createPortal({ engine, clock, secret: 'x'.repeat(32) });
    const response = await app.inject({ url: '/api/items' });
    expect(
      response.json<{ items: { id: string }[] }>().items.map((i) => i.id),
    ).toEqual(['food-business-permit', 'street-vendor-filing']);
  });

  it('runs on the embedded PGlite store, where a refused command writes nothing', async () => {
    const store = await createPgliteStore();
    try {
      const app = createPortal({
        engine,
        clock,
        store,
        secret: 'x'.repeat(32),
      });
      const login = async (userId: string) => {
        const response = await app.inject({
          method: 'POST',
          url: '/api/login',
          payload: { userId, password: 'demo' },
        });
        return {
          authorization: `Bearer ${response.json<{ token: string }>().token}`,
        };
      };
      const submitted = await app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: await login('bakery'),
        payload: { itemId: 'street-vendor-filing' },
      });
      expect(submitted.statusCode).toBe(201);
      const refused = await app.inject({
        method: 'POST',
        url: '/api/cases/case-1/commands',
        headers: await login('bakery'),
        payload: { type: 'PRE_REVIEW_PASSED' },
      });
      expect(refused.statusCode).toBe(403);
      const passed = await app.inject({
        method: 'POST',
        url: '/api/cases/case-1/commands',
        headers: await login('officer-chen'),
        payload: { type: 'PRE_REVIEW_PASSED' },
      });
      expect(passed.json()).toMatchObject({ version: 2, state: 'accepting' });
      expect(await store.history('case-1')).toHaveLength(2);
      await app.close();
    } finally {
      await store.close();
    }
  }, 60_000);
});
