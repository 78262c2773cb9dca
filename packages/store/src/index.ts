/**
 * @kuaiban/store
 *
 * @packageDocumentation
 */
export {};
