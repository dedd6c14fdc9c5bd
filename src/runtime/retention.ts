import cron from 'node-cron';
import type { RetentionConfig } from '../config/schema.ts';
import { systemClock } from '../domain/clock.ts';
import type { Clock } from '../domain/clock.ts';
import { describeError } from '../domain/errors.ts';
import type { Logger } from '../domain/logger.ts';
import type { PruneCounts, PruneCutoffs, RetentionStore } from '../store/alert-store.ts';

const DAY_MS = 86_400_000;

/** What a prune needs to know; the bot's `Runtime` is one. */
export interface RetentionRuntime {
  /** The store to prune (the runtime's `alerts`, which shares the tracker's connection). */
  readonly alerts: RetentionStore;
  readonly config: {
    readonly retention: RetentionConfig;
    /** `maxItemsPerFeed`: the newest items of each feed that are kept whatever their age. */
    readonly news: { readonly maxItemsPerFeed: number };
  };
  readonly logger: Logger;
}

/** Options of {@link startRetention}. */
export interface RetentionOptions {
  /**
   * Delay of the first prune after start, so a bot restarted after a long stop catches up without waiting for
   * the schedule, yet not while it is busy with its first polls.
   * @defaultValue 60000
   */
  readonly startDelayMs?: number | undefined;
  /** @defaultValue `systemClock` */
  readonly clock?: Clock | undefined;
}

/** The running retention schedule. */
export interface Retention {
  /** Stops the schedule and waits for a prune under way, so the store can be closed after it. */
  stop(): Promise<void>;
}

/** The cutoffs `retention` gives at `now`: each kind of row older than its number of days goes. */
export function retentionCutoffs(retention: RetentionConfig, now: Date, keepNewsPerSource: number): PruneCutoffs {
  const before = (days: number): string => new Date(now.getTime() - days * DAY_MS).toISOString();
  return {
    deliveriesBefore: before(retention.deliveriesDays),
    eventsBefore: before(retention.eventsDays),
    newsBefore: before(retention.newsDays),
    keepNewsPerSource,
  };
}

/**
 * Prunes once, now, and logs the counts at info. Storage errors are thrown: a CLI command calling this should
 * fail with them (the scheduled runs of {@link startRetention} log them instead).
 */
export async function pruneNow(runtime: RetentionRuntime, clock: Clock = systemClock): Promise<PruneCounts> {
  const { config, logger } = runtime;
  const started = clock.now();
  const cutoffs = retentionCutoffs(config.retention, started, config.news.maxItemsPerFeed);
  const counts = await runtime.alerts.prune(cutoffs);
  const durationMs = clock.now().getTime() - started.getTime();
  logger.info({ ...counts, durationMs, cutoffs }, 'retention: pruned old deliveries, events and news');
  return counts;
}

/**
 * Prunes on `retention.schedule` (node-cron, server time) and once `startDelayMs` after start. A run never
 * throws: its error is logged and the next run tries again. A run due while the previous one still works is
 * skipped rather than queued.
 */
export function startRetention(runtime: RetentionRuntime, options: RetentionOptions = {}): Retention {
  const clock = options.clock ?? systemClock;
  let running: Promise<void> | null = null;
  const run = (): void => {
    if (running !== null) {
      runtime.logger.warn({}, 'retention: previous prune still running, this run skipped');
      return;
    }
    running = pruneNow(runtime, clock)
      .then(() => undefined)
      .catch((error: unknown) => {
        runtime.logger.error({ err: describeError(error) }, 'retention: prune failed');
      })
      .finally(() => {
        running = null;
      });
  };
  const task = cron.schedule(runtime.config.retention.schedule, run, { name: 'retention' });
  const first = setTimeout(run, options.startDelayMs ?? 60_000);
  first.unref();
  return {
    async stop() {
      clearTimeout(first);
      await task.destroy();
      await running;
    },
  };
}
