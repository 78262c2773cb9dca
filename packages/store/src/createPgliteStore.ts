import { PGlite } from '@electric-sql/pglite';
import type { DurableStore } from './createSqlStore.js';
import { createSqlStore } from './createSqlStore.js';
import type { SqlExecutor, SqlQuery } from './SqlExecutor.js';
import { unavailableError } from './storeErrors.js';

export interface PgliteStoreOptions {
  /**
   * The directory holding the database; created on first use. Without it
   * the database lives in memory and is gone when the process ends.
   */
  readonly dataDir?: string;
  /**
   * An open PGlite instance to use instead of opening one; the caller owns
   * it, so `close()` leaves it open.
   */
  readonly pglite?: PGlite;
}

function pgliteQuery(db: Pick<PGlite, 'query'>): SqlQuery {
  return {
    query: async <Row>(sql: string, params: readonly unknown[] = []) =>
      (await db.query<Row>(sql, [...params])).rows,
  };
}

/** The PGlite driver behind the executor interface. */
export function pgliteExecutor(db: PGlite, owned: boolean): SqlExecutor {
  return {
    ...pgliteQuery(db),
    transaction: (work) => db.transaction((tx) => work(pgliteQuery(tx))),
    close: async () => {
      if (owned && !db.closed) await db.close();
    },
  };
}

/**
 * The embedded store (the default for one process, e.g. a county service
 * centre): PostgreSQL compiled to WebAssembly, in a data directory or in
 * memory. The schema is migrated on open. One process only may open a data
 * directory; several nodes share PostgreSQL instead
 * (`createPostgresStore`).
 *
 * @example
 * const store = await createPgliteStore({ dataDir: './data/kuaiban' });
 * const engine = createEngine({ items, calendar, clock, ids, store });
 * // …
 * await store.close();
 */
export async function createPgliteStore(
  options: PgliteStoreOptions = {},
): Promise<DurableStore> {
  let db: PGlite;
  if (options.pglite) {
    db = options.pglite;
  } else {
    try {
      db = await PGlite.create(options.dataDir);
    } catch (error) {
      throw unavailableError(`PGlite ${options.dataDir ?? 'in memory'}`, error);
    }
  }
  const executor = pgliteExecutor(db, options.pglite === undefined);
  try {
    return await createSqlStore(executor);
  } catch (error) {
    await executor.close();
    throw error;
  }
}
