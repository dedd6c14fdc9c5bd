// News listing pages without a feed (`kind: page`): the configured selectors pick items out of the HTML.
import * as cheerio from 'cheerio';
import type { Cheerio } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { ExtractError } from '../../domain/errors.ts';
import type { ParsedFeed, RawNewsItem } from '../../news/types.ts';
import {
  DEFAULT_MAX_FEED_BYTES,
  DEFAULT_MAX_ITEMS,
  MAX_TEXT_CHARS,
  MAX_TITLE_CHARS,
  limitOption,
  toRawNewsItem,
  type ItemSource,
} from './feed-limits.ts';
import { estimateNestingDepth } from './nesting-depth.ts';
import { findDate } from './parse-date.ts';
import { collapseWhitespace, nodeText, truncate } from './plain-text.ts';
import { resolveBase, resolveHttpUrl } from './resolve-url.ts';

/** CSS selectors for one listing page. All but `item` are looked up inside each item element. */
export interface ListingSelectors {
  /** One match per news item (`article.post`, `li.news-item`). */
  readonly item: string;
  /** The headline inside the item. */
  readonly title: string;
  /** The element carrying the link (its `href`, else its first `a[href]`). @defaultValue the item's first `a[href]` */
  readonly link?: string | undefined;
  /** The element carrying the date (a `datetime` attribute, else its text). @defaultValue the item's `time` */
  readonly date?: string | undefined;
  /** The teaser text. @defaultValue none: the summary stays empty */
  readonly summary?: string | undefined;
}

/** Bounds for `extractListingItems`. */
export interface ListingOptions {
  /** Items kept; the rest are counted in `truncated`. @defaultValue 500 */
  readonly maxItems?: number;
}

/**
 * Reads the items of a news listing page: each `item` match yields its title text, its link resolved against the
 * page's `<base>` and URL, its date (from `datetime` or text such as "12 March 2025" or "12. März 2025") and its
 * summary. Items with neither title nor link are skipped.
 *
 * @throws ExtractError `selector_invalid` when a selector does not parse, `selector_not_found` when `item` matches
 *   nothing (the page changed or the selector is wrong), `too_large` over 10 M characters, `page_too_deep` when
 *   elements nest more than 1,000 deep (broken or hostile markup that would stall the HTML parser).
 */
export function extractListingItems(
  html: string,
  pageUrl: string,
  selectors: ListingSelectors,
  options: ListingOptions = {},
): ParsedFeed {
  refuseHostilePage(html, pageUrl);
  const $ = cheerio.load(html);
  const base = resolveBase($('base[href]').first().attr('href'), resolveBase(pageUrl, null));
  const nodes = select(() => $(selectors.item).toArray(), selectors.item, pageUrl);
  if (nodes.length === 0) {
    throw new ExtractError('selector_not_found', `listing selector "${selectors.item}" matched nothing on ${pageUrl}`);
  }
  const maxItems = limitOption(options.maxItems, DEFAULT_MAX_ITEMS);
  const items: RawNewsItem[] = [];
  for (const node of nodes.slice(0, maxItems)) {
    const item = toRawNewsItem(readItem($(node), selectors, base, pageUrl), alreadyText);
    if (item !== null) items.push(item);
  }
  const title = truncate(collapseWhitespace($('title').first().text()), MAX_TITLE_CHARS);
  return {
    format: 'page',
    title: title === '' ? null : title,
    items,
    truncated: nodes.length - Math.min(nodes.length, maxItems),
  };
}

/** Pages nested deeper than browsers build trees (512) are broken or hostile; HTML parsers slow down on them. */
const MAX_PAGE_DEPTH = 1_000;

function refuseHostilePage(html: string, pageUrl: string): void {
  if (html.length > DEFAULT_MAX_FEED_BYTES) {
    throw new ExtractError(
      'too_large',
      `listing page too large: ${html.length} characters, limit ${DEFAULT_MAX_FEED_BYTES} (${pageUrl})`,
    );
  }
  const depth = estimateNestingDepth(html, MAX_PAGE_DEPTH);
  if (depth > MAX_PAGE_DEPTH) {
    throw new ExtractError(
      'page_too_deep',
      `listing page nests elements more than ${MAX_PAGE_DEPTH} deep, refusing to parse it: ${pageUrl}`,
    );
  }
}

function readItem(
  item: Cheerio<AnyNode>,
  selectors: ListingSelectors,
  base: string | null,
  pageUrl: string,
): ItemSource {
  const find = (selector: string): Cheerio<Element> => select(() => item.find(selector).first(), selector, pageUrl);
  const dateElement = find(selectors.date ?? 'time');
  return {
    id: undefined,
    title: textOf(find(selectors.title), MAX_TITLE_CHARS),
    url: resolveHttpUrl(linkOf(item, selectors.link === undefined ? undefined : find(selectors.link)), base),
    published: dateOf(dateElement),
    summary: selectors.summary === undefined ? undefined : textOf(find(selectors.summary), MAX_TEXT_CHARS),
    content: undefined,
  };
}

/** The link element's own `href`, else the first `a[href]` inside it; without a link selector the item's own. */
function linkOf(item: Cheerio<AnyNode>, linkElement: Cheerio<Element> | undefined): string | undefined {
  const scope = linkElement ?? item;
  const own = scope.attr('href');
  if (own !== undefined) return own;
  const inner = scope.find('a[href]').first().attr('href');
  // A headline link often wraps the whole card: the item itself sits inside an <a>.
  return inner ?? (linkElement === undefined ? item.closest('a[href]').attr('href') : undefined);
}

function dateOf(element: Cheerio<Element>): string | null {
  if (element.length === 0) return null;
  const attribute = element.attr('datetime') ?? element.find('[datetime]').first().attr('datetime');
  const fromAttribute = attribute === undefined ? null : findDate(attribute);
  return fromAttribute ?? findDate(textOf(element, 500));
}

function textOf(element: Cheerio<Element>, maxChars: number): string {
  const node = element[0];
  return node === undefined ? '' : nodeText(node, maxChars);
}

/** Listing fields are read as text from the DOM already (entities decoded once, as the page means them). */
function alreadyText(value: string | undefined): string {
  return value ?? '';
}

/** Runs a cheerio lookup, turning a selector syntax error into an ExtractError naming the selector. */
function select<TResult>(lookup: () => TResult, selector: string, pageUrl: string): TResult {
  try {
    return lookup();
  } catch (error) {
    throw new ExtractError('selector_invalid', `invalid listing selector "${selector}" for ${pageUrl}`, {
      cause: error,
    });
  }
}
