// Benchmark: the whole news pipeline (parse + normalise + tag + dedupe) vs the feed parser library alone on the
// same synthetic feeds, in the same run. Target: the pipeline takes at most 2x the parser's own time.
import { performance } from 'node:perf_hooks';
import { defaultNewsDictionaries, dedupeNewsItems, normalizeNewsItem } from '../src/news/index.ts';
import type { NewsItem } from '../src/domain/news.ts';
import { parseFeed } from '../src/sources/feeds/parse-feed.ts';
import { generateFeeds, timeParserAlone } from './news-parse.ts';

export interface NewsBenchResult {
  readonly feeds: number;
  readonly items: number;
  readonly parserMs: number;
  readonly pipelineMs: number;
  readonly ratio: number;
}

const WINDOW_MS = 48 * 3_600_000;

function runPipeline(feeds: readonly Buffer[]): { ms: number; items: number } {
  const started = performance.now();
  const all: NewsItem[] = [];
  feeds.forEach((body, index) => {
    const source = `bench/feed-${index}`;
    const parsed = parseFeed({ body, url: `https://news${index}.example/feed`, contentType: 'application/rss+xml' });
    for (const raw of parsed.items) {
      const item = normalizeNewsItem(raw, { source, dictionaries: defaultNewsDictionaries });
      if (item !== null) all.push(item);
    }
  });
  const items = dedupeNewsItems(all, { windowMs: WINDOW_MS });
  return { ms: performance.now() - started, items: items.length };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export function benchNews(options: { feeds: number; itemsPerFeed: number; rounds: number }): NewsBenchResult {
  const feeds = generateFeeds(options.feeds, options.itemsPerFeed);
  timeParserAlone(feeds); // warm-up
  runPipeline(feeds);
  const parser: number[] = [];
  const pipeline: number[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    parser.push(timeParserAlone(feeds));
    pipeline.push(runPipeline(feeds).ms);
  }
  const parserMs = median(parser);
  const pipelineMs = median(pipeline);
  return {
    feeds: feeds.length,
    items: feeds.length * options.itemsPerFeed,
    parserMs,
    pipelineMs,
    ratio: pipelineMs / parserMs,
  };
}

export function formatNewsResult(result: NewsBenchResult): string {
  const rate = (ms: number): string => `${Math.round((result.items * 1000) / ms).toLocaleString('en')} items/s`;
  return [
    `news: ${result.feeds} feeds, ${result.items} items (English and German, HTML descriptions)`,
    `  parser alone (feedsmith)                 ${result.parserMs.toFixed(0)} ms  ${rate(result.parserMs)}`,
    `  pipeline (parse+normalise+tag+dedupe)    ${result.pipelineMs.toFixed(0)} ms  ${rate(result.pipelineMs)}`,
    `  ratio                                    ${result.ratio.toFixed(2)}x   (target <= 2x)`,
  ].join('\n');
}
