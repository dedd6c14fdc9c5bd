import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pc from 'picocolors';
import type { Config } from '../config/load-config.ts';
import { describeError } from '../domain/errors.ts';
import type { NewsItem } from '../domain/news.ts';
import type { SourceDeclaration } from '../domain/source.ts';
import { dedupeNewsItems } from '../news/index.ts';
import { createFetcher } from '../sources/create-fetcher.ts';
import type { Fetched } from '../sources/fetcher.ts';
import { newsItemsOf, parseSource, type NewsOptions } from '../tracker/news-pipeline.ts';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIo } from './cli-io.ts';

export const NEWS_USAGE = `Usage: clausewatch news FEED... [--json]

Reads feeds (files or http(s) URLs; files need no network), and prints their items cleaned, tagged and
deduplicated across all the feeds given: one item per story, the others that carried it in alsoReportedBy.

  --json    {"items":[{"title","url","published","summary","vendors":[],"topics":[],"language","source","alsoReportedBy":[]}]}
`;

/** Files larger than this are refused before reading: a feed is never this big. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** `clausewatch news FEED... [--json]`. A feed that fails is reported and the others go on (exit 1). */
export async function runNewsCommand(args: readonly string[], config: Readonly<Config>, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { json: { type: 'boolean' } },
    allowPositionals: true,
  });
  if (positionals.length === 0) {
    io.stderr(NEWS_USAGE);
    return EXIT_USAGE;
  }
  const options: NewsOptions = config.news;
  const fetcher = positionals.some(isUrl) ? createFetcher(config) : undefined;
  const perFeed: NewsItem[] = [];
  let failed = 0;
  try {
    for (const feed of positionals) {
      try {
        const page = isUrl(feed) ? await fetchFeed(feed, fetcher) : await readFeedFile(path.resolve(io.cwd, feed));
        const source = feedSource(feed);
        perFeed.push(...newsItemsOf(source, parseSource(source, page, options), options));
      } catch (error) {
        failed += 1;
        io.stderr(`clausewatch: ${feed}: ${describeError(error).message}\n`);
      }
    }
  } finally {
    await fetcher?.close();
  }
  const items = dedupeNewsItems(perFeed, { windowMs: options.dedupeWindowMs });
  io.stdout(
    values.json === true ? `${JSON.stringify({ items: items.map(toJson) })}\n` : formatList(items, io.stdoutIsTTY),
  );
  return failed > 0 ? EXIT_FAILURE : EXIT_OK;
}

const isUrl = (value: string): boolean => /^https?:\/\//i.test(value);

function feedSource(feed: string): SourceDeclaration {
  return { id: feed, kind: 'feed', vendor: 'news', title: feed, url: feed, select: [], remove: [] };
}

async function fetchFeed(url: string, fetcher: ReturnType<typeof createFetcher> | undefined): Promise<Fetched> {
  if (fetcher === undefined) throw new Error('no fetcher');
  const result = await fetcher.fetch({ url });
  if (result.kind === 'not-modified') throw new Error(`unexpected 304 for ${url}`);
  return result;
}

async function readFeedFile(file: string): Promise<Fetched> {
  const { size } = await stat(file);
  if (size > MAX_FILE_BYTES) throw new Error(`${size} bytes is more than a feed can be (limit ${MAX_FILE_BYTES})`);
  const body = await readFile(file);
  const mediaType = file.endsWith('.json') ? 'application/feed+json' : file.endsWith('.html') ? 'text/html' : '';
  return {
    kind: 'fetched',
    url: file,
    finalUrl: `file://${file}`,
    status: 200,
    mediaType,
    body,
    text: body.toString('utf8'),
    charset: '',
    etag: null,
    lastModified: null,
  };
}

function toJson(item: NewsItem) {
  return {
    title: item.title,
    url: item.url,
    published: item.published,
    summary: item.summary,
    vendors: item.vendors,
    topics: item.topics,
    language: item.language,
    source: item.source,
    alsoReportedBy: item.alsoReportedBy,
  };
}

function formatList(items: readonly NewsItem[], color: boolean): string {
  const c = pc.createColors(color);
  if (items.length === 0) return 'No items.\n';
  const blocks = items.map((item) => {
    const tags = [...item.vendors, ...item.topics.map((topic) => `#${topic}`)].join(' ');
    const date = item.published === null ? '' : `${item.published.slice(0, 10)} `;
    const also = item.alsoReportedBy.length === 0 ? '' : c.dim(` (also: ${item.alsoReportedBy.join(', ')})`);
    return [
      `${c.bold(item.title)} ${c.dim(`[${item.language ?? '?'}]`)}`,
      `  ${c.dim(`${date}${item.source}`)}${also}`,
      ...(item.url === '' ? [] : [`  ${item.url}`]),
      ...(tags === '' ? [] : [`  ${c.cyan(tags)}`]),
      ...(item.summary === '' ? [] : [`  ${item.summary}`]),
    ].join('\n');
  });
  return `${blocks.join('\n\n')}\n\n${items.length} item${items.length === 1 ? '' : 's'}\n`;
}
