import type { SourceHealth } from '../domain/source.ts';
import type { TrackerEvent } from '../domain/events.ts';

/** A raw page or feed body as fetched, content-addressed by the SHA-256 of its bytes. */
export interface SnapshotRecord {
  readonly id: string;
  readonly mediaType: string;
  readonly body: Buffer;
  readonly createdAt: string;
}

/** The extracted text of a terms document state, content-addressed by the SHA-256 of the text. */
export interface VersionRecord {
  readonly id: string;
  readonly text: string;
  readonly createdAt: string;
}

/** How a version entered a source's history. `technical` re-derivations never alert. */
export type VersionEntryKind = 'baseline' | 'change' | 'technical';

/** One step of a source's history: which version it showed from when, and from which snapshot. */
export interface VersionEntry {
  readonly seq: number;
  readonly sourceId: string;
  readonly versionId: string;
  readonly snapshotId: string;
  readonly kind: VersionEntryKind;
  readonly recordedAt: string;
}

/** A feed item as first seen. */
export interface NewsItemRecord {
  readonly sourceId: string;
  /** Stable identity within the feed: guid, else link, else title. */
  readonly key: string;
  readonly title: string;
  readonly url: string;
  readonly published: string | null;
  readonly summary: string;
  /** Vendor slugs the story concerns. */
  readonly vendors: readonly string[];
  /** Topic slugs. */
  readonly topics: readonly string[];
  /** ISO 639-1, or null. */
  readonly language: string | null;
  /** Other sources that carried the same story. */
  readonly alsoReportedBy: readonly string[];
  readonly firstSeenAt: string;
}

/** Another source carried a story already stored: `reportedBy` joins the stored item's `alsoReportedBy`. */
export interface NewsReport {
  readonly sourceId: string;
  readonly key: string;
  readonly reportedBy: string;
  /**
   * The reporting source's own copy of the story, stored as a duplicate row so the copy stays known to that
   * source (never announced later) while listings show the story once.
   */
  readonly copy?: NewsItemRecord | undefined;
}

/** A stored event, with its sequence number. */
export interface EventRecord {
  readonly id: number;
  readonly event: TrackerEvent;
}

/** Everything one poll of one source writes. `Store.recordPoll` writes it in one transaction. */
export interface PollRecord {
  readonly sourceId: string;
  readonly at: string;
  readonly result: PollSucceeded | PollFailed;
  readonly snapshot?: { readonly id: string; readonly mediaType: string; readonly body: Buffer } | undefined;
  readonly version?:
    | { readonly id: string; readonly text: string; readonly snapshotId: string; readonly kind: VersionEntryKind }
    | undefined;
  readonly newsItems?: readonly NewsItemRecord[] | undefined;
  /** Stories this poll found that other sources carried first. */
  readonly newsReports?: readonly NewsReport[] | undefined;
  readonly events: readonly TrackerEvent[];
}

export interface PollSucceeded {
  readonly ok: true;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** True when this poll recorded a new state (version or feed items). */
  readonly changed: boolean;
  /** Current version id (terms) or feed body hash (feeds). */
  readonly currentVersionId: string | null;
  /**
   * The page was rendered by the headless browser: remembered in the health (`needsBrowser`) so later polls of
   * an `auto` source skip plain HTTP. Sticky: false or absent leaves an earlier true as it is.
   */
  readonly needsBrowser?: boolean | undefined;
}

export interface PollFailed {
  readonly ok: false;
  readonly code: string;
  readonly message: string;
}

/**
 * Persistence port. The SQLite adapter (`SqliteStore`) is the embedded default; a PostgreSQL adapter
 * implements the same interface. Storage errors are thrown and crash loudly: they are never operational.
 */
export interface Store {
  /** Health of one source, or undefined before its first poll. */
  getHealth(sourceId: string): Promise<SourceHealth | undefined>;
  listHealth(): Promise<SourceHealth[]>;
  /** Writes a whole poll (health, snapshot, version, news items, events) atomically. */
  recordPoll(poll: PollRecord): Promise<void>;
  getSnapshot(id: string): Promise<SnapshotRecord | undefined>;
  /** A version by full id or by an unambiguous prefix of at least 6 hex digits. */
  getVersion(idOrPrefix: string): Promise<VersionRecord | undefined>;
  /** A source's history, newest first. */
  listVersionEntries(sourceId: string, limit?: number): Promise<VersionEntry[]>;
  /** Keys of the feed items already seen for a source. */
  knownNewsKeys(sourceId: string): Promise<Set<string>>;
  /** Recent news items of all sources, newest first. */
  listNewsItems(limit: number): Promise<NewsItemRecord[]>;
  /**
   * News items first seen or published at or after `since` (ISO-8601), newest first, at most `limit`: the
   * window in which a story from another feed counts as the same story.
   */
  listRecentNews(since: string, limit: number): Promise<NewsItemRecord[]>;
  /** Events after the given id, oldest first. */
  listEvents(afterId: number, limit: number): Promise<EventRecord[]>;
  close(): Promise<void>;
}
