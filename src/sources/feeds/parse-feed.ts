// Feed bytes → ParsedFeed: bound, decode, classify, parse with feedsmith, clean each item.
//
// Library choice: feedsmith (3.x) over @rowanmanning/feed-parser (2.x). feedsmith reads all four dialects we need,
// JSON Feed included (feed-parser reads RSS and Atom only); it reports malformed XML as an error where feed-parser
// silently returns whatever it could recover; and it hands over `xml:base`, Atom text types and the raw date strings,
// so link resolution and date parsing stay ours and behave the same for every dialect. Neither library expands
// DOCTYPE entities (fast-xml-parser runs with entity processing off), so "billion laughs" documents parse in linear
// time and their references stay literal `&name;` text.
import {
  DetectError,
  MalformedError,
  ParseError,
  parseAtomFeed,
  parseJsonFeed,
  parseRdfFeed,
  parseRssFeed,
} from 'feedsmith';
import { ExtractError } from '../../domain/errors.ts';
import type { ParsedFeed, RawNewsItem } from '../../news/types.ts';
import { parseContentType } from '../http/charset.ts';
import { decodeFeedBody } from './decode-feed-body.ts';
import {
  DEFAULT_MAX_FEED_BYTES,
  DEFAULT_MAX_ITEMS,
  MAX_TITLE_CHARS,
  limitOption,
  toRawNewsItem,
} from './feed-limits.ts';
import { toPlainText } from './plain-text.ts';
import { readAtom, readJson, readRdf, readRss, type FeedFields } from './read-dialects.ts';
import { resolveBase } from './resolve-url.ts';
import { sniffFeed, type FeedKind } from './sniff-feed.ts';
import { trimFeed } from './trim-feed.ts';

/** What `parseFeed` needs: the body as fetched or read, where it came from, and optional bounds. */
export interface ParseFeedInput {
  /** The raw bytes; decoded here (BOM, header charset, XML prolog, meta). */
  readonly body: Uint8Array;
  /** The feed's URL: the base for relative links and the name in error messages. */
  readonly url: string;
  /** The Content-Type header, if any: its charset wins over the body's own label, its media type can mark JSON. */
  readonly contentType?: string | undefined;
  /** Items kept; the rest are counted in `truncated`. @defaultValue 500 */
  readonly maxItems?: number;
  /** Bodies larger than this are refused with `too_large`. @defaultValue 10 MiB */
  readonly maxBytes?: number;
}

type FeedFormat = Exclude<ParsedFeed['format'], 'page'>;

const FORMAT_NAMES: Readonly<Record<FeedFormat, string>> = { rss: 'RSS', atom: 'Atom', rdf: 'RDF', json: 'JSON' };

/**
 * Parses an RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0 or JSON Feed 1.x document into plain-text items with absolute
 * links and UTC ISO-8601 dates.
 *
 * @throws ExtractError `too_large` (over `maxBytes`), `empty_document`, `not_a_feed` (an HTML page, another XML
 *   vocabulary, JSON that is no JSON Feed), `feed_malformed` (broken XML or JSON, no channel).
 */
export function parseFeed(input: ParseFeedInput): ParsedFeed {
  const maxBytes = limitOption(input.maxBytes, DEFAULT_MAX_FEED_BYTES);
  if (input.body.length > maxBytes) {
    throw new ExtractError('too_large', `feed too large: ${input.body.length} bytes, limit ${maxBytes} (${input.url})`);
  }
  const { mediaType, charset } = parseContentType(input.contentType);
  const { text } = decodeFeedBody(input.body, charset);
  if (!/\S/.test(text)) throw new ExtractError('empty_document', `feed is empty: ${input.url}`);
  const { format, root } = feedFormat(sniffFeed(text, mediaType), input.url);
  const fields = readFeed(format, root, text, input);
  return toParsedFeed(format, fields);
}

/** The feed's format and, for XML, its root element as written; throws for anything that is not a feed. */
function feedFormat(kind: FeedKind, url: string): { format: FeedFormat; root: string } {
  switch (kind.kind) {
    case 'html':
      throw new ExtractError('not_a_feed', `got an HTML page, not a feed: ${url}`);
    case 'other':
      throw new ExtractError(
        'not_a_feed',
        kind.root === null
          ? `not a feed: neither XML nor JSON (${url})`
          : `not a feed: root element <${kind.root}> is not <rss>, <feed> or <rdf:RDF> (${url})`,
      );
    case 'json':
      return { format: 'json', root: '' };
    default:
      return { format: kind.kind, root: kind.root };
  }
}

function readFeed(format: FeedFormat, root: string, text: string, input: ParseFeedInput): FeedFields {
  const base = resolveBase(input.url, null);
  const maxItems = limitOption(input.maxItems, DEFAULT_MAX_ITEMS);
  switch (format) {
    case 'rss':
      return readXml({ format, root, text, url: input.url, base, maxItems }, parseRssFeed, readRss);
    case 'atom':
      return readXml({ format, root, text, url: input.url, base, maxItems }, parseAtomFeed, readAtom);
    case 'rdf':
      return readXml({ format, root, text, url: input.url, base, maxItems }, parseRdfFeed, readRdf);
    case 'json': {
      const json = jsonFeedObject(text, input.url);
      return readJson(
        guarded(() => parseJsonFeed(json), format, input.url),
        base,
        maxItems,
      );
    }
  }
}

/** An XML feed to read: its dialect and root element as sniffed, its text, where it came from, the item bound. */
interface XmlFeedSource {
  readonly format: 'rss' | 'atom' | 'rdf';
  readonly root: string;
  readonly text: string;
  readonly url: string;
  readonly base: string | null;
  readonly maxItems: number;
}

/**
 * Parses an XML feed, cut after `maxItems` items when it carries more. A module-level function rather than a
 * closure made per call: tsx (esbuild's keepNames) names each such closure with `Object.defineProperty` as it is
 * made, a few microseconds per feed in profiles of the news benchmark.
 */
function readXml<TFeed>(source: XmlFeedSource, parse: (xmlText: string) => TFeed, read: Reader<TFeed>): FeedFields {
  const { format, root, text, url, base, maxItems } = source;
  const trimmed = trimFeed(text, format, root, maxItems);
  if (trimmed !== null) {
    const feed = attempt(() => parse(trimmed.text));
    // The cut can land badly (an `<item>` inside CDATA): then the whole document is parsed after all.
    if (feed !== undefined) return { ...read(feed, base, maxItems), total: trimmed.total };
  }
  return read(
    guarded(() => parse(text), format, url),
    base,
    maxItems,
  );
}

type Reader<TFeed> = (feed: TFeed, base: string | null, maxItems: number) => FeedFields;

function attempt<TFeed>(parse: () => TFeed): TFeed | undefined {
  try {
    return parse();
  } catch {
    return undefined;
  }
}

/** Only the library call is guarded: whatever a hostile document provokes there is the document's fault. */
function guarded<TFeed>(parse: () => TFeed, format: FeedFormat, url: string): TFeed {
  try {
    return parse();
  } catch (error) {
    throw libraryError(error, format, url);
  }
}

/** JSON.parse ourselves: feedsmith swallows JSON syntax errors into "unrecognized format", we want the reason. */
function jsonFeedObject(text: string, url: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ExtractError('feed_malformed', `malformed JSON in feed ${url}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const version = typeof value === 'object' && value !== null ? (value as { version?: unknown }).version : undefined;
  if (typeof version !== 'string' || !version.includes('jsonfeed.org/version/')) {
    throw new ExtractError('not_a_feed', `not a feed: JSON without a jsonfeed.org "version" (${url})`);
  }
  return value;
}

function libraryError(error: unknown, format: FeedFormat, url: string): ExtractError {
  const what = `${FORMAT_NAMES[format]} feed`;
  if (error instanceof DetectError) {
    return new ExtractError('not_a_feed', `not a feed: no ${what} structure in ${url}`, { cause: error });
  }
  if (error instanceof ParseError) {
    return new ExtractError('feed_malformed', `malformed ${what} (no channel or entries) in ${url}`, { cause: error });
  }
  // MalformedError carries fast-xml-parser's reason ("Unexpected end of title") as its cause.
  const reason = error instanceof MalformedError && error.cause instanceof Error ? error.cause : error;
  const detail = reason instanceof Error ? reason.message : String(reason);
  return new ExtractError('feed_malformed', `malformed ${what} ${url}: ${detail}`, { cause: error });
}

function toParsedFeed(format: FeedFormat, fields: FeedFields): ParsedFeed {
  const items: RawNewsItem[] = [];
  for (const entry of fields.entries) {
    const item = toRawNewsItem(entry);
    if (item !== null) items.push(item);
  }
  const title = toPlainText(fields.title, MAX_TITLE_CHARS);
  return { format, title: title === '' ? null : title, items, truncated: fields.total - fields.entries.length };
}
