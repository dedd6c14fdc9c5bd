import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** How many distinct statements stay prepared; the store issues a few dozen distinct SQL texts. */
export const DEFAULT_STATEMENT_CACHE_SIZE = 128;

/**
 * Wraps a better-sqlite3 database for Kysely's `SqliteDialect` so each distinct SQL text is prepared once.
 * Kysely prepares every query it runs; the store's queries compile to a handful of fixed SQL texts (values are
 * bound, not inlined), so caching by text turns each poll's health upsert into a reused prepared statement.
 * Least recently used statements are dropped beyond `capacity`. Safe because Kysely's SQLite driver runs one
 * query at a time on its single connection, so a cached statement is never in use twice.
 */
export function withStatementCache(
  database: BetterSqlite3.Database,
  capacity: number = DEFAULT_STATEMENT_CACHE_SIZE,
): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sqlText) {
      const cached = statements.get(sqlText);
      if (cached !== undefined) {
        // Re-insert to mark it most recently used (a Map iterates in insertion order).
        statements.delete(sqlText);
        statements.set(sqlText, cached);
        return cached;
      }
      const statement = database.prepare(sqlText);
      statements.set(sqlText, statement);
      if (statements.size > capacity) {
        const oldest = statements.keys().next();
        if (oldest.done !== true) statements.delete(oldest.value);
      }
      return statement;
    },
    close() {
      statements.clear();
      database.close();
    },
  };
}
