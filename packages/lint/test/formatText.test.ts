import { toJsonl } from '@kuaiban/core';
import { describe, expect, it } from 'vitest';
import { foodPermitInput } from '../../core/test/items.js';
import { checkConformance, formatText } from '../src/index.js';
import { foodPermitHistories } from './engineLogs.js';

describe('formatText: a conformance report', () => {
  it('ALL-42-DECIDE-20D: shows the late case with its evidence, then the case and last-minute summary', async () => {
    const food = foodPermitInput();
    const histories = await foodPermitHistories(food, [
      {},
      { reviewOn: '2025-10-20' },
    ]);
    const text = formatText(checkConformance(food, toJsonl(histories)));
    expect(text).toContain(
      '✖ error decision-on-time (ALL-42-DECIDE-20D) food-business-permit case-0002',
    );
    expect(text).toMatch(
      / {4}#\d+ 2025-10-20T10:00:00\.000\+08:00 APPROVE by head-wang/,
    );
    expect(text).toContain(
      '2 case(s), 2 fit the design; 1 error(s), 0 warning(s)',
    );
    expect(text).toContain(
      'last-minute decisions: 50% of 2 in the final 20% of the allowed time',
    );
  });
});
