// The steps of one fetch, hop by hop: SSRF check of the URL → robots.txt → per-host slot → exchange (retried),
// then the next redirect hop.
import { SourceFetchError } from '../../domain/errors.ts';
import type { AddressPolicy } from './address-guard.ts';
import { AddressRefusedError, toFetchError, type TimeoutSettings } from './fetch-errors.ts';
import type { HostLimiter } from './host-limiter.ts';
import { withRetries, type RetryDeps } from './retry.ts';
import type { RobotsCache } from './robots.ts';
import { headerValue, type Exchange, type PerformExchange } from './transport.ts';

/** How hops are fetched: page requests use robots.txt and retries, the robots.txt request itself neither. */
export interface HopMode {
  readonly robots: boolean;
  readonly retries: boolean;
  readonly maxBodyBytes: number;
}

/** The last hop's URL and response (never a redirect). */
export interface Followed {
  readonly url: URL;
  readonly response: Exchange;
}

export interface PipelineDeps {
  readonly policy: AddressPolicy;
  readonly exchange: PerformExchange;
  readonly limiter: HostLimiter;
  readonly retry: RetryDeps;
  readonly timeouts: TimeoutSettings;
  readonly maxRedirects: number;
  readonly userAgent: string;
  /** Read at call time: the robots cache itself fetches through this pipeline. */
  readonly robots: () => RobotsCache | null;
}

/** Fetches `start`, following redirects; throws `SourceFetchError` for every failure. */
export type FollowRedirects = (
  start: URL,
  headers: Readonly<Record<string, string>>,
  mode: HopMode,
  signal?: AbortSignal,
) => Promise<Followed>;

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Creates the hop-by-hop fetch with redirect following. */
export function createFetchPipeline(deps: PipelineDeps): FollowRedirects {
  const requestHop = async (
    url: URL,
    headers: Readonly<Record<string, string>>,
    mode: HopMode,
    signal?: AbortSignal,
  ) => {
    // IP literals and metadata names are refused here, before robots.txt, DNS or any socket; names that need
    // resolving are checked by the connector.
    const refusal = deps.policy.refuseHost(url.hostname);
    if (refusal !== null) throw toFetchError(new AddressRefusedError(refusal, url.hostname), url.href, deps.timeouts);
    const robots = mode.robots ? deps.robots() : null;
    if (robots !== null && !(await robots.isAllowed(url))) {
      const message = `robots.txt disallows ${url.href} for ${deps.userAgent}`;
      throw new SourceFetchError('robots_disallowed', message, { url: url.href });
    }
    const once = () =>
      deps.limiter.run(url.hostname, () => deps.exchange({ url, headers, maxBodyBytes: mode.maxBodyBytes, signal }));
    return mode.retries ? withRetries(once, deps.retry, signal) : once();
  };

  return async (start, headers, mode, signal) => {
    let url = start;
    for (let redirects = 0; ; redirects += 1) {
      const response = await requestHop(url, headers, mode, signal);
      const location = REDIRECT_STATUSES.has(response.status) ? headerValue(response.headers, 'location') : undefined;
      if (location === undefined) return { url, response };
      if (redirects >= deps.maxRedirects) {
        const message = `more than ${deps.maxRedirects} redirects from ${start.href} (last: ${url.href})`;
        throw new SourceFetchError('too_many_redirects', message, { url: start.href, status: response.status });
      }
      url = parseHttpUrl(location, url);
    }
  };
}

/** Parses an absolute URL or a Location relative to `base`; only http: and https: pass (`invalid_url`). */
export function parseHttpUrl(input: string, base?: URL): URL {
  const from = base === undefined ? '' : ` (redirect from ${base.href})`;
  let url: URL;
  try {
    url = new URL(input, base);
  } catch (error) {
    throw new SourceFetchError('invalid_url', `invalid URL "${input}"${from}`, { url: input, cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SourceFetchError('invalid_url', `unsupported scheme ${url.protocol} in ${url.href}${from}`, {
      url: url.href,
    });
  }
  return url;
}
