// Feeds and listing pages → ParsedFeed (src/news/types.ts), the news pipeline's input.
export { extractListingItems, type ListingOptions, type ListingSelectors } from './extract-listing-items.ts';
export { DEFAULT_MAX_FEED_BYTES, DEFAULT_MAX_ITEMS, MAX_TEXT_CHARS, MAX_TITLE_CHARS } from './feed-limits.ts';
export { findDate, parseDate } from './parse-date.ts';
export { parseFeed, type ParseFeedInput } from './parse-feed.ts';
export { toPlainText } from './plain-text.ts';
