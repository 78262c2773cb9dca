import type { PGlite } from '@electric-sql/pglite';

/**
 * Empties the store's tables between tests. The audit trail refuses
 * TRUNCATE, so its triggers are switched off for this one session
 * statement (a superuser's right, which PGlite's only user has).
 */
export async function emptyTables(db: PGlite): Promise<void> {
  await db.exec(`
    SET session_replication_role = replica;
    TRUNCATE kuaiban_cases, kuaiban_audit_entries, kuaiban_wake_ups,
      kuaiban_command_ids;
    RESET session_replication_role;`);
}
