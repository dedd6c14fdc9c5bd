import { describe, expect, it } from 'vitest';
import { createFakeFetcher, type FakeFetcher } from '../../../test/fakes/fake-fetcher.ts';
import { SourceFetchError } from '../../domain/errors.ts';
import type { Fetcher } from '../fetcher.ts';
import { createBrowserFetcher } from './browser-fetcher.ts';
import { createRoutingFetcher } from './routing-fetcher.ts';

const URL = 'https://acme.example/terms';
const TERMS = '<html><body><main><p>1. You may use the Services for lawful purposes only.</p></main></body></html>';
const CHALLENGE = '<html><head><title>Just a moment...</title></head><body></body></html>';

function setup(plain: Parameters<FakeFetcher['serve']>[1], defaultMode?: 'auto' | 'always' | 'never') {
  const http = createFakeFetcher();
  const browser = createFakeFetcher();
  http.serve(URL, plain);
  browser.serve(URL, { body: TERMS });
  const routed = createRoutingFetcher({ http, browser, ...(defaultMode === undefined ? {} : { defaultMode }) });
  return { http, browser, routed };
}

const via = (fake: FakeFetcher): number => fake.requests.length;

describe('createRoutingFetcher', () => {
  it.each([
    {
      name: 'never: plain HTTP only, even on a challenge',
      mode: 'never',
      plain: { body: CHALLENGE },
      http: 1,
      browser: 0,
    },
    { name: 'always: the browser only', mode: 'always', plain: { body: TERMS }, http: 0, browser: 1 },
    { name: 'auto, content: plain HTTP is enough', mode: 'auto', plain: { body: TERMS }, http: 1, browser: 0 },
    { name: 'auto, challenge page: then the browser', mode: 'auto', plain: { body: CHALLENGE }, http: 1, browser: 1 },
    { name: 'auto, 403: then the browser', mode: 'auto', plain: { status: 403 }, http: 1, browser: 1 },
    { name: 'auto, 503: then the browser', mode: 'auto', plain: { status: 503 }, http: 1, browser: 1 },
    { name: 'auto, 304: trusted, no browser', mode: 'auto', plain: { notModified: true }, http: 1, browser: 0 },
  ] as const)('$name', async ({ mode, plain, http: plainCalls, browser: browserCalls }) => {
    const { http, browser, routed } = setup(plain);
    await routed.fetch({ url: URL, browser: mode, select: ['main'] });
    expect([via(http), via(browser)]).toEqual([plainCalls, browserCalls]);
  });

  it('auto: a selector that matches nothing goes to the browser; a remembered source skips plain HTTP', async () => {
    const { http, browser, routed } = setup({ body: TERMS });
    await routed.fetch({ url: URL, browser: 'auto', select: ['article'] });
    expect([via(http), via(browser)]).toEqual([1, 1]);
    await routed.fetch({ url: URL, browser: 'auto', knownToNeedBrowser: true });
    expect([via(http), via(browser)]).toEqual([1, 2]);
  });

  it('asks plain HTTP whether robots.txt allows a page before the browser loads it', async () => {
    const { http, browser } = setup({ body: TERMS });
    const refused = new SourceFetchError('robots_disallowed', `robots.txt disallows ${URL}`, { url: URL });
    const polite: Fetcher = { ...http, fetch: (r) => http.fetch(r), permits: () => Promise.reject(refused) };
    const routed = createRoutingFetcher({ http: polite, browser });
    await expect(routed.fetch({ url: URL, browser: 'always' })).rejects.toBe(refused);
    await expect(routed.fetch({ url: URL, browser: 'auto', knownToNeedBrowser: true })).rejects.toBe(refused);
    expect(via(browser)).toBe(0);
  });

  it('auto: a 404 or a network error is the source failing, not a bot wall', async () => {
    const { http, browser, routed } = setup({ status: 404 });
    await expect(routed.fetch({ url: URL, browser: 'auto' })).rejects.toMatchObject({
      code: 'http_status',
      status: 404,
    });
    await expect(routed.fetch({ url: 'https://unknown.example/', browser: 'auto' })).rejects.toMatchObject({
      code: 'network',
    });
    expect([via(http), via(browser)]).toEqual([2, 0]);
  });

  it('uses the configured default for requests without a mode (feeds send never explicitly)', async () => {
    const always = setup({ body: TERMS }, 'always');
    await always.routed.fetch({ url: URL });
    expect([via(always.http), via(always.browser)]).toEqual([0, 1]);
    const auto = setup({ body: CHALLENGE });
    await auto.routed.fetch({ url: URL });
    expect([via(auto.http), via(auto.browser)]).toEqual([1, 1]);
  });
});

describe('without Chromium', () => {
  it('fails browser pages with how to install it, while plain sources keep working', async () => {
    const http = createFakeFetcher();
    http.serve(URL, { body: TERMS });
    const browser: Fetcher = createBrowserFetcher({
      executablePath: '/nonexistent/chromium',
      allowHosts: ['127.0.0.1'],
    });
    const routed = createRoutingFetcher({ http, browser });
    const error = await routed.fetch({ url: 'http://127.0.0.1:9/terms', browser: 'always' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFetchError);
    expect((error as Error).message).toMatch(
      /^browser unavailable for http:\/\/127\.0\.0\.1:9\/terms: no Chromium executable at \/nonexistent\/chromium; install it with `apt-get install chromium`.*CLAUSEWATCH_CHROMIUM_PATH/,
    );
    http.serve('http://127.0.0.1:9/challenge', { body: CHALLENGE });
    const fallback = await routed
      .fetch({ url: 'http://127.0.0.1:9/challenge', browser: 'auto' })
      .catch((e: unknown) => e);
    expect((fallback as Error).message).toMatch(/apt-get install chromium.*\(plain HTTP: challenge page/);
    expect(await routed.fetch({ url: URL, browser: 'never' })).toMatchObject({ kind: 'fetched', status: 200 });
    await routed.close();
  });
});
