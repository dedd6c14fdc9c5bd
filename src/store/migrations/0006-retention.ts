import type { Kysely, Migration } from 'kysely';

/*
 * The daily prune deletes finished deliveries (`status` sent, failed or disabled) written before a cutoff. The
 * outbox's indexes all start with `status` but none continues with `created_at`, so that delete visited every
 * finished delivery — nearly the whole table — to check its age: ~12 ms a day at 100k rows, growing with the
 * table. With `(status, created_at)` it is one range per status over the rows it deletes (~1 ms). The events and
 * news deletes already have their ranges (`events_at`, `news_items_first_seen`).
 */

/** `0006-retention`: `outbox_status_created` on `outbox (status, created_at)`. */
export const retentionMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.createIndex('outbox_status_created').on('outbox').columns(['status', 'created_at']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('outbox_status_created').execute();
  },
};
