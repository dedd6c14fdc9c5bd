import type { Kysely } from 'kysely';
import { digestRow, subscriptionRow, toDigestSchedule, toSubscription, toWorkspace } from './alert-rows.ts';
import { targetKey } from './alert-store.ts';
import type { SubscriptionQuery, SubscriptionStore } from './alert-store.ts';
import type { Database } from './schema.ts';

/*
 * Subscriptions, digest schedules and settings over any Kysely database the migrations built: portable SQL
 * only, like `sql-store.ts`. Lists come back in a stable order (subscriptions by id, digests by target key) so
 * chat replies and tests do not depend on the database's row order. Storage errors are not caught.
 */

/** The `SubscriptionStore` over `db`. */
export function createSqlSubscriptionStore(db: Kysely<Database>): SubscriptionStore {
  return {
    async addSubscription(subscription) {
      const row = await db
        .insertInto('subscriptions')
        .values(subscriptionRow(subscription))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toSubscription(row);
    },

    async removeSubscription(id, workspace) {
      // Scoped to the workspace: an id typed in one guild never removes another guild's subscription.
      const result = await db
        .deleteFrom('subscriptions')
        .where('id', '=', id)
        .where('platform', '=', workspace.platform)
        .where('workspace_id', '=', workspace.workspaceId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async removeSubscriptionsFor(target) {
      const result = await db
        .deleteFrom('subscriptions')
        .where('target_key', '=', targetKey(target))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    listSubscriptions: (query) => listSubscriptions(db, query),

    async listActiveSubscriptions() {
      const rows = await db.selectFrom('subscriptions').selectAll().where('paused', '=', 0).orderBy('id').execute();
      return rows.map(toSubscription);
    },

    async setPaused(target, paused) {
      const result = await db
        .updateTable('subscriptions')
        .set({ paused: paused ? 1 : 0 })
        .where('target_key', '=', targetKey(target))
        .where('paused', '=', paused ? 0 : 1)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    ...createDigestMethods(db),
    ...createSettingMethods(db),
  };
}

/**
 * A workspace's subscriptions; with `channelId`, only that channel's; with `userId`, only that user's DM
 * subscriptions; with both, the two together (a `subscriptions` command run in a channel shows the channel's and
 * the caller's own).
 */
async function listSubscriptions(db: Kysely<Database>, query: SubscriptionQuery) {
  const { channelId, userId } = query;
  const rows = await db
    .selectFrom('subscriptions')
    .selectAll()
    .where('platform', '=', query.platform)
    .where('workspace_id', '=', query.workspaceId)
    .where((eb) => {
      const places = [];
      if (channelId !== undefined) places.push(eb('channel_id', '=', channelId));
      if (userId !== undefined) places.push(eb.and([eb('user_id', '=', userId), eb('channel_id', 'is', null)]));
      return places.length === 0 ? eb.lit(true) : eb.or(places);
    })
    .orderBy('id')
    .execute();
  return rows.map(toSubscription);
}

type DigestMethods = Pick<
  SubscriptionStore,
  'setDigest' | 'removeDigest' | 'getDigest' | 'listDigests' | 'markDigestSent'
>;

function createDigestMethods(db: Kysely<Database>): DigestMethods {
  return {
    async setDigest(schedule) {
      const row = digestRow(schedule);
      await db
        .insertInto('digests')
        .values(row)
        .onConflict((conflict) =>
          conflict.column('target_key').doUpdateSet({
            cron: row.cron,
            timezone: row.timezone,
            last_sent_at: row.last_sent_at ?? null,
          }),
        )
        .execute();
    },

    async removeDigest(target) {
      const result = await db.deleteFrom('digests').where('target_key', '=', targetKey(target)).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async getDigest(target) {
      const row = await db
        .selectFrom('digests')
        .selectAll()
        .where('target_key', '=', targetKey(target))
        .executeTakeFirst();
      return row === undefined ? undefined : toDigestSchedule(row);
    },

    async listDigests() {
      const rows = await db.selectFrom('digests').selectAll().orderBy('target_key').execute();
      return rows.map(toDigestSchedule);
    },

    async markDigestSent(target, at) {
      await db.updateTable('digests').set({ last_sent_at: at }).where('target_key', '=', targetKey(target)).execute();
    },
  };
}

type SettingMethods = Pick<SubscriptionStore, 'getSetting' | 'setSetting' | 'listSettings'>;

function createSettingMethods(db: Kysely<Database>): SettingMethods {
  return {
    async getSetting(workspace, key) {
      const row = await db
        .selectFrom('settings')
        .select('value')
        .where('platform', '=', workspace.platform)
        .where('workspace_id', '=', workspace.workspaceId)
        .where('key', '=', key)
        .executeTakeFirst();
      return row?.value;
    },

    async setSetting(workspace, key, value) {
      const place = { platform: workspace.platform, workspace_id: workspace.workspaceId, key };
      if (value === null) {
        await db
          .deleteFrom('settings')
          .where('platform', '=', place.platform)
          .where('workspace_id', '=', place.workspace_id)
          .where('key', '=', key)
          .execute();
        return;
      }
      await db
        .insertInto('settings')
        .values({ ...place, value })
        .onConflict((conflict) => conflict.columns(['platform', 'workspace_id', 'key']).doUpdateSet({ value }))
        .execute();
    },

    async listSettings(key) {
      const rows = await db
        .selectFrom('settings')
        .selectAll()
        .where('key', '=', key)
        .orderBy('platform')
        .orderBy('workspace_id')
        .execute();
      return rows.map((row) => ({ workspace: toWorkspace(row), value: row.value }));
    },
  };
}
