import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrations/index.ts';
import { isHealthOnly } from './record-poll.ts';
import type { Database } from './schema.ts';
import { createSqlStore } from './sql-store.ts';
import type { PollRecord, Store } from './store.ts';
import { failedPoll, makeEvent, newsItem, unchangedPoll, versionPoll } from './store-test-kit.ts';

const AT = '2025-01-01T00:00:00.000Z';
const OTHER = 'other/news';

describe('isHealthOnly', () => {
  it('is true only when nothing but health would be written', () => {
    const health = unchangedPoll(AT, OTHER);
    expect(isHealthOnly(health)).toBe(true);
    expect(isHealthOnly({ ...health, newsItems: [], newsReports: [] })).toBe(true);
    expect(isHealthOnly({ ...failedPoll(AT), events: [] })).toBe(true);
    const report = { sourceId: 'acme/news', key: 'a', reportedBy: OTHER };
    expect(isHealthOnly({ ...health, newsReports: [report] })).toBe(false);
    expect(isHealthOnly({ ...health, newsItems: [newsItem('a', AT, null)] })).toBe(false);
    expect(isHealthOnly({ ...health, events: [makeEvent('source-error', AT)] })).toBe(false);
    expect(isHealthOnly(versionPoll(AT, 'text', 'baseline'))).toBe(false);
  });
});

describe('a news report racing another writer', () => {
  let sqlite: BetterSqlite3.Database;
  let db: Kysely<Database>;
  let store: Store;
  /** How many more times the rival writes between the report's read and its update. */
  let interferences = 0;
  let rivals = 0;

  /**
   * Plays a concurrent writer: right after the store reads a story's `also_reported_by`, another reporter is
   * appended on the same connection, as a PostgreSQL writer committing in between would be.
   */
  const rival: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: (args) => {
      const [row] = args.result.rows;
      if (interferences > 0 && row !== undefined && Object.keys(row).join() === 'also_reported_by') {
        interferences -= 1;
        rivals += 1;
        sqlite
          .prepare(`update news_items set also_reported_by = json_insert(also_reported_by, '$[#]', ?)`)
          .run(`rival/${rivals}`);
      }
      return Promise.resolve(args.result);
    },
  };

  const reportPoll: PollRecord = {
    ...unchangedPoll('2025-01-02T00:00:00.000Z', OTHER),
    newsReports: [{ sourceId: 'acme/news', key: 'a', reportedBy: OTHER }],
  };

  const reporters = async (): Promise<readonly string[] | undefined> =>
    (await store.listNewsItems(1))[0]?.alsoReportedBy;

  beforeEach(async () => {
    sqlite = new BetterSqlite3(':memory:');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [rival] });
    await migrateToLatest(db);
    store = createSqlStore(db, { clock: { now: () => new Date(AT) } });
    await store.recordPoll({ ...unchangedPoll(AT, 'acme/news'), newsItems: [newsItem('a', AT, null)] });
    interferences = 0;
    rivals = 0;
  });

  afterEach(() => db.destroy());

  it("re-reads and keeps the rival's reporter instead of overwriting it", async () => {
    interferences = 2;
    await store.recordPoll(reportPoll);
    expect(await reporters()).toEqual(['rival/1', 'rival/2', OTHER]);
  });

  it('gives up after a bounded number of attempts, rolling the whole poll back', async () => {
    interferences = Number.POSITIVE_INFINITY;
    await expect(store.recordPoll(reportPoll)).rejects.toMatchObject({ code: 'storage_conflict' });
    expect(rivals).toBe(5);
    expect(await reporters()).toEqual([]);
    expect(await store.getHealth(OTHER)).toBeUndefined();
  });
});
