/** Runs one SQL statement with `$1`, `$2` … parameters and returns its rows. */
export interface SqlQuery {
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

/**
 * What the query layer needs from a database driver: statements, and
 * transactions that commit whole or not at all. PGlite and `pg` each adapt
 * to it in a few lines, so the SQL is written once.
 */
export interface SqlExecutor extends SqlQuery {
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back
   * when it throws (the error is rethrown).
   */
  transaction<T>(work: (tx: SqlQuery) => Promise<T>): Promise<T>;
  /** Releases the connection(s) the executor owns. */
  close(): Promise<void>;
}
