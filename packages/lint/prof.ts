import { foodPermitInput } from '../core/test/items.js';
import { createChinaCalendar } from '@kuaiban/calendar';
import { ItemDefinitionSchema, compileItem } from '@kuaiban/core';
import { designModels } from './src/designModels.js';
import { structureFindings } from './src/structureFindings.js';
import { timeFindings } from './src/timeFindings.js';
import { domainFindings } from './src/domainFindings.js';
import { lintConfig } from './src/lintConfig.js';
const input = foodPermitInput();
input.review = { mode: 'chain', steps: Array.from({ length: 190 }, (_, i) => ({ id: `s${i}`, name: 'x', nameZh: 'x', role: 'reviewer' as const })) };
const calendar = createChinaCalendar(); const config = lintConfig({});
const T: Record<string, number> = {};
const time = <R>(k: string, f: () => R): R => { const t = performance.now(); const r = f(); T[k] = (T[k] ?? 0) + performance.now() - t; return r; };
for (let i = 0; i < 30; i++) {
  const parsed = time('parse', () => ItemDefinitionSchema.safeParse(input));
  const c = time('compile', () => compileItem(parsed.data!, { calendar }));
  const m = time('models', () => designModels(c, null));
  time('structure', () => structureFindings(m, 'x'));
  time('time', () => timeFindings(c));
  time('domain', () => domainFindings(c, m, config));
}
console.log(Object.fromEntries(Object.entries(T).map(([k, v]) => [k, (v / 30).toFixed(2)])));
