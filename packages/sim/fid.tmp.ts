import { foodPermitInput, constructionPermitInput } from '../core/test/items.js';
import { checkFidelity } from './src/checkFidelity.js';
for (const staff of [1, 3]) {
const scenario = {
  arrivals: { kind: 'poisson', perWorkingDay: 9 } as const,
  defaultStaff: staff,
  pause: { probability: 0.3, days: { kind: 'uniform', min: 1, max: 5 } as const },
  probabilities: { refusal: 0.1, materialsIncomplete: 0.5, supplementLate: 0.2, stepRejects: 0.2, departmentRejects: 0.2, departmentAsksSupplement: 0.4, grades: [1, 1, 1, 1, 1] },
};
for (const input of [foodPermitInput(), constructionPermitInput()]) {
  const r = await checkFidelity(input, { cases: 120, seed: 5, scenario });
  const kinds = new Map<string, number>();
  for (const h of r.histories) for (const e of h.entries) kinds.set(e.command.type === 'TICK' ? 'TICK' : e.command.type, (kinds.get(e.command.type) ?? 0) + 1);
  console.log(input.id, r.cases, r.commands, r.mismatches.length, kinds.get('TICK'), kinds.get('ESCALATION_RESOLVED'));
  console.log(JSON.stringify(r.mismatches.slice(0, 4)));
}}
