import { Migrator } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { AppError, describeError } from '../../domain/errors.ts';
import { initialMigration } from './0001-initial.ts';
import { newsTagsMigration } from './0002-news-tags.ts';
import { newsDuplicatesMigration } from './0003-news-duplicates.ts';
import { alertingMigration } from './0004-alerting.ts';
import { browserNeededMigration } from './0005-browser-needed.ts';
import { retentionMigration } from './0006-retention.ts';

/**
 * Every migration, by name. Names sort in the order they must run (`NNNN-title`); Kysely's `Migrator`
 * records the applied ones in `kysely_migration` and runs only the rest, so opening a database twice is a no-op.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-initial': initialMigration,
  '0002-news-tags': newsTagsMigration,
  '0003-news-duplicates': newsDuplicatesMigration,
  '0004-alerting': alertingMigration,
  '0005-browser-needed': browserNeededMigration,
  '0006-retention': retentionMigration,
};

/** An in-code provider: migrations ship inside the bundle instead of being read from a folder at run time. */
export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...migrations }),
};

/**
 * Brings the schema up to date. A failed migration is a storage error: it is thrown (naming the migration)
 * and the process is expected to crash. Kysely runs each migration in a transaction only on PostgreSQL; a
 * migration that must be all-or-nothing on SQLite too opens its own (see `0004-alerting.ts`).
 */
export async function migrateToLatest<TDatabase>(db: Kysely<TDatabase>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error === undefined) return;
  const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
  const reason = describeError(error).message;
  throw new AppError('storage_migration_failed', `migration ${failed} failed: ${reason}`, { cause: error });
}
