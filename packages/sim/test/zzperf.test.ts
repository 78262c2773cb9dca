import { it } from 'vitest';
import { defineItem } from '@kuaiban/core';
import { compileSimulation, defineScenario, runReplication } from '../src/index.js';
import { runReplication as orig } from '../src/zzOrig.js';
import { simulationCalendar } from '../src/runReplications.js';
import { constructionPermitInput } from './fixtures.js';
it('perf', () => {
  const model = compileSimulation(defineItem(constructionPermitInput()), defineScenario({ probabilities: { departmentAsksSupplement: 0.4 } }), { calendar: simulationCalendar() });
  const o = { seed: 3, replication: 1, cases: 20000, warmupDays: 10 };
  const times: Record<string, number[]> = { orig: [], split: [] };
  for (let r = 0; r < 16; r++) {
    for (const [name, fn] of [['orig', orig], ['split', runReplication]] as const) {
      const t0 = performance.now(); fn(model, o); times[name]!.push(performance.now() - t0);
    }
  }
  console.log(JSON.stringify(times));
});
