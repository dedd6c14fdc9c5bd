import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { AppError } from '../domain/errors.ts';
import type { Clock } from '../domain/clock.ts';
import type { Database } from './schema.ts';
import { isHealthOnly, writeHealth, writePoll } from './record-poll.ts';
import {
  toEventRecord,
  toNewsItemRecord,
  toSnapshotRecord,
  toSourceHealth,
  toVersionEntry,
  toVersionRecord,
} from './rows.ts';
import type { Store, VersionRecord } from './store.ts';

/** What the SQL store needs besides its database. */
export interface SqlStoreOptions {
  /** Stamps `created_at` of stored rows. */
  readonly clock: Clock;
}

/** Shortest prefix `getVersion` accepts: shorter ones would often be ambiguous. */
export const MIN_VERSION_PREFIX = 6;
const HEX_PREFIX = new RegExp(`^[0-9a-f]{${MIN_VERSION_PREFIX},64}$`);

/**
 * The `Store` over any Kysely database whose schema the migrations built. Everything here is portable SQL,
 * so the SQLite adapter and a future PostgreSQL adapter share it and differ only in how they open the database.
 * Storage errors are not caught.
 */
export function createSqlStore(db: Kysely<Database>, options: SqlStoreOptions): Store {
  const now = (): string => options.clock.now().toISOString();
  return {
    async getHealth(sourceId) {
      const row = await db.selectFrom('source_health').selectAll().where('source_id', '=', sourceId).executeTakeFirst();
      return row === undefined ? undefined : toSourceHealth(row);
    },

    async listHealth() {
      const rows = await db.selectFrom('source_health').selectAll().orderBy('source_id').execute();
      return rows.map(toSourceHealth);
    },

    async recordPoll(poll) {
      // An unchanged poll only upserts the health row: one statement is atomic on its own, and skipping
      // begin/commit keeps the hot path (most polls of most sources) to a single round trip.
      if (isHealthOnly(poll)) return writeHealth(db, poll);
      const createdAt = now();
      await db.transaction().execute((trx) => writePoll(trx, poll, createdAt));
    },

    async getSnapshot(id) {
      const row = await db.selectFrom('snapshots').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toSnapshotRecord(row);
    },

    getVersion: (idOrPrefix) => findVersion(db, idOrPrefix),

    async listVersionEntries(sourceId, limit) {
      const rows = await db
        .selectFrom('version_entries')
        .selectAll()
        .where('source_id', '=', sourceId)
        .orderBy('seq', 'desc')
        .$if(limit !== undefined, (query) => query.limit(limit ?? 0))
        .execute();
      return rows.map(toVersionEntry);
    },

    async knownNewsKeys(sourceId) {
      const rows = await db.selectFrom('news_items').select('item_key').where('source_id', '=', sourceId).execute();
      return new Set(rows.map((row) => row.item_key));
    },

    async listNewsItems(limit) {
      const rows = await db
        .selectFrom('news_items')
        .selectAll()
        .where('duplicate_of_key', 'is', null)
        .orderBy('first_seen_at', 'desc')
        // Items first seen in the same poll: newest published first, undated last (NULL sorts differently
        // on SQLite and PostgreSQL, hence the coalesce), then a stable order.
        .orderBy(sql`coalesce(published, '')`, 'desc')
        .orderBy('source_id')
        .orderBy('item_key')
        .limit(limit)
        .execute();
      return rows.map(toNewsItemRecord);
    },

    async listRecentNews(since, limit) {
      // Either date may put a story in the window: an old story seen late, or one dated ahead of its discovery.
      // Timestamps are ISO-8601 UTC text, so comparing text compares instants.
      const rows = await db
        .selectFrom('news_items')
        .selectAll()
        .where((eb) => eb.or([eb('first_seen_at', '>=', since), eb('published', '>=', since)]))
        .where('duplicate_of_key', 'is', null)
        .orderBy(sql`coalesce(published, first_seen_at)`, 'desc')
        .orderBy('first_seen_at', 'desc')
        .orderBy('source_id')
        .orderBy('item_key')
        .limit(limit)
        .execute();
      return rows.map(toNewsItemRecord);
    },

    async listEvents(afterId, limit) {
      const rows = await db
        .selectFrom('events')
        .select(['id', 'payload'])
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toEventRecord);
    },

    close: () => db.destroy(),
  };
}

/**
 * A version by exact id, else by a prefix of at least `MIN_VERSION_PREFIX` hex digits (case-insensitive).
 * Returns undefined when nothing matches or the input is not such a prefix; throws an `AppError` with code
 * `ambiguous_version_prefix` when the prefix matches several versions, so a CLI can say so instead of "not found".
 */
async function findVersion(db: Kysely<Database>, idOrPrefix: string): Promise<VersionRecord | undefined> {
  const exact = await db.selectFrom('versions').selectAll().where('id', '=', idOrPrefix).executeTakeFirst();
  if (exact !== undefined) return toVersionRecord(exact);
  const prefix = idOrPrefix.toLowerCase();
  if (!HEX_PREFIX.test(prefix)) return undefined;
  // Ids are lowercase hex, so every id starting with the prefix lies in [prefix, prefix + 'g'): an index range
  // scan on the primary key, unlike LIKE (case-insensitive on SQLite, so it cannot use the index).
  const rows = await db
    .selectFrom('versions')
    .selectAll()
    .where('id', '>=', prefix)
    .where('id', '<', `${prefix}g`)
    .orderBy('id')
    .limit(2)
    .execute();
  const [first, second] = rows;
  if (second !== undefined) {
    throw new AppError(
      'ambiguous_version_prefix',
      `version prefix ${prefix} is ambiguous: it matches several versions`,
    );
  }
  return first === undefined ? undefined : toVersionRecord(first);
}
