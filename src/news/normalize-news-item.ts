/**
 * A parsed feed item (`RawNewsItem`) made into a clean, tagged `NewsItem`: canonical URL, identity, summary,
 * vendors, topics and language.
 */
import type { NewsItem } from '../domain/news.ts';
import { canonicalUrl } from './canonical-url.ts';
import { detectLanguage, LANGUAGE_SAMPLE_CHARS } from './detect-language.ts';
import type { NewsDictionaries } from './dictionaries.ts';
import { summarizeNews } from './summarize-news.ts';
import { tagNews } from './tag-news.ts';
import type { RawNewsItem } from './types.ts';
import { collapseWhiteSpace, startAtWord } from './white-space.ts';

/** What normalising an item needs besides the item. */
export interface NormalizeContext {
  /** Source id of the feed or page the item came from. */
  readonly source: string;
  readonly dictionaries: NewsDictionaries;
  /** Language to assume when detection is unsure (the source's configured language). @defaultValue none (null) */
  readonly defaultLanguage?: string | undefined;
  /** Length bound of the summary. @defaultValue 300 */
  readonly summaryMaxChars?: number | undefined;
}

/**
 * Characters of description and content that tagging reads, together: names and topics sit at a story's start,
 * and tagging costs time in proportion to the text. The content fills what the description leaves.
 */
export const TAG_TEXT_CHARS = 1500;

/** The start of `text`, cut at white space so a cut never leaves a word stub ("Metadata" → "Meta"). */
function startOf(text: string, limit: number): string {
  return startAtWord(text, limit, 'empty');
}

/** The description when it says more than the title, else the content. */
function summarySource(raw: RawNewsItem, title: string): string {
  const summary = raw.summary.trim();
  if (summary !== '' && collapseWhiteSpace(startOf(summary, title.length * 2 + 10)) !== title) return summary;
  return raw.content.trim() !== '' ? raw.content : summary;
}

/**
 * The clean, tagged item, or null when the raw item has neither a title nor a URL. The key is the feed's id,
 * else the canonical URL, else the title; vendors and topics come from the title, the description and the
 * start of the content; the language is detected from title and description, else `defaultLanguage`.
 */
export function normalizeNewsItem(raw: RawNewsItem, context: NormalizeContext): NewsItem | null {
  const title = collapseWhiteSpace(raw.title);
  const url = raw.url === null ? '' : canonicalUrl(raw.url);
  if (title === '' && url === '') return null;
  const text = summarySource(raw, title);
  const language =
    detectLanguage(`${title}. ${startOf(text, LANGUAGE_SAMPLE_CHARS)}`) ?? context.defaultLanguage ?? null;
  const summaryPart = startOf(raw.summary, TAG_TEXT_CHARS);
  // Many feeds repeat the description as content; reading it twice would only cost time.
  const contentPart = raw.content === raw.summary ? '' : startOf(raw.content, TAG_TEXT_CHARS - summaryPart.length);
  const { vendors, topics } = tagNews(`${title}\n${summaryPart}\n${contentPart}`, context.dictionaries);
  return {
    source: context.source,
    key: raw.id?.trim() || url || title,
    title,
    url,
    published: raw.published,
    summary: summarizeNews(text, language, context.summaryMaxChars),
    vendors,
    topics,
    language,
    alsoReportedBy: [],
  };
}
