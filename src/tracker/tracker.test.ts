import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeFetcher, type FakeFetcher } from '../../test/fakes/fake-fetcher.ts';
import type { TrackerEvent } from '../domain/events.ts';
import { silentLogger } from '../domain/logger.ts';
import { defaultNewsDictionaries } from '../news/index.ts';
import type { SourceDeclaration } from '../domain/source.ts';
import { createSqliteStore, type SqliteStore } from '../store/sqlite-store.ts';
import { createEventBus } from './event-bus.ts';
import { rederiveVersions } from './rederive.ts';
import { createTracker, type Tracker } from './tracker.ts';
import type { TrackerDeps } from './tracker-deps.ts';

const terms: SourceDeclaration = {
  id: 'acme/terms',
  kind: 'terms',
  vendor: 'acme',
  title: 'Terms',
  url: 'https://acme.example/terms',
  select: ['main'],
  remove: [],
};
const feed: SourceDeclaration = { ...terms, id: 'acme/news', kind: 'feed', url: 'https://acme.example/feed' };
const broken: SourceDeclaration = { ...terms, id: 'broken/terms', url: 'https://broken.example/terms' };

const page = (clauses: string[], chrome = ''): string =>
  `<html><body><nav>${chrome}</nav><main><h1>Terms</h1>${clauses.map((c) => `<p>${c}</p>`).join('')}</main></body></html>`;
const rss = (items: { id: string; title: string; date?: string }[]): string =>
  `<rss><channel>${items.map((i) => `<item><guid>${i.id}</guid><title>${i.title}</title><pubDate>${i.date ?? 'Mon, 01 Jan 2024 00:00:00 GMT'}</pubDate></item>`).join('')}</channel></rss>`;

const CLAUSES = ['1. You may use the Services for lawful purposes only.', '2. We do not train models on your content.'];

let store: SqliteStore;
let fetcher: FakeFetcher;
let tracker: Tracker;
let deps: TrackerDeps;
const published: TrackerEvent[] = [];

beforeEach(async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'clausewatch-tracker-'));
  store = await createSqliteStore({ dataDir });
  fetcher = createFakeFetcher();
  let now = Date.parse('2026-01-01T00:00:00Z');
  deps = {
    store,
    fetcher,
    clock: { now: () => new Date((now += 1000)) },
    logger: silentLogger,
    sleep: () => Promise.resolve(),
    options: {
      failureThreshold: 3,
      confirmDelayMs: 0,
      news: { dictionaries: defaultNewsDictionaries, dedupeWindowMs: 48 * 3_600_000, maxItemsPerFeed: 500 },
    },
  };
  published.length = 0;
  const bus = createEventBus(silentLogger);
  bus.subscribe((event) => {
    published.push(event);
  });
  tracker = createTracker(deps, bus, { concurrency: 4 });
});

afterEach(async () => {
  await store.close();
});

const types = (events: readonly TrackerEvent[]): string[] => events.map((e) => `${e.type}:${e.source}`);

describe('tracker', () => {
  it('records a baseline, then one terms-change, then nothing while the page stays the same', async () => {
    fetcher.serve(terms.url, { body: page(CLAUSES) });
    expect(types(await tracker.poll([terms]))).toEqual(['baseline:acme/terms']);
    fetcher.serve(terms.url, { body: page([CLAUSES[0] ?? '', '2. We may train models on your content.']) });
    const changed = await tracker.poll([terms]);
    expect(types(changed)).toEqual(['terms-change:acme/terms']);
    const change = changed[0];
    if (change?.type !== 'terms-change') throw new Error('expected a terms-change');
    expect(change.diff.changes.length).toBeGreaterThan(0);
    expect(await tracker.poll([terms])).toEqual([]);
    expect(published.map((e) => e.type)).toEqual(['baseline', 'terms-change']);
    const history = await store.listVersionEntries(terms.id);
    expect(history.map((entry) => entry.kind)).toEqual(['change', 'baseline']);
  });

  it('asks the fetcher for each source browser mode and selectors, keeps feeds off the browser, remembers a rendered page', async () => {
    const rendered = { ...terms, browser: 'auto' as const };
    const original = fetcher.fetch.bind(fetcher);
    deps.fetcher.fetch = async (request) => {
      const result = await original(request);
      return result.kind === 'fetched' && request.browser === 'auto' ? { ...result, renderedBy: 'browser' } : result;
    };
    fetcher.serve(terms.url, { body: page(CLAUSES) });
    fetcher.serve(feed.url, { body: rss([{ id: 'a', title: 'Story' }]), mediaType: 'application/rss+xml' });
    await tracker.poll([rendered, feed]);
    expect(
      fetcher.requests.map(({ url, browser, select, knownToNeedBrowser }) => ({
        url,
        browser,
        select,
        knownToNeedBrowser,
      })),
    ).toEqual([
      { url: terms.url, browser: 'auto', select: ['main'], knownToNeedBrowser: false },
      { url: feed.url, browser: 'never', select: ['main'], knownToNeedBrowser: false },
    ]);
    expect(await store.getHealth(terms.id)).toMatchObject({ needsBrowser: true });
    await tracker.poll([rendered]);
    expect(fetcher.requests.at(-1)).toMatchObject({ browser: 'auto', knownToNeedBrowser: true });
  });

  it('confirms a change the browser had to render through the browser again, not past the bot wall first', async () => {
    const walled = { ...terms, browser: 'auto' as const };
    let wall = false;
    const original = fetcher.fetch.bind(fetcher);
    deps.fetcher.fetch = async (request) => {
      const result = await original(request);
      return result.kind === 'fetched' && wall ? { ...result, renderedBy: 'browser' } : result;
    };
    fetcher.serve(terms.url, { body: page(CLAUSES) });
    await tracker.poll([walled]);
    wall = true;
    fetcher.serve(terms.url, { body: page([CLAUSES[0] ?? '', '2. We may train models on your content.']) });
    const events = await tracker.poll([walled]);
    expect(events.map((event) => event.type)).toEqual(['terms-change']);
    expect(fetcher.requests.slice(-2).map((request) => request.knownToNeedBrowser)).toEqual([false, true]);
  });

  it('announces nothing when only page chrome outside the body changed', async () => {
    fetcher.serve(terms.url, { body: page(CLAUSES, 'Home') });
    await tracker.poll([terms]);
    fetcher.serve(terms.url, { body: page(CLAUSES, 'Home · Pricing · Careers') });
    expect(await tracker.poll([terms])).toEqual([]);
  });

  it('does not record a change that a second fetch does not confirm', async () => {
    fetcher.serve(terms.url, { body: page(CLAUSES) });
    await tracker.poll([terms]);
    let calls = 0;
    const flaky = page(['3. A clause that only one half of an A/B test shows to visitors.']);
    const original = fetcher.fetch.bind(fetcher);
    deps.fetcher.fetch = async (request) => {
      calls += 1;
      if (calls === 1) fetcher.serve(terms.url, { body: flaky });
      else fetcher.serve(terms.url, { body: page(CLAUSES) });
      return original(request);
    };
    expect(await tracker.poll([terms])).toEqual([]);
    expect(calls).toBe(2);
    expect((await store.listVersionEntries(terms.id)).length).toBe(1);
  });

  it('sends validators for a conditional GET and treats 304 as unchanged', async () => {
    fetcher.serve(terms.url, { body: page(CLAUSES), etag: '"v1"' });
    await tracker.poll([terms]);
    fetcher.serve(terms.url, { notModified: true });
    expect(await tracker.poll([terms])).toEqual([]);
    expect(fetcher.requests.at(-1)?.etag).toBe('"v1"');
  });

  it('reports a failing source after the threshold while the others go on', async () => {
    fetcher.serve(terms.url, { body: page(CLAUSES) });
    fetcher.serve(broken.url, { status: 503 });
    const first = await tracker.poll([broken, terms]);
    expect(types(first)).toEqual(['source-error:broken/terms', 'baseline:acme/terms']);
    await tracker.poll([broken]);
    const third = await tracker.poll([broken]);
    expect(third[0]).toMatchObject({
      type: 'source-error',
      consecutiveFailures: 3,
      failing: true,
      code: 'http_status',
    });
    const health = await store.getHealth(broken.id);
    expect(health).toMatchObject({ consecutiveFailures: 3, lastErrorCode: 'http_status' });
    fetcher.serve(broken.url, { body: page(CLAUSES) });
    expect(types(await tracker.poll([broken]))).toEqual(['baseline:broken/terms']);
    expect((await store.getHealth(broken.id))?.consecutiveFailures).toBe(0);
  });

  it('treats a selector that matches nothing as an error, never as a new version', async () => {
    fetcher.serve(terms.url, { body: page(CLAUSES) });
    await tracker.poll([terms]);
    fetcher.serve(terms.url, {
      body: '<html><body><div>Maintenance: we will be back soon, thank you.</div></body></html>',
    });
    const events = await tracker.poll([terms]);
    expect(events[0]).toMatchObject({ type: 'source-error', code: 'selector_not_found' });
    expect((await store.listVersionEntries(terms.id)).length).toBe(1);
  });

  it('records the first poll of a feed silently and announces only new items later', async () => {
    fetcher.serve(feed.url, { body: rss([{ id: 'a', title: 'Old story' }]), mediaType: 'application/rss+xml' });
    expect(types(await tracker.poll([feed]))).toEqual(['baseline:acme/news']);
    fetcher.serve(feed.url, {
      body: rss([
        { id: 'b', title: 'New terms at Acme' },
        { id: 'a', title: 'Old story', date: 'Tue, 02 Jan 2024 00:00:00 GMT' },
      ]),
      mediaType: 'application/rss+xml',
    });
    const [news] = await tracker.poll([feed]);
    expect(news).toMatchObject({ type: 'news', items: [{ title: 'New terms at Acme' }] });
    fetcher.serve(feed.url, {
      body: rss([
        { id: 'b', title: 'New terms at Acme', date: 'Wed, 03 Jan 2024 00:00:00 GMT' },
        { id: 'a', title: 'Old story' },
      ]),
      mediaType: 'application/rss+xml',
    });
    expect(await tracker.poll([feed])).toEqual([]);
  });

  it('keeps polling when a listener throws', async () => {
    const bus = createEventBus(silentLogger);
    bus.subscribe(() => {
      throw new Error('broken output');
    });
    const seen: string[] = [];
    bus.subscribe((event) => {
      seen.push(event.type);
    });
    const isolated = createTracker(deps, bus, { concurrency: 1 });
    fetcher.serve(terms.url, { body: page(CLAUSES) });
    expect(types(await isolated.poll([terms]))).toEqual(['baseline:acme/terms']);
    expect(seen).toEqual(['baseline']);
  });

  it('re-derives the current version from the stored snapshot without an event when extraction differs', async () => {
    fetcher.serve(terms.url, { body: page(CLAUSES) });
    await tracker.poll([terms]);
    const wider = { ...terms, select: ['main p'] };
    expect(await rederiveVersions([wider], deps)).toBe(1);
    expect(await rederiveVersions([wider], deps)).toBe(0);
    const [latest] = await store.listVersionEntries(terms.id);
    expect(latest?.kind).toBe('technical');
    expect(await tracker.poll([wider])).toEqual([]);
  });

  it('announces a story once across feeds: a second feed carrying it joins alsoReportedBy, silently', async () => {
    const other: SourceDeclaration = { ...feed, id: 'other/news', url: 'https://other.example/feed' };
    const story = (id: string, link: string) =>
      `<rss><channel><item><guid>${id}</guid><title>Anthropic cuts xAI off from Claude models in Cursor</title><link>${link}</link><pubDate>Fri, 09 Jan 2026 10:00:00 GMT</pubDate></item></channel></rss>`;
    fetcher.serve(feed.url, { body: rss([{ id: 'old', title: 'Old story' }]), mediaType: 'application/rss+xml' });
    fetcher.serve(other.url, {
      body: rss([{ id: 'x', title: 'Something else entirely' }]),
      mediaType: 'application/rss+xml',
    });
    await tracker.poll([feed, other]);
    fetcher.serve(feed.url, {
      body: story('s1', 'https://acme.example/a?utm_source=rss'),
      mediaType: 'application/rss+xml',
    });
    const [news] = await tracker.poll([feed]);
    expect(news).toMatchObject({
      type: 'news',
      items: [{ url: 'https://acme.example/a', vendors: expect.arrayContaining(['anthropic', 'xai']) as unknown }],
    });
    fetcher.serve(other.url, { body: story('o1', 'https://other.example/story'), mediaType: 'application/rss+xml' });
    expect(await tracker.poll([other])).toEqual([]);
    const [stored] = await store.listNewsItems(1);
    expect(stored).toMatchObject({ sourceId: 'acme/news', alsoReportedBy: ['other/news'] });
    fetcher.serve(other.url, {
      body: story('o1', 'https://other.example/story') + ' ',
      mediaType: 'application/rss+xml',
    });
    expect(await tracker.poll([other])).toEqual([]);
  });

  it('reads a listing page without a feed through its item selectors', async () => {
    const listing: SourceDeclaration = {
      ...feed,
      id: 'acme/blog',
      kind: 'page',
      url: 'https://acme.example/blog',
      listing: { item: 'article', title: 'h2', date: 'time' },
    };
    const blog = (titles: string[]) =>
      `<html><body>${titles.map((t, i) => `<article><h2><a href="/p/${i}">${t}</a></h2><time datetime="2026-01-0${i + 1}">x</time></article>`).join('')}</body></html>`;
    fetcher.serve(listing.url, { body: blog(['First post about terms']) });
    expect(types(await tracker.poll([listing]))).toEqual(['baseline:acme/blog']);
    fetcher.serve(listing.url, { body: blog(['First post about terms', 'OpenAI changes its usage policies']) });
    const [news] = await tracker.poll([listing]);
    expect(news).toMatchObject({
      type: 'news',
      items: [{ title: 'OpenAI changes its usage policies', url: 'https://acme.example/p/1' }],
    });
  });
});
