// Bounds on what one feed or listing page may yield, whatever it carries.
import type { RawNewsItem } from '../../news/types.ts';
import { toPlainText, truncate } from './plain-text.ts';

/** Items kept from one feed or page; the rest are counted in `truncated`. */
export const DEFAULT_MAX_ITEMS = 500;
/** Bodies `parseFeed` refuses outright (the HTTP fetcher stops at 5 MB already; files from the CLI may be bigger). */
export const DEFAULT_MAX_FEED_BYTES = 10 * 1024 * 1024;
/** Characters kept of a summary or content. */
export const MAX_TEXT_CHARS = 20_000;
/** Characters kept of a title. */
export const MAX_TITLE_CHARS = 1_000;
/** Characters kept of an id: ids become store keys. */
export const MAX_ID_CHARS = 2_000;

/** An item's fields as a dialect or page gives them: markup still in the text, the link and date already read. */
export interface ItemSource {
  readonly id: string | undefined;
  readonly title: string | undefined;
  readonly url: string | null;
  readonly published: string | null;
  readonly summary: string | undefined;
  readonly content: string | undefined;
}

/** A usable limit from an option: a whole number ≥ 0, else the default. */
export function limitOption(value: number | undefined, fallback: number): number {
  return value === undefined || !Number.isFinite(value) || value < 0 ? fallback : Math.floor(value);
}

/** Turns a field to bounded plain text: `toPlainText` for markup; listing pages pass text they already extracted. */
export type ToText = (value: string | undefined, maxChars: number) => string;

/**
 * Cleans one item: plain-text title, summary and content within their bounds, trimmed id. An item with neither a
 * title nor a link names no story and yields null.
 */
export function toRawNewsItem(source: ItemSource, toText: ToText = toPlainText): RawNewsItem | null {
  const title = toText(source.title, MAX_TITLE_CHARS);
  if (title === '' && source.url === null) return null;
  const id = truncate(source.id?.trim() ?? '', MAX_ID_CHARS);
  return {
    id: id === '' ? null : id,
    title,
    url: source.url,
    published: source.published,
    summary: toText(source.summary, MAX_TEXT_CHARS),
    content: toText(source.content, MAX_TEXT_CHARS),
  };
}
