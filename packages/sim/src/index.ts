/**
 * @kuaiban/sim
 *
 * @packageDocumentation
 */
export {};
