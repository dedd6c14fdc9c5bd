import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../domain/logger.ts';
import { createBrowserPool, type BrowserPoolOptions } from './browser-pool.ts';
import { processTreeRss } from './process-memory.ts';

/** Just enough of a Playwright Browser for the pool: close, disconnected, contexts. */
function fakeBrowser(): Browser & { closed: boolean } {
  const fake = {
    closed: false,
    close: () => {
      fake.closed = true;
      return Promise.resolve();
    },
    on: () => fake,
    contexts: () => [],
  };
  return fake as unknown as Browser & { closed: boolean };
}

function pool(overrides: Partial<BrowserPoolOptions> = {}) {
  const launched: (Browser & { closed: boolean })[] = [];
  const created = createBrowserPool({
    launch: () => {
      const browser = fakeBrowser();
      launched.push(browser);
      return Promise.resolve(browser);
    },
    pages: 2,
    idleCloseMs: 60_000,
    maxMemoryBytes: 100,
    measureMemory: () => Promise.resolve(10),
    logger: silentLogger,
    ...overrides,
  });
  return { pool: created, launched };
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('createBrowserPool', () => {
  it('launches lazily, once, and shares the browser', async () => {
    const { pool: shared, launched } = pool();
    expect(launched).toHaveLength(0);
    await Promise.all([shared.use(() => wait(5)), shared.use(() => wait(5)), shared.use(() => wait(5))]);
    expect(launched).toHaveLength(1);
    expect(shared.stats()).toMatchObject({ launches: 1, running: 1, active: 0, waiting: 0, peakMemoryBytes: 10 });
    await shared.close();
    expect(launched[0]?.closed).toBe(true);
  });

  it('retires a browser over the memory bound after its pages finish, and relaunches for the next page', async () => {
    const { pool: bounded, launched } = pool({ measureMemory: () => Promise.resolve(500) });
    await bounded.use(() => Promise.resolve());
    expect(launched[0]?.closed).toBe(true);
    await bounded.use(() => Promise.resolve());
    expect(launched).toHaveLength(2);
    expect(bounded.stats().peakMemoryBytes).toBe(500);
    await bounded.close();
  });

  it('closes the browser when idle and launches again on demand', async () => {
    const { pool: idle, launched } = pool({ idleCloseMs: 20 });
    await idle.use(() => Promise.resolve());
    await wait(80);
    expect(launched[0]?.closed).toBe(true);
    expect(idle.stats().running).toBe(0);
    await idle.use(() => Promise.resolve());
    expect(launched).toHaveLength(2);
    await idle.close();
  });

  it('does not cache a failed launch', async () => {
    let attempts = 0;
    const { pool: failing } = pool({
      launch: () => {
        attempts += 1;
        return Promise.reject(new Error('no chromium'));
      },
    });
    await expect(failing.use(() => Promise.resolve())).rejects.toThrow('no chromium');
    await expect(failing.use(() => Promise.resolve())).rejects.toThrow('no chromium');
    expect(attempts).toBe(2);
  });
});

describe.skipIf(!existsSync('/proc/self/status'))('processTreeRss', () => {
  it('reads this process from /proc and nothing for a process that does not exist', async () => {
    expect(await processTreeRss(process.pid)).toBeGreaterThan(10 * 2 ** 20);
    expect(await processTreeRss(2 ** 30)).toBeNull();
  });
});
