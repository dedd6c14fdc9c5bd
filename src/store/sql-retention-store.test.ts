import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channel, delivery, eventsPoll, news, termsChange } from './alert-store-test-kit.ts';
import type { PruneCutoffs } from './alert-store.ts';
import { retentionMigration } from './migrations/0006-retention.ts';
import { migrations } from './migrations/index.ts';
import { ddlOf } from './migrations/migration-test-kit.ts';
import { createSqliteAlertStore } from './sql-alert-store.ts';
import type { SqlAlertStore } from './sql-alert-store.ts';
import type { SqliteStore } from './sqlite-store.ts';
import { countRows, createTempStores, newsItem, versionPoll } from './store-test-kit.ts';
import type { TempStores } from './store-test-kit.ts';
import type { NewsItemRecord, PollRecord } from './store.ts';

let stores: TempStores;
let store: SqliteStore;
let alerts: SqlAlertStore;

beforeEach(async () => {
  stores = await createTempStores();
  store = await stores.open();
  alerts = createSqliteAlertStore(store);
});

afterEach(() => stores.cleanup());

const CUTOFF = '2025-03-01T00:00:00.000Z';
const OLD = '2025-02-01T00:00:00.000Z';
const NEW = '2025-03-02T00:00:00.000Z';

/** Everything before CUTOFF goes; no news item is protected unless a test says so. */
const cutoffs = (fields: Partial<PruneCutoffs> = {}): PruneCutoffs => ({
  deliveriesBefore: CUTOFF,
  eventsBefore: CUTOFF,
  newsBefore: CUTOFF,
  keepNewsPerSource: 0,
  ...fields,
});

function newsPoll(items: readonly NewsItemRecord[], reports: PollRecord['newsReports'] = []): PollRecord {
  return {
    sourceId: items[0]?.sourceId ?? 'acme/news',
    at: items[0]?.firstSeenAt ?? OLD,
    result: { ok: true, etag: null, lastModified: null, changed: true, currentVersionId: 'hash' },
    newsItems: items,
    newsReports: reports,
    events: [],
  };
}

const keysOf = async (): Promise<string[]> => {
  const rows = await store.db.selectFrom('news_items').select(['source_id', 'item_key']).execute();
  return rows.map((row) => `${row.source_id} ${row.item_key}`).sort();
};

describe('prune: deliveries', () => {
  it('deletes sent, failed and disabled deliveries created before the cutoff; pending ones stay at any age', async () => {
    const target = channel('c1');
    await alerts.enqueue([
      delivery('old-sent', target, OLD),
      delivery('old-failed', target, OLD),
      delivery('old-disabled', channel('c2'), OLD),
      delivery('old-pending', channel('c3'), '2020-01-01T00:00:00.000Z'),
      delivery('new-sent', target, NEW),
    ]);
    const [oldSent, oldFailed, , , newSent] = await alerts.listDeliveries({ limit: 10 });
    await alerts.markSent(oldSent?.id ?? 0, 'm1', OLD);
    await alerts.markFailed(oldFailed?.id ?? 0, 'HTTP 400');
    await alerts.disableTarget(channel('c2'), 'channel gone');
    await alerts.markSent(newSent?.id ?? 0, 'm2', NEW);

    expect(await alerts.prune(cutoffs())).toEqual({ deliveries: 3, events: 0, news: 0 });
    const left = await alerts.listDeliveries({ limit: 10 });
    expect(left.map((row) => [row.idempotencyKey, row.status])).toEqual([
      ['old-pending', 'pending'],
      ['new-sent', 'sent'],
    ]);
    // The pending one is still due, and its key still dedupes a second write.
    expect((await alerts.nextDue(NEW, 10)).map((row) => row.idempotencyKey)).toEqual(['old-pending']);
    expect(await alerts.enqueue([delivery('old-pending', channel('c3'), NEW)])).toBe(0);
  });

  it('lets a pruned key be written again (a re-sent event is a new delivery, not silently dropped)', async () => {
    await alerts.enqueue([delivery('k', channel('c1'), OLD)]);
    await alerts.markSent((await alerts.listDeliveries({ limit: 1 }))[0]?.id ?? 0, null, OLD);
    await alerts.prune(cutoffs());
    expect(await alerts.enqueue([delivery('k', channel('c1'), NEW)])).toBe(1);
  });
});

describe('prune: events', () => {
  it('deletes events whose own time is before the cutoff, of every type, whenever they were written', async () => {
    stores.clock.set('2030-01-01T00:00:00.000Z'); // created_at far after every `at`
    await store.recordPoll(eventsPoll(OLD, [termsChange(OLD), news(OLD)]));
    await store.recordPoll(eventsPoll(NEW, [termsChange(NEW)]));
    await store.recordPoll(versionPoll(OLD, 'terms text', 'baseline')); // a baseline event, plus history
    expect(await alerts.prune(cutoffs())).toEqual({ deliveries: 0, events: 3, news: 0 });
    expect((await store.listEvents(0, 10)).map(({ event }) => [event.type, event.at])).toEqual([['terms-change', NEW]]);
    // Terms history is never pruned.
    expect(await store.listVersionEntries('acme/terms')).toHaveLength(1);
    expect(await countRows(store, 'snapshots')).toBe(1);
  });

  it('ages an event written without `at` by when it was written', async () => {
    const row = { type: 'news', source_id: 'acme/news', payload: '{}' };
    await sql`insert into events (type, source_id, payload, created_at, at) values
      (${row.type}, ${row.source_id}, ${row.payload}, ${OLD}, null),
      (${row.type}, ${row.source_id}, ${row.payload}, ${NEW}, null)`.execute(store.db);
    expect((await alerts.prune(cutoffs())).events).toBe(1);
    expect(await store.db.selectFrom('events').select('created_at').execute()).toEqual([{ created_at: NEW }]);
  });

  it('never reuses the id of a pruned event', async () => {
    await store.recordPoll(eventsPoll(OLD, [news(OLD)]));
    await alerts.prune(cutoffs());
    await store.recordPoll(eventsPoll(NEW, [news(NEW)]));
    expect((await store.listEvents(0, 10)).map((record) => record.id)).toEqual([2]);
  });
});

describe('prune: news items', () => {
  it('deletes items first seen before the cutoff, whatever their published date', async () => {
    await store.recordPoll(newsPoll([newsItem('a', OLD, NEW), newsItem('b', OLD, null)]));
    await store.recordPoll(newsPoll([newsItem('c', NEW, OLD)]));
    expect(await alerts.prune(cutoffs())).toEqual({ deliveries: 0, events: 0, news: 2 });
    expect([...(await store.knownNewsKeys('acme/news'))]).toEqual(['c']);
    expect((await store.listNewsItems(10)).map((item) => item.key)).toEqual(['c']);
  });

  it('keeps the newest items of each source whatever their age, so a feed still listing them stays quiet', async () => {
    const day = (n: number): string => `2025-01-${String(n).padStart(2, '0')}T00:00:00.000Z`;
    await store.recordPoll(newsPoll([1, 2, 3, 4].map((n) => newsItem(`a${n}`, day(n), null, 'acme/news'))));
    await store.recordPoll(newsPoll([newsItem('b1', day(1), null, 'beta/news')]));
    expect(await alerts.prune(cutoffs({ keepNewsPerSource: 2 }))).toMatchObject({ news: 2 });
    expect(await keysOf()).toEqual(['acme/news a3', 'acme/news a4', 'beta/news b1']);
  });

  it('keeps a story while a kept copy points at it, and deletes copies with the rest', async () => {
    // beta's copy of acme's story (seen later) stays, so the story stays; gamma's old copy goes.
    await store.recordPoll(newsPoll([newsItem('story', OLD, OLD, 'acme/news'), newsItem('lone', OLD, OLD)]));
    const copy = (source: string, at: string) => ({
      sourceId: 'acme/news',
      key: 'story',
      reportedBy: source,
      copy: newsItem(`${source}-copy`, at, OLD, source),
    });
    await store.recordPoll(newsPoll([], [copy('gamma/news', OLD)]));
    await store.recordPoll(newsPoll([], [copy('beta/news', NEW)]));
    expect(await alerts.prune(cutoffs())).toMatchObject({ news: 2 });
    expect(await keysOf()).toEqual(['acme/news story', 'beta/news beta/news-copy']);
    const dangling = await sql<{ n: number }>`select count(*) as n from news_items copy
      where copy.duplicate_of_key is not null and not exists (select 1 from news_items story
        where story.source_id = copy.duplicate_of_source and story.item_key = copy.duplicate_of_key)`.execute(store.db);
    expect(dangling.rows).toEqual([{ n: 0 }]);
    // Once the copy is old too, both go.
    expect(await alerts.prune(cutoffs({ newsBefore: '2025-04-01T00:00:00.000Z' }))).toMatchObject({ news: 2 });
    expect(await keysOf()).toEqual([]);
  });
});

describe('prune: one transaction', () => {
  it('deletes nothing when one of the deletes fails', async () => {
    await alerts.enqueue([delivery('k', channel('c1'), OLD)]);
    await alerts.markSent((await alerts.listDeliveries({ limit: 1 }))[0]?.id ?? 0, null, OLD);
    await store.recordPoll(eventsPoll(OLD, [news(OLD)]));
    await store.recordPoll(newsPoll([newsItem('a', OLD, null)]));
    await sql`create trigger refuse before delete on news_items begin select raise(abort, 'refused'); end`.execute(
      store.db,
    );
    await expect(alerts.prune(cutoffs())).rejects.toThrow('refused');
    expect(await alerts.listDeliveries({ limit: 10 })).toHaveLength(1);
    expect(await countRows(store, 'events')).toBe(1);
    expect(await countRows(store, 'news_items')).toBe(1);
  });
});

describe('0006-retention', () => {
  it('adds one index, the same DDL on both flavors, and drops it on the way down', async () => {
    const up = await ddlOf(retentionMigration, 'sqlite');
    expect(up).toEqual(['create index "outbox_status_created" on "outbox" ("status", "created_at")']);
    expect(await ddlOf(retentionMigration, 'postgres')).toEqual(up);
    expect(await ddlOf(retentionMigration, 'sqlite', 'down')).toEqual(['drop index "outbox_status_created"']);
    expect(migrations['0006-retention']).toBe(retentionMigration);
  });

  it('makes each delete an index range rather than a walk over the table', () => {
    const sqlite = new BetterSqlite3(store.file, { readonly: true });
    const plan = (statement: string): string =>
      (sqlite.prepare(`explain query plan ${statement}`).all() as { detail: string }[])
        .map((row) => row.detail)
        .join('; ');
    expect(plan(`delete from outbox where created_at < 'x' and status in ('sent', 'failed', 'disabled')`)).toContain(
      'outbox_status_created (status=? AND created_at<?)',
    );
    expect(plan(`delete from events where at < 'x' or (at is null and created_at < 'x')`)).toContain(
      'events_at (at<?)',
    );
    sqlite.close();
  });
});
