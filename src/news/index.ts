/**
 * The news pipeline's pure half: parsed feed items (`RawNewsItem`) → clean, tagged, deduplicated `NewsItem`s.
 * No I/O and no clock: times come in as arguments.
 */
export { canonicalUrl, trackingParameterPrefixes, trackingParameters } from './canonical-url.ts';
export { dedupeNewsItems, type DedupeOptions } from './dedupe-news.ts';
export { detectLanguage } from './detect-language.ts';
export {
  defaultNewsDictionaries,
  mergeNewsDictionaries,
  newsDictionariesSchema,
  type NewsDictionaries,
  type PatternMap,
  type UserNewsDictionaries,
} from './dictionaries.ts';
export { normalizeNewsItem, type NormalizeContext } from './normalize-news-item.ts';
export { DEFAULT_DEDUPE_WINDOW_MS, isSameStory } from './same-story.ts';
export { SUMMARY_MAX_CHARS, summarizeNews } from './summarize-news.ts';
export { tagNews, tagTopics, tagVendors } from './tag-news.ts';
export type { ParsedFeed, RawNewsItem } from './types.ts';
