import pg from 'pg';
import type { DurableStore } from './createSqlStore.js';
import { createSqlStore } from './createSqlStore.js';
import type { SqlExecutor } from './SqlExecutor.js';
import { unavailableError } from './storeErrors.js';

export type PostgresStoreOptions =
  | {
      /** e.g. `postgres://kuaiban@db.example:5432/kuaiban`. */
      readonly connectionString: string;
      /** Connections in the pool the store opens (default 10). */
      readonly max?: number;
      /**
       * How long to wait for a connection before `STORE_UNAVAILABLE`
       * (default 10 000 ms), so a server that does not answer never hangs
       * a command or a worker's `stop()`.
       */
      readonly connectionTimeoutMs?: number;
    }
  | {
      /** A pool the caller owns: `close()` leaves it open. */
      readonly pool: pg.Pool;
    };

/** The `pg` driver behind the executor interface. */
export function postgresExecutor(pool: pg.Pool, owned: boolean): SqlExecutor {
  return {
    query: async <Row>(sql: string, params: readonly unknown[] = []) =>
      (await pool.query(sql, [...params])).rows as Row[],
    async transaction(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async <Row>(sql: string, params: readonly unknown[] = []) =>
            (await client.query(sql, [...params])).rows as Row[],
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollback) {
          broken = rollback as Error;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: async () => {
      if (owned) await pool.end();
    },
  };
}

/**
 * The store for several nodes (a city or province): one PostgreSQL shared
 * by every portal node and worker. Commits use optimistic concurrency on
 * the case row; workers claim wake-ups with `FOR UPDATE SKIP LOCKED`. The
 * schema is migrated on open (nodes starting together wait for each other).
 *
 * @example
 * const store = await createPostgresStore({
 *   connectionString: process.env.DATABASE_URL ?? '',
 * });
 * const engine = createEngine({ items, calendar, clock, ids, store });
 * // …
 * await store.close();
 */
export async function createPostgresStore(
  options: PostgresStoreOptions,
): Promise<DurableStore> {
  const owned = !('pool' in options);
  const pool =
    'pool' in options
      ? options.pool
      : new pg.Pool({
          connectionString: options.connectionString,
          max: options.max ?? 10,
          connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
        });
  // An idle client that loses its server must not crash the process.
  const onError = () => undefined;
  if (owned) pool.on('error', onError);
  const executor = postgresExecutor(pool, owned);
  try {
    await executor.query('SELECT 1');
  } catch (error) {
    await executor.close();
    throw unavailableError('connect', error);
  }
  try {
    return await createSqlStore(executor);
  } catch (error) {
    await executor.close();
    throw error;
  }
}
