import type { Kysely, Migration } from 'kysely';

/*
 * A feed's copy of a story another source carried first is stored as a row of that feed pointing at the first
 * one (`duplicate_of_source`, `duplicate_of_key`). It keeps the copy known to its own feed — so it is not
 * announced as news once the first report has left the dedupe window — while listings show one item per story.
 */

/** `0003-news-duplicates`: duplicate rows on `news_items`. */
export const newsDuplicatesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('news_items').addColumn('duplicate_of_source', 'text').execute();
    await db.schema.alterTable('news_items').addColumn('duplicate_of_key', 'text').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('news_items').dropColumn('duplicate_of_key').execute();
    await db.schema.alterTable('news_items').dropColumn('duplicate_of_source').execute();
  },
};
