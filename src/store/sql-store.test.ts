import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.ts';
import type { NewsReport, Store } from './store.ts';
import {
  countRows,
  createTempStores,
  failedPoll,
  makeEvent,
  newsItem,
  sha256,
  SOURCE,
  unchangedPoll,
  versionPoll,
} from './store-test-kit.ts';
import type { TempStores } from './store-test-kit.ts';

// The queries of the portable SQL store, run against the SQLite adapter on a real file.

let stores: TempStores;

beforeEach(async () => {
  stores = await createTempStores();
});

afterEach(() => stores.cleanup());

describe('snapshots and versions', () => {
  it('stores a body and a text once however often they are seen, keeping the first created_at', async () => {
    const store = await stores.open();
    const poll = versionPoll('2025-01-01T00:00:00.000Z', 'same text', 'baseline');
    await store.recordPoll(poll);
    stores.clock.set('2025-02-01T00:00:00.000Z');
    await store.recordPoll({ ...versionPoll('2025-02-01T00:00:00.000Z', 'same text', 'technical') });
    expect(await countRows(store, 'snapshots')).toBe(1);
    expect(await countRows(store, 'versions')).toBe(1);
    expect(await countRows(store, 'version_entries')).toBe(2);
    const snapshot = await store.getSnapshot(poll.snapshot?.id ?? '');
    expect(snapshot).toEqual({
      id: sha256(Buffer.from('<main>same text</main>')),
      mediaType: 'text/html',
      body: Buffer.from('<main>same text</main>'),
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    expect(Buffer.isBuffer(snapshot?.body)).toBe(true);
    expect(await store.getVersion(sha256('same text'))).toEqual({
      id: sha256('same text'),
      text: 'same text',
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    expect(await store.getSnapshot('0'.repeat(64))).toBeUndefined();
  });

  it('lists a source history newest first, limited on request, without other sources', async () => {
    const store = await stores.open();
    await store.recordPoll(versionPoll('2025-01-01T00:00:00.000Z', 'one', 'baseline'));
    await store.recordPoll(versionPoll('2025-01-01T00:00:00.000Z', 'other', 'baseline', 'other/terms'));
    await store.recordPoll(versionPoll('2025-01-02T00:00:00.000Z', 'two', 'change'));
    await store.recordPoll(versionPoll('2025-01-03T00:00:00.000Z', 'two', 'technical'));
    const history = await store.listVersionEntries(SOURCE);
    expect(history.map((entry) => [entry.kind, entry.versionId, entry.recordedAt])).toEqual([
      ['technical', sha256('two'), '2025-01-03T00:00:00.000Z'],
      ['change', sha256('two'), '2025-01-02T00:00:00.000Z'],
      ['baseline', sha256('one'), '2025-01-01T00:00:00.000Z'],
    ]);
    expect(history[0]).toMatchObject({ sourceId: SOURCE, snapshotId: sha256(Buffer.from('<main>two</main>')) });
    expect((await store.listVersionEntries(SOURCE, 1)).map((entry) => entry.kind)).toEqual(['technical']);
    expect(await store.listVersionEntries('nobody/terms')).toEqual([]);
  });

  it('finds a version by a unique prefix of at least 6 hex digits, in any case', async () => {
    const store = await stores.open();
    // Two ids sharing their first 6 hex digits: 'abcdef01…' and 'abcdef99…'.
    const ids = ['abcdef01' + '0'.repeat(56), 'abcdef99' + '0'.repeat(56), '123456' + 'f'.repeat(58)];
    await store.db
      .insertInto('versions')
      .values(ids.map((id) => ({ id, text: `text ${id.slice(0, 8)}`, created_at: '2025-01-01T00:00:00.000Z' })))
      .execute();
    expect((await store.getVersion(ids[2] ?? ''))?.text).toBe('text 123456ff');
    expect((await store.getVersion('123456'))?.id).toBe(ids[2]);
    expect((await store.getVersion('ABCDEF01'))?.id).toBe(ids[0]);
    expect((await store.getVersion('abcdef9'))?.id).toBe(ids[1]);
    expect(await store.getVersion('12345')).toBeUndefined(); // too short
    expect(await store.getVersion('12345g')).toBeUndefined(); // not hex
    expect(await store.getVersion('654321')).toBeUndefined(); // no match
    await expect(store.getVersion('abcdef')).rejects.toMatchObject({ code: 'ambiguous_version_prefix' });
    await expect(store.getVersion('abcdef')).rejects.toBeInstanceOf(AppError);
  });
});

describe('news items', () => {
  it('inserts new items, ignores known keys and lists the newest first', async () => {
    const store = await stores.open();
    const first = [
      newsItem('a', '2025-01-01T00:00:00.000Z', '2024-12-30T00:00:00.000Z'),
      newsItem('b', '2025-01-01T00:00:00.000Z', '2024-12-31T00:00:00.000Z'),
    ];
    await store.recordPoll({ ...unchangedPoll('2025-01-01T00:00:00.000Z', 'acme/news'), newsItems: first });
    const again = [
      { ...newsItem('b', '2025-01-02T00:00:00.000Z', null), title: 'Changed title' },
      newsItem('c', '2025-01-02T00:00:00.000Z', null),
    ];
    await store.recordPoll({ ...unchangedPoll('2025-01-02T00:00:00.000Z', 'acme/news'), newsItems: again });
    await store.recordPoll({
      ...unchangedPoll('2025-01-02T00:00:00.000Z', 'other/news'),
      newsItems: [newsItem('a', '2025-01-02T00:00:00.000Z', '2025-01-02T00:00:00.000Z', 'other/news')],
    });

    expect(await store.knownNewsKeys('acme/news')).toEqual(new Set(['a', 'b', 'c']));
    expect(await store.knownNewsKeys('other/news')).toEqual(new Set(['a']));
    expect(await store.knownNewsKeys('nobody/news')).toEqual(new Set());

    const listed = await store.listNewsItems(10);
    expect(listed.map((item) => `${item.sourceId}:${item.key}`)).toEqual([
      'other/news:a', // first seen last, dated
      'acme/news:c', // first seen last, undated
      'acme/news:b', // first seen first, published later
      'acme/news:a',
    ]);
    // A known key keeps what was first seen.
    expect(listed.find((item) => item.key === 'b' && item.sourceId === 'acme/news')).toEqual(first[1]);
    expect(await store.listNewsItems(2)).toHaveLength(2);
  });
});

describe('events', () => {
  it('appends events in order and reads them after a cursor, oldest first', async () => {
    const store = await stores.open();
    await store.recordPoll(versionPoll('2025-01-01T00:00:00.000Z', 'one', 'baseline'));
    await store.recordPoll(failedPoll('2025-01-02T00:00:00.000Z'));
    await store.recordPoll({
      ...failedPoll('2025-01-03T00:00:00.000Z'),
      events: [makeEvent('source-error', 'x1'), makeEvent('source-error', 'x2')],
    });

    const all = await store.listEvents(0, 100);
    expect(all.map((record) => [record.event.type, record.event.at])).toEqual([
      ['baseline', '2025-01-01T00:00:00.000Z'],
      ['source-error', '2025-01-02T00:00:00.000Z'],
      ['source-error', 'x1'],
      ['source-error', 'x2'],
    ]);
    expect(all[0]?.event).toEqual(makeEvent('baseline', '2025-01-01T00:00:00.000Z'));
    const ids = all.map((record) => record.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const afterSecond = await store.listEvents(ids[1] ?? 0, 1);
    expect(afterSecond.map((record) => record.event.at)).toEqual(['x1']);
    expect(await store.listEvents(ids[3] ?? 0, 10)).toEqual([]);
  });
});

describe('news tags and reports', () => {
  const ACME = 'acme/news';
  const tagged = {
    ...newsItem('t', '2025-01-01T00:00:00.000Z', '2024-12-31T00:00:00.000Z'),
    vendors: ['anthropic', 'openai'],
    topics: ['terms-and-policy'],
    language: 'en',
    alsoReportedBy: ['wire/news'],
  };
  const report = (key: string, reportedBy: string, sourceId = ACME): NewsReport => ({ sourceId, key, reportedBy });
  const reportersOf = async (store: Store, key: string): Promise<readonly string[] | undefined> =>
    (await store.listNewsItems(100)).find((item) => item.sourceId === ACME && item.key === key)?.alsoReportedBy;

  it('stores and lists vendors, topics, language and co-reporters as given', async () => {
    const store = await stores.open();
    await store.recordPoll({ ...unchangedPoll('2025-01-01T00:00:00.000Z', ACME), newsItems: [tagged] });
    expect(await store.listNewsItems(10)).toEqual([tagged]);
    expect(await store.listRecentNews('2025-01-01T00:00:00.000Z', 10)).toEqual([tagged]);
    const raw = await store.db.selectFrom('news_items').select(['vendors', 'topics']).executeTakeFirst();
    expect(raw).toEqual({ vendors: '["anthropic","openai"]', topics: '["terms-and-policy"]' });
  });

  it('appends reporters once, in order, never the own source, ignoring unknown stories', async () => {
    const store = await stores.open();
    const items = [newsItem('a', '2025-01-01T00:00:00.000Z', null), newsItem('b', '2025-01-01T00:00:00.000Z', null)];
    await store.recordPoll({ ...unchangedPoll('2025-01-01T00:00:00.000Z', ACME), newsItems: items });
    await store.recordPoll({
      ...unchangedPoll('2025-01-02T00:00:00.000Z', 'one/news'),
      newsReports: [
        report('a', 'one/news'),
        report('a', 'two/news'),
        report('a', 'one/news'), // already listed
        report('a', ACME), // the story's own source
        report('missing', 'one/news'), // unknown key
        report('a', 'one/news', 'nobody/news'), // unknown source
      ],
    });
    await store.recordPoll({
      ...unchangedPoll('2025-01-03T00:00:00.000Z', 'three/news'),
      newsReports: [report('a', 'two/news'), report('a', 'three/news'), report('b', 'three/news')],
    });
    expect(await reportersOf(store, 'a')).toEqual(['one/news', 'two/news', 'three/news']);
    expect(await reportersOf(store, 'b')).toEqual(['three/news']);
    expect(await countRows(store, 'news_items')).toBe(2);
    // The poll carrying only reports still recorded its health.
    expect(await store.getHealth('three/news')).toMatchObject({ lastFetchAt: '2025-01-03T00:00:00.000Z' });
  });

  it('applies a report to a story stored by the same poll', async () => {
    const store = await stores.open();
    await store.recordPoll({
      ...unchangedPoll('2025-01-01T00:00:00.000Z', ACME),
      newsItems: [newsItem('a', '2025-01-01T00:00:00.000Z', null)],
      newsReports: [report('a', 'late/news')],
    });
    expect(await reportersOf(store, 'a')).toEqual(['late/news']);
  });

  it('refuses a stored array that is not JSON strings, as a storage error', async () => {
    const store = await stores.open();
    await store.recordPoll({ ...unchangedPoll('2025-01-01T00:00:00.000Z', ACME), newsItems: [tagged] });
    for (const bad of ['not json', '[1]', '{}']) {
      await store.db.updateTable('news_items').set({ topics: bad }).execute();
      await expect(store.listNewsItems(1)).rejects.toMatchObject({ code: 'storage_corrupt' });
    }
  });
});

describe('listRecentNews', () => {
  const SINCE = '2025-01-10T00:00:00.000Z';
  // key: [first seen, published]
  const ITEMS: Record<string, [string, string | null]> = {
    old: ['2025-01-01T00:00:00.000Z', '2024-12-01T00:00:00.000Z'], // outside on both dates
    seenLate: ['2025-01-12T00:00:00.000Z', '2024-06-01T00:00:00.000Z'], // inside by first seen only
    datedAhead: ['2025-01-05T00:00:00.000Z', '2025-01-11T00:00:00.000Z'], // inside by published only
    undated: ['2025-01-11T00:00:00.000Z', null],
    newest: ['2025-01-13T00:00:00.000Z', '2025-01-13T00:00:00.000Z'],
    boundary: [SINCE, null], // at `since` exactly: inside
  };

  it('returns items first seen or published since the cutoff, newest by date then by first seen', async () => {
    const store = await stores.open();
    for (const [key, [firstSeenAt, published]] of Object.entries(ITEMS)) {
      await store.recordPoll({
        ...unchangedPoll(firstSeenAt, 'acme/news'),
        newsItems: [newsItem(key, firstSeenAt, published)],
      });
    }
    const keys = async (since: string, limit: number): Promise<string[]> =>
      (await store.listRecentNews(since, limit)).map((item) => item.key);
    // undated and datedAhead share a date (01-11); undated was first seen later.
    expect(await keys(SINCE, 10)).toEqual(['newest', 'undated', 'datedAhead', 'boundary', 'seenLate']);
    expect(await keys(SINCE, 2)).toEqual(['newest', 'undated']);
    expect(await keys('2025-01-14T00:00:00.000Z', 10)).toEqual([]);
    expect(await keys('2000-01-01T00:00:00.000Z', 10)).toHaveLength(6);
    const newest = newsItem('newest', '2025-01-13T00:00:00.000Z', '2025-01-13T00:00:00.000Z');
    expect(await store.listRecentNews(SINCE, 1)).toEqual([newest]);
  });
});
