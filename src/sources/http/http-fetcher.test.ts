import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourceFetchError } from '../../domain/errors.ts';
import { startFixtureServer, type FixtureServer } from '../../../test/fakes/fixture-server.ts';
import type { Fetcher, FetchResult } from '../fetcher.ts';
import { createHttpFetcher, DEFAULT_USER_AGENT, parseHttpUrl, type HttpFetcherOptions } from './http-fetcher.ts';

let server: FixtureServer;
let fetcher: Fetcher | undefined;

beforeEach(async () => {
  server = await startFixtureServer();
});

afterEach(async () => {
  await fetcher?.close();
  fetcher = undefined;
  await server.close();
});

function open(options: HttpFetcherOptions = {}): Fetcher {
  fetcher = createHttpFetcher({
    allowHosts: ['127.0.0.1'],
    perHostSpacingMs: 0,
    sleep: () => Promise.resolve(),
    ...options,
  });
  return fetcher;
}

async function failure(result: Promise<FetchResult>): Promise<SourceFetchError> {
  const error: unknown = await result.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SourceFetchError);
  return error as SourceFetchError;
}

describe('createHttpFetcher: fetching', () => {
  it('returns the body, text, media type and validators', async () => {
    server.route('/terms', {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        etag: '"v1"',
        'last-modified': 'Sat, 01 Mar 2025 10:00:00 GMT',
      },
      body: '<h1>Terms — übersicht</h1>',
    });
    const result = await open().fetch({ url: `${server.origin}/terms` });
    expect(result).toEqual({
      kind: 'fetched',
      url: `${server.origin}/terms`,
      finalUrl: `${server.origin}/terms`,
      status: 200,
      mediaType: 'text/html',
      body: Buffer.from('<h1>Terms — übersicht</h1>'),
      text: '<h1>Terms — übersicht</h1>',
      charset: 'utf-8',
      etag: '"v1"',
      lastModified: 'Sat, 01 Mar 2025 10:00:00 GMT',
    });
  });

  it('sends the User-Agent, Accept and Accept-Encoding headers', async () => {
    server.route('/page', { body: 'ok' });
    await open().fetch({ url: `${server.origin}/page` });
    await open({ userAgent: 'custom-bot/2.0' }).fetch({ url: `${server.origin}/page`, accept: 'application/rss+xml' });
    const [first, second] = server.requestsTo('/page');
    expect(first?.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(first?.headers.accept).toContain('text/html');
    expect(first?.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(second?.headers['user-agent']).toBe('custom-bot/2.0');
    expect(second?.headers.accept).toBe('application/rss+xml');
    // robots.txt is asked for with our User-Agent too
    expect(server.requestsTo('/robots.txt')[0]?.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
  });
});

describe('createHttpFetcher: conditional GET', () => {
  beforeEach(() => {
    server.route('/terms', (request, response) => {
      const fresh = request.headers['if-none-match'] === '"v7"' || request.headers['if-modified-since'] === 'LM-7';
      if (fresh) response.writeHead(304, { etag: '"v7"' }).end();
      else response.writeHead(200, { 'content-type': 'text/html', etag: '"v7"', 'last-modified': 'LM-7' }).end('body');
    });
  });

  it('sends If-None-Match and maps 304 to not-modified', async () => {
    const result = await open().fetch({ url: `${server.origin}/terms`, etag: '"v7"' });
    expect(result).toEqual({ kind: 'not-modified', url: `${server.origin}/terms` });
    expect(server.requestsTo('/terms')[0]?.headers['if-none-match']).toBe('"v7"');
  });

  it('sends If-Modified-Since and maps 304 to not-modified', async () => {
    const result = await open().fetch({ url: `${server.origin}/terms`, lastModified: 'LM-7' });
    expect(result.kind).toBe('not-modified');
    expect(server.requestsTo('/terms')[0]?.headers['if-modified-since']).toBe('LM-7');
  });

  it('sends no validators when there are none and gets the body', async () => {
    const result = await open().fetch({ url: `${server.origin}/terms`, etag: null, lastModified: null });
    expect(result).toMatchObject({ kind: 'fetched', etag: '"v7"', lastModified: 'LM-7', text: 'body' });
    const headers = server.requestsTo('/terms')[0]?.headers;
    expect(headers?.['if-none-match']).toBeUndefined();
    expect(headers?.['if-modified-since']).toBeUndefined();
  });
});

describe('createHttpFetcher: redirects', () => {
  it('follows relative and absolute redirects and reports the final URL', async () => {
    server.route('/old', { status: 301, headers: { location: '/middle' } });
    server.route('/middle', { status: 302, headers: { location: `${server.origin}/new?x=1` } });
    server.route('/new', { body: 'moved here' });
    const result = await open().fetch({ url: `${server.origin}/old` });
    expect(result).toMatchObject({
      kind: 'fetched',
      url: `${server.origin}/old`,
      finalUrl: `${server.origin}/new?x=1`,
    });
  });

  it('fails with too_many_redirects past the limit', async () => {
    for (let hop = 0; hop < 10; hop += 1)
      server.route(`/r${hop}`, { status: 302, headers: { location: `/r${hop + 1}` } });
    const error = await failure(open({ maxRedirects: 3 }).fetch({ url: `${server.origin}/r0` }));
    expect(error.code).toBe('too_many_redirects');
    expect(error.message).toContain(`more than 3 redirects from ${server.origin}/r0`);
    expect(server.requestsTo('/r3')).toHaveLength(1);
    expect(server.requestsTo('/r4')).toHaveLength(0);
  });

  it('refuses a redirect to a non-HTTP scheme', async () => {
    server.route('/sneaky', { status: 302, headers: { location: 'file:///etc/passwd' } });
    const error = await failure(open().fetch({ url: `${server.origin}/sneaky` }));
    expect(error.code).toBe('invalid_url');
    expect(error.message).toContain('file:');
  });
});

describe('createHttpFetcher: failures', () => {
  it('maps an HTTP error status to http_status without retrying 404', async () => {
    const error = await failure(open().fetch({ url: `${server.origin}/missing` }));
    expect(error).toMatchObject({ code: 'http_status', status: 404, url: `${server.origin}/missing` });
    expect(error.message).toBe(`HTTP 404 for ${server.origin}/missing`);
    expect(server.requestsTo('/missing')).toHaveLength(1);
  });

  it.each(['ftp://example.com/terms', 'not a url', 'javascript:alert(1)'])('rejects %s as invalid_url', async (url) => {
    const error = await failure(open().fetch({ url }));
    expect(error.code).toBe('invalid_url');
    expect(server.requests).toHaveLength(0);
  });

  it('times out a slow response (total timeout)', async () => {
    server.route('/slow', { delayMs: 2000, body: 'late' });
    const started = performance.now();
    const error = await failure(open({ totalTimeoutMs: 150 }).fetch({ url: `${server.origin}/slow` }));
    expect(error.code).toBe('timeout');
    expect(error.message).toBe(`timed out after 150 ms: ${server.origin}/slow`);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('times out a body that trickles in past the total timeout', async () => {
    server.route('/trickle', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => response.write('.'), 20);
      response.on('close', () => {
        clearInterval(timer);
      });
    });
    const error = await failure(open({ totalTimeoutMs: 200 }).fetch({ url: `${server.origin}/trickle` }));
    expect(error.code).toBe('timeout');
  });

  it('times out connecting (DNS + TCP) with the connect timeout', async () => {
    const hanging = open({
      connectTimeoutMs: 100,
      respectRobotsTxt: false,
      allowPrivateNetworks: true,
      resolveHost: () => new Promise<string[]>(() => undefined),
    });
    const error = await failure(hanging.fetch({ url: `http://hang.test:${server.port}/` }));
    expect(error.code).toBe('timeout');
    expect(error.message).toBe(`connect timed out after 100 ms: http://hang.test:${server.port}/`);
  });

  it('reports a dropped connection as a network error after retrying', async () => {
    server.route('/drop', (_request, response) => {
      response.socket?.destroy();
    });
    const waits: number[] = [];
    const sleep = (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    };
    const error = await failure(open({ sleep }).fetch({ url: `${server.origin}/drop` }));
    expect(error.code).toBe('network');
    expect(error.message).toContain(`network error for ${server.origin}/drop`);
    expect(server.requestsTo('/drop')).toHaveLength(3);
    expect(waits).toEqual([1000, 2000]);
  });

  it('reports an aborted fetch without retrying', async () => {
    const controller = new AbortController();
    // The server aborts the caller once the request arrived, then never answers.
    server.route('/hang', () => {
      controller.abort();
    });
    const error = await failure(open().fetch({ url: `${server.origin}/hang`, signal: controller.signal }));
    expect(error).toMatchObject({ code: 'network', message: `aborted: ${server.origin}/hang` });
    expect(server.requestsTo('/hang')).toHaveLength(1);
  });
});

describe('close', () => {
  it('refuses fetches after close without touching the network', async () => {
    const closing = open();
    await closing.close();
    const error = await failure(closing.fetch({ url: `${server.origin}/page` }));
    expect(error).toMatchObject({ code: 'network', message: `fetcher closed: ${server.origin}/page` });
    expect(server.requests).toHaveLength(0);
    await closing.close(); // a second close is harmless
  });
});

describe('parseHttpUrl', () => {
  it('resolves a Location against the current URL', () => {
    expect(parseHttpUrl('../b?q', new URL('https://x.example/a/c')).href).toBe('https://x.example/b?q');
  });
});
