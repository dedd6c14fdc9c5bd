// One headless browser shared by every source: launched on first use, a bounded number of pages at once, closed
// when idle, relaunched when its memory passes the bound.
import PQueue from 'p-queue';
import type { Browser } from 'playwright-core';
import type { Logger } from '../../domain/logger.ts';

export interface BrowserPoolOptions {
  /** Starts a browser; called lazily, again after an idle close, a crash or a memory relaunch. */
  readonly launch: () => Promise<Browser>;
  /** Pages rendered at once; further requests wait their turn. */
  readonly pages: number;
  /** The browser is closed after this long with nothing to render. */
  readonly idleCloseMs: number;
  /** Once a measurement passes this, the browser is retired: closed after its pages finish, relaunched on demand. */
  readonly maxMemoryBytes: number;
  /** RSS of a browser's whole process tree in bytes, or null when unknown (the bound is then not enforced). */
  readonly measureMemory: (browser: Browser) => Promise<number | null>;
  readonly logger: Logger;
}

/** Counters for tests, benchmarks and logs. */
export interface BrowserPoolStats {
  /** Browsers launched so far. */
  readonly launches: number;
  /** Browsers running now (more than one only while a retired one finishes its pages). */
  readonly running: number;
  /** Pages being rendered now. */
  readonly active: number;
  /** Requests waiting for a page slot. */
  readonly waiting: number;
  /** Browser contexts open in every running browser (one per page being rendered). */
  readonly openContexts: number;
  /** Highest memory reading so far, in bytes (null before the first). */
  readonly peakMemoryBytes: number | null;
}

export interface BrowserPool {
  /** Runs `work` with the shared browser once a page slot is free; launches the browser when none runs. */
  use<TResult>(work: (browser: Browser) => Promise<TResult>, signal?: AbortSignal): Promise<TResult>;
  stats(): BrowserPoolStats;
  /** Closes the browser; waiting requests are dropped. Idempotent. */
  close(): Promise<void>;
}

interface Instance {
  readonly browser: Browser;
  active: number;
  retired: boolean;
}

/** Creates the pool; nothing is launched before the first `use`. */
export function createBrowserPool(options: BrowserPoolOptions): BrowserPool {
  const queue = new PQueue({ concurrency: options.pages });
  const running = new Set<Instance>();
  let current: Promise<Instance> | null = null;
  let idleTimer: NodeJS.Timeout | undefined;
  let launches = 0;
  let peakMemoryBytes: number | null = null;
  let closed = false;

  const retire = async (instance: Instance): Promise<void> => {
    instance.retired = true;
    if (current !== null && (await current.catch(() => null)) === instance) current = null;
    if (instance.active === 0) {
      running.delete(instance);
      await instance.browser.close().catch(() => undefined);
    }
  };

  const acquire = (): Promise<Instance> => {
    current ??= launchInstance();
    // A failed launch (no Chromium) is not cached: the next request tries again.
    return current.catch((error: unknown) => {
      current = null;
      throw error;
    });
  };

  const launchInstance = async (): Promise<Instance> => {
    const browser = await options.launch();
    launches += 1;
    const instance: Instance = { browser, active: 0, retired: false };
    running.add(instance);
    browser.on('disconnected', () => {
      running.delete(instance);
      if (!instance.retired) void retire(instance);
    });
    return instance;
  };

  const checkMemory = async (instance: Instance): Promise<void> => {
    const rss = await options.measureMemory(instance.browser).catch(() => null);
    if (rss === null) return;
    peakMemoryBytes = Math.max(peakMemoryBytes ?? 0, rss);
    if (rss <= options.maxMemoryBytes || instance.retired) return;
    options.logger.info(
      { rssMb: Math.round(rss / 2 ** 20), maxMb: Math.round(options.maxMemoryBytes / 2 ** 20) },
      'browser over its memory bound: relaunching it for the next pages',
    );
    await retire(instance);
  };

  const scheduleIdleClose = (): void => {
    clearTimeout(idleTimer);
    if (closed || running.size === 0) return;
    idleTimer = setTimeout(() => {
      if (queue.size > 0 || queue.pending > 0) return;
      for (const instance of running) void retire(instance);
    }, options.idleCloseMs);
    // An idle browser must not keep a finished CLI run alive.
    idleTimer.unref();
  };
  queue.on('idle', scheduleIdleClose);

  return {
    async use(work, signal) {
      if (closed) throw new Error('browser pool closed');
      return queue.add(
        async () => {
          clearTimeout(idleTimer);
          const instance = await acquire();
          instance.active += 1;
          try {
            return await work(instance.browser);
          } finally {
            instance.active -= 1;
            if (instance.retired) await retire(instance);
            else await checkMemory(instance);
          }
        },
        { signal },
      );
    },
    stats: () => ({
      launches,
      running: running.size,
      active: queue.pending,
      waiting: queue.size,
      openContexts: [...running].reduce((sum, instance) => sum + instance.browser.contexts().length, 0),
      peakMemoryBytes,
    }),
    async close() {
      closed = true;
      clearTimeout(idleTimer);
      queue.clear();
      current = null;
      await Promise.all([...running].map((instance) => instance.browser.close().catch(() => undefined)));
      running.clear();
    },
  };
}
