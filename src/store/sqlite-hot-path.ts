import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import { isHealthOnly } from './record-poll.ts';
import { toSourceHealth, toVersionEntry } from './rows.ts';
import type { SourceHealthTable, VersionEntriesTable } from './schema.ts';
import type { PollFailed, PollRecord, PollSucceeded, Store } from './store.ts';

/*
 * Why this file exists: every poll of every source makes the same few store calls, and through Kysely each one
 * rebuilds, freezes and compiles an operation-node tree before SQLite runs a statement it already has prepared.
 * For these calls that building costs more than the query itself. So the SQLite adapter serves them with
 * better-sqlite3 statements prepared once at open, and leaves everything else to the portable `createSqlStore`
 * (which a PostgreSQL adapter uses as is). The SQL below must mean exactly what `sql-store.ts` and
 * `record-poll.ts` build; `sqlite-hot-path.test.ts` runs one scenario through both and compares every result.
 */

/** The store calls each poll makes, which the SQLite adapter serves without Kysely. */
export type HotPathCalls = Pick<Store, 'getHealth' | 'listVersionEntries' | 'knownNewsKeys' | 'recordPoll'>;

type HealthRow = Selectable<SourceHealthTable>;
type EntryRow = Selectable<VersionEntriesTable>;

interface SuccessParams {
  source_id: string;
  at: string;
  last_change_at: string | null;
  etag: string | null;
  last_modified: string | null;
  current_version_id: string | null;
  needs_browser: number;
}

interface FailureParams {
  source_id: string;
  at: string;
  last_error: string;
  last_error_code: string;
}

interface HotStatements {
  readonly health: BetterSqlite3.Statement<[string], HealthRow>;
  readonly latestEntries: BetterSqlite3.Statement<[string, number], EntryRow>;
  readonly newsKeys: BetterSqlite3.Statement<[string], string>;
  readonly upsertSuccess: BetterSqlite3.Statement<[SuccessParams]>;
  readonly upsertFailure: BetterSqlite3.Statement<[FailureParams]>;
}

function prepareHotStatements(sqlite: BetterSqlite3.Database): HotStatements {
  return {
    health: sqlite.prepare<[string], HealthRow>('select * from source_health where source_id = ?'),
    latestEntries: sqlite.prepare<[string, number], EntryRow>(
      'select * from version_entries where source_id = ? order by seq desc limit ?',
    ),
    newsKeys: sqlite.prepare<[string], string>('select item_key from news_items where source_id = ?').pluck(),
    // As `writeSuccess`: last_change_at moves only on a change. `at` is never null, so coalescing the new value
    // over the old one is the same as Kysely's two spellings (with and without that column in the update);
    // likewise needs_browser only ever goes from 0 to 1, so the larger of old and new is Kysely's conditional set.
    upsertSuccess: sqlite.prepare<[SuccessParams]>(
      `insert into source_health (source_id, last_fetch_at, last_success_at, last_change_at, consecutive_failures,
         etag, last_modified, current_version_id, needs_browser)
       values (@source_id, @at, @at, @last_change_at, 0, @etag, @last_modified, @current_version_id, @needs_browser)
       on conflict (source_id) do update set
         last_fetch_at = excluded.last_fetch_at,
         last_success_at = excluded.last_success_at,
         consecutive_failures = 0,
         etag = excluded.etag,
         last_modified = excluded.last_modified,
         current_version_id = excluded.current_version_id,
         last_change_at = coalesce(excluded.last_change_at, source_health.last_change_at),
         needs_browser = max(excluded.needs_browser, source_health.needs_browser)`,
    ),
    // As `writeFailure`: validators, version and last success stay as they were.
    upsertFailure: sqlite.prepare<[FailureParams]>(
      `insert into source_health (source_id, last_fetch_at, consecutive_failures, last_error, last_error_code)
       values (@source_id, @at, 1, @last_error, @last_error_code)
       on conflict (source_id) do update set
         last_fetch_at = excluded.last_fetch_at,
         consecutive_failures = source_health.consecutive_failures + 1,
         last_error = excluded.last_error,
         last_error_code = excluded.last_error_code`,
    ),
  };
}

/**
 * Serves the per-poll calls with statements prepared once, here, on a database the migrations have built.
 * Anything else — a poll that writes more than health, a full history listing — goes to `portable`.
 *
 * While a Kysely transaction is open (a changed poll, or another SQL port sharing the connection) these calls
 * go to `portable` too: Kysely holds the single connection across awaits, so a raw statement would run inside
 * that transaction (and be rolled back with it) or read its uncommitted rows, whereas Kysely queues the call
 * behind the transaction. Storage errors are thrown as rejections, as from Kysely.
 */
export function createSqliteHotPath(sqlite: BetterSqlite3.Database, portable: Store): HotPathCalls {
  const statements = prepareHotStatements(sqlite);
  return {
    async getHealth(sourceId) {
      if (sqlite.inTransaction) return portable.getHealth(sourceId);
      const row = statements.health.get(sourceId);
      return row === undefined ? undefined : toSourceHealth(row);
    },

    async listVersionEntries(sourceId, limit) {
      if (limit === undefined || sqlite.inTransaction) return portable.listVersionEntries(sourceId, limit);
      return statements.latestEntries.all(sourceId, limit).map(toVersionEntry);
    },

    async knownNewsKeys(sourceId) {
      if (sqlite.inTransaction) return portable.knownNewsKeys(sourceId);
      return new Set(statements.newsKeys.all(sourceId));
    },

    async recordPoll(poll) {
      if (!isHealthOnly(poll) || sqlite.inTransaction) return portable.recordPoll(poll);
      // One statement is atomic on its own, as in the portable store: no begin/commit.
      if (poll.result.ok) statements.upsertSuccess.run(successParams(poll, poll.result));
      else statements.upsertFailure.run(failureParams(poll, poll.result));
    },
  };
}

function successParams(poll: PollRecord, result: PollSucceeded): SuccessParams {
  return {
    source_id: poll.sourceId,
    at: poll.at,
    last_change_at: result.changed ? poll.at : null,
    etag: result.etag,
    last_modified: result.lastModified,
    current_version_id: result.currentVersionId,
    needs_browser: result.needsBrowser === true ? 1 : 0,
  };
}

function failureParams(poll: PollRecord, result: PollFailed): FailureParams {
  return {
    source_id: poll.sourceId,
    at: poll.at,
    last_error: result.message,
    last_error_code: result.code,
  };
}
