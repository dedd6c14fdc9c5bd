import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewsPublished, SourceFailed, TermsChanged } from '../../domain/events.ts';
import { silentLogger } from '../../domain/logger.ts';
import type { SubscriptionFilters, Target } from '../../domain/subscription.ts';
import { createSqliteAlertStore, type SqlAlertStore } from '../../store/sql-alert-store.ts';
import { createSqliteStore, type SqliteStore } from '../../store/sqlite-store.ts';
import { createAlertRouter } from './alert-router.ts';
import { runDigest } from './digest-runner.ts';

const AT = '2026-01-10T08:00:00.000Z';
const base = { vendor: 'anthropic', title: 'Commercial Terms', url: 'https://anthropic.example/terms', at: AT };

const change: TermsChanged = {
  type: 'terms-change',
  source: 'anthropic/commercial-terms',
  ...base,
  fromVersion: 'a'.repeat(64),
  toVersion: 'b'.repeat(64),
  diff: {
    summary: 'Anthropic Commercial Terms: 1 high, 1 low',
    effectiveDate: null,
    changes: [
      {
        kind: 'added',
        section: 'Use',
        label: 'D.4',
        before: null,
        after: 'Customer may not build competing models.',
        significance: 'high',
        topics: ['competitor-use'],
        summary: 'Added: may not build competing models',
      },
      {
        kind: 'modified',
        section: 'Fees',
        label: '5.1',
        before: 'Fees are due in 30 days.',
        after: 'Fees are due in 15 days.',
        significance: 'low',
        topics: ['pricing'],
        summary: 'Payment term shortened',
      },
    ],
  },
};

const news: NewsPublished = {
  type: 'news',
  source: 'heise/news',
  ...base,
  vendor: 'heise',
  items: [
    {
      source: 'heise/news',
      key: 'n1',
      title: 'Anthropic sperrt xAI aus',
      url: 'https://heise.example/n1',
      published: AT,
      summary: 'Zugang gesperrt.',
      vendors: ['anthropic', 'xai'],
      topics: ['access'],
      language: 'de',
      alsoReportedBy: [],
    },
    {
      source: 'heise/news',
      key: 'n2',
      title: 'Neues Smartphone',
      url: 'https://heise.example/n2',
      published: AT,
      summary: 'Kein KI-Thema.',
      vendors: [],
      topics: [],
      language: 'de',
      alsoReportedBy: [],
    },
  ],
};

const channel: Target = { platform: 'console', workspaceId: 'w1', channelId: 'c1', userId: null };
const dm: Target = { platform: 'console', workspaceId: 'w1', channelId: null, userId: 'u1' };
const filters = (overrides: Partial<SubscriptionFilters> = {}): SubscriptionFilters => ({
  vendors: [],
  topics: [],
  keywords: [],
  sources: [],
  minSignificance: 'low',
  kind: 'both',
  ...overrides,
});

let store: SqliteStore;
let alerts: SqlAlertStore;
let route: (event: TermsChanged | NewsPublished | SourceFailed) => Promise<void>;

beforeEach(async () => {
  store = await createSqliteStore({ dataDir: await mkdtemp(path.join(tmpdir(), 'clausewatch-router-')) });
  alerts = createSqliteAlertStore(store);
  route = createAlertRouter({
    subscriptions: alerts,
    outbox: alerts,
    clock: { now: () => new Date(AT) },
    logger: silentLogger,
  });
});

afterEach(async () => {
  await store.close();
});

const subscribe = (target: Target, f: SubscriptionFilters, mention: string | null = null) =>
  alerts.addSubscription({ target, filters: f, mention, createdBy: 'u1', createdAt: AT });

describe('alert router', () => {
  it('writes one delivery per matching target, with only the changes that pass its filters', async () => {
    await subscribe(channel, filters({ vendors: ['anthropic'], minSignificance: 'high' }), '<@&42>');
    await subscribe(channel, filters({ topics: ['pricing'] }));
    await subscribe(dm, filters({ vendors: ['openai'] }));
    await route(change);
    const deliveries = await alerts.listDeliveries({ limit: 10 });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]?.target).toEqual(channel);
    expect(deliveries[0]?.message.clauseChanges.map((c) => c.label)).toEqual(['D.4']);
    expect(deliveries[0]?.message.mention).toBe('<@&42>');
  });

  it('routes an event once: a second routing of the same event writes nothing new', async () => {
    await subscribe(dm, filters({ kind: 'news', vendors: ['xai'] }));
    await route(news);
    await route(news);
    const deliveries = await alerts.listDeliveries({ limit: 10 });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]?.message.items.map((item) => item.title)).toEqual(['Anthropic sperrt xAI aus']);
  });

  it('keeps matches of a target with a digest for the digest, and the digest gathers them once', async () => {
    await subscribe(channel, filters({ vendors: ['anthropic'] }));
    await alerts.setDigest({
      target: channel,
      cron: '0 8 * * *',
      timezone: 'Europe/Berlin',
      lastSentAt: '2026-01-09T00:00:00.000Z',
    });
    await route(change);
    await route(news);
    expect(await alerts.listDeliveries({ limit: 10 })).toEqual([]);
    await store.recordPoll({
      sourceId: change.source,
      at: AT,
      result: { ok: true, etag: null, lastModified: null, changed: true, currentVersionId: null },
      events: [change, news],
    });
    const later = { now: () => new Date('2026-01-10T09:00:00.000Z') };
    const deps = { subscriptions: alerts, events: alerts, outbox: alerts, clock: later, logger: silentLogger };
    const schedule = await alerts.getDigest(channel);
    if (schedule === undefined) throw new Error('digest missing');
    expect(await runDigest(schedule, deps)).toBe(true);
    const [digest] = await alerts.listDeliveries({ limit: 10 });
    expect(digest?.message.kind).toBe('digest');
    const again = await alerts.getDigest(channel);
    if (again === undefined) throw new Error('digest missing');
    expect(await runDigest(again, deps)).toBe(false);
    expect(await alerts.listDeliveries({ limit: 10 })).toHaveLength(1);
  });

  it('reports a source that starts failing on each workspace’s alerts channel', async () => {
    await alerts.setSetting({ platform: 'console', workspaceId: 'w1' }, 'alerts-channel', 'ops');
    const failure: SourceFailed = {
      type: 'source-error',
      source: 'openai/terms-of-use',
      ...base,
      code: 'http_status',
      message: 'HTTP 403',
      consecutiveFailures: 3,
      failing: true,
    };
    await route({ ...failure, consecutiveFailures: 1, failing: false });
    await route(failure);
    const deliveries = await alerts.listDeliveries({ limit: 10 });
    expect(deliveries.map((d) => [d.target.channelId, d.message.kind])).toEqual([['ops', 'source-error']]);
  });
});
