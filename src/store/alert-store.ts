import type { AlertMessage } from '../alerts/message.ts';
import type { SourceDeclaration } from '../domain/source.ts';
import type { DigestSchedule, Platform, Subscription, SubscriptionFilters, Target } from '../domain/subscription.ts';
import type { EventRecord } from './store.ts';

/** A subscription as a command creates it; the store assigns `id`. */
export interface NewSubscription {
  readonly target: Target;
  readonly filters: SubscriptionFilters;
  readonly mention: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** A workspace (Discord guild, Slack team, the console) on one platform. */
export interface Workspace {
  readonly platform: Platform;
  readonly workspaceId: string;
}

/** Who sees what: a channel's subscriptions, or a user's DM subscriptions, within a workspace. */
export interface SubscriptionQuery extends Workspace {
  /** Only this channel's subscriptions. */
  readonly channelId?: string | undefined;
  /** Only this user's DM subscriptions. */
  readonly userId?: string | undefined;
}

/** Subscriptions, digest schedules and per-workspace settings. */
export interface SubscriptionStore {
  addSubscription(subscription: NewSubscription): Promise<Subscription>;
  /** Removes one subscription of the workspace; false when it is not there (or belongs to another workspace). */
  removeSubscription(id: number, workspace: Workspace): Promise<boolean>;
  /** Removes every subscription delivering to `target`; returns how many. */
  removeSubscriptionsFor(target: Target): Promise<number>;
  listSubscriptions(query: SubscriptionQuery): Promise<Subscription[]>;
  /** Every subscription not paused, for matching events. */
  listActiveSubscriptions(): Promise<Subscription[]>;
  /** Pauses or resumes every subscription delivering to `target` (e.g. a user whose DMs are closed); returns how many changed. */
  setPaused(target: Target, paused: boolean): Promise<number>;

  /** Creates or replaces the digest schedule of a target. */
  setDigest(schedule: DigestSchedule): Promise<void>;
  removeDigest(target: Target): Promise<boolean>;
  getDigest(target: Target): Promise<DigestSchedule | undefined>;
  listDigests(): Promise<DigestSchedule[]>;
  markDigestSent(target: Target, at: string): Promise<void>;

  getSetting(workspace: Workspace, key: string): Promise<string | undefined>;
  setSetting(workspace: Workspace, key: string, value: string | null): Promise<void>;
  /** Every workspace that has `key` set, with its value. */
  listSettings(key: string): Promise<{ readonly workspace: Workspace; readonly value: string }[]>;
}

/** Delivery states. `disabled`: the target failed permanently and is not tried again. */
export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'disabled';

/** A message to deliver, written before it is sent. */
export interface NewDelivery {
  /** One per (event, target): writing the same key twice keeps the first. */
  readonly idempotencyKey: string;
  readonly target: Target;
  readonly message: AlertMessage;
  readonly createdAt: string;
}

export interface Delivery extends NewDelivery {
  readonly id: number;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly platformMessageId: string | null;
  readonly lastError: string | null;
  readonly sentAt: string | null;
}

/** The outbox: deliveries survive crashes; per target they go out in the order written. */
export interface OutboxStore {
  /** Writes deliveries; a key already present is skipped. Returns how many were new. */
  enqueue(deliveries: readonly NewDelivery[]): Promise<number>;
  /**
   * Pending deliveries due at `now`, at most `limit`: only the oldest pending delivery of each target (so a
   * target's messages go out in order), oldest first.
   */
  nextDue(now: string, limit: number): Promise<Delivery[]>;
  /** Records a send attempt about to happen (attempts + 1) before the platform is called. */
  markAttempt(id: number): Promise<void>;
  markSent(id: number, platformMessageId: string | null, at: string): Promise<void>;
  /** Schedules another try. */
  markRetry(id: number, nextAttemptAt: string, error: string): Promise<void>;
  /** Gives up on one delivery. */
  markFailed(id: number, error: string): Promise<void>;
  /** Disables every pending delivery to `target` (channel gone, DMs closed); returns how many. */
  disableTarget(target: Target, error: string): Promise<number>;
  getDelivery(id: number): Promise<Delivery | undefined>;
  listDeliveries(query: { readonly status?: DeliveryStatus; readonly limit: number }): Promise<Delivery[]>;
}

/** Events in a time window, for digests and `latest`. */
export interface EventLog {
  /** `terms-change` and `news` events whose `at` is after `since` (exclusive) and at or before `until`, oldest first. */
  listEventsBetween(since: string | null, until: string, limit: number): Promise<EventRecord[]>;
}

/** What `RetentionStore.prune` deletes: rows older than these instants (ISO-8601 UTC, exclusive). */
export interface PruneCutoffs {
  /** Sent, failed and disabled deliveries created before this go; a pending delivery stays whatever its age. */
  readonly deliveriesBefore: string;
  /** Events whose `at` (detection time) is before this go. */
  readonly eventsBefore: string;
  /** News items first seen before this go, except those `keepNewsPerSource` protects. */
  readonly newsBefore: string;
  /**
   * The newest items (by first seen) of each news source are kept whatever their age: a feed that still lists
   * an item would otherwise find it unknown on its next poll and announce it again. Use the most items a feed
   * is read for (`news.maxItemsPerFeed`).
   */
  readonly keepNewsPerSource: number;
}

/** How many rows one prune deleted, per table. */
export interface PruneCounts {
  readonly deliveries: number;
  readonly events: number;
  readonly news: number;
}

/**
 * Data retention: deletes the rows the bot no longer needs (finished deliveries, old events, old news), all in
 * one transaction. Terms snapshots, versions and their history are never touched.
 */
export interface RetentionStore {
  /**
   * Deletes what is older than the cutoffs and returns how many rows went. A news item another kept item was
   * filed as a copy of (`duplicate_of_…`) is kept with it, so no kept row points at a deleted one.
   */
  prune(cutoffs: PruneCutoffs): Promise<PruneCounts>;
}

/** Sources admins add from chat (`watch`), watched besides the configured ones. */
export interface WatchedSourceStore {
  /** Saves a source by its `declaration.id`; false (nothing changed) when a source with that id is already saved. */
  addWatchedSource(declaration: SourceDeclaration, addedBy: string, workspace: Workspace, at: string): Promise<boolean>;
  /** False when no source with that id was saved. */
  removeWatchedSource(id: string): Promise<boolean>;
  /** Every saved source, in the order they were added. */
  listWatchedSources(): Promise<SourceDeclaration[]>;
}

/** Identity of a target as one string, for keys and logs: `platform:workspace:channel:user`. */
export function targetKey(target: Target): string {
  return [target.platform, target.workspaceId, target.channelId ?? '-', target.userId ?? '-'].join(':');
}
