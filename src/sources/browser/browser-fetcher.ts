// The browser fetcher behind the Fetcher port: system Chromium driven by playwright-core, one shared browser,
// a page pool, every request through the address guard.
import { randomUUID } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { chromium, type Browser } from 'playwright-core';
import { SourceFetchError } from '../../domain/errors.ts';
import { silentLogger, type Logger } from '../../domain/logger.ts';
import type { Fetcher, FetchRequest } from '../fetcher.ts';
import { createAddressPolicy, type AddressPolicy } from '../http/address-guard.ts';
import { AddressRefusedError } from '../http/fetch-errors.ts';
import { targetAddresses, type ResolveHost } from '../http/guarded-connector.ts';
import { parseHttpUrl } from '../http/http-fetcher.ts';
import { createBrowserPool, type BrowserPoolStats } from './browser-pool.ts';
import { chromiumArgs, runningAsRoot } from './chromium-flags.ts';
import { findChromium, INSTALL_HINT } from './find-chromium.ts';
import { startGuardProxy, type GuardProxy } from './guard-proxy.ts';
import { findProcessByMarker, processTreeRss } from './process-memory.ts';
import { renderPage, type RenderOptions } from './render-page.ts';

/** Options of {@link createBrowserFetcher}; every one has a default. */
export interface BrowserFetcherOptions {
  /** Chromium binary; absent: found at the usual places (`CHROMIUM_CANDIDATES`). */
  readonly executablePath?: string | undefined;
  /** Pages rendered at once. @defaultValue 2 */
  readonly pages?: number | undefined;
  /** Deadline for one page. @defaultValue 30_000 */
  readonly pageTimeoutMs?: number | undefined;
  /** Cap on waiting for network idle (and settle time after the body appears). @defaultValue 5_000 */
  readonly settleTimeoutMs?: number | undefined;
  /** Idle time after which the browser is closed. @defaultValue 60_000 */
  readonly idleCloseMs?: number | undefined;
  /** RSS bound of the browser's process tree; passing it relaunches the browser. @defaultValue 1024 */
  readonly maxMemoryMb?: number | undefined;
  /** Largest rendered HTML accepted. @defaultValue 5 MiB */
  readonly maxBodyBytes?: number | undefined;
  /** As the HTTP fetcher: private ranges allowed (cloud metadata stays refused). @defaultValue false */
  readonly allowPrivateNetworks?: boolean | undefined;
  /** As the HTTP fetcher: hosts exempt from the guard, e.g. `['127.0.0.1']` in tests. */
  readonly allowHosts?: readonly string[] | undefined;
  /** DNS resolution of the guard. @defaultValue `dns.promises.lookup(hostname, { all: true })` */
  readonly resolveHost?: ResolveHost | undefined;
  /** Refused requests are logged here (warn). @defaultValue silent */
  readonly logger?: Logger | undefined;
}

/** A Fetcher that renders pages in headless Chromium, with counters for tests and benchmarks. */
export interface BrowserFetcher extends Fetcher {
  stats(): BrowserFetcherStats;
}

export interface BrowserFetcherStats extends BrowserPoolStats {
  /** Requests the address guard refused (route and proxy together). */
  readonly refusedRequests: number;
}

/**
 * Creates the browser fetcher. Nothing starts before the first fetch; then the guard proxy and Chromium are
 * launched and shared. `request.etag`/`lastModified` are ignored: the HTML after scripts differs from what the
 * server validated, so a browser fetch is never conditional. Without Chromium each fetch fails with a
 * `SourceFetchError` saying how to install it; nothing else is affected.
 */
export function createBrowserFetcher(options: BrowserFetcherOptions = {}): BrowserFetcher {
  const logger = options.logger ?? silentLogger;
  const policy = createAddressPolicy(options);
  const resolveHost = options.resolveHost ?? resolveWithSystemDns;
  const timeoutMs = options.pageTimeoutMs ?? 30_000;
  let routeRefusals = 0;
  const countingLogger: Logger = {
    ...logger,
    warn: (fields, message) => {
      routeRefusals += 1;
      logger.warn(fields, message);
    },
  };
  let proxy: Promise<GuardProxy> | null = null;
  let proxyStarted: GuardProxy | null = null;
  const ensureProxy = (): Promise<GuardProxy> =>
    (proxy ??= startGuardProxy({ policy, resolveHost, logger, connectTimeoutMs: Math.min(timeoutMs, 10_000) }).then(
      (started) => (proxyStarted = started),
    ));
  const markers = new WeakMap<Browser, string>();
  const pool = createBrowserPool({
    launch: () => launchChromium(options.executablePath, ensureProxy, markers, timeoutMs),
    pages: options.pages ?? 2,
    idleCloseMs: options.idleCloseMs ?? 60_000,
    maxMemoryBytes: (options.maxMemoryMb ?? 1024) * 2 ** 20,
    measureMemory: (browser) => measureBrowserMemory(browser, markers),
    logger,
  });
  const render: RenderOptions = {
    pageTimeoutMs: timeoutMs,
    settleTimeoutMs: options.settleTimeoutMs ?? 5_000,
    maxBodyBytes: options.maxBodyBytes ?? 5 * 2 ** 20,
    policy,
    logger: countingLogger,
  };
  let closing: Promise<void> | undefined;
  return {
    async fetch(request) {
      if (closing !== undefined)
        throw new SourceFetchError('network', `fetcher closed: ${request.url}`, { url: request.url });
      await checkDocumentHost(request, { policy, resolveHost });
      try {
        return await pool.use((browser) => renderPage(browser, request, render), request.signal);
      } catch (error) {
        if (request.signal?.aborted === true && !(error instanceof SourceFetchError)) {
          throw new SourceFetchError('network', `aborted: ${request.url}`, { url: request.url, cause: error });
        }
        if (error instanceof BrowserUnavailableError) {
          throw new SourceFetchError('network', `browser unavailable for ${request.url}: ${error.message}`, {
            url: request.url,
            cause: error,
          });
        }
        throw error;
      }
    },
    stats: () => ({ ...pool.stats(), refusedRequests: routeRefusals + (proxyStarted?.refusals() ?? 0) }),
    close: () =>
      (closing ??= (async () => {
        await pool.close();
        if (proxy !== null) await (await proxy).close();
      })()),
  };
}

/** Chromium is missing or would not start; the fetch wraps it with the URL. */
class BrowserUnavailableError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'BrowserUnavailableError';
  }
}

/** The document's own host is checked before a page is even opened, for a clear `blocked_address` error. */
async function checkDocumentHost(
  request: FetchRequest,
  guard: { readonly policy: AddressPolicy; readonly resolveHost: ResolveHost },
): Promise<void> {
  const url = parseHttpUrl(request.url);
  try {
    await targetAddresses(url.hostname, guard);
  } catch (error) {
    if (error instanceof AddressRefusedError) {
      throw new SourceFetchError('blocked_address', `${error.message} for ${request.url}`, {
        url: request.url,
        cause: error,
      });
    }
    throw new SourceFetchError('network', `cannot resolve ${url.hostname} for ${request.url}`, {
      url: request.url,
      cause: error,
    });
  }
}

async function launchChromium(
  configured: string | undefined,
  ensureProxy: () => Promise<GuardProxy>,
  markers: WeakMap<Browser, string>,
  timeoutMs: number,
): Promise<Browser> {
  const found = findChromium(configured);
  if (found.kind === 'missing') throw new BrowserUnavailableError(found.reason);
  const proxy = await ensureProxy();
  const marker = `--clausewatch-browser=${randomUUID()}`;
  try {
    const browser = await chromium.launch({
      executablePath: found.path,
      headless: true,
      chromiumSandbox: !runningAsRoot(),
      args: chromiumArgs({ instanceMarker: marker, proxyHost: new URL(proxy.url).hostname }),
      proxy: { server: proxy.url },
      timeout: timeoutMs,
      // The bot's own shutdown closes the browser; Playwright still kills it if the process exits first.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    markers.set(browser, marker);
    return browser;
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new BrowserUnavailableError(`Chromium at ${found.path} did not start (${reason}); ${INSTALL_HINT}`, error);
  }
}

async function measureBrowserMemory(browser: Browser, markers: WeakMap<Browser, string>): Promise<number | null> {
  const marker = markers.get(browser);
  if (marker === undefined) return null;
  const pid = await findProcessByMarker(marker);
  return pid === null ? null : processTreeRss(pid);
}

async function resolveWithSystemDns(hostname: string): Promise<string[]> {
  const answers = await lookup(hostname, { all: true });
  return answers.map((answer) => answer.address);
}
