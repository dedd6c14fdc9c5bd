// Politeness end to end: robots.txt, per-host concurrency and spacing, retries with backoff and Retry-After.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourceFetchError } from '../../domain/errors.ts';
import { startFixtureServer, type FixtureServer } from '../../../test/fakes/fixture-server.ts';
import type { Fetcher } from '../fetcher.ts';
import { createHttpFetcher, type HttpFetcherOptions } from './http-fetcher.ts';

let server: FixtureServer;
let fetcher: Fetcher | undefined;
let waits: number[];

beforeEach(async () => {
  server = await startFixtureServer();
  waits = [];
});

afterEach(async () => {
  await fetcher?.close();
  fetcher = undefined;
  await server.close();
});

function open(options: HttpFetcherOptions = {}): Fetcher {
  const sleep = (ms: number): Promise<void> => {
    waits.push(ms);
    return Promise.resolve();
  };
  fetcher = createHttpFetcher({ allowHosts: ['127.0.0.1'], perHostSpacingMs: 0, sleep, ...options });
  return fetcher;
}

/** A route answering with the given statuses in turn (the last one repeats). */
function sequence(statuses: readonly { status: number; headers?: Record<string, string> }[]) {
  let served = 0;
  return (_request: IncomingMessage, response: ServerResponse): void => {
    const next = statuses[Math.min(served, statuses.length - 1)] ?? { status: 200 };
    served += 1;
    response.writeHead(next.status, { 'content-type': 'text/plain', ...next.headers }).end(`answer ${served}`);
  };
}

const robotsTxt = (text: string) => ({ headers: { 'content-type': 'text/plain' }, body: text });

describe('robots.txt', () => {
  it('refuses disallowed URLs with robots_disallowed and never requests them', async () => {
    server.route('/robots.txt', robotsTxt('User-agent: clausewatch\nDisallow: /private\n\nUser-agent: *\nDisallow: /'));
    server.route('/public', { body: 'ok' });
    const polite = open();
    await expect(polite.fetch({ url: `${server.origin}/public` })).resolves.toMatchObject({ kind: 'fetched' });
    const error: unknown = await polite
      .fetch({ url: `${server.origin}/private/terms` })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SourceFetchError);
    expect(error).toMatchObject({ code: 'robots_disallowed', url: `${server.origin}/private/terms` });
    expect((error as Error).message).toContain(`robots.txt disallows ${server.origin}/private/terms`);
    expect(server.requestsTo('/private/terms')).toHaveLength(0);
  });

  it('answers whether another fetcher (the browser) may load a URL, without requesting it', async () => {
    server.route('/robots.txt', robotsTxt('User-agent: *\nDisallow: /private'));
    const polite = open();
    await expect(polite.permits?.(`${server.origin}/public`)).resolves.toBeUndefined();
    await expect(polite.permits?.(`${server.origin}/private/terms`)).rejects.toMatchObject({
      code: 'robots_disallowed',
      url: `${server.origin}/private/terms`,
    });
    expect(server.requestsTo('/private/terms')).toHaveLength(0);
    const careless = open({ respectRobotsTxt: false });
    await expect(careless.permits?.(`${server.origin}/private/terms`)).resolves.toBeUndefined();
  });

  it('fetches robots.txt once per origin for many URLs', async () => {
    server.route('/robots.txt', robotsTxt('User-agent: *\nDisallow: /nothing-here'));
    for (let page = 0; page < 8; page += 1) server.route(`/p${page}`, { body: `page ${page}` });
    const polite = open({ perHostConcurrency: 4 });
    await Promise.all(Array.from({ length: 8 }, (_, page) => polite.fetch({ url: `${server.origin}/p${page}` })));
    await polite.fetch({ url: `${server.origin}/p0` });
    expect(server.requestsTo('/robots.txt')).toHaveLength(1);
    expect(server.requests).toHaveLength(10);
  });

  it('reloads robots.txt after its TTL', async () => {
    server.route('/robots.txt', robotsTxt('User-agent: *\nAllow: /'));
    server.route('/page', { body: 'ok' });
    const polite = open({ robotsTtlMs: 0 });
    await polite.fetch({ url: `${server.origin}/page` });
    await polite.fetch({ url: `${server.origin}/page` });
    expect(server.requestsTo('/robots.txt')).toHaveLength(2);
  });

  it.each([404, 401, 403, 500, 503])('treats a robots.txt answering %i as allowing everything', async (status) => {
    server.route('/robots.txt', { status, body: 'User-agent: *\nDisallow: /' });
    server.route('/page', { body: 'ok' });
    await expect(open().fetch({ url: `${server.origin}/page` })).resolves.toMatchObject({ kind: 'fetched' });
    // No retries for robots.txt itself.
    expect(server.requestsTo('/robots.txt')).toHaveLength(1);
  });

  it('ignores groups for other agents', async () => {
    server.route('/robots.txt', robotsTxt('User-agent: otherbot\nDisallow: /'));
    server.route('/page', { body: 'ok' });
    await expect(open().fetch({ url: `${server.origin}/page` })).resolves.toMatchObject({ kind: 'fetched' });
  });

  it('can be switched off', async () => {
    server.route('/robots.txt', robotsTxt('User-agent: *\nDisallow: /'));
    server.route('/page', { body: 'ok' });
    await expect(open({ respectRobotsTxt: false }).fetch({ url: `${server.origin}/page` })).resolves.toMatchObject({
      kind: 'fetched',
    });
    expect(server.requestsTo('/robots.txt')).toHaveLength(0);
  });
});

describe('per-host limits', () => {
  function slowRoutes(count: number, delayMs: number) {
    let inFlight = 0;
    let peak = 0;
    for (let page = 0; page < count; page += 1) {
      server.route(`/slow${page}`, (_request, response) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        setTimeout(() => {
          inFlight -= 1;
          response.writeHead(200, { 'content-type': 'text/plain' }).end('done');
        }, delayMs);
      });
    }
    return { peak: () => peak };
  }

  it('keeps at most perHostConcurrency requests in flight at the server', async () => {
    // Slow enough that the second request is surely at the server before the first answer, even on a busy box.
    const routes = slowRoutes(5, 200);
    const polite = open({ perHostConcurrency: 2, respectRobotsTxt: false });
    await Promise.all(Array.from({ length: 5 }, (_, page) => polite.fetch({ url: `${server.origin}/slow${page}` })));
    expect(routes.peak()).toBe(2);
  });

  it('runs different hosts in parallel', async () => {
    const routes = slowRoutes(4, 300);
    const resolveHost = (): Promise<string[]> => Promise.resolve(['127.0.0.1']);
    const polite = open({ perHostConcurrency: 1, respectRobotsTxt: false, allowPrivateNetworks: true, resolveHost });
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((host, page) => polite.fetch({ url: `http://${host}.test:${server.port}/slow${page}` })),
    );
    // Concurrency 1 per host, yet all four were at the server at once.
    expect(routes.peak()).toBe(4);
  });

  it('spaces requests to one host', async () => {
    server.route('/page', { body: 'ok' });
    const polite = open({ perHostSpacingMs: 120, perHostConcurrency: 3, respectRobotsTxt: false });
    await Promise.all(Array.from({ length: 3 }, () => polite.fetch({ url: `${server.origin}/page` })));
    const times = server.requestsTo('/page').map((request) => request.at);
    expect(times).toHaveLength(3);
    // Arrival times at the server carry connection-setup jitter on a loaded machine; the sender-side gap is
    // exact (see host-limiter.test.ts), so here a generous margin per gap and over the whole run.
    for (let index = 1; index < times.length; index += 1) {
      expect((times[index] ?? 0) - (times[index - 1] ?? 0)).toBeGreaterThanOrEqual(70);
    }
    expect((times[2] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(200);
  });
});

describe('retries', () => {
  it('retries a 503 and succeeds, waiting the backoff', async () => {
    server.route('/flaky', sequence([{ status: 503 }, { status: 200 }]));
    const result = await open().fetch({ url: `${server.origin}/flaky` });
    expect(result).toMatchObject({ kind: 'fetched', text: 'answer 2' });
    expect(waits).toEqual([1000]);
  });

  it('honours Retry-After seconds on 429', async () => {
    server.route('/busy', sequence([{ status: 429, headers: { 'retry-after': '7' } }, { status: 200 }]));
    await expect(open().fetch({ url: `${server.origin}/busy` })).resolves.toMatchObject({ kind: 'fetched' });
    expect(waits).toEqual([7000]);
  });

  it('honours a Retry-After HTTP date against the injected clock', async () => {
    const retryAt = 'Sat, 01 Mar 2025 12:00:12 GMT';
    server.route('/busy', sequence([{ status: 503, headers: { 'retry-after': retryAt } }, { status: 200 }]));
    const clock = { now: () => new Date('2025-03-01T12:00:00Z') };
    await expect(open({ clock }).fetch({ url: `${server.origin}/busy` })).resolves.toMatchObject({ kind: 'fetched' });
    expect(waits).toEqual([12_000]);
  });

  it('gives up at once when Retry-After exceeds the cap', async () => {
    server.route('/busy', sequence([{ status: 429, headers: { 'retry-after': '3600' } }]));
    const error: unknown = await open()
      .fetch({ url: `${server.origin}/busy` })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'http_status', status: 429 });
    expect(server.requestsTo('/busy')).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('fails with the last status once attempts are used up', async () => {
    server.route('/down', sequence([{ status: 502 }]));
    const error: unknown = await open({ retry: { attempts: 4, baseDelayMs: 10 } })
      .fetch({ url: `${server.origin}/down` })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'http_status', status: 502, message: `HTTP 502 for ${server.origin}/down` });
    expect(server.requestsTo('/down')).toHaveLength(4);
    expect(waits).toEqual([10, 20, 40]);
  });

  it('does not retry 404 or other 4xx', async () => {
    server.route('/gone', sequence([{ status: 410 }]));
    const error: unknown = await open()
      .fetch({ url: `${server.origin}/gone` })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'http_status', status: 410 });
    expect(server.requestsTo('/gone')).toHaveLength(1);
    expect(waits).toEqual([]);
  });
});
