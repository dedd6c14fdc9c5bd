import * as cheerio from 'cheerio';
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { ExtractError } from '../domain/errors.ts';

/** An item of a feed, as much as change detection needs. */
export interface FeedItem {
  /** Stable identity within the feed: guid/id, else link, else title. */
  readonly key: string;
  readonly title: string;
  readonly url: string;
  readonly published: string | null;
  readonly summary: string;
}

/** A feed never yields more items than this, whatever it carries. */
export const MAX_FEED_ITEMS = 500;
const MAX_SUMMARY_CHARS = 300;

/**
 * Reads the items of an RSS 0.9x/1.0/2.0 or Atom feed. Items keep their feed's identity (guid, id or link), so an
 * item whose date alone changes is the same item.
 */
export function extractFeedItems(xml: string, baseUrl: string): FeedItem[] {
  const $ = cheerio.load(xml, { xml: true });
  const root = $.root().children().first();
  const rootName = root.prop('tagName')?.toLowerCase() ?? '';
  if (!['rss', 'feed', 'rdf:rdf', 'rdf'].includes(rootName)) {
    throw new ExtractError('not_a_feed', `not an RSS or Atom feed (root element <${rootName || 'none'}>)`);
  }
  const nodes = rootName === 'feed' ? $('feed > entry') : $('item');
  return nodes
    .toArray()
    .slice(0, MAX_FEED_ITEMS)
    .map((node) => toItem($, $(node), baseUrl))
    .filter((item): item is FeedItem => item !== null);
}

function toItem($: CheerioAPI, node: Cheerio<Element>, baseUrl: string): FeedItem | null {
  const title = plainText(childText(node, 'title'));
  const url = resolveUrl(itemLink($, node), baseUrl);
  const guid = childText(node, 'guid') || childText(node, 'id');
  const key = guid || url || title;
  if (key === '') return null;
  const published = toIsoDate(
    childText(node, 'pubDate') || childText(node, 'published') || childText(node, 'updated') || childText(node, 'dc\\:date'),
  );
  const summary = plainText(
    childText(node, 'description') || childText(node, 'summary') || childText(node, 'content'),
  ).slice(0, MAX_SUMMARY_CHARS);
  return { key, title, url, published, summary };
}

function childText(node: Cheerio<Element>, name: string): string {
  return node.children(name).first().text().trim();
}

function itemLink($: CheerioAPI, node: Cheerio<Element>): string {
  const links = node.children('link').toArray();
  const atom = links.find((link) => ($(link).attr('rel') ?? 'alternate') === 'alternate' && $(link).attr('href'));
  if (atom !== undefined) return $(atom).attr('href') ?? '';
  return node.children('link').first().text().trim();
}

function resolveUrl(href: string, baseUrl: string): string {
  if (href === '') return '';
  try {
    return new URL(href, baseUrl).href;
  } catch {
    return href;
  }
}

/** Feed titles and descriptions often carry escaped HTML. */
function plainText(value: string): string {
  if (!value.includes('<') && !value.includes('&')) return value.replace(/\s+/g, ' ').trim();
  return cheerio.load(value).root().text().replace(/\s+/g, ' ').trim();
}

function toIsoDate(value: string): string | null {
  if (value === '') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
