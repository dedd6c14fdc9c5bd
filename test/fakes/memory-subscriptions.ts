// In-memory SubscriptionStore and EventLog for command and alerting tests: the port's documented behaviour, no SQL.
import type { TrackerEvent } from '../../src/domain/events.ts';
import type { DigestSchedule, Subscription, Target } from '../../src/domain/subscription.ts';
import {
  targetKey,
  type EventLog,
  type NewSubscription,
  type SubscriptionQuery,
  type SubscriptionStore,
  type Workspace,
} from '../../src/store/alert-store.ts';
import type { EventRecord } from '../../src/store/store.ts';

export interface MemorySubscriptions extends SubscriptionStore, EventLog {
  /** Every stored subscription, in the order added (a copy). */
  allSubscriptions(): Subscription[];
  /** Every stored setting as `platform:workspace:key` → value (a copy). */
  allSettings(): Map<string, string>;
  /** Appends an event to the log; returns it with its id. */
  addEvent(event: TrackerEvent): EventRecord;
}

/** A fresh, empty store. Ids count from 1 like SQLite's. */
export function createMemorySubscriptions(): MemorySubscriptions {
  const subscriptions: Subscription[] = [];
  const digests = new Map<string, DigestSchedule>();
  const settings = new Map<string, string>();
  const events: EventRecord[] = [];
  let nextId = 1;

  const inWorkspace = (target: Target, workspace: Workspace) =>
    target.platform === workspace.platform && target.workspaceId === workspace.workspaceId;
  const settingKey = (workspace: Workspace, key: string) => `${workspace.platform}:${workspace.workspaceId}:${key}`;
  const removeWhere = (predicate: (subscription: Subscription) => boolean): number => {
    let removed = 0;
    for (let i = subscriptions.length - 1; i >= 0; i--) {
      const subscription = subscriptions[i];
      if (subscription !== undefined && predicate(subscription)) {
        subscriptions.splice(i, 1);
        removed++;
      }
    }
    return removed;
  };

  return {
    addSubscription(subscription: NewSubscription) {
      const stored: Subscription = { ...subscription, id: nextId++, paused: false };
      subscriptions.push(stored);
      return Promise.resolve(stored);
    },
    removeSubscription(id, workspace) {
      return Promise.resolve(removeWhere((s) => s.id === id && inWorkspace(s.target, workspace)) > 0);
    },
    removeSubscriptionsFor(target) {
      return Promise.resolve(removeWhere((s) => targetKey(s.target) === targetKey(target)));
    },
    listSubscriptions(query: SubscriptionQuery) {
      return Promise.resolve(subscriptions.filter((s) => matchesQuery(s.target, query)));
    },
    listActiveSubscriptions() {
      return Promise.resolve(subscriptions.filter((s) => !s.paused));
    },
    setPaused(target, paused) {
      let changed = 0;
      subscriptions.forEach((s, index) => {
        if (targetKey(s.target) !== targetKey(target) || s.paused === paused) return;
        subscriptions[index] = { ...s, paused };
        changed++;
      });
      return Promise.resolve(changed);
    },
    setDigest(schedule) {
      digests.set(targetKey(schedule.target), schedule);
      return Promise.resolve();
    },
    removeDigest(target) {
      return Promise.resolve(digests.delete(targetKey(target)));
    },
    getDigest(target) {
      return Promise.resolve(digests.get(targetKey(target)));
    },
    listDigests() {
      return Promise.resolve([...digests.values()]);
    },
    markDigestSent(target, at) {
      const schedule = digests.get(targetKey(target));
      if (schedule !== undefined) digests.set(targetKey(target), { ...schedule, lastSentAt: at });
      return Promise.resolve();
    },
    getSetting(workspace, key) {
      return Promise.resolve(settings.get(settingKey(workspace, key)));
    },
    setSetting(workspace, key, value) {
      if (value === null) settings.delete(settingKey(workspace, key));
      else settings.set(settingKey(workspace, key), value);
      return Promise.resolve();
    },
    listEventsBetween(since, until, limit) {
      const after = since === null ? Number.NEGATIVE_INFINITY : Date.parse(since);
      const end = Date.parse(until);
      const found = events
        .filter(({ event }) => event.type === 'terms-change' || event.type === 'news')
        .filter(({ event }) => Date.parse(event.at) > after && Date.parse(event.at) <= end)
        .sort((a, b) => Date.parse(a.event.at) - Date.parse(b.event.at) || a.id - b.id);
      return Promise.resolve(found.slice(0, limit));
    },
    listSettings(key) {
      const found: { workspace: Workspace; value: string }[] = [];
      for (const [stored, value] of settings) {
        const [platform, workspaceId, ...rest] = stored.split(':');
        if (rest.join(':') !== key || workspaceId === undefined) continue;
        found.push({ workspace: { platform: platform as Workspace['platform'], workspaceId }, value });
      }
      return Promise.resolve(found);
    },
    allSubscriptions: () => [...subscriptions],
    allSettings: () => new Map(settings),
    addEvent(event) {
      const record = { id: events.length + 1, event };
      events.push(record);
      return record;
    },
  };
}

function matchesQuery(target: Target, query: SubscriptionQuery): boolean {
  if (target.platform !== query.platform || target.workspaceId !== query.workspaceId) return false;
  if (query.channelId !== undefined && target.channelId !== query.channelId) return false;
  if (query.userId !== undefined && (target.channelId !== null || target.userId !== query.userId)) return false;
  return true;
}
