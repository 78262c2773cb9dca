import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import {
  compileSimulation,
  defineScenario,
  runReplication,
} from '../src/index.js';
import { simulationCalendar } from '../src/runReplications.js';
import { constructionPermitInput, foodPermitInput } from './fixtures.js';
import { defineItem } from '@kuaiban/core';
it('fingerprint', () => {
  const out: unknown[] = [];
  for (const input of [foodPermitInput, constructionPermitInput]) {
    for (const scenario of [
      {},
      {
        arrivals: { kind: 'poisson', perWorkingDay: 9 },
        defaultStaff: 1,
        pause: { probability: 0.3, days: { kind: 'uniform', min: 1, max: 5 } },
        probabilities: {
          refusal: 0.1,
          materialsIncomplete: 0.5,
          supplementLate: 0.2,
          stepRejects: 0.2,
          departmentRejects: 0.2,
          departmentAsksSupplement: 0.4,
          grades: [1, 1, 1, 1, 1],
        },
      },
    ]) {
      const model = compileSimulation(
        defineItem(input()),
        defineScenario(scenario),
        { calendar: simulationCalendar() },
      );
      const r = runReplication(model, {
        seed: 3,
        replication: 1,
        cases: 800,
        warmupDays: 10,
        traceCases: 8,
      });
      out.push(
        JSON.stringify(r, (_k, v) =>
          ArrayBuffer.isView(v) ? Array.from(v as unknown as number[]) : v,
        ),
      );
    }
  }
  writeFileSync(
    process.env.FP_OUT ?? '/tmp/simsplit/fp.json',
    JSON.stringify(out),
  );
});
