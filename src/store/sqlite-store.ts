import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError } from '../domain/errors.ts';
import { systemClock } from '../domain/clock.ts';
import type { Clock } from '../domain/clock.ts';
import { migrateToLatest } from './migrations/index.ts';
import type { Database } from './schema.ts';
import { createSqliteHotPath } from './sqlite-hot-path.ts';
import type { HotPathCalls } from './sqlite-hot-path.ts';
import { createSqlStore } from './sql-store.ts';
import { withStatementCache } from './statement-cache.ts';
import type { Store } from './store.ts';

/** Name of the database file inside the data directory. */
export const DATABASE_FILE = 'clausewatch.db';

/** Pass as `dataDir` for a throw-away in-memory database (tests only: nothing survives `close()`). */
export const IN_MEMORY = ':memory:';

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** Directory holding `clausewatch.db` (created if missing), or {@link IN_MEMORY}. */
  readonly dataDir: string;
  /**
   * Stamps `created_at` of stored rows.
   * @defaultValue `systemClock`
   */
  readonly clock?: Clock | undefined;
  /**
   * How long a write waits for another process's lock (e.g. the CLI while the bot runs) before failing.
   * @defaultValue 5000
   */
  readonly busyTimeoutMs?: number | undefined;
}

/**
 * The embedded default `Store`: one SQLite file in WAL mode, accessed through Kysely, except for the calls every
 * poll makes (see `sqlite-hot-path.ts`).
 */
export interface SqliteStore extends Store {
  /** Path of the database file, or `:memory:`. */
  readonly file: string;
  /**
   * The Kysely handle, for other SQL-backed ports in `src/store/` (outbox, subscriptions) to share the one
   * connection. Not for use outside `src/store/`.
   */
  readonly db: Kysely<Database>;
}

/**
 * Opens (creating if needed) the database in `dataDir`, applies pragmas and runs pending migrations.
 * Storage errors (unwritable directory, corrupt file, failed migration) are thrown, never swallowed.
 */
export async function createSqliteStore(options: SqliteStoreOptions): Promise<SqliteStore> {
  const file = await resolveDatabaseFile(options.dataDir);
  const sqlite = new BetterSqlite3(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const portable = createSqlStore(db, { clock: options.clock ?? systemClock });
  let hotPath: HotPathCalls;
  try {
    applyPragmas(sqlite, file, options.busyTimeoutMs ?? 5000);
    await migrateToLatest(db);
    // After the migrations: the hot statements are prepared against the tables they built.
    hotPath = createSqliteHotPath(sqlite, portable);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  // The portable store does everything; the per-poll calls are overridden with prepared statements because
  // Kysely's query building costs more than those queries themselves (figures in bench/store-hot-path.ts).
  return { ...portable, ...hotPath, file, db };
}

async function resolveDatabaseFile(dataDir: string): Promise<string> {
  if (dataDir === IN_MEMORY) return IN_MEMORY;
  await mkdir(dataDir, { recursive: true });
  return path.join(dataDir, DATABASE_FILE);
}

function applyPragmas(sqlite: BetterSqlite3.Database, file: string, busyTimeoutMs: number): void {
  // WAL: readers (CLI, status command) never block the tracker's writes, and commits append instead of rewriting.
  const journalMode: unknown = sqlite.pragma('journal_mode = WAL', { simple: true });
  if (file !== IN_MEMORY && journalMode !== 'wal') {
    throw new AppError('storage_unsupported', `SQLite refused WAL mode for ${file} (got ${String(journalMode)})`);
  }
  // In WAL mode NORMAL never corrupts the database; a power cut may lose the last commits, which the next
  // poll re-records. FULL would fsync on every commit and dominate the cost of an unchanged poll.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
}
