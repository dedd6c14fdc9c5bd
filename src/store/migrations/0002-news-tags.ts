import type { Kysely, Migration } from 'kysely';

/*
 * News items learn their tags (vendors, topics, language) and which other sources carried the same story, and
 * get the indexes cross-feed dedupe looks them up by: `url` (same canonical link) and `published` (the recent
 * window). JSON arrays are text, as everywhere in the schema. Rows stored before this migration get the defaults
 * (no tags, no language, reported by nobody else). Schema builder only, so it runs on SQLite and PostgreSQL.
 */

/** The JSON-array columns, each `text not null default '[]'`. */
const ARRAY_COLUMNS = ['vendors', 'topics', 'also_reported_by'] as const;

/** `0002-news-tags`: tags, language and co-reporting sources on `news_items`; indexes on `url` and `published`. */
export const newsTagsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // One column per statement: SQLite's ALTER TABLE adds a single column at a time.
    for (const column of ARRAY_COLUMNS) {
      await db.schema
        .alterTable('news_items')
        .addColumn(column, 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();
    }
    await db.schema.alterTable('news_items').addColumn('language', 'text').execute();
    await db.schema.createIndex('news_items_url').on('news_items').column('url').execute();
    await db.schema.createIndex('news_items_published').on('news_items').column('published').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('news_items_published').ifExists().execute();
    await db.schema.dropIndex('news_items_url').ifExists().execute();
    for (const column of ['language', ...ARRAY_COLUMNS]) {
      await db.schema.alterTable('news_items').dropColumn(column).execute();
    }
  },
};
