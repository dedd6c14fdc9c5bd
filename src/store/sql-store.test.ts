import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.ts';
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
