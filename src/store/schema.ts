import type { ColumnType, Generated } from 'kysely';
import type { VersionEntryKind } from './store.ts';

/*
 * Table shapes as the database sees them (snake_case). Rows are mapped to the port's camelCase types in
 * `rows.ts` only. Timestamps are ISO-8601 UTC text so they sort and compare the same on SQLite and PostgreSQL;
 * booleans are integers 0/1 for the same reason; JSON is text.
 */

/** `source_health`: one row per source, upserted on every poll. */
export interface SourceHealthTable {
  source_id: string;
  last_fetch_at: string | null;
  last_success_at: string | null;
  last_change_at: string | null;
  consecutive_failures: number;
  last_error: string | null;
  last_error_code: string | null;
  etag: string | null;
  last_modified: string | null;
  /** Not a foreign key: for feeds it is the feed body hash, which has no `versions` row. */
  current_version_id: string | null;
  /** 1 once a poll needed the headless browser (sticky); `0005-browser-needed`. */
  needs_browser: ColumnType<number, number | undefined, number>;
}

/** `snapshots`: raw bodies, content-addressed (`id` = SHA-256 hex of the bytes), never overwritten. */
export interface SnapshotsTable {
  id: string;
  media_type: string;
  body: Buffer;
  created_at: string;
}

/** `versions`: extracted texts, content-addressed (`id` = SHA-256 hex of the text), never overwritten. */
export interface VersionsTable {
  id: string;
  text: string;
  created_at: string;
}

/** `version_entries`: the append-only history of every terms source. */
export interface VersionEntriesTable {
  seq: Generated<number>;
  source_id: string;
  version_id: string;
  snapshot_id: string;
  kind: VersionEntryKind;
  recorded_at: string;
}

/**
 * `news_items`: feed items as first seen; `(source_id, item_key)` is the identity. Only `also_reported_by` changes
 * afterwards, as other sources carry the same story.
 */
export interface NewsItemsTable {
  source_id: string;
  item_key: string;
  title: string;
  url: string;
  published: string | null;
  summary: string;
  /** JSON array of vendor slugs. */
  vendors: JsonArrayColumn;
  /** JSON array of topic slugs. */
  topics: JsonArrayColumn;
  /** ISO 639-1 code, or null. */
  language: string | null;
  /** JSON array of the other source ids that carried the same story, in the order they reported it. */
  also_reported_by: JsonArrayColumn;
  first_seen_at: string;
  /** Set on a feed's copy of a story another source carried first: that story's identity. */
  duplicate_of_source: ColumnType<string | null, string | null | undefined, string | null>;
  duplicate_of_key: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A JSON array stored as text, defaulting to `'[]'` when an insert omits it. */
export type JsonArrayColumn = ColumnType<string, string | undefined, string>;

/** `events`: the append-only event log the alerting side reads with a cursor on `id`. */
export interface EventsTable {
  id: Generated<number>;
  type: string;
  source_id: string;
  /** The whole `TrackerEvent` as JSON. */
  payload: string;
  created_at: string;
  /**
   * The event's own `at` (detection time), copied out of the payload so time windows are an index range.
   * Null only if a row was written without it; every row the store writes has it.
   */
  at: ColumnType<string | null, string, string>;
}

/** `subscriptions`: who wants which alerts where. */
export interface SubscriptionsTable {
  id: Generated<number>;
  platform: string;
  workspace_id: string;
  /** Null for a DM subscription (`user_id` set). */
  channel_id: string | null;
  user_id: string | null;
  /** `targetKey()` of the target, so "everything of one target" is one indexed lookup. */
  target_key: string;
  /** JSON: the whole `SubscriptionFilters`. */
  filters: string;
  /** What to mention with high-significance alerts (`<@&role>`, `<!here>`), if anything. */
  mention: string | null;
  created_by: string;
  created_at: string;
  paused: ColumnType<number, number | undefined, number>;
}

/** `digests`: one schedule per target. */
export interface DigestsTable {
  /** `targetKey()` of the target: the primary key. */
  target_key: string;
  platform: string;
  workspace_id: string;
  channel_id: string | null;
  user_id: string | null;
  /** node-cron expression. */
  cron: string;
  /** IANA time zone. */
  timezone: string;
  last_sent_at: string | null;
}

/** Delivery state of an outbox message. */
export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'disabled';

/** `outbox`: messages to deliver, written before they are sent, made idempotent by `idempotency_key`. */
export interface OutboxTable {
  id: Generated<number>;
  idempotency_key: string;
  platform: string;
  /** JSON: the `Target`. */
  target: string;
  /**
   * `targetKey()` of the target: deliveries of one target go out in `id` order. Null only on a row written
   * without it (the column was added by `0004-alerting`); every delivery the store writes has it.
   */
  target_key: ColumnType<string | null, string, string>;
  /** JSON: the neutral `AlertMessage`. */
  payload: string;
  status: OutboxStatus;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: string | null;
  platform_message_id: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** `watched_sources`: sources admins added from chat, watched besides the configured ones. */
export interface WatchedSourcesTable {
  id: string;
  /** JSON: the `SourceDeclaration`. */
  declaration: string;
  added_by: string;
  platform: string;
  workspace_id: string;
  added_at: string;
}

/** `settings`: key/value per workspace, e.g. the alerts channel. */
export interface SettingsTable {
  platform: string;
  workspace_id: string;
  key: string;
  value: string;
}

/** The whole schema, as Kysely types it. */
export interface Database {
  source_health: SourceHealthTable;
  snapshots: SnapshotsTable;
  versions: VersionsTable;
  version_entries: VersionEntriesTable;
  news_items: NewsItemsTable;
  events: EventsTable;
  subscriptions: SubscriptionsTable;
  digests: DigestsTable;
  outbox: OutboxTable;
  settings: SettingsTable;
  watched_sources: WatchedSourcesTable;
}
