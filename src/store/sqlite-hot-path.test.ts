import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrations/index.ts';
import type { Database } from './schema.ts';
import { createSqliteHotPath } from './sqlite-hot-path.ts';
import { createSqlStore } from './sql-store.ts';
import type { PollRecord, Store } from './store.ts';
import { createTempStores, failedPoll, newsItem, SOURCE, unchangedPoll, versionPoll } from './store-test-kit.ts';
import type { TempStores } from './store-test-kit.ts';

let stores: TempStores;

beforeEach(async () => {
  stores = await createTempStores();
});

afterEach(() => stores.cleanup());

const NEWS = 'acme/news';
const NEW = 'new/terms';
const WIRE = 'wire/news';
const RENDERED = 'rendered/terms';
const IDS = [SOURCE, NEWS, NEW, WIRE, RENDERED, 'nobody/terms'];

/** The same poll of a page the headless browser rendered (remembered as `needsBrowser`). */
function rendered(poll: PollRecord): PollRecord {
  if (!poll.result.ok) throw new Error('only a successful poll is rendered');
  return { ...poll, result: { ...poll.result, needsBrowser: true } };
}

/** A health-only success that still counts as a change (a feed body moved without new items). */
function movedPoll(at: string, source: string): PollRecord {
  return {
    sourceId: source,
    at,
    result: { ok: true, etag: null, lastModified: at, changed: true, currentVersionId: `h-${at}` },
    events: [],
  };
}

/** A failure that writes health only (no event). */
const quietFailure = (at: string, source = SOURCE): PollRecord => ({ ...failedPoll(at, source), events: [] });

/** A health-only poll of `source` that also reports stories of `acme/news` it carried too. */
function reportingPoll(poll: PollRecord, ...keys: string[]): PollRecord {
  return { ...poll, newsReports: keys.map((key) => ({ sourceId: NEWS, key, reportedBy: poll.sourceId })) };
}

const TAGGED = {
  ...newsItem('t', '2025-01-09T00:00:00.000Z', '2025-01-09T00:00:00.000Z'),
  vendors: ['acme'],
  topics: ['pricing'],
  language: 'en',
};

/**
 * Every kind of poll, health-only ones on both the insert and the update side of the upsert; polls writing
 * only health and news reports, which must not take the health-only path.
 */
const SCENARIO: readonly PollRecord[] = [
  versionPoll('2025-01-01T00:00:00.000Z', 'v1', 'baseline'),
  unchangedPoll('2025-01-02T00:00:00.000Z'),
  movedPoll('2025-01-02T00:00:00.000Z', NEWS),
  quietFailure('2025-01-02T00:00:00.000Z', NEW),
  quietFailure('2025-01-03T00:00:00.000Z'),
  quietFailure('2025-01-04T00:00:00.000Z'),
  failedPoll('2025-01-05T00:00:00.000Z'),
  versionPoll('2025-01-06T00:00:00.000Z', 'v2', 'change'),
  quietFailure('2025-01-06T00:00:00.000Z', NEW),
  unchangedPoll('2025-01-07T00:00:00.000Z'),
  movedPoll('2025-01-07T00:00:00.000Z', NEWS),
  { ...unchangedPoll('2025-01-08T00:00:00.000Z', NEWS), newsItems: [newsItem('a', '2025-01-08T00:00:00.000Z', null)] },
  { ...unchangedPoll('2025-01-09T00:00:00.000Z', NEWS), newsItems: [] },
  { ...unchangedPoll('2025-01-09T00:00:00.000Z', NEWS), newsItems: [TAGGED] },
  reportingPoll(unchangedPoll('2025-01-09T00:00:00.000Z', WIRE), 'a'),
  reportingPoll(quietFailure('2025-01-09T12:00:00.000Z', WIRE), 'a', 'unknown'),
  reportingPoll(unchangedPoll('2025-01-10T00:00:00.000Z', WIRE), 't', 'a'),
  reportingPoll(unchangedPoll('2025-01-10T00:00:00.000Z', NEWS), 't'),
  versionPoll('2025-01-10T00:00:00.000Z', 'v2', 'technical'),
  rendered(unchangedPoll('2025-01-10T00:00:00.000Z', RENDERED)),
  unchangedPoll('2025-01-10T06:00:00.000Z', RENDERED),
  rendered(unchangedPoll('2025-01-10T12:00:00.000Z', WIRE)),
  rendered(versionPoll('2025-01-10T12:00:00.000Z', 'v3', 'change', RENDERED)),
  versionPoll('2025-01-10T18:00:00.000Z', 'v4', 'change', RENDERED),
  {
    sourceId: NEW,
    at: '2025-01-11T00:00:00.000Z',
    result: { ok: true, etag: null, lastModified: null, changed: false, currentVersionId: null },
    events: [],
  },
];

/** What a reader of the store can see, through the store's own calls, plus the raw health rows. */
async function observe(store: Store, db: Kysely<Database>): Promise<unknown> {
  const each = <TResult>(read: (id: string) => Promise<TResult>): Promise<TResult[]> => Promise.all(IDS.map(read));
  return {
    health: await each((id) => store.getHealth(id)),
    listed: await store.listHealth(),
    latest: await each((id) => store.listVersionEntries(id, 1)),
    two: await each((id) => store.listVersionEntries(id, 2)),
    none: await each((id) => store.listVersionEntries(id, 0)),
    all: await each((id) => store.listVersionEntries(id)),
    keys: await each(async (id) => [...(await store.knownNewsKeys(id))].sort()),
    news: await store.listNewsItems(100),
    recent: await store.listRecentNews('2025-01-09T00:00:00.000Z', 100),
    rows: await db.selectFrom('source_health').selectAll().orderBy('source_id').execute(),
    newsRows: await db.selectFrom('news_items').selectAll().orderBy('source_id').orderBy('item_key').execute(),
  };
}

describe('the SQLite hot path and the portable store', () => {
  it('give the same results after every poll of one scenario', async () => {
    const fast = await stores.open({ dataDir: path.join(stores.dataDir, 'fast') });
    const other = await stores.open({ dataDir: path.join(stores.dataDir, 'portable') });
    const portable = createSqlStore(other.db, { clock: stores.clock });
    for (const [step, poll] of SCENARIO.entries()) {
      await fast.recordPoll(poll);
      await portable.recordPoll(poll);
      expect({ step, seen: await observe(fast, fast.db) }).toEqual({ step, seen: await observe(portable, other.db) });
    }
    // The scenario reached the states it is meant to compare.
    expect(await fast.getHealth(SOURCE)).toMatchObject({ consecutiveFailures: 0, lastError: 'HTTP 503' });
    expect(await fast.getHealth(NEWS)).toMatchObject({ lastChangeAt: '2025-01-07T00:00:00.000Z' });
    expect(await fast.getHealth(NEW)).toMatchObject({
      consecutiveFailures: 0,
      lastSuccessAt: '2025-01-11T00:00:00.000Z',
    });
    expect((await fast.listVersionEntries(SOURCE, 2)).map((entry) => entry.kind)).toEqual(['technical', 'change']);
    expect((await fast.listNewsItems(10)).map((item) => [item.key, item.alsoReportedBy])).toEqual([
      ['t', [WIRE]],
      ['a', [WIRE]],
    ]);
    expect(await fast.getHealth(WIRE)).toMatchObject({ consecutiveFailures: 0, lastError: 'HTTP 503' });
    // needsBrowser is set on insert and on update, by both paths, and a later plain poll does not clear it.
    expect(await fast.getHealth(RENDERED)).toMatchObject({
      needsBrowser: true,
      lastSuccessAt: '2025-01-10T18:00:00.000Z',
    });
    expect(await fast.getHealth(WIRE)).toMatchObject({ needsBrowser: true });
    expect(await fast.getHealth(SOURCE)).toMatchObject({ needsBrowser: false });
  });

  it('reject, not throw, once the store is closed', async () => {
    const store = await stores.open();
    await stores.close(store);
    const calls = [
      () => store.getHealth(SOURCE),
      () => store.listVersionEntries(SOURCE, 1),
      () => store.knownNewsKeys(NEWS),
      () => store.recordPoll(unchangedPoll('2025-01-01T00:00:00.000Z')),
    ];
    for (const call of calls) await expect(call()).rejects.toThrow();
  });
});

describe('inside a transaction', () => {
  it('waits for it instead of joining it: a rolled-back transaction takes none of these calls with it', async () => {
    const store = await stores.open();
    let began = (): void => undefined;
    let release = (): void => undefined;
    const begun = new Promise<void>((resolve) => (began = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = store.db.transaction().execute(async (trx) => {
      await trx.insertInto('source_health').values({ source_id: NEW, consecutive_failures: 7 }).execute();
      began();
      await held;
      throw new Error('rolled back');
    });
    await begun;
    const read = store.getHealth(NEW);
    const keys = store.knownNewsKeys(NEWS);
    const write = store.recordPoll(unchangedPoll('2025-01-02T00:00:00.000Z'));
    release();
    await expect(transaction).rejects.toThrow('rolled back');
    expect(await read).toBeUndefined(); // never the uncommitted row
    expect(await keys).toEqual(new Set());
    await write;
    expect(await store.getHealth(SOURCE)).toMatchObject({ lastFetchAt: '2025-01-02T00:00:00.000Z' });
    expect(await store.getHealth(NEW)).toBeUndefined();
  });
});

describe('createSqliteHotPath', () => {
  let db: Kysely<Database>;
  let sqlite: BetterSqlite3.Database;
  let delegated: string[];

  /** The portable store over the same database, recording which calls reach it. */
  function recordingPortable(): Store {
    const portable = createSqlStore(db, { clock: stores.clock });
    const record = <TResult>(name: string, result: TResult): TResult => (delegated.push(name), result);
    return {
      ...portable,
      getHealth: (id) => record('getHealth', portable.getHealth(id)),
      listVersionEntries: (id, limit) => record('listVersionEntries', portable.listVersionEntries(id, limit)),
      knownNewsKeys: (id) => record('knownNewsKeys', portable.knownNewsKeys(id)),
      recordPoll: (poll) => record('recordPoll', portable.recordPoll(poll)),
    };
  }

  beforeEach(async () => {
    sqlite = new BetterSqlite3(':memory:');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    await migrateToLatest(db);
    delegated = [];
  });

  afterEach(() => db.destroy());

  it('serves health-only polls and limited lookups itself, and hands the rest to the portable store', async () => {
    const hot = createSqliteHotPath(sqlite, recordingPortable());
    await hot.recordPoll(unchangedPoll('2025-01-01T00:00:00.000Z'));
    await hot.recordPoll(quietFailure('2025-01-02T00:00:00.000Z'));
    await hot.recordPoll({ ...unchangedPoll('2025-01-03T00:00:00.000Z', NEWS), newsItems: [] });
    expect(await hot.getHealth(SOURCE)).toMatchObject({ consecutiveFailures: 1, etag: '"same"' });
    expect(await hot.listVersionEntries(SOURCE, 1)).toEqual([]);
    expect(await hot.knownNewsKeys(NEWS)).toEqual(new Set());
    expect(delegated).toEqual([]);

    await hot.recordPoll(versionPoll('2025-01-04T00:00:00.000Z', 'v1', 'baseline'));
    await hot.recordPoll(failedPoll('2025-01-05T00:00:00.000Z'));
    await hot.recordPoll(reportingPoll(unchangedPoll('2025-01-06T00:00:00.000Z', WIRE), 'a'));
    expect(await hot.listVersionEntries(SOURCE)).toHaveLength(1);
    expect(delegated).toEqual(['recordPoll', 'recordPoll', 'recordPoll', 'listVersionEntries']);
  });

  it('hands every call to the portable store while a transaction is open', async () => {
    const hot = createSqliteHotPath(sqlite, recordingPortable());
    sqlite.exec('begin');
    const calls = Promise.all([
      hot.getHealth(SOURCE),
      hot.listVersionEntries(SOURCE, 1),
      hot.knownNewsKeys(NEWS),
      hot.recordPoll(unchangedPoll('2025-01-01T00:00:00.000Z')),
    ]);
    sqlite.exec('commit');
    await calls;
    expect(delegated).toEqual(['getHealth', 'listVersionEntries', 'knownNewsKeys', 'recordPoll']);
  });
});
