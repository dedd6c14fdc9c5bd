import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrackerEvent } from '../domain/events.ts';
import {
  channel,
  declaration,
  delivery,
  dm,
  eventsPoll,
  GUILD,
  news,
  newSubscription,
  OTHER_GUILD,
  termsChange,
} from './alert-store-test-kit.ts';
import { createSqliteAlertStore } from './sql-alert-store.ts';
import type { SqlAlertStore } from './sql-alert-store.ts';
import type { SqliteStore } from './sqlite-store.ts';
import { makeEvent } from './store-test-kit.ts';
import { createTempStores } from './store-test-kit.ts';
import type { TempStores } from './store-test-kit.ts';

let stores: TempStores;
let store: SqliteStore;
let alerts: SqlAlertStore;

beforeEach(async () => {
  stores = await createTempStores();
  store = await stores.open();
  alerts = createSqliteAlertStore(store);
});

afterEach(() => stores.cleanup());

const times = (records: readonly { event: TrackerEvent }[]): string[] => records.map(({ event }) => event.at);

describe('listEventsBetween', () => {
  /** Events written in an order that differs from their `at`, with the store clock far from both. */
  async function recordEvents(): Promise<void> {
    stores.clock.set('2030-01-01T00:00:00.000Z');
    await store.recordPoll(eventsPoll('2025-01-03T00:00:00.000Z', [termsChange('2025-01-03T00:00:00.000Z')]));
    await store.recordPoll(eventsPoll('2025-01-01T00:00:00.000Z', [news('2025-01-01T00:00:00.000Z')]));
    await store.recordPoll(
      eventsPoll('2025-01-02T00:00:00.000Z', [
        makeEvent('baseline', '2025-01-02T00:00:00.000Z'),
        makeEvent('source-error', '2025-01-02T00:00:00.000Z'),
        news('2025-01-02T00:00:00.000Z', 'acme/blog'),
        termsChange('2025-01-02T00:00:00.000Z'),
      ]),
    );
    await store.recordPoll(eventsPoll('2025-01-04T00:00:00.000Z', [news('2025-01-04T00:00:00.000Z')]));
  }

  it('returns terms changes and news with `at` in (since, until], oldest first by their own time', async () => {
    await recordEvents();
    const window = await alerts.listEventsBetween('2025-01-01T00:00:00.000Z', '2025-01-03T00:00:00.000Z', 100);
    expect(window.map(({ event }) => [event.type, event.at, event.source])).toEqual([
      ['news', '2025-01-02T00:00:00.000Z', 'acme/blog'],
      ['terms-change', '2025-01-02T00:00:00.000Z', 'acme/terms'],
      ['terms-change', '2025-01-03T00:00:00.000Z', 'acme/terms'],
    ]);
    // The records are the stored ones, ids included.
    const [first] = await store.listEvents(0, 100);
    expect(window.at(-1)).toEqual(first);
  });

  it('starts at the beginning when `since` is null, and stops at `limit`', async () => {
    await recordEvents();
    expect(times(await alerts.listEventsBetween(null, '2025-01-04T00:00:00.000Z', 100))).toEqual([
      '2025-01-01T00:00:00.000Z',
      '2025-01-02T00:00:00.000Z',
      '2025-01-02T00:00:00.000Z',
      '2025-01-03T00:00:00.000Z',
      '2025-01-04T00:00:00.000Z',
    ]);
    expect(times(await alerts.listEventsBetween(null, '2025-01-04T00:00:00.000Z', 2))).toEqual([
      '2025-01-01T00:00:00.000Z',
      '2025-01-02T00:00:00.000Z',
    ]);
    expect(await alerts.listEventsBetween('2025-01-04T00:00:00.000Z', '2025-01-05T00:00:00.000Z', 100)).toEqual([]);
  });

  it('reads the event’s own time, not when the row was written', async () => {
    stores.clock.set('2025-06-01T00:00:00.000Z');
    await store.recordPoll(eventsPoll('2025-01-01T00:00:00.000Z', [news('2025-01-01T00:00:00.000Z')]));
    expect(await alerts.listEventsBetween('2025-05-01T00:00:00.000Z', '2025-07-01T00:00:00.000Z', 10)).toEqual([]);
    expect(times(await alerts.listEventsBetween(null, '2025-01-01T00:00:00.000Z', 10))).toEqual([
      '2025-01-01T00:00:00.000Z',
    ]);
  });
});

describe('watched sources', () => {
  it('adds a source once, lists in the order added, removes by id', async () => {
    expect(await alerts.addWatchedSource(declaration('acme/b'), 'u1', GUILD, '2025-01-01T00:00:00.000Z')).toBe(true);
    const a = { ...declaration('acme/a'), kind: 'page' as const, listing: { item: 'article', title: 'h2' } };
    expect(await alerts.addWatchedSource(a, 'u2', OTHER_GUILD, '2025-01-02T00:00:00.000Z')).toBe(true);
    const changed = { ...declaration('acme/b'), title: 'Changed' };
    expect(await alerts.addWatchedSource(changed, 'u3', GUILD, '2025-01-03T00:00:00.000Z')).toBe(false);
    expect(await alerts.listWatchedSources()).toEqual([declaration('acme/b'), a]);
    expect(await alerts.removeWatchedSource('acme/b')).toBe(true);
    expect(await alerts.removeWatchedSource('acme/b')).toBe(false);
    expect(await alerts.listWatchedSources()).toEqual([a]);
  });

  it('records who added a source, from which workspace, when', async () => {
    await alerts.addWatchedSource(declaration('acme/a'), 'u1', GUILD, '2025-01-01T00:00:00.000Z');
    const rows = await store.db
      .selectFrom('watched_sources')
      .select(['added_by', 'platform', 'workspace_id', 'added_at'])
      .execute();
    expect(rows).toEqual([
      { added_by: 'u1', platform: 'discord', workspace_id: 'guild-1', added_at: '2025-01-01T00:00:00.000Z' },
    ]);
  });
});

describe('state', () => {
  it('survives closing and reopening the database', async () => {
    const subscription = await alerts.addSubscription(newSubscription(dm('u1')));
    await alerts.setPaused(dm('u1'), true);
    const digest = { target: channel('c1'), cron: '0 9 * * *', timezone: 'Europe/Berlin', lastSentAt: null };
    await alerts.setDigest(digest);
    await alerts.setSetting(GUILD, 'alerts-channel', 'c7');
    await alerts.enqueue([delivery('1|c1', channel('c1'))]);
    await alerts.markSent(1, 'm1', '2025-01-01T00:00:01.000Z');
    await alerts.addWatchedSource(declaration('acme/a'), 'u1', GUILD, '2025-01-01T00:00:00.000Z');
    await store.recordPoll(eventsPoll('2025-01-01T00:00:00.000Z', [news('2025-01-01T00:00:00.000Z')]));
    await stores.close(store);

    const reopened = createSqliteAlertStore(await stores.open());
    expect(await reopened.listSubscriptions(GUILD)).toEqual([{ ...subscription, paused: true }]);
    expect(await reopened.listDigests()).toEqual([digest]);
    expect(await reopened.getSetting(GUILD, 'alerts-channel')).toBe('c7');
    expect(await reopened.getDelivery(1)).toMatchObject({ status: 'sent', platformMessageId: 'm1' });
    expect(await reopened.listWatchedSources()).toEqual([declaration('acme/a')]);
    expect(times(await reopened.listEventsBetween(null, '2025-01-02T00:00:00.000Z', 10))).toEqual([
      '2025-01-01T00:00:00.000Z',
    ]);
    // Ids are never reused: a subscription added after a removal gets a new one.
    await reopened.removeSubscription(subscription.id, GUILD);
    expect((await reopened.addSubscription(newSubscription(dm('u1')))).id).toBe(subscription.id + 1);
  });
});
