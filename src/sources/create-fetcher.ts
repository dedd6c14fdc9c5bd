import type { Config } from '../config/load-config.ts';
import { silentLogger, type Logger } from '../domain/logger.ts';
import { createBrowserFetcher } from './browser/browser-fetcher.ts';
import { createRoutingFetcher } from './browser/routing-fetcher.ts';
import type { Fetcher } from './fetcher.ts';
import { createHttpFetcher } from './http/http-fetcher.ts';

/** What the fetcher reports to, besides its results. */
export interface FetcherDeps {
  /** Address-guard refusals of browser pages (warn) and browser fallbacks (info). @defaultValue silent */
  readonly logger?: Logger | undefined;
}

/**
 * The fetcher the running bot uses, configured from the config file: the polite HTTP fetcher and the headless
 * browser behind one port, routed per request by the source's browser mode (`browser.default` when unset).
 * The browser starts only when a page needs it; without Chromium, only those pages fail.
 */
export function createFetcher(config: Readonly<Config>, deps: FetcherDeps = {}): Fetcher {
  const logger = deps.logger ?? silentLogger;
  const http = createHttpFetcher({
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
  });
  const browser = createBrowserFetcher({
    executablePath: config.browser.executablePath,
    pages: config.browser.pages,
    pageTimeoutMs: config.browser.pageTimeoutMs,
    settleTimeoutMs: config.browser.settleTimeoutMs,
    idleCloseMs: config.browser.idleCloseSeconds * 1000,
    maxMemoryMb: config.browser.maxMemoryMb,
    maxBodyBytes: config.fetch.maxBodyBytes,
    allowPrivateNetworks: config.allowPrivateNetworks,
    allowHosts: config.fetch.allowHosts,
    logger,
  });
  return createRoutingFetcher({ http, browser, defaultMode: config.browser.default, logger });
}
