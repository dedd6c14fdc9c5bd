import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { RetentionStore } from './alert-store.ts';
import type { Database } from './schema.ts';

/*
 * Pruning in portable SQL (SQLite ≥ 3.25 and PostgreSQL both have window functions and row-value `in`). Every
 * delete is a range on an indexed time column, so a daily prune reads about the rows it deletes rather than the
 * whole table (`outbox_status_created` comes from `0006-retention`; `events_at` and `news_items_first_seen` were there).
 *
 * Nothing references the deleted rows by key: deliveries name their event only inside `idempotency_key`, no
 * table points at `events.id`, and ids are never reused (autoincrement / identity), so pruning never lets a new
 * row take an old id. The one reference is `news_items.duplicate_of_…` (a feed's copy of a story another feed
 * carried first): a story is kept while a kept copy points at it.
 */

/** Deliveries in these states are finished: nothing will send them again. */
const FINISHED = ['sent', 'failed', 'disabled'] as const;

/** The `RetentionStore` over `db`. Storage errors are not caught. */
export function createSqlRetentionStore(db: Kysely<Database>): RetentionStore {
  return {
    prune: (cutoffs) =>
      db.transaction().execute(async (trx) => ({
        deliveries: await pruneDeliveries(trx, cutoffs.deliveriesBefore),
        events: await pruneEvents(trx, cutoffs.eventsBefore),
        news: await pruneNews(trx, cutoffs.newsBefore, cutoffs.keepNewsPerSource),
      })),
  };
}

async function pruneDeliveries(trx: Transaction<Database>, before: string): Promise<number> {
  const result = await trx
    .deleteFrom('outbox')
    .where('created_at', '<', before)
    .where('status', 'in', FINISHED)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

async function pruneEvents(trx: Transaction<Database>, before: string): Promise<number> {
  // `at` is null only on a row written without it (see `schema.ts`); such a row ages by when it was written.
  const result = await trx
    .deleteFrom('events')
    .where((eb) => eb.or([eb('at', '<', before), eb.and([eb('at', 'is', null), eb('created_at', '<', before)])]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Deletes news items first seen before `before`, except the newest `keep` of each source and any story a kept
 * copy points at. Only the items of sources that have something old are ranked.
 */
async function pruneNews(trx: Transaction<Database>, before: string, keep: number): Promise<number> {
  const result = await trx
    .with('ranked', (db) =>
      db
        .selectFrom('news_items')
        .select([
          'source_id',
          'item_key',
          'first_seen_at',
          'duplicate_of_source',
          'duplicate_of_key',
          sql<number>`row_number() over (partition by source_id order by first_seen_at desc, item_key desc)`.as('rank'),
        ])
        .where('source_id', 'in', (sub) =>
          sub.selectFrom('news_items').select('source_id').distinct().where('first_seen_at', '<', before),
        ),
    )
    // Copies that stay: recent ones (of any source, ranked or not) and the protected newest of a ranked source.
    .with('kept_copies', (db) =>
      db
        .selectFrom('news_items')
        .select(['duplicate_of_source', 'duplicate_of_key'])
        .where('duplicate_of_key', 'is not', null)
        .where('first_seen_at', '>=', before)
        .unionAll(
          db
            .selectFrom('ranked')
            .select(['duplicate_of_source', 'duplicate_of_key'])
            .where('duplicate_of_key', 'is not', null)
            .where('rank', '<=', keep),
        ),
    )
    // `except` rather than `not in (select …)`: SQLite checks a row-value `not in` by scanning the subquery for
    // every row (5 s for 55k doomed rows against 5k copies), but sorts both sides of `except` once (0.5 s).
    .with('doomed', (db) =>
      db
        .selectFrom('ranked')
        .select(['source_id', 'item_key'])
        .where('first_seen_at', '<', before)
        .where('rank', '>', keep)
        .except(
          db
            .selectFrom('kept_copies')
            .select(['duplicate_of_source as source_id', 'duplicate_of_key as item_key'])
            .$narrowType<{ source_id: string; item_key: string }>(),
        ),
    )
    .deleteFrom('news_items')
    .where((eb) =>
      eb(
        eb.refTuple('source_id', 'item_key'),
        'in',
        eb.selectFrom('doomed').select(['source_id', 'item_key']).$castTo<[string, string]>(),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
