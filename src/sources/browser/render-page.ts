// One page through the browser: a fresh context (empty profile), images/fonts/media not loaded, the address
// guard on every routed request, wait until the body is there, then the HTML after scripts ran.
import { errors, type Browser, type Page, type Response, type Route } from 'playwright-core';
import { SourceFetchError } from '../../domain/errors.ts';
import type { Logger } from '../../domain/logger.ts';
import type { Fetched, FetchRequest } from '../fetcher.ts';
import type { AddressPolicy } from '../http/address-guard.ts';
import { REFUSED_HEADER } from './guard-proxy.ts';

/** Resource types never loaded: they cannot change the text, and cost most of a page's bytes. */
const SKIPPED_RESOURCES: ReadonlySet<string> = new Set(['image', 'font', 'media']);

// Schemes a page may use without a network request; everything else that is not http(s) is refused.
const LOCAL_SCHEMES: ReadonlySet<string> = new Set(['data:', 'blob:', 'about:']);

export interface RenderOptions {
  /** Deadline for the whole page: navigation, scripts, waiting for the body. */
  readonly pageTimeoutMs: number;
  /** Without body selectors: the most to wait for the network to go idle. Also the settle time after they appear. */
  readonly settleTimeoutMs: number;
  /** Largest HTML accepted. */
  readonly maxBodyBytes: number;
  readonly policy: AddressPolicy;
  readonly logger: Logger;
}

/**
 * Renders `request.url` in a new context of `browser` and returns the HTML as a `Fetched` (`text/html`, UTF-8,
 * no validators: a browser fetch is never conditional). Throws `SourceFetchError`: `timeout` when navigation
 * does not finish in time, `http_status` for a final status of 400 or more, `blocked_address` when the guard
 * refused the document or a redirect of it. The context is closed whatever happens.
 */
export async function renderPage(browser: Browser, request: FetchRequest, options: RenderOptions): Promise<Fetched> {
  const deadline = Date.now() + options.pageTimeoutMs;
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: false });
  const closeOnAbort = (): void => void context.close().catch(() => undefined);
  request.signal?.addEventListener('abort', closeOnAbort, { once: true });
  try {
    await context.route('**/*', (route) => guardRoute(route, options));
    const page = await context.newPage();
    const lastDocument = trackDocumentResponses(page);
    await navigate(page, request.url, deadline);
    await waitForBody(page, request.select ?? [], deadline, options.settleTimeoutMs);
    const html = await page.content();
    return toFetched(request.url, page.url(), lastDocument(), html, options.maxBodyBytes);
  } catch (error) {
    throw toBrowserFetchError(error, request.url, options.pageTimeoutMs);
  } finally {
    request.signal?.removeEventListener('abort', closeOnAbort);
    await context.close().catch(() => undefined);
  }
}

/**
 * First line of the guard, for requests Playwright routes: skipped resource types, other schemes, and hosts
 * refused without DNS (IP literals such as 10.0.0.1 or 169.254.169.254, metadata names), logged with the full
 * URL. Names that need resolving, redirects and WebSockets are checked by the guard proxy.
 */
async function guardRoute(route: Route, options: RenderOptions): Promise<void> {
  const request = route.request();
  try {
    if (SKIPPED_RESOURCES.has(request.resourceType())) {
      await route.abort('blockedbyclient');
      return;
    }
    const refusal = refusalOf(request.url(), options.policy);
    if (refusal === null) {
      await route.continue();
      return;
    }
    options.logger.warn({ url: request.url(), reason: refusal }, 'browser request refused by the address guard');
    await route.abort('addressunreachable');
  } catch {
    // The context closed under the request (timeout, page done): nothing is left to continue or abort.
  }
}

/** Why a page request is refused before any DNS, or null. */
export function refusalOf(url: string, policy: AddressPolicy): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'invalid URL';
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return null;
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return `scheme ${parsed.protocol} not allowed`;
  const range = policy.refuseHost(parsed.hostname);
  return range === null ? null : `refused ${range} address ${parsed.hostname}`;
}

/** The latest main-frame document response: after a challenge reloads the page, the real page's. */
function trackDocumentResponses(page: Page): () => Response | null {
  let last: Response | null = null;
  page.on('response', (response) => {
    const request = response.request();
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) last = response;
  });
  return () => last;
}

async function navigate(page: Page, url: string, deadline: number): Promise<void> {
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: remaining(deadline) });
  } catch (error) {
    // A redirect the proxy refused over CONNECT surfaces as a tunnel error; name the reason when it is known.
    if (error instanceof Error && error.message.includes('ERR_TUNNEL_CONNECTION_FAILED')) {
      throw new SourceFetchError(
        'blocked_address',
        `browser could not reach ${url}: the address guard or the network refused a tunnel`,
        { url, cause: error },
      );
    }
    throw error;
  }
}

/**
 * Waits until the page shows its document: the body selectors attached, then a short settle for the rest of the
 * script-inserted text; without selectors, network idle with a cap. A selector that never appears is not an
 * error here: the snapshot is taken and extraction reports `selector_not_found`, so a half-rendered page fails
 * instead of alerting.
 */
async function waitForBody(page: Page, select: readonly string[], deadline: number, settleMs: number): Promise<void> {
  if (select.length > 0) {
    const found = await page
      .waitForSelector(select.join(', '), { state: 'attached', timeout: remaining(deadline) })
      .then(() => true)
      .catch(ignoreTimeout(false));
    if (!found) return;
  }
  await page
    .waitForLoadState('networkidle', { timeout: Math.max(1, Math.min(settleMs, remaining(deadline))) })
    .catch(ignoreTimeout(undefined));
}

function ignoreTimeout<TValue>(value: TValue): (error: unknown) => TValue {
  return (error) => {
    if (error instanceof errors.TimeoutError) return value;
    throw error;
  };
}

function toFetched(url: string, finalUrl: string, document: Response | null, html: string, maxBytes: number): Fetched {
  const refused = document?.headers()[REFUSED_HEADER];
  if (refused !== undefined) {
    throw new SourceFetchError('blocked_address', `${refused} for ${finalUrl} (browser)`, { url: finalUrl });
  }
  const status = document?.status() ?? 200;
  if (status >= 400) {
    throw new SourceFetchError('http_status', `HTTP ${status} for ${finalUrl} (browser)`, { url: finalUrl, status });
  }
  const body = Buffer.from(html, 'utf8');
  if (body.length > maxBytes) {
    throw new SourceFetchError('too_large', `rendered page larger than ${maxBytes} bytes: ${finalUrl}`, {
      url: finalUrl,
    });
  }
  return {
    kind: 'fetched',
    url,
    finalUrl,
    status,
    mediaType: 'text/html',
    body,
    text: html,
    charset: 'utf-8',
    etag: null,
    lastModified: null,
    renderedBy: 'browser',
  };
}

function toBrowserFetchError(error: unknown, url: string, timeoutMs: number): SourceFetchError {
  if (error instanceof SourceFetchError) return error;
  if (error instanceof errors.TimeoutError) {
    return new SourceFetchError('timeout', `browser timed out after ${timeoutMs} ms: ${url}`, { url, cause: error });
  }
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
  return new SourceFetchError('network', `browser could not load ${url}: ${message}`, { url, cause: error });
}

function remaining(deadline: number): number {
  return Math.max(1, deadline - Date.now());
}
