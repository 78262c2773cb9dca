import { foodPermitInput, constructionPermitInput } from '../core/test/items.js';
import { simulate } from './src/simulate.js';
const a = await simulate(constructionPermitInput(), { cases: 2000, replications: 4, seed: 9, threads: 1 });
const b = await simulate(constructionPermitInput(), { cases: 2000, replications: 4, seed: 9, threads: 2, onProgress: (d, t) => console.log('progress', d, t) });
console.log(JSON.stringify(a.kpi) === JSON.stringify(b.kpi));
console.log(JSON.stringify(a.kpi, null, 1).slice(0, 3000));
