import { createChinaCalendar } from '@kuaiban/calendar';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createDeadlineClockMachine } from '../src/deadlineClock.js';
import type { TickEvent } from '../src/party.js';
import { byRole, eventGate, TickEventSchema } from '../src/party.js';
import { checkedEvent } from '../src/trustedInput.js';

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

  it('eventGate takes the copy a parent checked and passed on, still asking the role', () => {
    const gate = eventGate<TickEvent>(TickEventSchema, { TICK: ['system'] });
    const tick: TickEvent = {
      type: 'TICK',
      at: '2025-09-26',
      actor: { id: 'scheduler', role: 'system' },
    };
    const passedOn = checkedEvent(tick);
    expect(passedOn).toEqual(tick);
    expect(passedOn).not.toBe(tick);
    expect(gate(passedOn)).toBe(true);
    expect(
      gate(checkedEvent({ ...tick, actor: { id: 'x', role: 'applicant' } })),
    ).toBe(false);
    // Only the copy is marked: the object it was made from is parsed.
    const malformed = { ...tick, at: '2025-02-30' };
    checkedEvent(malformed);
    expect(gate(malformed)).toBe(false);
  });

  it('a standalone child machine still checks every event sent to it', () => {
    const clock = createActor(
      createDeadlineClockMachine({ calendar: createChinaCalendar() }),
      {
        input: {
          statutory: {
            start: '2025-09-26',
            days: 20,
            basis: '行政许可法 art. 42',
          },
          handler: { id: 'officer-a' },
          firstAsked: 'officer-a',
        },
      },
    ).start();
    const system = { id: 'scheduler', role: 'system' } as const;
    clock.send({ type: 'TICK', at: '2025-02-30', actor: system });
    clock.send({
      type: 'TICK',
      at: '2025-11-20',
      actor: system,
      extra: 1,
    } as never);
    clock.send({ type: 'TICK', at: '2025-11-20' } as never);
    expect(clock.getSnapshot().context.asOf).toBe('2025-09-26');
    expect(clock.getSnapshot().value).toEqual({ running: 'normal' });
    clock.send({ type: 'TICK', at: '2025-11-20', actor: system });
    expect(clock.getSnapshot().context.asOf).toBe('2025-11-20');
  });
});
