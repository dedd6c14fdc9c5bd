import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import type { Migration } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANY, channel, dm, GUILD, news, newSubscription, termsChange } from '../alert-store-test-kit.ts';
import { targetKey } from '../alert-store.ts';
import { createSqliteAlertStore } from '../sql-alert-store.ts';
import { DATABASE_FILE } from '../sqlite-store.ts';
import { createTempStores } from '../store-test-kit.ts';
import type { TempStores } from '../store-test-kit.ts';
import { alertingMigration } from './0004-alerting.ts';
import { filtersFrom0001 } from './0004-alerting-tables.ts';
import { migrations } from './index.ts';
import { ddlOf } from './migration-test-kit.ts';

let stores: TempStores;

beforeEach(async () => {
  stores = await createTempStores();
});

afterEach(() => stores.cleanup());

/** The tables this test writes as a `0003` release shaped them. */
type Version3Schema = {
  events: { type: string; source_id: string; payload: string; created_at: string };
  subscriptions: {
    id: number;
    platform: string;
    workspace_id: string;
    channel_id: string;
    user_id: string | null;
    kind: string;
    filters: string;
    min_significance: string | null;
    mention: string | null;
    created_by: string;
    created_at: string;
  };
  digests: { platform: string; workspace_id: string; channel_id: string; schedule: string; timezone: string };
  outbox: { idempotency_key: string; platform: string; target: string; payload: string; created_at: string };
  settings: { platform: string; workspace_id: string; key: string; value: string };
};

const openRaw = (): Kysely<Version3Schema> =>
  new Kysely<Version3Schema>({
    dialect: new SqliteDialect({ database: new BetterSqlite3(path.join(stores.dataDir, DATABASE_FILE)) }),
  });

/** A migrator that knows only the named migrations, as an older release would. */
function migrator(db: Kysely<Version3Schema>, names: readonly string[]): Migrator {
  const known: Record<string, Migration> = {};
  for (const name of names) {
    const migration = migrations[name];
    if (migration === undefined) throw new Error(`no migration ${name}`);
    known[name] = migration;
  }
  return new Migrator({ db, provider: { getMigrations: () => Promise.resolve(known) } });
}

const UP_TO_3 = ['0001-initial', '0002-news-tags', '0003-news-duplicates'];
const OLD_AT = '2025-01-01T00:00:00.000Z';
const WRITTEN_AT = '2025-03-01T00:00:00.000Z';

/** A `0003` database with a row in each table `0004` changes; `outboxTarget` is the outbox row's target text. */
async function createVersion3Database(outboxTarget = JSON.stringify(channel('c1'))): Promise<void> {
  const db = openRaw();
  expect((await migrator(db, UP_TO_3).migrateToLatest()).error).toBeUndefined();
  const event = termsChange(OLD_AT);
  const { at: _at, ...timeless } = news(OLD_AT);
  await db
    .insertInto('events')
    .values([
      { type: event.type, source_id: event.source, payload: JSON.stringify(event), created_at: WRITTEN_AT },
      { type: 'news', source_id: 'acme/news', payload: JSON.stringify(timeless), created_at: WRITTEN_AT },
    ])
    .execute();
  const subscription = { platform: 'discord', workspace_id: 'guild-1', channel_id: 'c1', user_id: null };
  const stamp = { mention: '<@&1>', created_by: 'u1', created_at: OLD_AT };
  await db
    .insertInto('subscriptions')
    .values([
      { ...subscription, ...stamp, id: 7, kind: 'terms', filters: '{"vendors":["acme"]}', min_significance: 'high' },
      { ...subscription, ...stamp, id: 9, kind: 'all', filters: 'not json', min_significance: null },
    ])
    .execute();
  await db
    .insertInto('digests')
    .values({ platform: 'discord', workspace_id: 'guild-1', channel_id: 'c1', schedule: '0 9 * * *', timezone: 'UTC' })
    .execute();
  await db
    .insertInto('outbox')
    .values({ idempotency_key: 'e1|c1', platform: 'discord', target: outboxTarget, payload: '{}', created_at: OLD_AT })
    .execute();
  await db
    .insertInto('settings')
    .values({ platform: 'discord', workspace_id: 'guild-1', key: 'k', value: 'v' })
    .execute();
  await db.destroy();
}

async function columnsOf(db: Kysely<Version3Schema>, table: string): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables.find((candidate) => candidate.name === table)?.columns.map((column) => column.name) ?? [];
}

describe('0004-alerting', () => {
  it('copies event times out of the JSON the way each flavor spells it, and nothing SQLite-only on PostgreSQL', async () => {
    const sqlite = (await ddlOf(alertingMigration, 'sqlite')).join('\n');
    const postgres = (await ddlOf(alertingMigration, 'postgres')).join('\n');
    expect(sqlite).toContain(`update "events" set "at" = coalesce(json_extract("payload", ?), created_at)`);
    expect(postgres).toContain(`update "events" set "at" = coalesce(("payload"::jsonb ->> $1), created_at)`);
    expect(sqlite).toContain('"id" integer primary key autoincrement');
    expect(postgres).toContain('"id" integer generated by default as identity primary key');
    expect(postgres).not.toMatch(/autoincrement|json_extract/);
    expect(sqlite).toContain('create index "outbox_target_queue" on "outbox" ("status", "target_key", "id")');
    expect(migrations['0004-alerting']).toBe(alertingMigration);
  });

  it('upgrades a 0003 database in place, keeping subscription ids and what each row let through', async () => {
    await createVersion3Database();
    const alerts = createSqliteAlertStore(await stores.open());
    const [kept, lenient] = await alerts.listSubscriptions(GUILD);
    expect(kept).toEqual({
      ...newSubscription(channel('c1'), { mention: '<@&1>', createdBy: 'u1', createdAt: OLD_AT }),
      id: 7,
      filters: { ...ANY, vendors: ['acme'], minSignificance: 'high', kind: 'terms' },
      paused: false,
    });
    expect(lenient).toMatchObject({ id: 9, filters: ANY });
    expect((await alerts.addSubscription(newSubscription(dm('u1')))).id).toBe(10);
    expect(await alerts.listDigests()).toEqual([
      { target: channel('c1'), cron: '0 9 * * *', timezone: 'UTC', lastSentAt: null },
    ]);
    expect(await alerts.nextDue(WRITTEN_AT, 10)).toMatchObject([{ idempotencyKey: 'e1|c1', target: channel('c1') }]);
    expect(await alerts.getSetting(GUILD, 'k')).toBe('v');
    // The terms change keeps its own time; the payload without one falls back to when it was written.
    const events = await alerts.listEventsBetween(null, WRITTEN_AT, 10);
    expect(events.map(({ event }) => event.type)).toEqual(['terms-change', 'news']);
    expect(await alerts.listEventsBetween(OLD_AT, WRITTEN_AT, 10)).toEqual(events.slice(1));
  });

  it('reads what it can of a 0001 subscription’s filters', () => {
    const legacy = {
      filters: '{"topics":["a",1],"keywords":"x","sources":["s"]}',
      kind: 'news',
      min_significance: 'x',
    };
    expect(filtersFrom0001(legacy)).toEqual({ ...ANY, topics: ['a'], sources: ['s'], kind: 'news' });
    expect(filtersFrom0001({ filters: '[1]', kind: 'both', min_significance: 'medium' })).toEqual({
      ...ANY,
      minSignificance: 'medium',
    });
  });

  it('fails as a whole on an outbox row it cannot read, leaving the 0003 database as it was', async () => {
    await createVersion3Database('C123');
    await expect(stores.open()).rejects.toMatchObject({
      code: 'storage_migration_failed',
      message: expect.stringContaining('outbox row 1: target is not a stored target: C123') as unknown,
    });
    const db = openRaw();
    const applied = await db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    expect(applied.map((row) => (row as { name: string }).name)).toEqual(UP_TO_3);
    expect(await columnsOf(db, 'subscriptions')).toContain('kind');
    expect(await columnsOf(db, 'events')).not.toContain('at');
    expect(await columnsOf(db, 'outbox')).not.toContain('target_key');
    await db
      .updateTable('outbox')
      .set({ target: JSON.stringify(channel('c1')) })
      .execute();
    await db.destroy();
    const alerts = createSqliteAlertStore(await stores.open());
    expect(await alerts.listSubscriptions(GUILD)).toHaveLength(2);
  });

  it('rolls back to 0003 keeping channel subscriptions and digests; DM ones cannot be kept', async () => {
    await createVersion3Database();
    const alerts = createSqliteAlertStore(await stores.open());
    await alerts.addSubscription(newSubscription(dm('u1')));
    await alerts.setDigest({ target: dm('u1'), cron: '0 8 * * *', timezone: 'UTC', lastSentAt: null });
    const db = openRaw();
    // Every migration up to the latest: later ones are rolled back first.
    const all = Object.keys(migrations);
    expect((await migrator(db, all).migrateTo('0003-news-duplicates')).error).toBeUndefined();
    const subscriptions = await db.selectFrom('subscriptions').select(['id', 'kind', 'min_significance']).execute();
    expect(subscriptions).toEqual([
      { id: 7, kind: 'terms', min_significance: 'high' },
      { id: 9, kind: 'both', min_significance: 'low' },
    ]);
    expect(await db.selectFrom('digests').select(['channel_id', 'schedule']).execute()).toEqual([
      { channel_id: 'c1', schedule: '0 9 * * *' },
    ]);
    expect(await columnsOf(db, 'outbox')).not.toContain('target_key');
    expect(await columnsOf(db, 'events')).not.toContain('at');
    expect((await migrator(db, all).migrateToLatest()).error).toBeUndefined();
    await db.destroy();
  });

  it('gives the outbox queue and the event window indexes the query planner uses', async () => {
    const store = await stores.open();
    const sqlite = new BetterSqlite3(store.file, { readonly: true });
    const plan = (query: string): string =>
      (sqlite.prepare(`explain query plan ${query}`).all() as { detail: string }[]).map((row) => row.detail).join('; ');
    expect(plan(`select min(id) from outbox where status = 'pending' group by target_key`)).toContain(
      'outbox_target_queue',
    );
    expect(plan(`select id from events where type in ('news') and at > 'a' and at <= 'b' order by at, id`)).toContain(
      'events_at',
    );
    expect(plan(`select * from subscriptions where target_key = '${targetKey(dm('u1'))}'`)).toContain(
      'subscriptions_target',
    );
    sqlite.close();
  });
});
