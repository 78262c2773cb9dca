/**
 * @kuaiban/lint
 *
 * @packageDocumentation
 */
export {};
