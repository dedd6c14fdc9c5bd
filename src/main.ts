import type { Config } from './config/load-config.ts';
import { systemClock } from './domain/clock.ts';
import { describeError } from './domain/errors.ts';
import type { Logger } from './domain/logger.ts';
import type { SourceDeclaration } from './domain/source.ts';
import { createCronScheduler } from './scheduler/cron-scheduler.ts';
import type { Fetcher } from './sources/fetcher.ts';
import { createFetcher } from './sources/create-fetcher.ts';
import { createChatPlatforms, notifiersOf } from './runtime/chat-platforms.ts';
import type { ChatPlatform } from './runtime/chat-platform.ts';
import { createSqliteAlertStore, type SqlAlertStore } from './store/sql-alert-store.ts';
import { createSqliteStore } from './store/sqlite-store.ts';
import type { Store } from './store/store.ts';
import { createEventBus, type EventBus } from './tracker/event-bus.ts';
import { rederiveVersions } from './tracker/rederive.ts';
import { sleep } from './tracker/tracker-deps.ts';
import { createTracker, type Tracker } from './tracker/tracker.ts';
import type { CommandEnvironment } from './runtime/command-context.ts';
import { startAlerting } from './runtime/alerting.ts';
import { startRetention } from './runtime/retention.ts';

/** The composed application: the only place that builds real adapters. */
export interface Runtime {
  readonly config: Readonly<Config>;
  readonly logger: Logger;
  readonly store: Store;
  readonly alerts: SqlAlertStore;
  readonly fetcher: Fetcher;
  readonly bus: EventBus;
  readonly tracker: Tracker;
  /** Every watched source now: catalog, config file and those added from chat with `/watch`. */
  sources(): readonly SourceDeclaration[];
  /** Reads the sources added from chat again. */
  reloadSources(): Promise<void>;
  /** What commands run with. */
  readonly commands: CommandEnvironment;
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
  const alerts = createSqliteAlertStore(store);
  const fetcher = overrides.fetcher ?? createFetcher(config, { logger });
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
  let sources: readonly SourceDeclaration[] = config.sources;
  const reloadSources = async (): Promise<void> => {
    const configured = new Set(config.sources.map((source) => source.id));
    const watched = (await alerts.listWatchedSources()).filter((source) => !configured.has(source.id));
    sources = [...config.sources, ...watched];
  };
  await reloadSources();
  const technical = await rederiveVersions(sources, deps);
  if (technical > 0) logger.info({ documents: technical }, 're-derived versions from stored snapshots (no alerts)');
  const commands: CommandEnvironment = {
    config,
    store,
    alerts,
    fetcher,
    logger,
    sources: () => sources,
    onSourcesChanged: reloadSources,
  };
  return {
    config,
    logger,
    store,
    alerts,
    fetcher,
    bus,
    tracker,
    sources: () => sources,
    reloadSources,
    commands,
    async close() {
      await tracker.idle();
      await fetcher.close();
      await store.close();
    },
  };
}

export interface BotIo {
  readonly write: (text: string) => void;
  readonly color: boolean;
}

/** How long shutdown waits for polls under way before closing anyway. */
const SHUTDOWN_GRACE_MS = 15_000;

/**
 * Runs the bot until SIGINT or SIGTERM: the scheduler polls every source on its cadence, events are matched
 * against subscriptions into the outbox, and the delivery worker sends them (console targets print to stdout).
 */
export async function runBot(config: Readonly<Config>, logger: Logger, io: BotIo): Promise<void> {
  const runtime = await createRuntime(config, logger);
  let platforms: ChatPlatform[] = [];
  try {
    platforms = createChatPlatforms(runtime);
    for (const platform of platforms) await platform.start();
  } catch (error) {
    await stopAll(platforms, logger);
    await runtime.close();
    throw error;
  }
  const alerting = await startAlerting(runtime, io, notifiersOf(platforms));
  const retention = startRetention(runtime);
  const scheduler = createCronScheduler({
    sources: () => runtime.sources(),
    defaults: config.schedules,
    poll: (sources) => runtime.tracker.poll(sources),
    idle: () => runtime.tracker.idle(),
    logger,
  });
  logger.info(
    {
      sources: runtime.sources().length,
      dataDir: config.dataDir,
      adapters: ['console', ...platforms.map((platform) => platform.platform)],
    },
    `clausewatch is watching ${runtime.sources().length} sources`,
  );
  scheduler.start();
  await waitForShutdownSignal();
  logger.info({}, 'shutting down: waiting for polls under way');
  await Promise.race([scheduler.stop(), new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref())]);
  await retention.stop();
  await alerting.stop();
  await stopAll(platforms, logger);
  await runtime.close();
}

async function stopAll(platforms: readonly ChatPlatform[], logger: Logger): Promise<void> {
  for (const platform of platforms) {
    await platform.stop().catch((error: unknown) => {
      logger.warn({ platform: platform.platform, err: describeError(error) }, 'chat platform did not stop cleanly');
    });
  }
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
