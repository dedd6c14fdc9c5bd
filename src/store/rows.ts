import type { Insertable, Selectable } from 'kysely';
import { AppError } from '../domain/errors.ts';
import type { SourceHealth } from '../domain/source.ts';
import type { TrackerEvent } from '../domain/events.ts';
import type {
  EventsTable,
  NewsItemsTable,
  SnapshotsTable,
  SourceHealthTable,
  VersionEntriesTable,
  VersionsTable,
} from './schema.ts';
import type { EventRecord, NewsItemRecord, SnapshotRecord, VersionEntry, VersionRecord } from './store.ts';

/*
 * The one place rows (snake_case, as stored) become the port's camelCase records and back.
 */

export function toSourceHealth(row: Selectable<SourceHealthTable>): SourceHealth {
  return {
    sourceId: row.source_id,
    lastFetchAt: row.last_fetch_at,
    lastSuccessAt: row.last_success_at,
    lastChangeAt: row.last_change_at,
    consecutiveFailures: row.consecutive_failures,
    lastError: row.last_error,
    lastErrorCode: row.last_error_code,
    etag: row.etag,
    lastModified: row.last_modified,
    currentVersionId: row.current_version_id,
    needsBrowser: row.needs_browser === 1,
  };
}

export function toSnapshotRecord(row: Selectable<SnapshotsTable>): SnapshotRecord {
  return { id: row.id, mediaType: row.media_type, body: row.body, createdAt: row.created_at };
}

export function toVersionRecord(row: Selectable<VersionsTable>): VersionRecord {
  return { id: row.id, text: row.text, createdAt: row.created_at };
}

export function toVersionEntry(row: Selectable<VersionEntriesTable>): VersionEntry {
  return {
    seq: row.seq,
    sourceId: row.source_id,
    versionId: row.version_id,
    snapshotId: row.snapshot_id,
    kind: row.kind,
    recordedAt: row.recorded_at,
  };
}

export function toNewsItemRecord(row: Selectable<NewsItemsTable>): NewsItemRecord {
  return {
    sourceId: row.source_id,
    key: row.item_key,
    title: row.title,
    url: row.url,
    published: row.published,
    summary: row.summary,
    vendors: fromJsonArray(row.vendors, 'vendors'),
    topics: fromJsonArray(row.topics, 'topics'),
    language: row.language,
    alsoReportedBy: fromJsonArray(row.also_reported_by, 'also_reported_by'),
    firstSeenAt: row.first_seen_at,
  };
}

export function newsItemRow(item: NewsItemRecord): Insertable<NewsItemsTable> {
  return {
    source_id: item.sourceId,
    item_key: item.key,
    title: item.title,
    url: item.url,
    published: item.published,
    summary: item.summary,
    vendors: toJsonArray(item.vendors),
    topics: toJsonArray(item.topics),
    language: item.language,
    also_reported_by: toJsonArray(item.alsoReportedBy),
    first_seen_at: item.firstSeenAt,
  };
}

/** A list of strings as stored in a JSON-array text column. */
export function toJsonArray(values: readonly string[]): string {
  return JSON.stringify(values);
}

/**
 * A JSON-array text column back as strings. Anything else means the database was written by something other
 * than this store: a storage error, thrown rather than guessed around.
 */
export function fromJsonArray(text: string, column: string): string[] {
  const parsed = parseJson(text);
  if (Array.isArray(parsed) && parsed.every((value): value is string => typeof value === 'string')) return parsed;
  throw new AppError('storage_corrupt', `news_items.${column} is not a JSON array of strings: ${text.slice(0, 80)}`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // reported by the caller, which knows the column
  }
}

export function toEventRecord(row: Pick<Selectable<EventsTable>, 'id' | 'payload'>): EventRecord {
  // The payload was written by `eventRow` from a typed event; it is trusted, not re-validated.
  return { id: row.id, event: JSON.parse(row.payload) as TrackerEvent };
}

export function eventRow(event: TrackerEvent, createdAt: string): Insertable<EventsTable> {
  return {
    type: event.type,
    source_id: event.source,
    payload: JSON.stringify(event),
    created_at: createdAt,
    at: event.at,
  };
}
