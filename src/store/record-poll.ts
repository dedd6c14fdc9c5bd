import type { Kysely } from 'kysely';
import { AppError } from '../domain/errors.ts';
import type { Database } from './schema.ts';
import { eventRow, fromJsonArray, newsItemRow, toJsonArray } from './rows.ts';
import type { NewsReport, PollFailed, PollRecord, PollSucceeded, NewsItemRecord } from './store.ts';

/*
 * Writing one poll. Every statement here is portable SQL (`insert … on conflict`), shared by any Kysely
 * dialect. Rows are inserted one statement per row on purpose: the SQL text is then the same for every poll,
 * so SQLite reuses one prepared statement, and no poll with many feed items can hit a bound-variable limit.
 */

/** True when the poll writes nothing but the health row (the common "unchanged" poll). */
export function isHealthOnly(poll: PollRecord): boolean {
  return (
    poll.snapshot === undefined &&
    poll.version === undefined &&
    (poll.newsItems === undefined || poll.newsItems.length === 0) &&
    (poll.newsReports === undefined || poll.newsReports.length === 0) &&
    poll.events.length === 0
  );
}

/** Writes the whole poll in the order parents → children; the caller provides the transaction. */
export async function writePoll(db: Kysely<Database>, poll: PollRecord, createdAt: string): Promise<void> {
  await writeHealth(db, poll);
  await writeContent(db, poll, createdAt);
  for (const item of poll.newsItems ?? []) {
    await db
      .insertInto('news_items')
      .values(newsItemRow(item))
      .onConflict((conflict) => conflict.columns(['source_id', 'item_key']).doNothing())
      .execute();
  }
  // After the items: a report may name a story this very poll stored.
  for (const report of poll.newsReports ?? []) await writeNewsReport(db, report);
  for (const event of poll.events) {
    await db.insertInto('events').values(eventRow(event, createdAt)).execute();
  }
}

/** Upserts the health row: one statement whether or not the source was seen before. */
export async function writeHealth(db: Kysely<Database>, poll: PollRecord): Promise<void> {
  if (poll.result.ok) await writeSuccess(db, poll.sourceId, poll.at, poll.result);
  else await writeFailure(db, poll.sourceId, poll.at, poll.result);
}

async function writeSuccess(db: Kysely<Database>, sourceId: string, at: string, result: PollSucceeded): Promise<void> {
  // lastError/lastErrorCode are kept: they describe the most recent failure, and consecutiveFailures = 0
  // already says it is over.
  await db
    .insertInto('source_health')
    .values({
      source_id: sourceId,
      last_fetch_at: at,
      last_success_at: at,
      last_change_at: result.changed ? at : null,
      consecutive_failures: 0,
      etag: result.etag,
      last_modified: result.lastModified,
      current_version_id: result.currentVersionId,
      needs_browser: result.needsBrowser === true ? 1 : 0,
    })
    .onConflict((conflict) =>
      conflict.column('source_id').doUpdateSet((eb) => ({
        last_fetch_at: eb.ref('excluded.last_fetch_at'),
        last_success_at: eb.ref('excluded.last_success_at'),
        consecutive_failures: 0,
        etag: eb.ref('excluded.etag'),
        last_modified: eb.ref('excluded.last_modified'),
        current_version_id: eb.ref('excluded.current_version_id'),
        ...(result.changed ? { last_change_at: eb.ref('excluded.last_change_at') } : {}),
        // Sticky: once a source needed the browser, a poll that did not use it does not forget that.
        ...(result.needsBrowser === true ? { needs_browser: 1 } : {}),
      })),
    )
    .execute();
}

async function writeFailure(db: Kysely<Database>, sourceId: string, at: string, result: PollFailed): Promise<void> {
  // Validators and the current version stay as they were: the next poll still compares against them.
  await db
    .insertInto('source_health')
    .values({
      source_id: sourceId,
      last_fetch_at: at,
      consecutive_failures: 1,
      last_error: result.message,
      last_error_code: result.code,
    })
    .onConflict((conflict) =>
      conflict.column('source_id').doUpdateSet((eb) => ({
        last_fetch_at: eb.ref('excluded.last_fetch_at'),
        consecutive_failures: eb(eb.ref('source_health.consecutive_failures'), '+', 1),
        last_error: eb.ref('excluded.last_error'),
        last_error_code: eb.ref('excluded.last_error_code'),
      })),
    )
    .execute();
}

/** Snapshot and version are content-addressed: inserted when absent, never overwritten. */
async function writeContent(db: Kysely<Database>, poll: PollRecord, createdAt: string): Promise<void> {
  const { snapshot, version } = poll;
  if (snapshot !== undefined) {
    await db
      .insertInto('snapshots')
      .values({ id: snapshot.id, media_type: snapshot.mediaType, body: snapshot.body, created_at: createdAt })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute();
  }
  if (version === undefined) return;
  await db
    .insertInto('versions')
    .values({ id: version.id, text: version.text, created_at: createdAt })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
  await db
    .insertInto('version_entries')
    .values({
      source_id: poll.sourceId,
      version_id: version.id,
      snapshot_id: version.snapshotId,
      kind: version.kind,
      recorded_at: poll.at,
    })
    .execute();
}

/**
 * How often a report re-reads a story whose `also_reported_by` another writer changed between read and update.
 * Only a concurrent PostgreSQL writer can cause that: on SQLite the poll's health upsert already holds the
 * database's write lock.
 */
const REPORT_ATTEMPTS = 5;

async function writeDuplicateCopy(db: Kysely<Database>, report: NewsReport, copy: NewsItemRecord): Promise<void> {
  await db
    .insertInto('news_items')
    .values({ ...newsItemRow(copy), duplicate_of_source: report.sourceId, duplicate_of_key: report.key })
    .onConflict((conflict) => conflict.columns(['source_id', 'item_key']).doNothing())
    .execute();
}

/**
 * Appends `reportedBy` to the stored story's `also_reported_by`: once, in report order, never the story's own
 * source; a story the store does not know is ignored. Read, then compare-and-set on the text read, so two
 * writers never drop each other's reporter (portable, unlike SQL JSON functions or `select … for update`).
 */
async function writeNewsReport(db: Kysely<Database>, report: NewsReport): Promise<void> {
  if (report.copy !== undefined) await writeDuplicateCopy(db, report, report.copy);
  if (report.reportedBy === report.sourceId) return;
  for (let attempt = 0; attempt < REPORT_ATTEMPTS; attempt += 1) {
    const row = await db
      .selectFrom('news_items')
      .select('also_reported_by')
      .where('source_id', '=', report.sourceId)
      .where('item_key', '=', report.key)
      .executeTakeFirst();
    if (row === undefined) return;
    const reporters = fromJsonArray(row.also_reported_by, 'also_reported_by');
    if (reporters.includes(report.reportedBy)) return;
    const updated = await db
      .updateTable('news_items')
      .set({ also_reported_by: toJsonArray([...reporters, report.reportedBy]) })
      .where('source_id', '=', report.sourceId)
      .where('item_key', '=', report.key)
      .where('also_reported_by', '=', row.also_reported_by)
      .executeTakeFirst();
    if (updated.numUpdatedRows > 0n) return;
  }
  throw new AppError(
    'storage_conflict',
    `news item ${report.sourceId} ${report.key}: also_reported_by kept changing under concurrent writers`,
  );
}
