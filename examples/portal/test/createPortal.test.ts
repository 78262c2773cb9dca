import { createChinaCalendar, isKuaibanError } from '@kuaiban/calendar';
import { defineItem } from '@kuaiban/core';
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
});
