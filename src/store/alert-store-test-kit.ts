// Builders for the alerting store's tests: targets, subscriptions, messages, deliveries, events. Tests only.
import type { AlertMessage } from '../alerts/message.ts';
import type { NewsPublished, TermsChanged, TrackerEvent } from '../domain/events.ts';
import type { SourceDeclaration } from '../domain/source.ts';
import type { SubscriptionFilters, Target } from '../domain/subscription.ts';
import type { NewDelivery, NewSubscription, Workspace } from './alert-store.ts';
import type { PollRecord } from './store.ts';

export const GUILD: Workspace = { platform: 'discord', workspaceId: 'guild-1' };
export const OTHER_GUILD: Workspace = { platform: 'discord', workspaceId: 'guild-2' };

export function channel(channelId: string, workspace: Workspace = GUILD): Target {
  return { ...workspace, channelId, userId: null };
}

export function dm(userId: string, workspace: Workspace = GUILD): Target {
  return { ...workspace, channelId: null, userId };
}

export const ANY: SubscriptionFilters = {
  vendors: [],
  topics: [],
  keywords: [],
  sources: [],
  minSignificance: 'low',
  kind: 'both',
};

export function newSubscription(target: Target, fields: Partial<NewSubscription> = {}): NewSubscription {
  return {
    target,
    filters: ANY,
    mention: null,
    createdBy: 'user-admin',
    createdAt: '2025-01-01T00:00:00.000Z',
    ...fields,
  };
}

export function message(headline: string): AlertMessage {
  return {
    kind: 'news',
    headline,
    significance: null,
    vendor: 'acme',
    color: 0x336699,
    url: 'https://acme.test/news',
    fields: [{ name: 'Source', value: 'acme/news' }],
    clauseChanges: [],
    items: [],
    moreChanges: null,
    moreItems: null,
    links: [],
    buttons: [{ id: 'unsubscribe:1', label: 'Unsubscribe' }],
    mention: null,
    footer: null,
    timestamp: '2025-01-01T00:00:00.000Z',
  };
}

/** A delivery of a message headed `key` to `target`, idempotency key `key`. */
export function delivery(key: string, target: Target, createdAt = '2025-01-01T00:00:00.000Z'): NewDelivery {
  return { idempotencyKey: key, target, message: message(key), createdAt };
}

export function termsChange(at: string, source = 'acme/terms'): TermsChanged {
  return {
    type: 'terms-change',
    source,
    vendor: 'acme',
    title: 'Terms',
    url: 'https://acme.test/terms',
    at,
    fromVersion: 'a'.repeat(64),
    toVersion: 'b'.repeat(64),
    diff: { changes: [], effectiveDate: null, summary: `change at ${at}` },
  };
}

export function news(at: string, source = 'acme/news'): NewsPublished {
  return { type: 'news', source, vendor: 'acme', title: 'News', url: 'https://acme.test/feed', at, items: [] };
}

/** A successful poll of `events[0].source` that wrote nothing but `events`. */
export function eventsPoll(at: string, events: readonly TrackerEvent[]): PollRecord {
  return {
    sourceId: events[0]?.source ?? 'acme/terms',
    at,
    result: { ok: true, etag: null, lastModified: null, changed: false, currentVersionId: null },
    events,
  };
}

export function declaration(id: string): SourceDeclaration {
  return {
    id,
    kind: 'feed',
    vendor: 'acme',
    title: `Feed ${id}`,
    url: `https://acme.test/${id}.xml`,
    select: [],
    remove: [],
  };
}
