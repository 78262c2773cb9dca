import { createChinaCalendar } from '@kuaiban/calendar';
import type { MachineGraph } from '@kuaiban/core';
import { compileItem, defineItem } from '@kuaiban/core';
import { describe, expect, it } from 'vitest';
import { constructionPermitInput } from '../../core/test/items.js';
import type { Slot } from '../src/machineLayout.js';
import { ANY_STATE, layoutMachine, textWidth } from '../src/machineLayout.js';

const t = (source: string, event: string, targets: string[]) => ({
  source,
  event,
  targets,
  guard: null,
});

/** draft → review → decided, review back to draft, a loop and a root transition. */
const graph: MachineGraph = {
  states: [
    { id: 'm', final: false, parent: null },
    { id: 'm.draft', final: false, parent: 'm' },
    { id: 'm.review', final: false, parent: 'm' },
    { id: 'm.decided', final: true, parent: 'm' },
  ],
  transitions: [
    t('m', 'CANCEL', ['m.decided']),
    t('m', 'TICK', []),
    t('m.draft', 'SEND', ['m.review']),
    t('m.review', 'RETURN', ['m.draft']),
    t('m.review', 'NOTE', ['m.review']),
    t('m.review', 'DECIDE', ['m.decided']),
    t('m.review', 'xstate.init', ['m.decided']),
  ],
};

const overlapping = (slots: readonly Slot[]): [string, string][] => {
  const found: [string, string][] = [];
  slots.forEach((a, i) =>
    slots.slice(i + 1).forEach((b) => {
      const apart =
        a.x + a.width <= b.x ||
        b.x + b.width <= a.x ||
        a.y + a.height <= b.y ||
        b.y + b.height <= a.y;
      if (!apart) found.push([a.id, b.id]);
    }),
  );
  return found;
};

describe('layoutMachine', () => {
  const layout = layoutMachine(graph, 'm.draft');
  const at = (id: string) => layout.states.find((s) => s.id === id) as Slot;

  it('puts the initial state on top and each forward transition downwards', () => {
    expect(at('m.draft').y).toBeLessThan(at('m.review').y);
    expect(at('m.review').y).toBeLessThan(at('m.decided').y);
    expect(at(ANY_STATE).y).toBeLessThan(at('m.decided').y);
  });

  it('turns the loop back round, merges nothing it should not and leaves out internal events', () => {
    const edges = layout.edges.map((e) => [
      e.source,
      e.target,
      e.labels,
      e.back,
    ]);
    expect(edges).toEqual([
      [ANY_STATE, 'm.decided', ['CANCEL'], false],
      ['m.draft', 'm.review', ['SEND'], false],
      ['m.review', 'm.draft', ['RETURN'], true],
      ['m.review', 'm.review', ['NOTE'], false],
      ['m.review', 'm.decided', ['DECIDE'], false],
    ]);
    const back = layout.edges.find((e) => e.back);
    expect(back?.route[0]?.id).toBe('m.review');
    expect(back?.route.at(-1)?.id).toBe('m.draft');
  });

  it('overlaps no two boxes or labels, in a small graph and a compiled joint item', () => {
    expect(overlapping([...layout.states, ...layout.labels])).toEqual([]);
    const joint = compileItem(defineItem(constructionPermitInput()), {
      calendar: createChinaCalendar(),
    });
    const big = layoutMachine(joint.graph, 'case.submitted');
    expect(overlapping([...big.states, ...big.labels])).toEqual([]);
    for (const slot of [...big.states, ...big.labels]) {
      expect(slot.x).toBeGreaterThanOrEqual(0);
      expect(slot.x + slot.width).toBeLessThanOrEqual(big.width + 0.001);
    }
  });

  it('puts the any-state box above the initial state when a root transition leads back to it', () => {
    const restart: MachineGraph = {
      ...graph,
      transitions: [...graph.transitions, t('m', 'RESTART', ['m.draft'])],
    };
    const laid = layoutMachine(restart, 'm.draft');
    const slot = (id: string) => laid.states.find((s) => s.id === id) as Slot;
    expect(slot(ANY_STATE).y).toBeLessThan(slot('m.draft').y);
    expect(slot('m.draft').y).toBeGreaterThan(0);
    expect(overlapping([...laid.states, ...laid.labels])).toEqual([]);
    for (const s of [...laid.states, ...laid.labels]) {
      expect(s.y).toBeGreaterThanOrEqual(0);
      expect(s.y + s.height).toBeLessThanOrEqual(laid.height + 0.001);
    }
  });

  it('is deterministic and sizes CJK text about twice as wide as Latin', () => {
    expect(layoutMachine(graph, 'm.draft')).toEqual(layout);
    expect(textWidth('办件', 12)).toBe(24);
    expect(textWidth('ab', 10)).toBe(12);
  });
});
