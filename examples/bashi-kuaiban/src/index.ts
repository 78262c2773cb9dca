/**
 * 八事快办: the enterprise lifecycle service chain as Kuaiban designs, and
 * the demo that lints, runs and simulates it.
 *
 * @packageDocumentation
 */
export { runDemo } from './runDemo.js';
export type { DemoOptions } from './runDemo.js';
export { ENTERPRISE_CHAIN } from './enterpriseChain.js';
