/**
 * When two news items are the same story: the same canonical URL (or the same item of one source), or
 * near-duplicate headlines published within a time window.
 */
import type { NewsItem } from '../domain/news.ts';
import { titleTokens, type TitleTokens } from './title-tokens.ts';

/** How far apart two near-duplicate headlines may be published and still be one story: 48 hours. */
export const DEFAULT_DEDUPE_WINDOW_MS = 48 * 60 * 60 * 1000;
/** Share of words two headlines must have in common (of all their words) to be the same story. */
export const TITLE_SIMILARITY = 0.8;
/** Headlines with fewer words (after stop words) only match by URL: "Weekly roundup" says nothing. */
export const MIN_TITLE_TOKENS = 3;
/** Shortest headline that counts as the same story when it appears whole inside a longer one. */
export const MIN_CONTAINED_TOKENS = 5;

/** Whether two publication times are within the window; a missing or unparseable time counts as within. */
export function withinWindow(a: number | null, b: number | null, windowMs: number): boolean {
  return a === null || b === null || Math.abs(a - b) <= windowMs;
}

/** Milliseconds since the epoch, or null for a missing or unparseable date. */
export function publishedTime(published: string | null): number | null {
  if (published === null) return null;
  const time = Date.parse(published);
  return Number.isNaN(time) ? null : time;
}

function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared;
}

/** Whether `needle` occurs as a run of consecutive words in `haystack`. */
function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  const [first] = needle;
  for (let start = haystack.indexOf(first ?? ''); start !== -1; start = haystack.indexOf(first ?? '', start + 1)) {
    if (needle.every((word, offset) => haystack[start + offset] === word)) return true;
  }
  return false;
}

/** Whether the numbers of two headlines clash: both have some and neither's are all in the other's. */
function numbersClash(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const number of small) if (!large.has(number)) return true;
  return false;
}

/**
 * Whether two headlines tell the same story: at least `TITLE_SIMILARITY` of their words in common (Jaccard),
 * or the shorter one (at least `MIN_CONTAINED_TOKENS` words) appearing whole inside the longer one — unless
 * their numbers clash ("launches GPT-5 …" and "launches GPT-4 …" are two stories however long the rest).
 */
export function similarTitles(a: TitleTokens, b: TitleTokens): boolean {
  if (a.set.size < MIN_TITLE_TOKENS || b.set.size < MIN_TITLE_TOKENS) return false;
  if (numbersClash(a.numbers, b.numbers)) return false;
  const shared = sharedCount(a.set, b.set);
  if (shared / (a.set.size + b.set.size - shared) >= TITLE_SIMILARITY) return true;
  const [short, long] = a.list.length <= b.list.length ? [a, b] : [b, a];
  return short.set.size >= MIN_CONTAINED_TOKENS && shared === short.set.size && containsRun(long.list, short.list);
}

/**
 * Whether two items are the same story: the same canonical URL, the same item of the same source, or
 * near-duplicate titles (see `similarTitles`) published within `windowMs` of each other (a missing date counts
 * as within).
 * @param windowMs - @defaultValue 48 hours
 */
export function isSameStory(a: NewsItem, b: NewsItem, windowMs: number = DEFAULT_DEDUPE_WINDOW_MS): boolean {
  if (a.url !== '' && a.url === b.url) return true;
  if (a.source === b.source && a.key === b.key) return true;
  return (
    withinWindow(publishedTime(a.published), publishedTime(b.published), windowMs) &&
    similarTitles(titleTokens(a.title), titleTokens(b.title))
  );
}
