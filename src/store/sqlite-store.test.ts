import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrackerEvent } from '../domain/events.ts';
import { AppError } from '../domain/errors.ts';
import { createSqliteStore, DATABASE_FILE, IN_MEMORY } from './sqlite-store.ts';
import type { SqliteStore, SqliteStoreOptions } from './sqlite-store.ts';
import type { NewsItemRecord, PollRecord, VersionEntryKind } from './store.ts';

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const SOURCE = 'acme/terms';

let dataDir: string;
let opened: SqliteStore[];
let time: Date;
const clock = { now: () => time };

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'clausewatch-store-'));
  opened = [];
  time = new Date('2025-01-01T00:00:00.000Z');
});

afterEach(async () => {
  for (const store of opened) await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function open(options: Partial<SqliteStoreOptions> = {}): Promise<SqliteStore> {
  const store = await createSqliteStore({ dataDir, clock, ...options });
  opened.push(store);
  return store;
}

async function closeStore(store: SqliteStore): Promise<void> {
  opened = opened.filter((other) => other !== store);
  await store.close();
}

function event(type: 'baseline' | 'source-error', at: string, source = SOURCE): TrackerEvent {
  const base = { source, vendor: 'acme', title: 'Terms', url: 'https://acme.test/terms', at };
  if (type === 'baseline') return { ...base, type, kind: 'terms', versionId: 'v' };
  return { ...base, type, code: 'http_status', message: 'HTTP 503', consecutiveFailures: 1, failing: false };
}

/** A successful terms poll that stores `text` (and a page wrapping it) as a version of `kind`. */
function versionPoll(at: string, text: string, kind: VersionEntryKind, source = SOURCE): PollRecord {
  const body = Buffer.from(`<main>${text}</main>`);
  const snapshotId = sha256(body);
  return {
    sourceId: source,
    at,
    result: {
      ok: true,
      etag: `"${sha256(text).slice(0, 8)}"`,
      lastModified: at,
      changed: true,
      currentVersionId: sha256(text),
    },
    snapshot: { id: snapshotId, mediaType: 'text/html', body },
    version: { id: sha256(text), text, snapshotId, kind },
    events: [event('baseline', at, source)],
  };
}

function unchangedPoll(at: string, source = SOURCE): PollRecord {
  return {
    sourceId: source,
    at,
    result: { ok: true, etag: '"same"', lastModified: null, changed: false, currentVersionId: 'feedhash' },
    events: [],
  };
}

function failedPoll(at: string, source = SOURCE): PollRecord {
  return {
    sourceId: source,
    at,
    result: { ok: false, code: 'http_status', message: 'HTTP 503' },
    events: [event('source-error', at, source)],
  };
}

function newsItem(key: string, firstSeenAt: string, published: string | null, source = 'acme/news'): NewsItemRecord {
  return {
    sourceId: source,
    key,
    title: `Title ${key}`,
    url: `https://acme.test/${key}`,
    published,
    summary: `About ${key}`,
    firstSeenAt,
  };
}

async function count(
  store: SqliteStore,
  table: 'snapshots' | 'versions' | 'version_entries' | 'news_items' | 'events' | 'source_health',
): Promise<number> {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

describe('opening', () => {
  it('creates the data directory and the database file, in WAL mode with foreign keys on', async () => {
    dataDir = path.join(dataDir, 'nested', 'data');
    const store = await open();
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
    const first = await open();
    await first.recordPoll(versionPoll('2025-01-01T00:00:00.000Z', 'one', 'baseline'));
    await closeStore(first);
    const second = await open();
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(second.db);
    expect(applied.rows.map((row) => row.name)).toEqual(['0001-initial']);
    expect(await second.getHealth(SOURCE)).toMatchObject({ consecutiveFailures: 0 });
  });

  it('works in memory for throw-away use', async () => {
    const store = await open({ dataDir: IN_MEMORY });
    await store.recordPoll(unchangedPoll('2025-01-01T00:00:00.000Z'));
    expect(store.file).toBe(IN_MEMORY);
    expect((await store.listHealth()).map((health) => health.sourceId)).toEqual([SOURCE]);
  });
});

describe('health', () => {
  it('follows a baseline, a change, two failures and a recovery', async () => {
    const store = await open();
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
    });
  });

  it('counts failures of a source never seen before from one', async () => {
    const store = await open();
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
    const store = await open();
    await store.recordPoll(unchangedPoll('2025-01-01T00:00:00.000Z', 'b/two'));
    await store.recordPoll(failedPoll('2025-01-01T00:00:00.000Z', 'a/one'));
    const all = await store.listHealth();
    expect(all.map((health) => [health.sourceId, health.consecutiveFailures])).toEqual([
      ['a/one', 1],
      ['b/two', 0],
    ]);
  });
});

describe('snapshots and versions', () => {
  it('stores a body and a text once however often they are seen, keeping the first created_at', async () => {
    const store = await open();
    const poll = versionPoll('2025-01-01T00:00:00.000Z', 'same text', 'baseline');
    await store.recordPoll(poll);
    time = new Date('2025-02-01T00:00:00.000Z');
    await store.recordPoll({ ...versionPoll('2025-02-01T00:00:00.000Z', 'same text', 'technical') });
    expect(await count(store, 'snapshots')).toBe(1);
    expect(await count(store, 'versions')).toBe(1);
    expect(await count(store, 'version_entries')).toBe(2);
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
    const store = await open();
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
    const store = await open();
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
    const store = await open();
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
    const store = await open();
    await store.recordPoll(versionPoll('2025-01-01T00:00:00.000Z', 'one', 'baseline'));
    await store.recordPoll(failedPoll('2025-01-02T00:00:00.000Z'));
    await store.recordPoll({
      ...failedPoll('2025-01-03T00:00:00.000Z'),
      events: [event('source-error', 'x1'), event('source-error', 'x2')],
    });

    const all = await store.listEvents(0, 100);
    expect(all.map((record) => [record.event.type, record.event.at])).toEqual([
      ['baseline', '2025-01-01T00:00:00.000Z'],
      ['source-error', '2025-01-02T00:00:00.000Z'],
      ['source-error', 'x1'],
      ['source-error', 'x2'],
    ]);
    expect(all[0]?.event).toEqual(event('baseline', '2025-01-01T00:00:00.000Z'));
    const ids = all.map((record) => record.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const afterSecond = await store.listEvents(ids[1] ?? 0, 1);
    expect(afterSecond.map((record) => record.event.at)).toEqual(['x1']);
    expect(await store.listEvents(ids[3] ?? 0, 10)).toEqual([]);
  });
});

describe('durability and atomicity', () => {
  it('keeps everything across close and reopen of the same directory', async () => {
    const first = await open();
    await first.recordPoll(versionPoll('2025-01-01T00:00:00.000Z', 'kept text', 'baseline'));
    await first.recordPoll({
      ...unchangedPoll('2025-01-01T00:00:00.000Z', 'acme/news'),
      newsItems: [newsItem('k', '2025-01-01T00:00:00.000Z', null)],
    });
    await closeStore(first);

    const second = await open();
    expect(await second.getHealth(SOURCE)).toMatchObject({ currentVersionId: sha256('kept text') });
    expect((await second.getVersion(sha256('kept text').slice(0, 8)))?.text).toBe('kept text');
    expect(await second.listVersionEntries(SOURCE)).toHaveLength(1);
    expect(await second.knownNewsKeys('acme/news')).toEqual(new Set(['k']));
    expect((await second.listEvents(0, 10)).map((record) => record.event.type)).toEqual(['baseline']);
  });

  it('writes nothing of a poll whose last statement fails', async () => {
    const store = await open();
    const broken = { ...event('baseline', '2025-01-01T00:00:00.000Z'), type: null } as unknown as TrackerEvent;
    const poll: PollRecord = {
      ...versionPoll('2025-01-01T00:00:00.000Z', 'never stored', 'baseline'),
      newsItems: [newsItem('n', '2025-01-01T00:00:00.000Z', null, SOURCE)],
      events: [event('baseline', '2025-01-01T00:00:00.000Z'), broken], // events.type is NOT NULL
    };
    await expect(store.recordPoll(poll)).rejects.toThrow(/NOT NULL/);
    expect(await store.getHealth(SOURCE)).toBeUndefined();
    for (const table of ['snapshots', 'versions', 'version_entries', 'news_items', 'events'] as const) {
      expect(await count(store, table)).toBe(0);
    }
  });

  it('leaves the previous health intact when a later poll fails to write', async () => {
    const store = await open();
    await store.recordPoll(versionPoll('2025-01-01T00:00:00.000Z', 'one', 'baseline'));
    const before = await store.getHealth(SOURCE);
    // A version pointing at a snapshot nobody stored violates the foreign key.
    const dangling: PollRecord = {
      ...failedPoll('2025-01-02T00:00:00.000Z'),
      version: { id: sha256('two'), text: 'two', snapshotId: 'f'.repeat(64), kind: 'technical' },
    };
    await expect(store.recordPoll(dangling)).rejects.toThrow(/FOREIGN KEY/);
    expect(await store.getHealth(SOURCE)).toEqual(before);
    expect(await count(store, 'versions')).toBe(1);
    expect(await count(store, 'events')).toBe(1);
  });
});
