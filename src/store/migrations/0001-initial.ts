import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import { flavorColumns, sqlFlavorOf } from './sql-flavor.ts';
import type { FlavorColumns } from './sql-flavor.ts';

/*
 * The initial schema. Written with Kysely's schema builder only, so the same migration runs on SQLite and
 * PostgreSQL; the two spellings that differ (bytes, serial keys) come from `flavorColumns`.
 * A released migration is never edited: schema changes go in a new `NNNN-title.ts` module.
 */

async function createTrackingTables(db: Kysely<unknown>, columns: FlavorColumns): Promise<void> {
  await db.schema
    .createTable('source_health')
    .addColumn('source_id', 'text', (c) => c.primaryKey())
    .addColumn('last_fetch_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_change_at', 'text')
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('last_error_code', 'text')
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('current_version_id', 'text')
    .execute();
  await db.schema
    .createTable('snapshots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('body', columns.bytes, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

async function createHistoryTables(db: Kysely<unknown>, columns: FlavorColumns): Promise<void> {
  await db.schema
    .createTable('version_entries')
    .addColumn('seq', 'integer', columns.serialKey)
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull().references('versions.id'))
    .addColumn('snapshot_id', 'text', (c) => c.notNull().references('snapshots.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('baseline', 'change', 'technical')`))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('version_entries_source_seq')
    .on('version_entries')
    .columns(['source_id', 'seq'])
    .execute();
  await db.schema
    .createTable('news_items')
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('published', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('news_items_pk', ['source_id', 'item_key'])
    .execute();
  await db.schema.createIndex('news_items_first_seen').on('news_items').column('first_seen_at').execute();
  await db.schema
    .createTable('events')
    .addColumn('id', 'integer', columns.serialKey)
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

async function createSubscriptionTables(db: Kysely<unknown>, columns: FlavorColumns): Promise<void> {
  await db.schema
    .createTable('subscriptions')
    .addColumn('id', 'integer', columns.serialKey)
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filters', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('min_significance', 'text')
    .addColumn('mention', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('subscriptions_channel')
    .on('subscriptions')
    .columns(['platform', 'workspace_id', 'channel_id'])
    .execute();
  await db.schema
    .createTable('digests')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('last_sent_at', 'text')
    .addPrimaryKeyConstraint('digests_pk', ['platform', 'workspace_id', 'channel_id'])
    .execute();
  await db.schema
    .createTable('settings')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('settings_pk', ['platform', 'workspace_id', 'key'])
    .execute();
}

async function createOutboxTable(db: Kysely<unknown>, columns: FlavorColumns): Promise<void> {
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'integer', columns.serialKey)
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'sent', 'failed', 'disabled')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('platform_message_id', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
}

const TABLES = [
  'outbox',
  'settings',
  'digests',
  'subscriptions',
  'events',
  'news_items',
  'version_entries',
  'versions',
  'snapshots',
  'source_health',
] as const;

/** `0001-initial`: tracking, history, news, events, and the tables the alerting features will fill. */
export const initialMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const columns = flavorColumns(sqlFlavorOf(db));
    await createTrackingTables(db, columns);
    await createHistoryTables(db, columns);
    await createSubscriptionTables(db, columns);
    await createOutboxTable(db, columns);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    // Children first, so foreign keys never block a drop.
    for (const table of TABLES) await db.schema.dropTable(table).ifExists().execute();
  },
};
