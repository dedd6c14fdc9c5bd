import type { Clock } from '../../domain/clock.ts';
import type { Logger } from '../../domain/logger.ts';
import type { DigestSchedule } from '../../domain/subscription.ts';
import { targetKey, type EventLog, type OutboxStore, type SubscriptionStore } from '../../store/alert-store.ts';
import { digestMessage, type DigestEntry } from '../digest-message.ts';
import { matchesSubscription, matchNewsItems, relevantChanges } from '../match.ts';

/** Events a digest reads at most: a digest is a summary, not an archive. */
const MAX_DIGEST_EVENTS = 2000;

export interface DigestRunnerDeps {
  readonly subscriptions: SubscriptionStore;
  readonly events: EventLog;
  readonly outbox: OutboxStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly onEnqueued?: (() => void) | undefined;
}

/**
 * Sends one target's digest: everything that matched its subscriptions since the last digest, as one message.
 * An empty digest is not sent. Returns whether a digest was written to the outbox.
 */
export async function runDigest(schedule: DigestSchedule, deps: DigestRunnerDeps): Promise<boolean> {
  const until = deps.clock.now().toISOString();
  const subscriptions = (await deps.subscriptions.listActiveSubscriptions()).filter(
    (subscription) => targetKey(subscription.target) === targetKey(schedule.target),
  );
  const records = await deps.events.listEventsBetween(schedule.lastSentAt, until, MAX_DIGEST_EVENTS);
  const entries: DigestEntry[] = [];
  for (const { event } of records) {
    const subscription = subscriptions.find((candidate) => matchesSubscription(event, candidate));
    if (subscription === undefined) continue;
    if (event.type === 'terms-change')
      entries.push({ type: 'terms-change', event, changes: relevantChanges(event, subscription) });
    if (event.type === 'news')
      for (const item of matchNewsItems(event, subscription)) entries.push({ type: 'news', item });
  }
  const message = digestMessage(entries, { target: schedule.target, since: schedule.lastSentAt, until });
  await deps.subscriptions.markDigestSent(schedule.target, until);
  if (message === null) {
    deps.logger.debug({ target: targetKey(schedule.target) }, 'digest empty: nothing sent');
    return false;
  }
  await deps.outbox.enqueue([
    {
      idempotencyKey: `digest|${targetKey(schedule.target)}|${until}`,
      target: schedule.target,
      message,
      createdAt: until,
    },
  ]);
  deps.onEnqueued?.();
  return true;
}
