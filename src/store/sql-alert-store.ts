import type { Kysely } from 'kysely';
import { toSourceDeclaration, watchedSourceRow } from './alert-rows.ts';
import type { EventLog, OutboxStore, RetentionStore, SubscriptionStore, WatchedSourceStore } from './alert-store.ts';
import { toEventRecord } from './rows.ts';
import type { Database } from './schema.ts';
import { createSqlOutboxStore } from './sql-outbox-store.ts';
import { createSqlRetentionStore } from './sql-retention-store.ts';
import { createSqlSubscriptionStore } from './sql-subscription-store.ts';
import type { SqliteStore } from './sqlite-store.ts';

/** Every alerting port, as one SQL database implements them. */
export type SqlAlertStore = SubscriptionStore & OutboxStore & EventLog & WatchedSourceStore & RetentionStore;

/** The event types digests and `latest` read; baselines and source errors never reach a subscriber. */
const ALERTABLE_EVENTS = ['terms-change', 'news'] as const;

/**
 * The alerting ports over any Kysely database the migrations built (portable SQL, like `createSqlStore`).
 * Storage errors are not caught.
 */
export function createSqlAlertStore(db: Kysely<Database>): SqlAlertStore {
  return {
    ...createSqlSubscriptionStore(db),
    ...createSqlOutboxStore(db),
    ...createEventLog(db),
    ...createWatchedSourceStore(db),
    ...createSqlRetentionStore(db),
  };
}

/**
 * The alerting ports on the SQLite store's own connection, so alert writes and the tracker's polls are
 * serialised by the one connection instead of contending for SQLite's write lock. Closing `store` closes them.
 */
export function createSqliteAlertStore(store: SqliteStore): SqlAlertStore {
  return createSqlAlertStore(store.db);
}

function createEventLog(db: Kysely<Database>): EventLog {
  return {
    async listEventsBetween(since, until, limit) {
      // `at` is the event's own time (copied out of the payload when written, see `0004-alerting`); ISO-8601
      // UTC text, so comparing text compares instants. Same-instant events keep the order they were written.
      const rows = await db
        .selectFrom('events')
        .select(['id', 'payload'])
        .where('type', 'in', ALERTABLE_EVENTS)
        .$if(since !== null, (select) => select.where('at', '>', since ?? ''))
        .where('at', '<=', until)
        .orderBy('at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toEventRecord);
    },
  };
}

function createWatchedSourceStore(db: Kysely<Database>): WatchedSourceStore {
  return {
    async addWatchedSource(declaration, addedBy, workspace, at) {
      const result = await db
        .insertInto('watched_sources')
        .values(watchedSourceRow(declaration, addedBy, workspace, at))
        .onConflict((conflict) => conflict.column('id').doNothing())
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    async removeWatchedSource(id) {
      const result = await db.deleteFrom('watched_sources').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async listWatchedSources() {
      const rows = await db
        .selectFrom('watched_sources')
        .select('declaration')
        .orderBy('added_at')
        .orderBy('id')
        .execute();
      return rows.map(toSourceDeclaration);
    },
  };
}
