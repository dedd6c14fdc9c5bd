// Benchmark: one terms page fetched through headless Chromium next to the plain HTTP fetch of the same local
// page, in the same run, and the browser's peak memory (RSS of its process tree, from /proc) with the pool full.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createBrowserFetcher } from '../src/sources/browser/browser-fetcher.ts';
import { findChromium } from '../src/sources/browser/find-chromium.ts';
import { createHttpFetcher } from '../src/sources/http/http-fetcher.ts';

export interface BrowserFetchOptions {
  /** Sequential fetches timed per fetcher. */
  readonly rounds: number;
  /** Browser page pool size; the pool-full phase runs twice as many fetches at once. */
  readonly pages: number;
  /** Clauses the page's script inserts. */
  readonly clauses: number;
}

export interface BrowserFetchResult {
  readonly chromium: string | null;
  readonly rounds: number;
  readonly pages: number;
  readonly pageBytes: number;
  readonly plainMedianMs: number;
  /** First browser fetch, including the browser launch. */
  readonly browserColdMs: number | null;
  readonly browserMedianMs: number | null;
  /** Wall time of `2 × pages` fetches at once. */
  readonly poolFullMs: number | null;
  readonly peakRssMb: number | null;
}

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function scriptedPage(clauses: number): string {
  const paragraphs = Array.from(
    { length: clauses },
    (_, index) =>
      `<p>${index + 1}. The customer shall not use the services to build competing models, clause ${index + 1}.</p>`,
  ).join('');
  return `<!doctype html><html><head><title>Terms</title></head><body><div id="root"></div><script>
    document.getElementById('root').innerHTML = '<main><h1>Terms</h1>' + ${JSON.stringify(paragraphs)} + '</main>';
    </script></body></html>`;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Runs the benchmark against a local server on 127.0.0.1; browser figures are null when no Chromium is found. */
export async function benchBrowserFetch(options: BrowserFetchOptions): Promise<BrowserFetchResult> {
  const page = scriptedPage(options.clauses);
  const server = createServer((request, response) => {
    const send = (): void => void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    // The pool-full phase holds each page for a while, so every slot is busy at once.
    if (request.url === '/held') setTimeout(send, 300);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const guard = { allowHosts: ['127.0.0.1'] };
  const http = createHttpFetcher({ ...guard, respectRobotsTxt: false, perHostSpacingMs: 0, perHostConcurrency: 8 });
  const found = findChromium(undefined);
  const browser = createBrowserFetcher({ ...guard, pages: options.pages, idleCloseMs: 600_000 });
  try {
    const plain: number[] = [];
    await http.fetch({ url: `${origin}/terms` });
    for (let round = 0; round < options.rounds; round += 1)
      plain.push(await timed(() => http.fetch({ url: `${origin}/terms` })));
    const base = {
      chromium: null,
      rounds: options.rounds,
      pages: options.pages,
      pageBytes: Buffer.byteLength(page),
      plainMedianMs: median(plain),
    };
    if (found.kind === 'missing')
      return { ...base, browserColdMs: null, browserMedianMs: null, poolFullMs: null, peakRssMb: null };
    const request = { url: `${origin}/terms`, select: ['main'] };
    const cold = await timed(() => browser.fetch(request));
    const warm: number[] = [];
    for (let round = 0; round < options.rounds; round += 1) warm.push(await timed(() => browser.fetch(request)));
    const poolFull = await timed(() =>
      Promise.all(
        Array.from({ length: options.pages * 2 }, () => browser.fetch({ url: `${origin}/held`, select: ['main'] })),
      ),
    );
    const peak = browser.stats().peakMemoryBytes;
    return {
      ...base,
      chromium: found.path,
      browserColdMs: cold,
      browserMedianMs: median(warm),
      poolFullMs: poolFull,
      peakRssMb: peak === null ? null : peak / 2 ** 20,
    };
  } finally {
    await Promise.all([http.close(), browser.close()]);
    server.close();
  }
}

export function formatBrowserFetch(result: BrowserFetchResult): string {
  const ms = (value: number | null): string => (value === null ? 'n/a' : `${value.toFixed(1)} ms`);
  return [
    `browser fetch: ${result.pageBytes} B script-rendered terms page on 127.0.0.1, ${result.rounds} rounds, pool of ${result.pages}`,
    `  plain HTTP       median ${ms(result.plainMedianMs)} (raw shell, no clauses)`,
    result.chromium === null
      ? '  browser          skipped: no Chromium (apt-get install chromium)'
      : `  browser (${result.chromium}) first ${ms(result.browserColdMs)} incl. launch, median ${ms(result.browserMedianMs)} per page` +
        ` (${result.browserMedianMs === null ? 'n/a' : (result.browserMedianMs / result.plainMedianMs).toFixed(0)}x plain)`,
    `  pool full        ${result.pages * 2} pages at once in ${ms(result.poolFullMs)}; peak memory (PSS) of the Chromium tree ${result.peakRssMb === null ? 'n/a' : `${result.peakRssMb.toFixed(0)} MiB`}`,
  ].join('\n');
}
