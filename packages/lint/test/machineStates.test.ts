import { createChinaCalendar } from '@kuaiban/calendar';
import { compileItem, defineItem } from '@kuaiban/core';
import { describe, expect, it } from 'vitest';
import {
  constructionPermitInput,
  foodPermitInput,
} from '../../core/test/items.js';
import { machineModel } from '../src/designModels.js';
import { CASE_STATE, STATE_ID, STATE_SUFFIX } from '../src/machineStates.js';

/** Every state id of a compiled item's case machine and the patterns it runs. */
function stateIds(): Set<string> {
  const ids = new Set<string>();
  for (const design of [foodPermitInput(), constructionPermitInput()]) {
    const compiled = compileItem(defineItem(design), {
      calendar: createChinaCalendar(),
    });
    const actors = (
      compiled.machine as unknown as {
        implementations: { actors: Record<string, unknown> };
      }
    ).implementations.actors;
    const models = [
      machineModel('case', compiled.machine, compiled.graph),
      ...Object.entries(actors).map(([name, machine]) =>
        machineModel(name, machine),
      ),
    ];
    for (const model of models) {
      for (const state of model.graph.states) ids.add(state.id);
    }
  }
  return ids;
}

describe('machineStates: the states the rules read exist in the machines', () => {
  const ids = stateIds();

  it('the compiled items run every pattern the rules read', () => {
    const roots = new Set([...ids].map((id) => id.split('.')[0]));
    expect([...roots].sort()).toEqual(
      expect.arrayContaining([
        'case',
        'tolerantAcceptance',
        'notificationCommitment',
        'parallelApproval',
        'deadlineClock',
      ]),
    );
  });

  it.each(Object.values(CASE_STATE))(
    'the case machine has the top-level state %s',
    (name) => {
      expect(ids).toContain(`case.${name}`);
    },
  );

  it.each(Object.values(STATE_ID))('the state %s exists', (id) => {
    expect(ids).toContain(id);
  });

  it.each(Object.values(STATE_SUFFIX))(
    'some pattern has a state ending in %s',
    (suffix) => {
      expect([...ids].some((id) => id.endsWith(`.${suffix}`))).toBe(true);
    },
  );
});
