// Where each dialect keeps an item's id, title, link, date, summary and content, as feedsmith hands them over:
// strings with one level of entities decoded and HTML still in them; links and dates are read here.
import type { AtomFeed, JsonFeed, RdfFeed, RssFeed } from 'feedsmith';
import type { ItemSource } from './feed-limits.ts';
import { parseDate } from './parse-date.ts';
import { resolveBase, resolveHttpUrl } from './resolve-url.ts';

/** A feed's raw fields: its title, how many items it carried, and at most `maxItems` of them. */
export interface FeedFields {
  readonly title: string | undefined;
  readonly total: number;
  readonly entries: readonly ItemSource[];
}

/** RSS 0.9x/2.0. Links resolve against `xml:base` if a feed uses it, else the feed's URL. */
export function readRss(feed: RssFeed.Feed<string>, feedUrl: string | null, maxItems: number): FeedFields {
  const base = resolveBase(feed.xml?.base, feedUrl);
  const items = feed.items ?? [];
  return {
    title: feed.title,
    total: items.length,
    entries: items.slice(0, maxItems).map((item) => {
      const itemBase = resolveBase(item.xml?.base, base);
      const guid = item.guid?.value;
      // RSS 2.0: a guid is a permalink unless marked isPermaLink="false".
      const permalink = item.guid?.isPermaLink === false ? undefined : guid;
      return {
        id: guid,
        title: item.title,
        url: resolveHttpUrl(item.link, itemBase) ?? resolveHttpUrl(permalink, null),
        published: parseDate(item.pubDate ?? item.dc?.dates?.[0]),
        summary: item.description,
        content: item.content?.encoded,
      };
    }),
  };
}

/** RSS 1.0 (RDF): the item's `rdf:about` is its identity and, failing `<link>`, its link. */
export function readRdf(feed: RdfFeed.Feed<string>, feedUrl: string | null, maxItems: number): FeedFields {
  const base = resolveBase(feed.xml?.base, feedUrl);
  const items = feed.items ?? [];
  return {
    title: feed.title,
    total: items.length,
    entries: items.slice(0, maxItems).map((item) => ({
      id: item.rdf?.about,
      title: item.title,
      url: resolveHttpUrl(item.link, base) ?? resolveHttpUrl(item.rdf?.about, base),
      published: parseDate(item.dc?.dates?.[0]),
      summary: item.description,
      content: item.content?.encoded,
    })),
  };
}

/** Atom 1.0: `xml:base` on the feed and on each entry; the alternate link; out-of-line content (`src`) is skipped. */
export function readAtom(feed: AtomFeed.Feed<string>, feedUrl: string | null, maxItems: number): FeedFields {
  const feedBase = resolveBase(feed.xml?.base, feedUrl);
  const entries = feed.entries ?? [];
  return {
    title: feed.title?.value,
    total: entries.length,
    entries: entries.slice(0, maxItems).map((entry) => {
      const base = resolveBase(entry.xml?.base, feedBase);
      return {
        id: entry.id,
        title: entry.title?.value,
        url: resolveHttpUrl(alternateLink(entry.links), base) ?? resolveHttpUrl(entry.id, null),
        published: parseDate(entry.published ?? entry.updated ?? entry.dc?.dates?.[0]),
        summary: entry.summary?.value,
        content: entry.content?.src === undefined ? entry.content?.value : undefined,
      };
    }),
  };
}

/** JSON Feed 1.0/1.1. Relative item URLs resolve against the feed's URL (the spec names no base). */
export function readJson(feed: JsonFeed.Feed<string>, feedUrl: string | null, maxItems: number): FeedFields {
  const items = feed.items ?? [];
  return {
    title: feed.title,
    total: items.length,
    entries: items.slice(0, maxItems).map((item) => ({
      id: item.id,
      title: item.title,
      url: resolveHttpUrl(item.url, feedUrl) ?? resolveHttpUrl(item.external_url, feedUrl),
      published: parseDate(item.date_published ?? item.date_modified),
      summary: item.summary,
      content: item.content_html ?? item.content_text,
    })),
  };
}

/** The entry's web page: `rel="alternate"` (the default rel) preferring an HTML type, else any non-service link. */
function alternateLink(links: readonly AtomFeed.Link<string>[] | undefined): string | undefined {
  if (links === undefined) return undefined;
  const alternates = links.filter((link) => (link.rel ?? 'alternate') === 'alternate' && link.href !== undefined);
  const html = alternates.find((link) => link.type === undefined || link.type.includes('html'));
  const fallback = links.find((link) => !['self', 'edit', 'replies', 'enclosure'].includes(link.rel ?? ''));
  return (html ?? alternates[0] ?? fallback)?.href;
}
