import type { NewsItem } from '../domain/news.ts';
import type { SourceDeclaration } from '../domain/source.ts';
import {
  dedupeNewsItems,
  isSameStory,
  normalizeNewsItem,
  type NewsDictionaries,
  type ParsedFeed,
} from '../news/index.ts';
import { extractListingItems } from '../sources/feeds/extract-listing-items.ts';
import { parseFeed } from '../sources/feeds/parse-feed.ts';
import type { Fetched } from '../sources/fetcher.ts';
import type { NewsItemRecord, NewsReport } from '../store/store.ts';

/** Settings of the news pipeline, from the config. */
export interface NewsOptions {
  readonly dictionaries: NewsDictionaries;
  /** Two reports of one story further apart than this are two stories. @defaultValue 48 h */
  readonly dedupeWindowMs: number;
  /** Items read from one feed at most. @defaultValue 500 */
  readonly maxItemsPerFeed: number;
}

/** Parses a fetched feed or listing page into raw items. Throws `ExtractError` on malformed input. */
export function parseSource(source: SourceDeclaration, page: Fetched, options: NewsOptions): ParsedFeed {
  if (source.kind === 'page' && source.listing !== undefined) {
    return extractListingItems(page.text, page.finalUrl, source.listing, { maxItems: options.maxItemsPerFeed });
  }
  return parseFeed({
    body: page.body,
    url: page.finalUrl,
    contentType: contentTypeOf(page),
    maxItems: options.maxItemsPerFeed,
  });
}

function contentTypeOf(page: Fetched): string | undefined {
  if (page.mediaType === '') return undefined;
  return page.charset === '' ? page.mediaType : `${page.mediaType}; charset=${page.charset}`;
}

/** Clean, tagged items of one feed, one per story. */
export function newsItemsOf(source: SourceDeclaration, parsed: ParsedFeed, options: NewsOptions): NewsItem[] {
  const items = parsed.items
    .map((raw) =>
      normalizeNewsItem(raw, {
        source: source.id,
        dictionaries: options.dictionaries,
        ...(source.language === undefined ? {} : { defaultLanguage: source.language }),
      }),
    )
    .filter((item): item is NewsItem => item !== null);
  return dedupeNewsItems(items, { windowMs: options.dedupeWindowMs });
}

/** What is new among a feed's unseen items once stories other sources carried first are set aside. */
export interface NewsTriage {
  /** Stories no source carried before. */
  readonly fresh: NewsItem[];
  /** Stories another source carried first: they join its `alsoReportedBy`. */
  readonly reports: NewsReport[];
}

/**
 * Splits a feed's unseen items into fresh stories and reports of stories stored already. Runs the same dedupe
 * over the stored recent items followed by the new ones: first seen wins, so a stored item absorbs its twins.
 * Each absorbed item goes with its report as a `copy`, so it stays known to its feed.
 */
export function triageNews(
  sourceId: string,
  unseen: readonly NewsItem[],
  recent: readonly NewsItemRecord[],
  options: { readonly windowMs: number; readonly at: string },
): NewsTriage {
  const stored = new Map(recent.map((record) => [identity(record.sourceId, record.key), toNewsItem(record)]));
  const merged = dedupeNewsItems([...stored.values(), ...unseen], { windowMs: options.windowMs });
  const fresh = merged.filter((item) => item.source === sourceId && !stored.has(identity(item.source, item.key)));
  const freshKeys = new Set(fresh.map((item) => item.key));
  // Stored stories that absorbed an item of this feed: the only candidates for a twin.
  const absorbers = merged.filter(
    (item) =>
      stored.has(identity(item.source, item.key)) &&
      (item.source === sourceId || item.alsoReportedBy.includes(sourceId)),
  );
  const reports: NewsReport[] = [];
  for (const item of unseen) {
    if (freshKeys.has(item.key)) continue;
    const twin = absorbers.find((candidate) => isSameStory(candidate, item, options.windowMs));
    if (twin === undefined) continue;
    reports.push({ sourceId: twin.source, key: twin.key, reportedBy: sourceId, copy: toNewsRecord(item, options.at) });
  }
  return { fresh, reports };
}

const identity = (source: string, key: string): string => `${source}\u0000${key}`;

export function toNewsItem(record: NewsItemRecord): NewsItem {
  return {
    source: record.sourceId,
    key: record.key,
    title: record.title,
    url: record.url,
    published: record.published,
    summary: record.summary,
    vendors: record.vendors,
    topics: record.topics,
    language: record.language,
    alsoReportedBy: record.alsoReportedBy,
  };
}

export function toNewsRecord(item: NewsItem, firstSeenAt: string): NewsItemRecord {
  return {
    sourceId: item.source,
    key: item.key,
    title: item.title,
    url: item.url,
    published: item.published,
    summary: item.summary,
    vendors: item.vendors,
    topics: item.topics,
    language: item.language,
    alsoReportedBy: item.alsoReportedBy,
    firstSeenAt,
  };
}
