import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import { AppError } from '../../domain/errors.ts';
import { parseTarget } from '../alert-rows.ts';
import { targetKey } from '../alert-store.ts';
import { digestsDown, digestsUp, subscriptionsDown, subscriptionsUp } from './0004-alerting-tables.ts';
import { flavorColumns, jsonTextField, sqlFlavorOf } from './sql-flavor.ts';
import type { SqlFlavor } from './sql-flavor.ts';

/*
 * The alerting tables as the alerting ports use them:
 * - `events.at`: the event's own detection time, copied out of the JSON payload into an indexed column, so a
 *   digest's window `(since, until]` is an index range rather than a scan parsing every payload. `created_at` is
 *   not used for windows: it is when the row was written, which a re-run or a slow poll moves away from `at`.
 * - `subscriptions` and `digests` are rebuilt (see `0004-alerting-tables.ts`): DM subscriptions and digests have
 *   no channel, and every per-target row carries `target_key`.
 * - `outbox.target_key`, indexed with `status` and `id`: the head of each target's queue is one index lookup.
 *   `outbox.idempotency_key` is already unique since `0001`.
 * - `watched_sources`: sources admins add from chat.
 */

/** `events`, `outbox` as the data steps below see them. */
type Tables = {
  events: { payload: string; created_at: string; at: string | null };
  outbox: { id: number; target: string; target_key: string | null };
};

async function addEventTimes(db: Kysely<unknown>, flavor: SqlFlavor): Promise<void> {
  await db.schema.alterTable('events').addColumn('at', 'text').execute();
  // Every event the tracker writes has `at`; created_at only stands in for a payload without one.
  await db
    .withTables<Tables>()
    .updateTable('events')
    .set({ at: sql<string>`coalesce(${jsonTextField(flavor, 'payload', 'at')}, created_at)` })
    .execute();
  await db.schema.createIndex('events_at').on('events').column('at').execute();
}

async function addOutboxTargetKeys(db: Kysely<unknown>): Promise<void> {
  // Nullable: SQLite adds a NOT NULL column only with a default, and a default key would hide a missing one.
  await db.schema.alterTable('outbox').addColumn('target_key', 'text').execute();
  const tables = db.withTables<Tables>();
  for (const row of await tables.selectFrom('outbox').select(['id', 'target']).execute()) {
    const target = parseTarget(row.target);
    if (target === undefined) {
      throw new AppError(
        'storage_corrupt',
        `outbox row ${String(row.id)}: target is not a stored target: ${row.target}`,
      );
    }
    await tables
      .updateTable('outbox')
      .set({ target_key: targetKey(target) })
      .where('id', '=', row.id)
      .execute();
  }
  await db.schema.createIndex('outbox_target_queue').on('outbox').columns(['status', 'target_key', 'id']).execute();
}

async function createWatchedSources(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('watched_sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('declaration', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();
}

/**
 * Kysely's migrator wraps a migration in a transaction only where the adapter claims transactional DDL
 * (PostgreSQL, not SQLite), yet SQLite has it too: without one, a crash between "drop table" and "rename" would
 * leave a database no release can open.
 */
async function atomically(db: Kysely<unknown>, steps: (db: Kysely<unknown>) => Promise<void>): Promise<void> {
  if (db.isTransaction) return steps(db);
  await db.transaction().execute(steps);
}

/** `0004-alerting`: event times, DM subscriptions and digests, per-target outbox order, watched sources. */
export const alertingMigration: Migration = {
  up: (db: Kysely<unknown>) =>
    atomically(db, async (trx) => {
      const flavor = sqlFlavorOf(trx);
      await addEventTimes(trx, flavor);
      await subscriptionsUp(trx, flavorColumns(flavor));
      await digestsUp(trx);
      await addOutboxTargetKeys(trx);
      await createWatchedSources(trx);
    }),
  down: (db: Kysely<unknown>) =>
    atomically(db, async (trx) => {
      await trx.schema.dropTable('watched_sources').execute();
      await trx.schema.dropIndex('outbox_target_queue').execute();
      await trx.schema.alterTable('outbox').dropColumn('target_key').execute();
      await digestsDown(trx);
      await subscriptionsDown(trx, flavorColumns(sqlFlavorOf(trx)));
      await trx.schema.dropIndex('events_at').execute();
      await trx.schema.alterTable('events').dropColumn('at').execute();
    }),
};
