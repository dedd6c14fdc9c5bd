import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../../test/fakes/fixture-server.ts';
import { SourceFetchError } from '../../domain/errors.ts';
import { extractTerms } from '../extract-terms.ts';
import { createHttpFetcher } from '../http/http-fetcher.ts';
import type { Fetched, FetchResult } from '../fetcher.ts';
import { createBrowserFetcher, type BrowserFetcher } from './browser-fetcher.ts';
import { chromiumNote, describeWithChromium, recordingLogger } from './browser-test-kit.ts';
import { createRoutingFetcher } from './routing-fetcher.ts';

const CLAUSES = ['1. You may use the Services for lawful purposes only.', '2. We do not train models on your content.'];

/** A shell whose clauses only a script inserts. */
const scriptedPage = (clauses: readonly string[]): string =>
  `<!doctype html><html><head><title>Terms</title></head><body><div id="app"></div>
   <img src="/logo.png"><script>
     const main = document.createElement('main');
     main.innerHTML = '<h1>Terms of Service</h1>' + ${JSON.stringify(clauses.map((c) => `<p>${c}</p>`).join(''))};
     setTimeout(() => document.getElementById('app').appendChild(main), 50);
   </script></body></html>`;

const CHALLENGE = `<!doctype html><html><head><title>Just a moment...</title></head><body>
  <noscript>Enable JavaScript and cookies to continue</noscript>
  <script>document.cookie = 'cw_clearance=ok; path=/'; setTimeout(() => location.reload(), 30);</script></body></html>`;

const fetched = (result: FetchResult): Fetched => {
  if (result.kind !== 'fetched') throw new Error('expected a fetched page');
  return result;
};

let server: FixtureServer;
let browser: BrowserFetcher;
const logger = recordingLogger();
let concurrent = 0;
let maxConcurrent = 0;

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/terms', { body: scriptedPage(CLAUSES) });
  server.route('/challenged', (request, response) => {
    const cleared = (request.headers.cookie ?? '').includes('cw_clearance=ok');
    response.writeHead(cleared ? 200 : 503, { 'content-type': 'text/html; charset=utf-8' });
    response.end(cleared ? scriptedPage(CLAUSES) : CHALLENGE);
  });
  // The body appears only once both calls have failed, so the snapshot is taken after the guard saw them.
  server.route('/calls-private', {
    body: `<html><body><script>
      const socket = new Promise((done) => {
        const ws = new WebSocket('ws://10.255.255.2/socket');
        ws.onerror = done;
        ws.onclose = done;
      });
      Promise.allSettled([fetch('http://10.255.255.1/x'), fetch('http://169.254.169.254/latest/meta-data/'), socket]).then(() => {
        document.body.insertAdjacentHTML('beforeend', '<main><p>${CLAUSES[0] ?? ''}</p></main>');
      });</script></body></html>`,
  });
  server.route('/to-private', { status: 302, headers: { location: 'http://10.255.255.1/terms' } });
  server.route('/never', () => undefined);
  server.route('/slow', (_request, response) => {
    concurrent += 1;
    maxConcurrent = Math.max(maxConcurrent, concurrent);
    setTimeout(() => {
      concurrent -= 1;
      response.writeHead(200, { 'content-type': 'text/html' }).end(scriptedPage(CLAUSES));
    }, 150);
  });
  // A roomy page deadline: on a loaded machine a new context alone can take seconds.
  browser = createBrowserFetcher({ allowHosts: ['127.0.0.1'], pageTimeoutMs: 20_000, settleTimeoutMs: 0, logger });
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

describeWithChromium(`browser fetcher (${chromiumNote})`, () => {
  it('sees the clauses a script inserts, where plain HTTP sees an empty shell; images are not loaded', async () => {
    const http = createHttpFetcher({ allowHosts: ['127.0.0.1'], respectRobotsTxt: false, perHostSpacingMs: 0 });
    const plain = fetched(await http.fetch({ url: `${server.origin}/terms` }));
    await http.close();
    expect(() => extractTerms(plain.text, { select: ['main'], remove: [] })).toThrow(/matches nothing/);

    const page = fetched(await browser.fetch({ url: `${server.origin}/terms`, select: ['main'] }));
    expect(page).toMatchObject({ status: 200, mediaType: 'text/html', charset: 'utf-8', renderedBy: 'browser' });
    expect(page.etag).toBeNull();
    const text = extractTerms(page.text, { select: ['main'], remove: [] });
    expect(text).toContain('We do not train models on your content.');
    expect(server.requestsTo('/logo.png')).toEqual([]);
  });

  it('gets past a challenge that sets a cookie and reloads, in auto mode after plain HTTP met a 503', async () => {
    const http = createHttpFetcher({ allowHosts: ['127.0.0.1'], respectRobotsTxt: false, retry: { attempts: 1 } });
    const routed = createRoutingFetcher({ http, browser: { fetch: (r) => browser.fetch(r), close: async () => {} } });
    const page = fetched(await routed.fetch({ url: `${server.origin}/challenged`, browser: 'auto', select: ['main'] }));
    await routed.close();
    expect(page).toMatchObject({ status: 200, renderedBy: 'browser' });
    expect(page.text).toContain('We do not train models on your content.');
    expect(page.text).not.toContain('Just a moment');
  });

  it('blocks and logs requests and WebSockets a page script opens to private and metadata addresses, keeps the page', async () => {
    const before = browser.stats().refusedRequests;
    const page = fetched(await browser.fetch({ url: `${server.origin}/calls-private`, select: ['main'] }));
    expect(page.text).toContain('lawful purposes only');
    const refused = logger.lines.filter((line) => line.level === 'warn').map((line) => line.fields);
    expect(refused).toEqual(
      expect.arrayContaining([
        { url: 'http://10.255.255.1/x', reason: 'refused private address 10.255.255.1' },
        { url: 'http://169.254.169.254/latest/meta-data/', reason: 'refused cloud metadata address 169.254.169.254' },
        // A WebSocket reaches the proxy as a tunnel and is refused like any other request.
        { url: '10.255.255.2:80 (tunnel)', reason: 'refused private address 10.255.255.2' },
      ]),
    );
    expect(browser.stats().refusedRequests - before).toBeGreaterThanOrEqual(3);
  });

  it('refuses a redirect of the document to a private address (the guard proxy sees every hop)', async () => {
    const error = await browser.fetch({ url: `${server.origin}/to-private` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFetchError);
    expect(error).toMatchObject({ code: 'blocked_address' });
    expect((error as Error).message).toContain('10.255.255.1');
  });

  it('times out on a page that never finishes loading, with a clear error, leaving no page or context open', async () => {
    const impatient = createBrowserFetcher({ allowHosts: ['127.0.0.1'], pageTimeoutMs: 3000, settleTimeoutMs: 0 });
    try {
      const started = Date.now();
      const error = await impatient.fetch({ url: `${server.origin}/never` }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'timeout' });
      expect((error as Error).message).toBe(`browser timed out after 3000 ms: ${server.origin}/never`);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(impatient.stats()).toMatchObject({ active: 0, waiting: 0, openContexts: 0, running: 1 });
    } finally {
      await impatient.close();
    }
  });

  it('renders at most `pages` pages at once: the rest wait their turn', async () => {
    // Its own fetcher, so the pool's launches and peak memory are this test's alone.
    const pool = createBrowserFetcher({ allowHosts: ['127.0.0.1'], pageTimeoutMs: 20_000, settleTimeoutMs: 0, logger });
    try {
      const results = await Promise.all(
        Array.from({ length: 5 }, () => pool.fetch({ url: `${server.origin}/slow`, select: ['main'] })),
      );
      expect(results.every((result) => result.kind === 'fetched')).toBe(true);
      expect(server.requestsTo('/slow')).toHaveLength(5);
      expect(maxConcurrent).toBe(2);
      expect(pool.stats()).toMatchObject({ openContexts: 0, launches: 1 });
      expect(pool.stats().peakMemoryBytes).toBeGreaterThan(10 * 2 ** 20);
    } finally {
      await pool.close();
    }
  });
});
