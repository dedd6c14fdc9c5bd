// Benchmark: one poll of N unchanged terms sources by clausewatch vs bare concurrent fetch of the same URLs.
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config/load-config.ts';
import { silentLogger } from '../src/domain/logger.ts';
import { createRuntime } from '../src/main.ts';

export interface PollBenchOptions {
  readonly sources: number;
  /** Loopback hosts the sources are spread over (127.0.0.1 … 127.0.0.H). */
  readonly hosts: number;
  /** Requests in flight at once, for clausewatch and for the bare fetch alike. */
  readonly concurrency: number;
  /** Whether the server sends ETags (clausewatch then gets 304s). */
  readonly validators: boolean;
  readonly rounds: number;
}

export interface PollBenchResult {
  readonly options: PollBenchOptions;
  readonly clausewatchMs: number;
  readonly bareFetchMs: number;
  readonly ratio: number;
}

function termsPage(index: number): string {
  const clauses = Array.from(
    { length: 40 },
    (_, i) =>
      `<p>${i + 1}. Customer may not use the Services to build competing products, clause ${i} of document ${index}.</p>`,
  );
  return `<!doctype html><html><head><title>Terms ${index}</title></head><body><nav>Home</nav><main><h1>Terms</h1>${clauses.join('')}</main><footer>©</footer></body></html>`;
}

async function startServer(host: string, validators: boolean): Promise<Server> {
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (!url.startsWith('/doc/')) {
      response.writeHead(404).end();
      return;
    }
    const etag = `"${url}"`;
    if (validators && request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag }).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(validators ? { etag } : {}) });
    response.end(termsPage(Number(url.slice(5))));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return server;
}

async function pool<TItem>(items: readonly TItem[], size: number, work: (item: TItem) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as TItem;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: size }, worker));
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export async function benchPoll(options: PollBenchOptions): Promise<PollBenchResult> {
  const hosts = Array.from({ length: options.hosts }, (_, i) => `127.0.0.${i + 1}`);
  const servers = await Promise.all(hosts.map((host) => startServer(host, options.validators)));
  const origins = servers.map((server, i) => `http://${hosts[i] ?? ''}:${(server.address() as AddressInfo).port}`);
  const urls = Array.from({ length: options.sources }, (_, i) => `${origins[i % origins.length] ?? ''}/doc/${i}`);
  const dir = await mkdtemp(path.join(tmpdir(), 'clausewatch-bench-'));
  try {
    const clausewatchMs = await timeClausewatch(dir, urls, hosts, options);
    const bareFetchMs = await timeBareFetch(urls, options);
    return { options, clausewatchMs, bareFetchMs, ratio: clausewatchMs / bareFetchMs };
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    await rm(dir, { recursive: true, force: true });
  }
}

async function timeClausewatch(
  dir: string,
  urls: readonly string[],
  hosts: readonly string[],
  options: PollBenchOptions,
): Promise<number> {
  const configPath = path.join(dir, 'clausewatch.yaml');
  const perHost = Math.max(1, Math.floor(options.concurrency / options.hosts));
  const sources = urls.map(
    (url, i) => `  - { id: bench/doc-${i}, kind: terms, vendor: bench, url: "${url}", select: main }`,
  );
  await writeFile(
    configPath,
    [
      'catalog: false',
      'dataDir: ./data',
      'logLevel: silent',
      `concurrency: ${options.concurrency}`,
      `fetch: { allowHosts: ${JSON.stringify(hosts)}, perHostConcurrency: ${perHost}, perHostSpacingMs: 0, retries: 0 }`,
      'sources:',
      ...sources,
    ].join('\n'),
  );
  const config = loadConfig({ configPath, env: {}, cwd: dir });
  const runtime = await createRuntime(config, silentLogger);
  try {
    await runtime.tracker.poll(config.sources); // baseline, not timed
    const times: number[] = [];
    for (let round = 0; round < options.rounds; round += 1) {
      const start = performance.now();
      const events = await runtime.tracker.poll(config.sources);
      times.push(performance.now() - start);
      if (events.length > 0) throw new Error(`unchanged sources produced ${events.length} events`);
    }
    return median(times);
  } finally {
    await runtime.close();
  }
}

async function timeBareFetch(urls: readonly string[], options: PollBenchOptions): Promise<number> {
  const fetchAll = () =>
    pool(urls, options.concurrency, async (url) => {
      const response = await fetch(url);
      await response.text();
    });
  await fetchAll(); // warm-up, not timed
  const times: number[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    const start = performance.now();
    await fetchAll();
    times.push(performance.now() - start);
  }
  return median(times);
}

export function formatPollResult(result: PollBenchResult): string {
  const { options } = result;
  return [
    `poll: ${options.sources} unchanged terms sources on ${options.hosts} loopback hosts, ${options.concurrency} in flight, ${options.validators ? 'server sends ETags (clausewatch gets 304s)' : 'no validators (full bodies)'}`,
    `  clausewatch poll  ${result.clausewatchMs.toFixed(0)} ms`,
    `  bare fetch        ${result.bareFetchMs.toFixed(0)} ms`,
    `  ratio             ${result.ratio.toFixed(2)}x   (target <= 1.3x)`,
  ].join('\n');
}
