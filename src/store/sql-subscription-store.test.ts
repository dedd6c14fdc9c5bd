import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SubscriptionFilters } from '../domain/subscription.ts';
import { ANY, channel, dm, GUILD, newSubscription, OTHER_GUILD } from './alert-store-test-kit.ts';
import type { SubscriptionStore } from './alert-store.ts';
import { createSqliteAlertStore } from './sql-alert-store.ts';
import { createTempStores } from './store-test-kit.ts';
import type { TempStores } from './store-test-kit.ts';

let stores: TempStores;
let subscriptions: SubscriptionStore;

beforeEach(async () => {
  stores = await createTempStores();
  subscriptions = createSqliteAlertStore(await stores.open());
});

afterEach(() => stores.cleanup());

const ids = (list: readonly { id: number }[]): number[] => list.map((subscription) => subscription.id);

describe('subscriptions', () => {
  it('stores a channel subscription with its whole filters and gives it an id', async () => {
    const filters: SubscriptionFilters = {
      vendors: ['anthropic', 'openai'],
      topics: ['training-data'],
      keywords: ['opt out', 'Schiedsgericht'],
      sources: ['anthropic/commercial-terms'],
      minSignificance: 'medium',
      kind: 'terms',
    };
    const added = await subscriptions.addSubscription(
      newSubscription(channel('c1'), {
        filters,
        mention: '<@&42>',
        createdBy: 'u9',
        createdAt: '2025-02-03T04:05:06.000Z',
      }),
    );
    expect(added).toEqual({
      id: 1,
      target: { platform: 'discord', workspaceId: 'guild-1', channelId: 'c1', userId: null },
      filters,
      mention: '<@&42>',
      createdBy: 'u9',
      createdAt: '2025-02-03T04:05:06.000Z',
      paused: false,
    });
    expect(await subscriptions.listSubscriptions({ ...GUILD, channelId: 'c1' })).toEqual([added]);
  });

  it('stores a DM subscription: no channel, a user', async () => {
    const added = await subscriptions.addSubscription(newSubscription(dm('u1')));
    expect(added.target).toEqual({ platform: 'discord', workspaceId: 'guild-1', channelId: null, userId: 'u1' });
    expect(await subscriptions.listSubscriptions({ ...GUILD, userId: 'u1' })).toEqual([added]);
  });

  it('removes by id only within the workspace the request comes from', async () => {
    const { id } = await subscriptions.addSubscription(newSubscription(channel('c1')));
    expect(await subscriptions.removeSubscription(id, OTHER_GUILD)).toBe(false);
    expect(await subscriptions.removeSubscription(id, { platform: 'slack', workspaceId: 'guild-1' })).toBe(false);
    expect(ids(await subscriptions.listActiveSubscriptions())).toEqual([id]);
    expect(await subscriptions.removeSubscription(id, GUILD)).toBe(true);
    expect(await subscriptions.removeSubscription(id, GUILD)).toBe(false);
    expect(await subscriptions.listActiveSubscriptions()).toEqual([]);
  });

  it('removes every subscription of one target, and only those', async () => {
    await subscriptions.addSubscription(newSubscription(channel('c1')));
    await subscriptions.addSubscription(newSubscription(channel('c1'), { filters: { ...ANY, kind: 'news' } }));
    const other = await subscriptions.addSubscription(newSubscription(channel('c2')));
    const sameIdElsewhere = await subscriptions.addSubscription(newSubscription(channel('c1', OTHER_GUILD)));
    expect(await subscriptions.removeSubscriptionsFor(channel('c1'))).toBe(2);
    expect(ids(await subscriptions.listActiveSubscriptions())).toEqual([other.id, sameIdElsewhere.id]);
    expect(await subscriptions.removeSubscriptionsFor(channel('c1'))).toBe(0);
  });

  it('lists by channel, by DM user, both together, or the whole workspace', async () => {
    const c1 = await subscriptions.addSubscription(newSubscription(channel('c1')));
    const u1 = await subscriptions.addSubscription(newSubscription(dm('u1')));
    const c2 = await subscriptions.addSubscription(newSubscription(channel('c2'), { createdBy: 'u1' }));
    const u2 = await subscriptions.addSubscription(newSubscription(dm('u2')));
    await subscriptions.addSubscription(newSubscription(channel('c1', OTHER_GUILD)));
    await subscriptions.addSubscription(newSubscription(dm('u1', OTHER_GUILD)));
    expect(ids(await subscriptions.listSubscriptions({ ...GUILD, channelId: 'c1' }))).toEqual([c1.id]);
    expect(ids(await subscriptions.listSubscriptions({ ...GUILD, userId: 'u1' }))).toEqual([u1.id]);
    expect(ids(await subscriptions.listSubscriptions({ ...GUILD, channelId: 'c2', userId: 'u1' }))).toEqual([
      u1.id,
      c2.id,
    ]);
    expect(ids(await subscriptions.listSubscriptions(GUILD))).toEqual([c1.id, u1.id, c2.id, u2.id]);
    expect(await subscriptions.listSubscriptions({ ...GUILD, channelId: 'none' })).toEqual([]);
  });

  it('pauses and resumes every subscription of a target; paused ones are not active', async () => {
    const a = await subscriptions.addSubscription(newSubscription(dm('u1')));
    const b = await subscriptions.addSubscription(newSubscription(dm('u1')));
    const c = await subscriptions.addSubscription(newSubscription(channel('c1')));
    expect(await subscriptions.setPaused(dm('u1'), true)).toBe(2);
    expect(ids(await subscriptions.listActiveSubscriptions())).toEqual([c.id]);
    const listed = await subscriptions.listSubscriptions({ ...GUILD, userId: 'u1' });
    expect(listed.map((subscription) => subscription.paused)).toEqual([true, true]);
    expect(await subscriptions.setPaused(dm('u1'), false)).toBe(2);
    expect(ids(await subscriptions.listActiveSubscriptions())).toEqual([a.id, b.id, c.id]);
    expect(await subscriptions.setPaused(dm('nobody'), true)).toBe(0);
  });

  it('counts only the subscriptions whose state changed', async () => {
    await subscriptions.addSubscription(newSubscription(dm('u1')));
    expect(await subscriptions.setPaused(dm('u1'), true)).toBe(1);
    await subscriptions.addSubscription(newSubscription(dm('u1')));
    expect(await subscriptions.setPaused(dm('u1'), true)).toBe(1);
    expect(await subscriptions.setPaused(dm('u1'), true)).toBe(0);
    expect(await subscriptions.setPaused(dm('u1'), false)).toBe(2);
  });
});

describe('digests', () => {
  const daily = { target: channel('c1'), cron: '0 9 * * *', timezone: 'Europe/Berlin', lastSentAt: null };

  it('creates, reads, replaces and removes the schedule of a target', async () => {
    expect(await subscriptions.getDigest(channel('c1'))).toBeUndefined();
    await subscriptions.setDigest(daily);
    expect(await subscriptions.getDigest(channel('c1'))).toEqual(daily);
    const weekly = {
      ...daily,
      cron: '0 9 * * 1',
      timezone: 'America/New_York',
      lastSentAt: '2025-01-06T14:00:00.000Z',
    };
    await subscriptions.setDigest(weekly);
    expect(await subscriptions.listDigests()).toEqual([weekly]);
    expect(await subscriptions.removeDigest(channel('c1'))).toBe(true);
    expect(await subscriptions.removeDigest(channel('c1'))).toBe(false);
    expect(await subscriptions.listDigests()).toEqual([]);
  });

  it('keeps one schedule per target, DM targets included, and marks one sent', async () => {
    const dmDigest = { ...daily, target: dm('u1'), timezone: 'Asia/Tokyo' };
    const otherChannel = { ...daily, target: channel('c2') };
    await subscriptions.setDigest(otherChannel);
    await subscriptions.setDigest(dmDigest);
    await subscriptions.setDigest(daily);
    await subscriptions.markDigestSent(dm('u1'), '2025-01-02T00:00:00.000Z');
    // In target-key order: `discord:guild-1:-:u1` sorts before the channels.
    expect(await subscriptions.listDigests()).toEqual([
      { ...dmDigest, lastSentAt: '2025-01-02T00:00:00.000Z' },
      daily,
      otherChannel,
    ]);
  });
});

describe('settings', () => {
  it('sets, replaces and deletes (null) a value per workspace', async () => {
    expect(await subscriptions.getSetting(GUILD, 'alerts-channel')).toBeUndefined();
    await subscriptions.setSetting(GUILD, 'alerts-channel', 'c1');
    await subscriptions.setSetting(OTHER_GUILD, 'alerts-channel', 'c9');
    await subscriptions.setSetting(GUILD, 'alerts-channel', 'c2');
    expect(await subscriptions.getSetting(GUILD, 'alerts-channel')).toBe('c2');
    expect(await subscriptions.getSetting(OTHER_GUILD, 'alerts-channel')).toBe('c9');
    expect(await subscriptions.getSetting(GUILD, 'other-key')).toBeUndefined();
    await subscriptions.setSetting(GUILD, 'alerts-channel', null);
    expect(await subscriptions.getSetting(GUILD, 'alerts-channel')).toBeUndefined();
    expect(await subscriptions.getSetting(OTHER_GUILD, 'alerts-channel')).toBe('c9');
    await subscriptions.setSetting(GUILD, 'alerts-channel', null); // deleting what is not there is fine
  });

  it('lists every workspace that has a key set', async () => {
    const slack = { platform: 'slack', workspaceId: 'T1' } as const;
    await subscriptions.setSetting(OTHER_GUILD, 'alerts-channel', 'c9');
    await subscriptions.setSetting(slack, 'alerts-channel', 'C01');
    await subscriptions.setSetting(GUILD, 'alerts-channel', 'c1');
    await subscriptions.setSetting(GUILD, 'other-key', 'x');
    expect(await subscriptions.listSettings('alerts-channel')).toEqual([
      { workspace: GUILD, value: 'c1' },
      { workspace: OTHER_GUILD, value: 'c9' },
      { workspace: slack, value: 'C01' },
    ]);
    expect(await subscriptions.listSettings('missing')).toEqual([]);
  });
});
