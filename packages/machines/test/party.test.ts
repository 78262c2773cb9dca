import { describe, expect, it } from 'vitest';
import type { TickEvent } from '../src/party.js';
import { byRole, eventGate, TickEventSchema } from '../src/party.js';

describe('party: who may send an event', () => {
  it('byRole lets only the listed roles through', () => {
    const officers = byRole(['window-officer', 'reviewer']);
    expect(officers({ event: { actor: { id: 'a', role: 'reviewer' } } })).toBe(
      true,
    );
    expect(officers({ event: { actor: { id: 'b', role: 'applicant' } } })).toBe(
      false,
    );
    expect(officers({ event: {} })).toBe(false);
  });

  it('eventGate asks the shape and the role, each event once', () => {
    const gate = eventGate<TickEvent>(TickEventSchema, { TICK: ['system'] });
    const tick: TickEvent = {
      type: 'TICK',
      at: '2025-09-26',
      actor: { id: 'scheduler', role: 'system' },
    };
    expect(gate(tick)).toBe(true);
    expect(gate({ ...tick, actor: { id: 'x', role: 'applicant' } })).toBe(
      false,
    );
    expect(gate({ ...tick, at: '2025-02-30' })).toBe(false);
  });
});
