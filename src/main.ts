import { systemClock } from './domain/clock.ts';
import type { Logger } from './domain/logger.ts';
import type { Config } from './config/load-config.ts';
import { createConsoleNotifier } from './bots/console/console-notifier.ts';
import { createCronScheduler } from './scheduler/cron-scheduler.ts';
import { createHttpFetcher } from './sources/http/http-fetcher.ts';
import type { Fetcher } from './sources/fetcher.ts';
import { createSqliteStore } from './store/sqlite-store.ts';
import type { Store } from './store/store.ts';
import { createEventBus, type EventBus } from './tracker/event-bus.ts';
import { rederiveVersions } from './tracker/rederive.ts';
import { createTracker, type Tracker } from './tracker/tracker.ts';
import { sleep } from './tracker/tracker-deps.ts';

/** The composed application: the only place that builds real adapters. */
export interface Runtime {
  readonly config: Readonly<Config>;
  readonly logger: Logger;
  readonly store: Store;
  readonly fetcher: Fetcher;
  readonly bus: EventBus;
  readonly tracker: Tracker;
  close(): Promise<void>;
}

export interface RuntimeOverrides {
  /** Replaces the HTTP fetcher (tests, benchmarks). */
  readonly fetcher?: Fetcher;
}

export async function createRuntime(
  config: Readonly<Config>,
  logger: Logger,
  overrides: RuntimeOverrides = {},
): Promise<Runtime> {
  const store = await createSqliteStore({ dataDir: config.dataDir });
  const fetcher = overrides.fetcher ?? createFetcher(config);
  const bus = createEventBus(logger);
  const deps = {
    store,
    fetcher,
    clock: systemClock,
    logger,
    sleep,
    options: {
      failureThreshold: config.failureThreshold,
      confirmDelayMs: config.confirmDelaySeconds * 1000,
      rules: config.significanceRules,
      news: config.news,
    },
  };
  const tracker = createTracker(deps, bus, { concurrency: config.concurrency });
  const technical = await rederiveVersions(config.sources, deps);
  if (technical > 0) logger.info({ documents: technical }, 're-derived versions from stored snapshots (no alerts)');
  return {
    config,
    logger,
    store,
    fetcher,
    bus,
    tracker,
    async close() {
      await tracker.idle();
      await fetcher.close();
      await store.close();
    },
  };
}

/** The polite HTTP fetcher, configured. */
export function createFetcher(config: Readonly<Config>): Fetcher {
  return createHttpFetcher(fetcherOptions(config));
}

function fetcherOptions(config: Readonly<Config>): Parameters<typeof createHttpFetcher>[0] {
  return {
    userAgent: config.fetch.userAgent,
    connectTimeoutMs: config.fetch.connectTimeoutMs,
    totalTimeoutMs: config.fetch.timeoutMs,
    maxBodyBytes: config.fetch.maxBodyBytes,
    maxRedirects: config.fetch.maxRedirects,
    perHostConcurrency: config.fetch.perHostConcurrency,
    perHostSpacingMs: config.fetch.perHostSpacingMs,
    retry: { attempts: config.fetch.retries + 1 },
    respectRobotsTxt: config.fetch.respectRobots,
    allowPrivateNetworks: config.allowPrivateNetworks,
    allowHosts: config.fetch.allowHosts,
  };
}

export interface BotIo {
  readonly write: (text: string) => void;
  readonly color: boolean;
}

/**
 * Runs the bot until SIGINT or SIGTERM: the scheduler polls every source on its cadence and alerts go to the
 * console adapter (chat adapters plug into the same event bus).
 */
export async function runBot(config: Readonly<Config>, logger: Logger, io: BotIo): Promise<void> {
  const runtime = await createRuntime(config, logger);
  runtime.bus.subscribe(createConsoleNotifier(io));
  const scheduler = createCronScheduler({
    sources: config.sources,
    defaults: config.schedules,
    poll: (sources) => runtime.tracker.poll(sources),
    idle: () => runtime.tracker.idle(),
    logger,
  });
  logger.info(
    { sources: config.sources.length, dataDir: config.dataDir, adapter: 'console' },
    `clausewatch is watching ${config.sources.length} sources`,
  );
  scheduler.start();
  await waitForShutdownSignal();
  logger.info({}, 'shutting down: waiting for polls under way');
  await scheduler.stop();
  await runtime.close();
}

function waitForShutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
