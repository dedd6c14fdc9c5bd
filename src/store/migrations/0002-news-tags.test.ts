import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../sqlite-store.ts';
import { createTempStores, newsItem } from '../store-test-kit.ts';
import type { TempStores } from '../store-test-kit.ts';
import { initialMigration } from './0001-initial.ts';
import { newsTagsMigration } from './0002-news-tags.ts';
import { migrations } from './index.ts';
import { ddlOf } from './migration-test-kit.ts';

let stores: TempStores;

beforeEach(async () => {
  stores = await createTempStores();
});

afterEach(() => stores.cleanup());

/** `news_items` as `0001-initial` built it. */
interface Version1Schema {
  news_items: {
    source_id: string;
    item_key: string;
    title: string;
    url: string;
    published: string | null;
    summary: string;
    first_seen_at: string;
  };
}

const openVersion1 = (): Kysely<Version1Schema> =>
  new Kysely<Version1Schema>({
    dialect: new SqliteDialect({ database: new BetterSqlite3(path.join(stores.dataDir, DATABASE_FILE)) }),
  });

/** A database file in the temp directory as a release with only `0001-initial` left it, with two news rows. */
async function createVersion1Database(): Promise<void> {
  const db = openVersion1();
  const provider = { getMigrations: () => Promise.resolve({ '0001-initial': initialMigration }) };
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  expect(error).toBeUndefined();
  const row = { source_id: 'acme/news', title: 'T', url: 'https://acme.test/a', summary: 'S' };
  await db
    .insertInto('news_items')
    .values([
      { ...row, item_key: 'a', published: '2025-01-01T00:00:00.000Z', first_seen_at: '2025-01-02T00:00:00.000Z' },
      { ...row, item_key: 'b', published: null, first_seen_at: '2025-01-03T00:00:00.000Z' },
    ])
    .execute();
  await db.destroy();
}

describe('0002-news-tags', () => {
  it('adds each column in its own statement, and the same DDL on both flavors', async () => {
    const sqlite = await ddlOf(newsTagsMigration, 'sqlite');
    expect(sqlite).toEqual([
      `alter table "news_items" add column "vendors" text default '[]' not null`,
      `alter table "news_items" add column "topics" text default '[]' not null`,
      `alter table "news_items" add column "also_reported_by" text default '[]' not null`,
      'alter table "news_items" add column "language" text',
      'create index "news_items_url" on "news_items" ("url")',
      'create index "news_items_published" on "news_items" ("published")',
    ]);
    expect(await ddlOf(newsTagsMigration, 'postgres')).toEqual(sqlite);
    expect(migrations['0002-news-tags']).toBe(newsTagsMigration);
  });

  it('upgrades a 0001 database in place: existing news rows get the defaults', async () => {
    await createVersion1Database();
    const store = await stores.open();
    const listed = await store.listNewsItems(10);
    expect(listed).toEqual([
      { ...newsItem('b', '2025-01-03T00:00:00.000Z', null), title: 'T', url: 'https://acme.test/a', summary: 'S' },
      {
        ...newsItem('a', '2025-01-02T00:00:00.000Z', '2025-01-01T00:00:00.000Z'),
        title: 'T',
        url: 'https://acme.test/a',
        summary: 'S',
      },
    ]);
    expect(listed[0]).toMatchObject({ vendors: [], topics: [], language: null, alsoReportedBy: [] });
    const raw = await store.db.selectFrom('news_items').select(['vendors', 'also_reported_by']).execute();
    expect(raw).toEqual([
      { vendors: '[]', also_reported_by: '[]' },
      { vendors: '[]', also_reported_by: '[]' },
    ]);
    const tables = await store.db.introspection.getTables();
    expect(tables.find((table) => table.name === 'news_items')?.columns.map((column) => column.name)).toEqual([
      'source_id',
      'item_key',
      'title',
      'url',
      'published',
      'summary',
      'first_seen_at',
      'vendors',
      'topics',
      'also_reported_by',
      'language',
      'duplicate_of_source',
      'duplicate_of_key',
    ]);
  });

  it('creates the url and published indexes, and the query planner uses them', async () => {
    const store = await stores.open();
    const plan = (where: string): string => {
      const sqlite = new BetterSqlite3(store.file, { readonly: true });
      const rows = sqlite.prepare(`explain query plan select * from news_items where ${where}`).all() as {
        detail: string;
      }[];
      sqlite.close();
      return rows.map((row) => row.detail).join('; ');
    };
    expect(plan(`url = 'x'`)).toContain('news_items_url');
    expect(plan(`published >= 'x'`)).toContain('news_items_published');
  });

  it('can be rolled back to 0001, keeping the rows', async () => {
    await createVersion1Database();
    const db = openVersion1();
    const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve({ ...migrations }) } });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect((await migrator.migrateTo('0001-initial')).error).toBeUndefined();
    const rows = await db.selectFrom('news_items').selectAll().orderBy('item_key').execute();
    expect(rows.map((row) => Object.keys(row).sort())).toEqual(
      Array(2).fill(['first_seen_at', 'item_key', 'published', 'source_id', 'summary', 'title', 'url']),
    );
    await db.destroy();
  });
});
