// Benchmark: the whole news pipeline (parse + normalise + tag + dedupe) vs the feed parser library alone on the
// same synthetic feeds, in the same run. Target: the pipeline takes at most 2x the parser's own time.
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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

/** The median; for an even count the mean of the two middle values. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? NaN) + upper) / 2;
}

/**
 * A full collection between the timed sides, so each side pays for collecting its own garbage only: without it the
 * side timed second paid for a major collection of what the other left behind (the pipeline keeps 10,000 items alive
 * until dedupe), and the ratio depended on the order. The flag is set at run time because `npm run bench` passes
 * none to node.
 */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Rounds of each side run before timing: the first runs compile regexes and tier up both sides' hot code. */
const WARM_UP_ROUNDS = 2;

/**
 * Times the parser alone and the pipeline on the same feeds. Measured on a shared 2-core machine, the parser's own
 * time moved by up to 30% from one round to the next, so the ratio of two medians taken from different rounds mixed
 * calm and busy moments. Each round therefore times the sides in the order parser, pipeline, pipeline, parser (an
 * ABBA design: a drift in machine load during the round weighs on both sides alike, and neither side always comes
 * first), each pair giving one ratio, and the reported ratio is the median of these paired ratios. A full
 * collection precedes each timed side (see `collector`). Both sides do the same work as before: only the bookkeeping
 * around the timings changed.
 */
export function benchNews(options: { feeds: number; itemsPerFeed: number; rounds: number }): NewsBenchResult {
  const feeds = generateFeeds(options.feeds, options.itemsPerFeed);
  const collect = collector();
  const timeParser = (): number => {
    collect();
    return timeParserAlone(feeds);
  };
  const timePipeline = (): number => {
    collect();
    return runPipeline(feeds).ms;
  };
  for (let round = 0; round < WARM_UP_ROUNDS; round += 1) {
    timeParserAlone(feeds);
    runPipeline(feeds);
  }
  const parser: number[] = [];
  const pipeline: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    const firstParser = timeParser();
    const firstPipeline = timePipeline();
    const secondPipeline = timePipeline();
    const secondParser = timeParser();
    parser.push(firstParser, secondParser);
    pipeline.push(firstPipeline, secondPipeline);
    ratios.push(firstPipeline / firstParser, secondPipeline / secondParser);
  }
  return {
    feeds: feeds.length,
    items: feeds.length * options.itemsPerFeed,
    parserMs: median(parser),
    pipelineMs: median(pipeline),
    ratio: median(ratios),
  };
}

export function formatNewsResult(result: NewsBenchResult): string {
  const rate = (ms: number): string => `${Math.round((result.items * 1000) / ms).toLocaleString('en')} items/s`;
  return [
    `news: ${result.feeds} feeds, ${result.items} items (English and German, HTML descriptions)`,
    `  parser alone (feedsmith)                 ${result.parserMs.toFixed(0)} ms  ${rate(result.parserMs)}`,
    `  pipeline (parse+normalise+tag+dedupe)    ${result.pipelineMs.toFixed(0)} ms  ${rate(result.pipelineMs)}`,
    `  ratio (median of paired rounds)         ${result.ratio.toFixed(2)}x   (target <= 2x)`,
  ].join('\n');
}
