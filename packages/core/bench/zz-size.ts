import { performance } from 'node:perf_hooks';
import { createChinaCalendar } from '@kuaiban/calendar';
import { createEngine } from '../src/createEngine.js';
import { defineItem } from '../src/itemDefinition.js';
import { foodPermitInput } from '../test/items.js';
import { createMemoryStore } from '../src/createMemoryStore.js';
const store = createMemoryStore();
const item = defineItem(foodPermitInput()); const engine = createEngine({ items: [item], calendar: createChinaCalendar(), clock: { now: () => '2025-09-26T10:00:00.000+08:00' }, ids: () => 'c1', store });
await engine.submit({ itemId: item.id, applicant: { id: 'bakery' }, handler: { id: 'officer-chen' } });
await engine.dispatch('c1', { type: 'PRE_REVIEW_PASSED', actor: { id: 'officer-chen', role: 'window-officer' } });
const rec = await store.load('c1');
const s = JSON.stringify(rec);
console.log('record json chars', s.length, 'snapshot', JSON.stringify(rec!.snapshot).length);
let t = performance.now(); for (let i = 0; i < 20000; i++) JSON.parse(JSON.stringify(rec)); console.log('roundtrip µs', (performance.now() - t) / 20000 * 1000);
t = performance.now(); for (let i = 0; i < 20000; i++) JSON.stringify(rec); console.log('stringify µs', (performance.now() - t) / 20000 * 1000);
t = performance.now(); for (let i = 0; i < 20000; i++) structuredClone(rec); console.log('structuredClone µs', (performance.now() - t) / 20000 * 1000);
console.log(JSON.stringify(rec!.snapshot).slice(0, 3000));
const { frozenJson } = await import('../src/frozenJson.js');
function plain(v: any): any { if (typeof v !== 'object' || v === null) return v; if (Array.isArray(v)) return v.map(plain); const o: any = {}; for (const k of Object.keys(v)) { const x = plain(v[k]); if (x !== undefined) o[k] = x; } return o; }
function frz(v: any): any { if (typeof v !== 'object' || v === null) return v; if (Array.isArray(v)) return Object.freeze(v.map(frz)); const o: any = {}; for (const k of Object.keys(v)) { const x = frz(v[k]); if (x !== undefined) o[k] = x; } return Object.freeze(o); }
const ws = new WeakSet<object>();
function wsc(v: any): any { if (typeof v !== 'object' || v === null) return v; if (ws.has(v)) return v; if (Array.isArray(v)) { const a = v.map(wsc); ws.add(a); return a; } const o: any = {}; for (const k of Object.keys(v)) { const x = wsc(v[k]); if (x !== undefined) o[k] = x; } ws.add(o); return o; }
const live = JSON.parse(JSON.stringify(rec));
for (const [n, fn] of [['frozenJson', frozenJson], ['plain', plain], ['freeze', frz], ['weakset', wsc]] as const) {
  const t = performance.now(); for (let i = 0; i < 20000; i++) fn(live); console.log(n, 'µs', (performance.now() - t) / 20000 * 1000);
}
