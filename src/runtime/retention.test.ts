import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import cron from 'node-cron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recentEntries } from '../../commands/recent-events.ts';
import { runDigest } from '../alerts/routing/digest-runner.ts';
import { loadConfig } from '../config/load-config.ts';
import { ConfigError } from '../domain/errors.ts';
import type { TermsChanged } from '../domain/events.ts';
import { silentLogger } from '../domain/logger.ts';
import type { Logger } from '../domain/logger.ts';
import {
  ANY,
  channel,
  delivery,
  eventsPoll,
  news,
  newSubscription,
  termsChange,
} from '../store/alert-store-test-kit.ts';
import type { PruneCounts, PruneCutoffs, RetentionStore } from '../store/alert-store.ts';
import { createSqliteAlertStore } from '../store/sql-alert-store.ts';
import { createTempStores, newsItem } from '../store/store-test-kit.ts';
import { pruneNow, retentionCutoffs, startRetention } from './retention.ts';
import type { RetentionRuntime } from './retention.ts';

/** A terms change carrying one clause change, so a digest has something to show. */
function clauseChange(at: string): TermsChanged {
  const change = {
    kind: 'added',
    section: 'Use',
    label: 'D.4',
    before: null,
    after: `Clause added at ${at}`,
    significance: 'high',
    topics: [],
    summary: `Added at ${at}`,
  } as const;
  const event = termsChange(at);
  return { ...event, diff: { ...event.diff, changes: [change] } };
}

const DEFAULTS = { deliveriesDays: 30, eventsDays: 365, newsDays: 180, schedule: '17 3 * * *' };
const COUNTS: PruneCounts = { deliveries: 1, events: 2, news: 3 };

interface Recorded {
  readonly runtime: RetentionRuntime;
  readonly calls: { at: string; cutoffs: PruneCutoffs }[];
  readonly logs: { level: string; fields: object; message: string | undefined }[];
}

/** A runtime whose store records prunes and answers with `answer` (default: COUNTS). */
function recordingRuntime(answer: (call: number) => Promise<PruneCounts> = () => Promise.resolve(COUNTS)): Recorded {
  const calls: Recorded['calls'] = [];
  const logs: Recorded['logs'] = [];
  const alerts: RetentionStore = {
    prune(cutoffs) {
      calls.push({ at: new Date().toISOString(), cutoffs });
      return answer(calls.length);
    },
  };
  const log =
    (level: string) =>
    (fields: object, message?: string): void => {
      logs.push({ level, fields, message });
    };
  const logger: Logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  return { runtime: { alerts, config: { retention: DEFAULTS, news: { maxItemsPerFeed: 500 } }, logger }, calls, logs };
}

describe('retentionCutoffs', () => {
  it('subtracts each kind of row its days from now', () => {
    expect(retentionCutoffs(DEFAULTS, new Date('2026-01-31T12:00:00.000Z'), 500)).toEqual({
      deliveriesBefore: '2026-01-01T12:00:00.000Z',
      eventsBefore: '2025-01-31T12:00:00.000Z',
      newsBefore: '2025-08-04T12:00:00.000Z',
      keepNewsPerSource: 500,
    });
  });
});

describe('startRetention', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(async () => {
    for (const task of cron.getTasks().values()) await task.destroy();
    vi.useRealTimers();
  });

  it('prunes shortly after start, then daily at 03:17, and logs the counts at info', async () => {
    vi.setSystemTime(new Date('2026-01-15T03:00:00Z'));
    const { runtime, calls, logs } = recordingRuntime();
    const retention = startRetention(runtime, { startDelayMs: 5_000 });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls.map((call) => call.at)).toEqual(['2026-01-15T03:00:05.000Z']);
    expect(calls[0]?.cutoffs).toEqual(retentionCutoffs(DEFAULTS, new Date('2026-01-15T03:00:05.000Z'), 500));
    await vi.advanceTimersByTimeAsync(25 * 3_600_000);
    expect(calls.map((call) => call.at)).toEqual([
      '2026-01-15T03:00:05.000Z',
      '2026-01-15T03:17:00.000Z',
      '2026-01-16T03:17:00.000Z',
    ]);
    expect(logs.filter((log) => log.level === 'info')).toHaveLength(3);
    expect(logs[0]).toMatchObject({ level: 'info', fields: COUNTS });
    await retention.stop();
  });

  it('logs a failed prune instead of throwing, and tries again at the next run', async () => {
    vi.setSystemTime(new Date('2026-01-15T03:16:00Z'));
    const { runtime, calls, logs } = recordingRuntime((call) =>
      call === 1 ? Promise.reject(new Error('disk I/O error')) : Promise.resolve(COUNTS),
    );
    const retention = startRetention(runtime, { startDelayMs: 1_000 });
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(calls).toHaveLength(2);
    expect(logs.map((log) => log.level)).toEqual(['error', 'info']);
    expect(JSON.stringify(logs[0]?.fields)).toContain('disk I/O error');
    await retention.stop();
  });

  it('skips a run due while the previous prune still works, and stop() waits for that prune', async () => {
    vi.setSystemTime(new Date('2026-01-15T03:16:00Z'));
    let finish = (): void => undefined;
    const { runtime, calls, logs } = recordingRuntime(
      () =>
        new Promise((resolve) => {
          finish = () => {
            resolve(COUNTS);
          };
        }),
    );
    const retention = startRetention(runtime, { startDelayMs: 1_000 });
    await vi.advanceTimersByTimeAsync(2 * 60_000); // start run, then 03:17 while it still works
    expect(calls).toHaveLength(1);
    expect(logs.map((log) => log.level)).toEqual(['warn']);
    let stopped = false;
    const stopping = retention.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    await vi.advanceTimersByTimeAsync(2 * 24 * 3_600_000);
    expect(calls).toHaveLength(1);
  });

  it('runs nothing after stop, not even the first prune', async () => {
    const { runtime, calls } = recordingRuntime();
    await startRetention(runtime, { startDelayMs: 1_000 }).stop();
    await vi.advanceTimersByTimeAsync(2 * 24 * 3_600_000);
    expect(calls).toEqual([]);
  });
});

describe('pruneNow on a real database', () => {
  it('leaves digests and `/latest` working on what remains', async () => {
    const stores = await createTempStores();
    try {
      const store = await stores.open();
      const alerts = createSqliteAlertStore(store);
      const OLD = '2025-01-10T00:00:00.000Z';
      const RECENT = '2026-01-10T00:00:00.000Z';
      await store.recordPoll(eventsPoll(OLD, [clauseChange(OLD), news(OLD)]));
      await store.recordPoll(eventsPoll(RECENT, [clauseChange(RECENT)]));
      await store.recordPoll({ ...eventsPoll(OLD, []), sourceId: 'acme/news', newsItems: [newsItem('old', OLD, OLD)] });
      await alerts.enqueue([delivery('old', channel('c1'), OLD)]);
      const target = channel('digest');
      await alerts.addSubscription(newSubscription(target, { filters: ANY }));

      const now = { now: () => new Date('2026-01-31T00:00:00.000Z') };
      const runtime = { alerts, config: { retention: DEFAULTS, news: { maxItemsPerFeed: 0 } }, logger: silentLogger };
      // The pending delivery stays; the year-old events and the old news item go.
      expect(await pruneNow(runtime, now)).toEqual({ deliveries: 0, events: 2, news: 1 });
      expect(await store.listNewsItems(10)).toEqual([]);

      const latest = await recentEntries(alerts, now.now(), 10, (record) => [record.event.at]);
      expect(latest).toEqual([RECENT]);
      const digest = { target, cron: '0 8 * * *', timezone: 'UTC', lastSentAt: null };
      const deps = { subscriptions: alerts, events: alerts, outbox: alerts, clock: now, logger: silentLogger };
      expect(await runDigest(digest, deps)).toBe(true);
      const sent = (await alerts.listDeliveries({ limit: 10 })).find((row) => row.idempotencyKey.startsWith('digest'));
      expect(JSON.stringify(sent?.message)).toContain(`Added at ${RECENT}`);
      expect(JSON.stringify(sent?.message)).not.toContain(`Added at ${OLD}`);
    } finally {
      await stores.cleanup();
    }
  });
});

describe('retention config', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'clausewatch-retention-'));
  });

  afterEach(() => rm(dir, { recursive: true, force: true }));

  const load = async (yaml: string) => {
    await writeFile(path.join(dir, 'clausewatch.yaml'), yaml);
    return loadConfig({ env: {}, cwd: dir });
  };

  it('defaults to 30 / 365 / 180 days at 03:17, and passes a file section through', async () => {
    expect((await load('catalog: false\n')).retention).toEqual(DEFAULTS);
    const config = await load('retention:\n  deliveriesDays: 7\n  schedule: "0 4 * * 0"\n');
    expect(config.retention).toEqual({ ...DEFAULTS, deliveriesDays: 7, schedule: '0 4 * * 0' });
  });

  it('refuses news retention no longer than the dedupe window, naming both keys', async () => {
    const refused = load('news:\n  dedupeWindowHours: 72\nretention:\n  newsDays: 3\n');
    await expect(refused).rejects.toThrow(ConfigError);
    await expect(refused).rejects.toThrow(/retention\.newsDays: got 3 — .*news\.dedupeWindowHours \(72 h\)/);
    expect((await load('news:\n  dedupeWindowHours: 71\nretention:\n  newsDays: 3\n')).retention.newsDays).toBe(3);
  });

  it.each([
    ['deliveriesDays: 0', 'retention.deliveriesDays: got 0'],
    ['eventsDays: 1.5', 'retention.eventsDays: got 1.5'],
    ['schedule: "every day"', 'retention.schedule: got "every day"'],
    ['keepForever: true', 'retention'],
  ])('refuses %s', async (line, message) => {
    await expect(load(`retention:\n  ${line}\n`)).rejects.toThrow(message);
  });
});
