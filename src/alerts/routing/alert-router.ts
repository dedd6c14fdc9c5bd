import { createHash } from 'node:crypto';
import type { NewsPublished, SourceFailed, TermsChanged, TrackerEvent } from '../../domain/events.ts';
import type { Logger } from '../../domain/logger.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Subscription, Target } from '../../domain/subscription.ts';
import { targetKey, type NewDelivery, type OutboxStore, type SubscriptionStore } from '../../store/alert-store.ts';
import { matchesSubscription, matchNewsItems, relevantChanges } from '../match.ts';
import { newsMessage, sourceFailedMessage, termsChangeMessage } from '../message.ts';

/** The workspace setting naming the channel where admins hear about failing sources. */
export const ALERTS_CHANNEL_SETTING = 'alerts-channel';

export interface AlertRouterDeps {
  readonly subscriptions: SubscriptionStore;
  readonly outbox: OutboxStore;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Called after deliveries were written, so the worker can send them without waiting for its next tick. */
  readonly onEnqueued?: (() => void) | undefined;
}

/**
 * Turns tracker events into deliveries: each `terms-change` and `news` event is matched against the active
 * subscriptions and written to the outbox once per target (targets with a digest get it in their digest
 * instead); a source that starts failing is reported on every workspace's alerts channel.
 */
export function createAlertRouter(deps: AlertRouterDeps) {
  return async (event: TrackerEvent): Promise<void> => {
    const deliveries =
      event.type === 'terms-change' || event.type === 'news'
        ? await subscriberDeliveries(event, deps)
        : event.type === 'source-error'
          ? await failureDeliveries(event, deps)
          : [];
    if (deliveries.length === 0) return;
    const written = await deps.outbox.enqueue(deliveries);
    deps.logger.debug({ event: event.type, source: event.source, deliveries: written }, 'alerts written to the outbox');
    deps.onEnqueued?.();
  };
}

async function subscriberDeliveries(
  event: TermsChanged | NewsPublished,
  deps: AlertRouterDeps,
): Promise<NewDelivery[]> {
  const matching = (await deps.subscriptions.listActiveSubscriptions()).filter((s) => matchesSubscription(event, s));
  const byTarget = new Map<string, Subscription>();
  // One delivery per (event, target): the oldest matching subscription of a target speaks for it.
  for (const subscription of [...matching].sort((a, b) => a.id - b.id)) {
    const key = targetKey(subscription.target);
    if (!byTarget.has(key)) byTarget.set(key, subscription);
  }
  const createdAt = deps.clock.now().toISOString();
  const deliveries: NewDelivery[] = [];
  for (const [key, subscription] of byTarget) {
    if ((await deps.subscriptions.getDigest(subscription.target)) !== undefined) continue;
    deliveries.push({
      idempotencyKey: `${eventKey(event)}|${key}`,
      target: subscription.target,
      message: messageFor(event, subscription),
      createdAt,
    });
  }
  return deliveries;
}

function messageFor(event: TermsChanged | NewsPublished, subscription: Subscription) {
  if (event.type === 'terms-change') {
    return termsChangeMessage(event, {
      subscriptionId: subscription.id,
      mention: subscription.mention ?? undefined,
      changes: relevantChanges(event, subscription),
    });
  }
  return newsMessage(event, { subscriptionId: subscription.id, items: matchNewsItems(event, subscription) });
}

/** Failing sources are reported once, when they cross the threshold, to each workspace's alerts channel. */
async function failureDeliveries(event: SourceFailed, deps: AlertRouterDeps): Promise<NewDelivery[]> {
  if (!event.failing) return [];
  const channels = await deps.subscriptions.listSettings(ALERTS_CHANNEL_SETTING);
  const createdAt = deps.clock.now().toISOString();
  return channels.map(({ workspace, value }) => {
    const target: Target = { ...workspace, channelId: value, userId: null };
    return {
      idempotencyKey: `source-failing:${event.source}:${event.consecutiveFailures}|${targetKey(target)}`,
      target,
      message: sourceFailedMessage(event),
      createdAt,
    };
  });
}

/** A stable identity of an event: the same event routed twice yields the same keys. */
export function eventKey(event: TermsChanged | NewsPublished): string {
  if (event.type === 'terms-change') return `terms:${event.source}:${event.toVersion}`;
  const items = event.items.map((item) => `${item.source} ${item.key}`).join('\n');
  return `news:${event.source}:${createHash('sha256').update(items).digest('hex').slice(0, 16)}`;
}
