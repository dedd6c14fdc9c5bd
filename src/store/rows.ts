import type { Insertable, Selectable } from 'kysely';
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
    first_seen_at: item.firstSeenAt,
  };
}

export function toEventRecord(row: Pick<Selectable<EventsTable>, 'id' | 'payload'>): EventRecord {
  // The payload was written by `eventRow` from a typed event; it is trusted, not re-validated.
  return { id: row.id, event: JSON.parse(row.payload) as TrackerEvent };
}

export function eventRow(event: TrackerEvent, createdAt: string): Insertable<EventsTable> {
  return { type: event.type, source_id: event.source, payload: JSON.stringify(event), created_at: createdAt };
}
