/**
 * An item as a feed or a listing page yields it, before normalisation: the seam between the parsers
 * (`src/sources/feeds/`) and the news pipeline (`src/news/`).
 */
export interface RawNewsItem {
  /** The feed's own identity for the item (RSS guid, Atom id, JSON Feed id), or null. */
  readonly id: string | null;
  /** Plain text (HTML removed, entities decoded). */
  readonly title: string;
  /** Absolute URL (relative links resolved against xml:base / the feed URL), or null. */
  readonly url: string | null;
  /** ISO-8601 UTC, or null when absent or unparseable. */
  readonly published: string | null;
  /** Plain text of the description/summary (may be long; the pipeline shortens it). */
  readonly summary: string;
  /** Plain text of the full content when the feed carries it separately, else empty. */
  readonly content: string;
}

/** A parsed feed or listing page. */
export interface ParsedFeed {
  readonly format: 'rss' | 'rdf' | 'atom' | 'json' | 'page';
  /** The feed's own title, plain text, or null. */
  readonly title: string | null;
  readonly items: readonly RawNewsItem[];
  /** Items dropped because the feed carried more than the cap. */
  readonly truncated: number;
}
