// The tracker with a real SQLite store and the real fetchers (plain HTTP + headless Chromium) against a local page.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TrackerEvent } from '../../src/domain/events.ts';
import { silentLogger } from '../../src/domain/logger.ts';
import type { SourceDeclaration } from '../../src/domain/source.ts';
import { defaultNewsDictionaries } from '../../src/news/index.ts';
import { createBrowserFetcher } from '../../src/sources/browser/browser-fetcher.ts';
import { chromiumNote, describeWithChromium } from '../../src/sources/browser/browser-test-kit.ts';
import { createRoutingFetcher } from '../../src/sources/browser/routing-fetcher.ts';
import type { Fetcher } from '../../src/sources/fetcher.ts';
import { createHttpFetcher } from '../../src/sources/http/http-fetcher.ts';
import { createSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.ts';
import { createEventBus } from '../../src/tracker/event-bus.ts';
import { createTracker, type Tracker } from '../../src/tracker/tracker.ts';
import { startFixtureServer, type FixtureServer } from '../fakes/fixture-server.ts';

const CLAUSES = ['1. You may use the Services for lawful purposes only.', '2. We do not train models on your content.'];

/** Clauses only a script inserts; plain HTTP sees an empty shell. */
const scripted = (clauses: readonly string[]): string =>
  `<!doctype html><html><head><title>Terms</title></head><body><div id="root"></div><script>
   document.getElementById('root').innerHTML = '<main><h1>Terms</h1>' + ${JSON.stringify(clauses.map((c) => `<p>${c}</p>`).join(''))} + '</main>';
   </script></body></html>`;

const CHALLENGE = `<html><head><title>Just a moment...</title></head><body><script>
  document.cookie = 'cw_clearance=1; path=/'; location.reload();</script></body></html>`;

let server: FixtureServer;
let store: SqliteStore;
let fetcher: Fetcher;
let tracker: Tracker;
let rendered: SourceDeclaration;
let walled: SourceDeclaration;

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/rendered', { body: scripted(CLAUSES) });
  server.route('/walled', (request, response) => {
    const cleared = (request.headers.cookie ?? '').includes('cw_clearance=1');
    response
      .writeHead(cleared ? 200 : 403, { 'content-type': 'text/html' })
      .end(cleared ? scripted(CLAUSES) : CHALLENGE);
  });
  const base = { kind: 'terms', vendor: 'acme', select: ['main'], remove: [] } as const;
  rendered = {
    ...base,
    id: 'acme/rendered',
    title: 'Rendered Terms',
    url: `${server.origin}/rendered`,
    browser: 'always',
  };
  walled = { ...base, id: 'acme/walled', title: 'Walled Terms', url: `${server.origin}/walled` };
  store = await createSqliteStore({ dataDir: await mkdtemp(path.join(tmpdir(), 'clausewatch-browser-')) });
  const guard = { allowHosts: ['127.0.0.1'] };
  fetcher = createRoutingFetcher({
    http: createHttpFetcher({ ...guard, respectRobotsTxt: false, perHostSpacingMs: 0, retry: { attempts: 1 } }),
    browser: createBrowserFetcher({ ...guard, pageTimeoutMs: 20_000, settleTimeoutMs: 0 }),
    defaultMode: 'auto',
  });
  let now = Date.parse('2026-01-01T00:00:00Z');
  const deps = {
    store,
    fetcher,
    clock: { now: () => new Date((now += 1000)) },
    logger: silentLogger,
    sleep: () => Promise.resolve(),
    options: {
      failureThreshold: 3,
      confirmDelayMs: 0,
      news: { dictionaries: defaultNewsDictionaries, dedupeWindowMs: 3_600_000, maxItemsPerFeed: 100 },
    },
  };
  tracker = createTracker(deps, createEventBus(silentLogger), { concurrency: 2 });
});

afterAll(async () => {
  await fetcher.close();
  await store.close();
  await server.close();
});

const types = (events: readonly TrackerEvent[]): string[] => events.map((event) => `${event.type}:${event.source}`);
const plainRequests = (route: string): number =>
  server.requestsTo(route).filter((request) => (request.headers['user-agent'] ?? '').startsWith('clausewatch')).length;

describeWithChromium(`tracker with the browser (${chromiumNote})`, () => {
  it('records a script-rendered page, then exactly one terms-change when the script text changes', async () => {
    expect(types(await tracker.poll([rendered]))).toEqual(['baseline:acme/rendered']);
    expect(types(await tracker.poll([rendered]))).toEqual([]);
    server.route('/rendered', { body: scripted([CLAUSES[0] ?? '', '2. We may train models on your content.']) });
    const events = await tracker.poll([rendered]);
    expect(types(events)).toEqual(['terms-change:acme/rendered']);
    const [change] = events;
    if (change?.type !== 'terms-change') throw new Error('expected a terms-change');
    expect(JSON.stringify(change.diff.changes)).toContain('may train models');
    expect(types(await tracker.poll([rendered]))).toEqual([]);
    expect(plainRequests('/rendered')).toBe(0);
  });

  it('auto: meets the bot wall over plain HTTP once, gets the page through the browser and remembers', async () => {
    expect(types(await tracker.poll([walled]))).toEqual(['baseline:acme/walled']);
    expect(await store.getHealth(walled.id)).toMatchObject({ needsBrowser: true, consecutiveFailures: 0 });
    const version = (await store.listVersionEntries(walled.id, 1))[0];
    expect((await store.getVersion(version?.versionId ?? ''))?.text).toContain('We do not train models');
    expect(types(await tracker.poll([walled]))).toEqual([]);
    expect(plainRequests('/walled')).toBe(1);
  });
});
