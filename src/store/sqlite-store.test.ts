import { existsSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrackerEvent } from '../domain/events.ts';
import { DATABASE_FILE, IN_MEMORY } from './sqlite-store.ts';
import type { PollRecord } from './store.ts';
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

let stores: TempStores;

beforeEach(async () => {
  stores = await createTempStores();
});

afterEach(() => stores.cleanup());

describe('opening', () => {
  it('creates the data directory and the database file, in WAL mode with foreign keys on', async () => {
    const dataDir = path.join(stores.dataDir, 'nested', 'data');
    const store = await stores.open({ dataDir });
    expect(store.file).toBe(path.join(dataDir, DATABASE_FILE));
    expect(existsSync(store.file)).toBe(true);
    const pragma = async (name: string): Promise<unknown> => {
      const { rows } = await sql<Record<string, unknown>>`${sql.raw(`pragma ${name}`)}`.execute(store.db);
      return Object.values(rows[0] ?? {})[0];
    };
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('busy_timeout')).toBe(5000);
    expect(await pragma('synchronous')).toBe(1); // NORMAL
  });

  it('runs migrations once: opening the same directory twice applies nothing new and keeps the data', async () => {
    const first = await stores.open();
    await first.recordPoll(versionPoll('2025-01-01T00:00:00.000Z', 'one', 'baseline'));
    await stores.close(first);
    const second = await stores.open();
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(second.db);
    expect(applied.rows.map((row) => row.name)).toEqual([
      '0001-initial',
      '0002-news-tags',
      '0003-news-duplicates',
      '0004-alerting',
      '0005-browser-needed',
      '0006-retention',
    ]);
    expect(await second.getHealth(SOURCE)).toMatchObject({ consecutiveFailures: 0 });
  });

  it('works in memory for throw-away use', async () => {
    const store = await stores.open({ dataDir: IN_MEMORY });
    await store.recordPoll(unchangedPoll('2025-01-01T00:00:00.000Z'));
    expect(store.file).toBe(IN_MEMORY);
    expect((await store.listHealth()).map((health) => health.sourceId)).toEqual([SOURCE]);
  });
});

describe('health', () => {
  it('follows a baseline, a change, two failures and a recovery', async () => {
    const store = await stores.open();
    expect(await store.getHealth(SOURCE)).toBeUndefined();

    const baseline = versionPoll('2025-01-01T00:00:00.000Z', 'v1 text', 'baseline');
    await store.recordPoll(baseline);
    expect(await store.getHealth(SOURCE)).toEqual({
      sourceId: SOURCE,
      lastFetchAt: '2025-01-01T00:00:00.000Z',
      lastSuccessAt: '2025-01-01T00:00:00.000Z',
      lastChangeAt: '2025-01-01T00:00:00.000Z',
      consecutiveFailures: 0,
      lastError: null,
      lastErrorCode: null,
      etag: `"${sha256('v1 text').slice(0, 8)}"`,
      lastModified: '2025-01-01T00:00:00.000Z',
      currentVersionId: sha256('v1 text'),
      needsBrowser: false,
    });

    await store.recordPoll(versionPoll('2025-01-02T00:00:00.000Z', 'v2 text', 'change'));
    await store.recordPoll(failedPoll('2025-01-03T00:00:00.000Z'));
    await store.recordPoll(failedPoll('2025-01-04T00:00:00.000Z'));
    expect(await store.getHealth(SOURCE)).toEqual({
      sourceId: SOURCE,
      lastFetchAt: '2025-01-04T00:00:00.000Z',
      lastSuccessAt: '2025-01-02T00:00:00.000Z',
      lastChangeAt: '2025-01-02T00:00:00.000Z',
      consecutiveFailures: 2,
      lastError: 'HTTP 503',
      lastErrorCode: 'http_status',
      // Validators and version of the last success survive failures.
      etag: `"${sha256('v2 text').slice(0, 8)}"`,
      lastModified: '2025-01-02T00:00:00.000Z',
      currentVersionId: sha256('v2 text'),
      needsBrowser: false,
    });

    await store.recordPoll(unchangedPoll('2025-01-05T00:00:00.000Z'));
    expect(await store.getHealth(SOURCE)).toEqual({
      sourceId: SOURCE,
      lastFetchAt: '2025-01-05T00:00:00.000Z',
      lastSuccessAt: '2025-01-05T00:00:00.000Z',
      lastChangeAt: '2025-01-02T00:00:00.000Z', // unchanged poll: not a change
      consecutiveFailures: 0,
      lastError: 'HTTP 503', // the most recent failure, kept for diagnosis
      lastErrorCode: 'http_status',
      etag: '"same"',
      lastModified: null,
      currentVersionId: 'feedhash',
      needsBrowser: false,
    });
  });

  it('counts failures of a source never seen before from one', async () => {
    const store = await stores.open();
    await store.recordPoll(failedPoll('2025-01-01T00:00:00.000Z'));
    expect(await store.getHealth(SOURCE)).toMatchObject({
      consecutiveFailures: 1,
      lastSuccessAt: null,
      etag: null,
      currentVersionId: null,
      lastErrorCode: 'http_status',
    });
  });

  it('lists every source in one call, ordered by id', async () => {
    const store = await stores.open();
    await store.recordPoll(unchangedPoll('2025-01-01T00:00:00.000Z', 'b/two'));
    await store.recordPoll(failedPoll('2025-01-01T00:00:00.000Z', 'a/one'));
    const all = await store.listHealth();
    expect(all.map((health) => [health.sourceId, health.consecutiveFailures])).toEqual([
      ['a/one', 1],
      ['b/two', 0],
    ]);
  });
});

describe('durability and atomicity', () => {
  it('keeps everything across close and reopen of the same directory', async () => {
    const first = await stores.open();
    await first.recordPoll(versionPoll('2025-01-01T00:00:00.000Z', 'kept text', 'baseline'));
    await first.recordPoll({
      ...unchangedPoll('2025-01-01T00:00:00.000Z', 'acme/news'),
      newsItems: [newsItem('k', '2025-01-01T00:00:00.000Z', null)],
    });
    await stores.close(first);

    const second = await stores.open();
    expect(await second.getHealth(SOURCE)).toMatchObject({ currentVersionId: sha256('kept text') });
    expect((await second.getVersion(sha256('kept text').slice(0, 8)))?.text).toBe('kept text');
    expect(await second.listVersionEntries(SOURCE)).toHaveLength(1);
    expect(await second.knownNewsKeys('acme/news')).toEqual(new Set(['k']));
    expect((await second.listEvents(0, 10)).map((record) => record.event.type)).toEqual(['baseline']);
  });

  it('writes nothing of a poll whose last statement fails', async () => {
    const store = await stores.open();
    const broken = { ...makeEvent('baseline', '2025-01-01T00:00:00.000Z'), type: null } as unknown as TrackerEvent;
    const poll: PollRecord = {
      ...versionPoll('2025-01-01T00:00:00.000Z', 'never stored', 'baseline'),
      newsItems: [newsItem('n', '2025-01-01T00:00:00.000Z', null, SOURCE)],
      events: [makeEvent('baseline', '2025-01-01T00:00:00.000Z'), broken], // events.type is NOT NULL
    };
    await expect(store.recordPoll(poll)).rejects.toThrow(/NOT NULL/);
    expect(await store.getHealth(SOURCE)).toBeUndefined();
    for (const table of ['snapshots', 'versions', 'version_entries', 'news_items', 'events'] as const) {
      expect(await countRows(store, table)).toBe(0);
    }
  });

  it('applies no news report of a poll that fails to write', async () => {
    const store = await stores.open();
    const stored = newsItem('n', '2025-01-01T00:00:00.000Z', null);
    await store.recordPoll({ ...unchangedPoll('2025-01-01T00:00:00.000Z', 'acme/news'), newsItems: [stored] });
    const broken = { ...makeEvent('baseline', '2025-01-02T00:00:00.000Z'), type: null } as unknown as TrackerEvent;
    const poll: PollRecord = {
      ...unchangedPoll('2025-01-02T00:00:00.000Z', 'other/news'),
      newsReports: [{ sourceId: 'acme/news', key: 'n', reportedBy: 'other/news' }],
      events: [broken],
    };
    await expect(store.recordPoll(poll)).rejects.toThrow(/NOT NULL/);
    expect(await store.listNewsItems(10)).toEqual([stored]);
    expect(await store.getHealth('other/news')).toBeUndefined();
  });

  it('leaves the previous health intact when a later poll fails to write', async () => {
    const store = await stores.open();
    await store.recordPoll(versionPoll('2025-01-01T00:00:00.000Z', 'one', 'baseline'));
    const before = await store.getHealth(SOURCE);
    // A version pointing at a snapshot nobody stored violates the foreign key.
    const dangling: PollRecord = {
      ...failedPoll('2025-01-02T00:00:00.000Z'),
      version: { id: sha256('two'), text: 'two', snapshotId: 'f'.repeat(64), kind: 'technical' },
    };
    await expect(store.recordPoll(dangling)).rejects.toThrow(/FOREIGN KEY/);
    expect(await store.getHealth(SOURCE)).toEqual(before);
    expect(await countRows(store, 'versions')).toBe(1);
    expect(await countRows(store, 'events')).toBe(1);
  });
});
