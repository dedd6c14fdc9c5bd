import type { Kysely, Migration } from 'kysely';

/*
 * A source fetched in `auto` browser mode that met a bot wall was rendered by the headless browser; the flag
 * remembers that, so later polls go straight to the browser instead of knocking on the wall again. Integer 0/1
 * like every boolean column; existing rows start at 0 (try plain HTTP first).
 */

/** `0005-browser-needed`: `source_health.needs_browser`. */
export const browserNeededMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('source_health')
      .addColumn('needs_browser', 'integer', (column) => column.notNull().defaultTo(0))
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('source_health').dropColumn('needs_browser').execute();
  },
};
