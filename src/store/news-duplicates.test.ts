import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStores, newsItem, unchangedPoll, type TempStores } from './store-test-kit.ts';
import type { SqliteStore } from './sqlite-store.ts';

const AT = '2025-01-01T00:00:00.000Z';
const LATER = '2025-01-05T00:00:00.000Z';

let stores: TempStores;
let store: SqliteStore;

beforeEach(async () => {
  stores = await createTempStores();
  store = await stores.open();
});

afterEach(async () => {
  await stores.cleanup();
});

describe('a feed’s copy of a story another source carried first', () => {
  it('stays known to that feed, joins the story’s alsoReportedBy, and is never listed as a story of its own', async () => {
    await store.recordPoll({ ...unchangedPoll(AT, 'acme/news'), newsItems: [newsItem('a', AT, AT)] });
    const copy = newsItem('copy-of-a', AT, AT, 'other/news');
    await store.recordPoll({
      ...unchangedPoll(AT, 'other/news'),
      newsReports: [{ sourceId: 'acme/news', key: 'a', reportedBy: 'other/news', copy }],
    });
    expect(await store.knownNewsKeys('other/news')).toEqual(new Set(['copy-of-a']));
    const listed = await store.listNewsItems(10);
    expect(listed.map((item) => [item.sourceId, item.key, item.alsoReportedBy])).toEqual([
      ['acme/news', 'a', ['other/news']],
    ]);
    expect((await store.listRecentNews('2024-12-31T00:00:00.000Z', 10)).map((item) => item.key)).toEqual(['a']);
  });

  it('keeps the copy known after the story has left the window', async () => {
    const copy = newsItem('copy', AT, AT, 'other/news');
    await store.recordPoll({ ...unchangedPoll(AT, 'acme/news'), newsItems: [newsItem('a', AT, AT)] });
    await store.recordPoll({
      ...unchangedPoll(AT, 'other/news'),
      newsReports: [{ sourceId: 'acme/news', key: 'a', reportedBy: 'other/news', copy }],
    });
    expect(await store.listRecentNews(LATER, 10)).toEqual([]);
    expect((await store.knownNewsKeys('other/news')).has('copy')).toBe(true);
  });
});
