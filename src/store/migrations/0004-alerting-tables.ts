import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { SubscriptionFilters } from '../../domain/subscription.ts';
import type { Significance } from '../../domain/terms-diff.ts';
import { targetColumns, toTarget } from '../alert-rows.ts';
import type { FlavorColumns } from './sql-flavor.ts';

/*
 * Rebuilding `subscriptions` and `digests` for `0004-alerting`, and back. SQLite cannot drop a NOT NULL or change
 * a primary key in place, so both flavors take the same portable way: create the new shape under a temporary
 * name, copy the rows, drop the old table, rename. (Creating under a temporary name, rather than renaming the old
 * table away first, keeps PostgreSQL's `<table>_pkey` index names from colliding.) Row ids are copied as they
 * are: chat messages show them (`unsubscribe 12`). No release wrote these tables before `0004` and no PostgreSQL
 * database predates it, so an identity sequence never has to catch up with copied ids.
 */

/** A `subscriptions` row as `0001-initial` shaped it. */
interface Subscription0001 {
  id: number;
  platform: string;
  workspace_id: string;
  channel_id: string;
  user_id: string | null;
  kind: string;
  /** JSON object with some of vendors, topics, keywords, sources. */
  filters: string;
  min_significance: string | null;
  mention: string | null;
  created_by: string;
  created_at: string;
  paused: number;
}

/** A `subscriptions` row as `0004-alerting` shapes it. */
interface Subscription0004 {
  id: number;
  platform: string;
  workspace_id: string;
  channel_id: string | null;
  user_id: string | null;
  target_key: string;
  filters: string;
  mention: string | null;
  created_by: string;
  created_at: string;
  paused: number;
}

interface Digest0001 {
  platform: string;
  workspace_id: string;
  channel_id: string;
  schedule: string;
  timezone: string;
  last_sent_at: string | null;
}

interface Digest0004 {
  target_key: string;
  platform: string;
  workspace_id: string;
  channel_id: string | null;
  user_id: string | null;
  cron: string;
  timezone: string;
  last_sent_at: string | null;
}

/** The tables while migrating up: the old shapes under their names, the new ones under temporary names. */
type UpTables = {
  subscriptions: Subscription0001;
  subscriptions_0004: Subscription0004;
  digests: Digest0001;
  digests_0004: Digest0004;
};

/** The tables while migrating down. */
type DownTables = {
  subscriptions: Subscription0004;
  subscriptions_0001: Subscription0001;
  digests: Digest0004;
  digests_0001: Digest0001;
};

async function replaceTable(db: Kysely<unknown>, table: string, rebuilt: string): Promise<void> {
  await db.schema.dropTable(table).execute();
  await db.schema.alterTable(rebuilt).renameTo(table).execute();
}

const SIGNIFICANCES: readonly Significance[] = ['low', 'medium', 'high'];
const KINDS: readonly SubscriptionFilters['kind'][] = ['terms', 'news', 'both'];

function jsonObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** `0001` kept kind and threshold in columns and left the filters' JSON unspecified: read what is there. */
export function filtersFrom0001(
  row: Pick<Subscription0001, 'filters' | 'kind' | 'min_significance'>,
): SubscriptionFilters {
  const old = jsonObject(row.filters);
  const list = (key: string): string[] => {
    const value = old[key];
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  };
  return {
    vendors: list('vendors'),
    topics: list('topics'),
    keywords: list('keywords'),
    sources: list('sources'),
    // The lowest threshold and both kinds: what the row let through before is still let through.
    minSignificance: SIGNIFICANCES.find((significance) => significance === row.min_significance) ?? 'low',
    kind: KINDS.find((kind) => kind === row.kind) ?? 'both',
  };
}

/** `subscriptions` with a nullable channel (DM subscriptions), a target key and the whole filters as JSON. */
export async function subscriptionsUp(db: Kysely<unknown>, columns: FlavorColumns): Promise<void> {
  await db.schema
    .createTable('subscriptions_0004')
    .addColumn('id', 'integer', columns.serialKey)
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('target_key', 'text', (c) => c.notNull())
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('mention', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('subscriptions_has_target', sql`channel_id is not null or user_id is not null`)
    .execute();
  const tables = db.withTables<UpTables>();
  for (const row of await tables.selectFrom('subscriptions').selectAll().orderBy('id').execute()) {
    const { kind: _kind, min_significance: _threshold, filters: _filters, ...kept } = row;
    await tables
      .insertInto('subscriptions_0004')
      .values({ ...kept, ...targetColumns(toTarget(row)), filters: JSON.stringify(filtersFrom0001(row)) })
      .execute();
  }
  await replaceTable(db, 'subscriptions', 'subscriptions_0004');
  const index = (name: string, columns: string[]) => db.schema.createIndex(name).on('subscriptions').columns(columns);
  await index('subscriptions_place', ['platform', 'workspace_id', 'channel_id']).execute();
  await index('subscriptions_user', ['platform', 'workspace_id', 'user_id']).execute();
  await index('subscriptions_target', ['target_key']).execute();
}

/** Back to `0001`'s shape. DM subscriptions cannot be stored there and are dropped. */
export async function subscriptionsDown(db: Kysely<unknown>, columns: FlavorColumns): Promise<void> {
  await db.schema
    .createTable('subscriptions_0001')
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
  const tables = db.withTables<DownTables>();
  for (const { target_key: _key, channel_id, ...row } of await tables
    .selectFrom('subscriptions')
    .selectAll()
    .execute()) {
    if (channel_id === null) continue;
    const filters = JSON.parse(row.filters) as SubscriptionFilters;
    await tables
      .insertInto('subscriptions_0001')
      .values({ ...row, channel_id, kind: filters.kind, min_significance: filters.minSignificance })
      .execute();
  }
  await replaceTable(db, 'subscriptions', 'subscriptions_0001');
  await db.schema
    .createIndex('subscriptions_channel')
    .on('subscriptions')
    .columns(['platform', 'workspace_id', 'channel_id'])
    .execute();
}

/** `digests` keyed by target, so a user's DMs can have a digest too. */
export async function digestsUp(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('digests_0004')
    .addColumn('target_key', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('cron', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('last_sent_at', 'text')
    .execute();
  const tables = db.withTables<UpTables>();
  for (const { schedule, ...row } of await tables.selectFrom('digests').selectAll().execute()) {
    const target = toTarget({ ...row, user_id: null });
    await tables
      .insertInto('digests_0004')
      .values({ ...targetColumns(target), cron: schedule, timezone: row.timezone, last_sent_at: row.last_sent_at })
      .execute();
  }
  await replaceTable(db, 'digests', 'digests_0004');
}

/** Back to `0001`'s shape. DM digests cannot be stored there and are dropped. */
export async function digestsDown(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('digests_0001')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('last_sent_at', 'text')
    .addPrimaryKeyConstraint('digests_pk', ['platform', 'workspace_id', 'channel_id'])
    .execute();
  const tables = db.withTables<DownTables>();
  for (const { platform, workspace_id, channel_id, cron, timezone, last_sent_at } of await tables
    .selectFrom('digests')
    .selectAll()
    .execute()) {
    if (channel_id === null) continue;
    await tables
      .insertInto('digests_0001')
      .values({ platform, workspace_id, channel_id, schedule: cron, timezone, last_sent_at })
      .execute();
  }
  await replaceTable(db, 'digests', 'digests_0001');
}
