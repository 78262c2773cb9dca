/**
 * @kuaiban/store: durable case stores. The embedded PGlite store serves one
 * process; PostgreSQL serves several nodes. Both share one schema, one set
 * of versioned migrations and one query layer, keep durable wake-ups, and
 * run with the multi-node worker.
 *
 * @packageDocumentation
 */
export { createPgliteStore } from './createPgliteStore.js';
export type { PgliteStoreOptions } from './createPgliteStore.js';
export { createPostgresStore } from './createPostgresStore.js';
export type { PostgresStoreOptions } from './createPostgresStore.js';
export { createSqlStore } from './createSqlStore.js';
export type { ClaimRequest, DurableStore, WakeUp } from './createSqlStore.js';
export type { SqlExecutor, SqlQuery } from './SqlExecutor.js';
export { MIGRATIONS, SCHEMA_VERSION, migrate } from './migrations.js';
export type { Migration } from './migrations.js';
export { createWorker } from './createWorker.js';
export type { Worker, WorkerOptions, WorkerRun } from './createWorker.js';
