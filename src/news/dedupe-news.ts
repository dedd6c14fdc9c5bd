/**
 * One item per story. Items are compared with the stories kept so far through indexes (canonical URL, source
 * and key, headline words) rather than with each other, so 10,000 items cost about 10,000 lookups, not 50
 * million comparisons.
 */
import type { NewsItem } from '../domain/news.ts';
import {
  DEFAULT_DEDUPE_WINDOW_MS,
  MIN_CONTAINED_TOKENS,
  MIN_TITLE_TOKENS,
  TITLE_SIMILARITY,
  publishedTime,
  similarTitles,
  withinWindow,
} from './same-story.ts';
import { titleTokens, type TitleTokens } from './title-tokens.ts';

/** Options of `dedupeNewsItems`. */
export interface DedupeOptions {
  /** How far apart near-duplicate headlines may be published. @defaultValue 48 hours */
  readonly windowMs?: number | undefined;
}

/**
 * A headline word carried by more kept stories than this is too common to find candidates by ("openai" in an
 * AI feed); rarer words of the headline still find them, and the exact comparison decides.
 */
const MAX_POSTINGS = 64;

/** A story kept so far: the first item seen of it, and who else carried it. */
interface Story {
  readonly position: number;
  readonly item: NewsItem;
  readonly tokens: TitleTokens;
  readonly time: number | null;
  /** Other sources that carried it; made on the first one (most stories have none). */
  reporters: Set<string> | null;
  /** Scratch for `findByTitle`: the lookup that last counted this story, and how many words it shared. */
  lookup: number;
  hits: number;
}

interface StoryIndex {
  readonly stories: Story[];
  /** Number of title lookups so far; stamps the stories a lookup counts, so no map is built per lookup. */
  lookups: number;
  readonly byUrl: Map<string, Story>;
  /** Source → item key → story: two lookups with the item's own strings, no joined key built per item. */
  readonly byKey: Map<string, Map<string, Story>>;
  readonly byWord: Map<string, Story[]>;
}

function storyByKey(index: StoryIndex, item: NewsItem): Story | undefined {
  return index.byKey.get(item.source)?.get(item.key);
}

/** Points the item's source and key at the story unless they point somewhere already. */
function claimKey(index: StoryIndex, item: NewsItem, story: Story): void {
  let keys = index.byKey.get(item.source);
  if (keys === undefined) {
    keys = new Map();
    index.byKey.set(item.source, keys);
  }
  if (!keys.has(item.key)) keys.set(item.key, story);
}

/** Fewest shared words with which two headlines of these sizes can still pass `similarTitles`. */
function fewestShared(size: number, otherSize: number): number {
  const bySimilarity = Math.ceil((TITLE_SIMILARITY * (size + otherSize)) / (1 + TITLE_SIMILARITY) - 1e-9);
  const smaller = Math.min(size, otherSize);
  return smaller >= MIN_CONTAINED_TOKENS ? Math.min(bySimilarity, smaller) : bySimilarity;
}

/** The earliest kept story whose headline is a near-duplicate of this one within the window. */
function findByTitle(index: StoryIndex, tokens: TitleTokens, time: number | null, windowMs: number): Story | undefined {
  if (tokens.set.size < MIN_TITLE_TOKENS) return undefined;
  const lookup = ++index.lookups;
  const touched: Story[] = [];
  let skipped = 0;
  for (const word of tokens.set) {
    const stories = index.byWord.get(word);
    if (stories === undefined) continue;
    if (stories.length > MAX_POSTINGS) {
      skipped++;
      continue;
    }
    for (const story of stories) {
      if (story.lookup !== lookup) {
        story.lookup = lookup;
        story.hits = 0;
        touched.push(story);
      }
      story.hits++;
    }
  }
  let found: Story | undefined;
  for (const story of touched) {
    if (found !== undefined && story.position > found.position) continue;
    if (story.hits + skipped < fewestShared(tokens.set.size, story.tokens.set.size)) continue;
    if (withinWindow(time, story.time, windowMs) && similarTitles(tokens, story.tokens)) found = story;
  }
  return found;
}

function keep(index: StoryIndex, item: NewsItem, tokens: TitleTokens, time: number | null): void {
  const story: Story = {
    position: index.stories.length,
    item,
    tokens,
    time,
    reporters:
      item.alsoReportedBy.length === 0 ? null : new Set(item.alsoReportedBy.filter((source) => source !== item.source)),
    lookup: 0,
    hits: 0,
  };
  index.stories.push(story);
  if (item.url !== '') index.byUrl.set(item.url, story);
  claimKey(index, item, story);
  if (tokens.set.size < MIN_TITLE_TOKENS) return;
  for (const word of tokens.set) {
    const stories = index.byWord.get(word);
    if (stories === undefined) index.byWord.set(word, [story]);
    else stories.push(story);
  }
}

/** Records a later item of a kept story: its sources join `alsoReportedBy`, its URL and key point here too. */
function merge(index: StoryIndex, story: Story, item: NewsItem): void {
  for (const source of [item.source, ...item.alsoReportedBy]) {
    if (source !== story.item.source) (story.reporters ??= new Set()).add(source);
  }
  if (item.url !== '' && !index.byUrl.has(item.url)) index.byUrl.set(item.url, story);
  claimKey(index, item, story);
}

/**
 * One item per story, in order of first appearance: the first item seen of a story wins, and the sources of
 * later items of it (see `isSameStory`) are added to its `alsoReportedBy` (unique, never its own source).
 */
export function dedupeNewsItems(items: readonly NewsItem[], options: DedupeOptions = {}): NewsItem[] {
  const windowMs = options.windowMs ?? DEFAULT_DEDUPE_WINDOW_MS;
  const index: StoryIndex = { stories: [], lookups: 0, byUrl: new Map(), byKey: new Map(), byWord: new Map() };
  for (const item of items) {
    const known = storyByKey(index, item) ?? (item.url === '' ? undefined : index.byUrl.get(item.url));
    if (known !== undefined) {
      merge(index, known, item);
      continue;
    }
    const tokens = titleTokens(item.title);
    const time = publishedTime(item.published);
    const similar = findByTitle(index, tokens, time, windowMs);
    if (similar !== undefined) merge(index, similar, item);
    else keep(index, item, tokens, time);
  }
  return index.stories.map(({ item, reporters }) =>
    reporters === null || reporters.size === item.alsoReportedBy.length
      ? item
      : { ...item, alsoReportedBy: [...reporters] },
  );
}
