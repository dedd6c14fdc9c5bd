// The polite HTTP fetcher: conditional GET, timeouts, body cap, redirects, robots.txt, per-host limits, retries
// and an SSRF guard, behind the Fetcher port.
import { lookup } from 'node:dns/promises';
import { Agent } from 'undici';
import { systemClock, type Clock } from '../../domain/clock.ts';
import { SourceFetchError } from '../../domain/errors.ts';
import type { Fetched, FetchRequest, FetchResult, Fetcher } from '../fetcher.ts';
import { createAddressPolicy, type AddressPolicy } from './address-guard.ts';
import { decodeText, detectCharset, parseContentType } from './charset.ts';
import type { TimeoutSettings } from './fetch-errors.ts';
import { createFetchPipeline, parseHttpUrl, type FollowRedirects, type HopMode } from './fetch-pipeline.ts';
import { createGuardedConnector, type ResolveHost } from './guarded-connector.ts';
import { createHostLimiter } from './host-limiter.ts';
import { ACCEPT_ENCODING } from './read-body.ts';
import { DEFAULT_RETRY_POLICY, sleepUnlessAborted, type RetryPolicy } from './retry.ts';
import { createRobotsCache, type RobotsCache } from './robots.ts';
import { createTransport, headerValue, type Exchange } from './transport.ts';

export { parseHttpUrl } from './fetch-pipeline.ts';

/** Sent unless configured otherwise; names the bot and where to read about it. */
export const DEFAULT_USER_AGENT = 'clausewatch/0.1 (+https://github.com/clausewatch/clausewatch)';

/** Default Accept header: HTML, XML and feeds first, anything else accepted. */
export const DEFAULT_ACCEPT =
  'text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml;q=0.9,application/atom+xml;q=0.9,' +
  'text/xml;q=0.9,*/*;q=0.5';

// RFC 9309 asks crawlers to parse at least 500 KiB of robots.txt; larger files count as unavailable (allow all).
const ROBOTS_MAX_BYTES = 512 * 1024;

/** Options of {@link createHttpFetcher}; every one has a production default. */
export interface HttpFetcherOptions {
  /** @defaultValue {@link DEFAULT_USER_AGENT} */
  readonly userAgent?: string | undefined;
  /** Deadline for DNS, TCP and TLS of a new connection. @defaultValue 10_000 */
  readonly connectTimeoutMs?: number | undefined;
  /** Deadline for one request, from sending it to the last body byte (per redirect hop and per try). @defaultValue 30_000 */
  readonly totalTimeoutMs?: number | undefined;
  /** Largest decoded body accepted; a larger one fails with `too_large`. @defaultValue 5 MiB */
  readonly maxBodyBytes?: number | undefined;
  /** Redirects followed before failing with `too_many_redirects`. @defaultValue 5 */
  readonly maxRedirects?: number | undefined;
  /** Requests in flight at once per host. @defaultValue 2 */
  readonly perHostConcurrency?: number | undefined;
  /** Minimum gap between request starts to one host. @defaultValue 500 */
  readonly perHostSpacingMs?: number | undefined;
  /** Honour robots.txt. @defaultValue true */
  readonly respectRobotsTxt?: boolean | undefined;
  /** How long one origin's robots.txt is cached. @defaultValue 3_600_000 (1 h) */
  readonly robotsTtlMs?: number | undefined;
  /** Overrides of the retry table. @defaultValue {@link DEFAULT_RETRY_POLICY} */
  readonly retry?: Partial<RetryPolicy> | undefined;
  /** Disables the private-range checks of the SSRF guard (cloud metadata stays refused). @defaultValue false */
  readonly allowPrivateNetworks?: boolean | undefined;
  /** Host names or IPs (as written in URLs) exempt from the SSRF guard, e.g. `['127.0.0.1']` in tests. */
  readonly allowHosts?: readonly string[] | undefined;
  /** Extra CA certificates (PEM) trusted for HTTPS besides Node's bundled roots, e.g. an intranet CA. */
  readonly extraCaCertificates?: readonly string[] | undefined;
  /** DNS resolution used by the guard. @defaultValue `dns.promises.lookup(hostname, { all: true })` */
  readonly resolveHost?: ResolveHost | undefined;
  /** Waits between retries. @defaultValue a real timer */
  readonly sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  /** Wall clock, for HTTP-date Retry-After values. @defaultValue systemClock */
  readonly clock?: Clock | undefined;
}

/**
 * Creates the polite HTTP fetcher. One keep-alive connection pool serves all requests; `close()` releases it.
 * Each hop: SSRF check of the URL host → robots.txt → per-host slot → request (retried when transient).
 * Host names are checked after DNS resolution inside the connector, so no connection to a refused address is
 * ever opened, on the first URL or on any redirect.
 */
export function createHttpFetcher(options: HttpFetcherOptions = {}): Fetcher {
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const timeouts = {
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    totalTimeoutMs: options.totalTimeoutMs ?? 30_000,
  };
  const concurrency = options.perHostConcurrency ?? 2;
  const policy = createAddressPolicy(options);
  const agent = createAgent(options, policy, timeouts, concurrency);
  const clock = options.clock ?? systemClock;
  let robots: RobotsCache | null = null;
  const follow = createFetchPipeline({
    policy,
    exchange: createTransport({ dispatcher: agent, timeouts }),
    limiter: createHostLimiter({ concurrency, spacingMs: options.perHostSpacingMs }),
    retry: {
      policy: { ...DEFAULT_RETRY_POLICY, ...options.retry },
      sleep: options.sleep ?? sleepUnlessAborted,
      now: () => clock.now(),
    },
    timeouts,
    maxRedirects: options.maxRedirects ?? 5,
    userAgent,
    robots: () => robots,
  });
  if (options.respectRobotsTxt !== false) robots = createRobots(follow, userAgent, options.robotsTtlMs);
  const pageMode: HopMode = { robots: true, retries: true, maxBodyBytes: options.maxBodyBytes ?? 5 * 1024 * 1024 };
  let closing: Promise<void> | undefined;
  return {
    async fetch(request) {
      if (closing !== undefined) {
        throw new SourceFetchError('network', `fetcher closed: ${request.url}`, { url: request.url });
      }
      const start = parseHttpUrl(request.url);
      const { url, response } = await follow(start, requestHeaders(request, userAgent), pageMode, request.signal);
      return toResult(request.url, url, response);
    },
    async permits(url) {
      const parsed = parseHttpUrl(url);
      if (robots !== null && !(await robots.isAllowed(parsed))) {
        throw new SourceFetchError('robots_disallowed', `robots.txt disallows ${parsed.href} for ${userAgent}`, {
          url: parsed.href,
        });
      }
    },
    // Idempotent: a second close waits for the first instead of failing on the destroyed agent.
    close: () => (closing ??= agent.close()),
  };
}

function createAgent(
  options: HttpFetcherOptions,
  policy: AddressPolicy,
  timeouts: TimeoutSettings,
  concurrency: number,
): Agent {
  const resolveHost = options.resolveHost ?? resolveWithSystemDns;
  return new Agent({
    connect: createGuardedConnector({
      policy,
      resolveHost,
      connectTimeoutMs: timeouts.connectTimeoutMs,
      extraCaCertificates: options.extraCaCertificates,
    }),
    // Never more sockets per origin than requests the limiter lets through.
    connections: concurrency,
    headersTimeout: timeouts.totalTimeoutMs,
    bodyTimeout: timeouts.totalTimeoutMs,
    // undici drops a socket when the server's keep-alive hint minus this margin is ≤ 0; its 2 s default would
    // disable reuse with every server that announces `timeout=1` or `timeout=2`.
    keepAliveTimeoutThreshold: 500,
  });
}

function createRobots(follow: FollowRedirects, userAgent: string, ttlMs: number | undefined): RobotsCache {
  const mode: HopMode = { robots: false, retries: false, maxBodyBytes: ROBOTS_MAX_BYTES };
  return createRobotsCache({
    userAgent,
    ttlMs,
    load: async (robotsUrl) => {
      const { response } = await follow(new URL(robotsUrl), { 'user-agent': userAgent }, mode);
      // Only a 2xx carries rules. 4xx (401 and 403 included) and 5xx mean "no rules", i.e. allowed: simple, and
      // what most crawlers do for 4xx; RFC 9309 would treat 5xx as "disallow all", which would silence a source
      // for an hour whenever its robots.txt hiccups. Network failures are allowed as well (see RobotsCache).
      return response.body === null ? null : response.body.toString('utf8');
    },
  });
}

function requestHeaders(request: FetchRequest, userAgent: string): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': userAgent,
    accept: request.accept ?? DEFAULT_ACCEPT,
    'accept-encoding': ACCEPT_ENCODING,
  };
  if (request.etag != null && request.etag !== '') headers['if-none-match'] = request.etag;
  if (request.lastModified != null && request.lastModified !== '') headers['if-modified-since'] = request.lastModified;
  return headers;
}

function toResult(requestedUrl: string, finalUrl: URL, response: Exchange): FetchResult {
  if (response.status === 304) return { kind: 'not-modified', url: requestedUrl };
  if (response.body === null) {
    throw new SourceFetchError('http_status', `HTTP ${response.status} for ${finalUrl.href}`, {
      url: finalUrl.href,
      status: response.status,
    });
  }
  const { mediaType, charset: labelled } = parseContentType(headerValue(response.headers, 'content-type'));
  const { text, charset } = decodeText(response.body, detectCharset(response.body, labelled));
  const fetched: Fetched = {
    kind: 'fetched',
    url: requestedUrl,
    finalUrl: finalUrl.href,
    status: response.status,
    mediaType,
    body: response.body,
    text,
    charset,
    etag: headerValue(response.headers, 'etag') ?? null,
    lastModified: headerValue(response.headers, 'last-modified') ?? null,
  };
  return fetched;
}

async function resolveWithSystemDns(hostname: string): Promise<string[]> {
  const answers = await lookup(hostname, { all: true });
  return answers.map((answer) => answer.address);
}
