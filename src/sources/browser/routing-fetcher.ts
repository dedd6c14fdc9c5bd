// Chooses plain HTTP or the browser per request: the source's browser mode, and in `auto` what plain HTTP met.
import type { BrowserMode } from '../../domain/source.ts';
import { SourceFetchError, type FetchErrorCode } from '../../domain/errors.ts';
import { silentLogger, type Logger } from '../../domain/logger.ts';
import type { Fetcher, FetchRequest, FetchResult } from '../fetcher.ts';
import { BOT_WALL_STATUSES, botWallReason } from './bot-wall.ts';

export interface RoutingFetcherOptions {
  /** Plain HTTP: `never`, and the first try of `auto`. */
  readonly http: Fetcher;
  /** The headless browser: `always`, remembered `auto` sources and `auto` fallbacks. */
  readonly browser: Fetcher;
  /** Mode of requests that carry none. @defaultValue `auto` */
  readonly defaultMode?: BrowserMode | undefined;
  readonly logger?: Logger | undefined;
}

/**
 * A Fetcher that routes each request by `request.browser` (else `defaultMode`):
 * - `never`: plain HTTP, conditional GET as usual;
 * - `always`, or `auto` with `knownToNeedBrowser`: the browser straight away, once robots.txt allows it;
 * - `auto`: plain HTTP first; a 403/406/503, a challenge page, a script-only shell or body selectors that match
 *   nothing send it to the browser. The browser's result says `renderedBy: 'browser'`, which the tracker stores
 *   so the next poll skips plain HTTP. A 304 is trusted: nothing changed since the last plain fetch.
 * Closing closes both fetchers.
 */
export function createRoutingFetcher(options: RoutingFetcherOptions): Fetcher {
  const logger = options.logger ?? silentLogger;
  const defaultMode = options.defaultMode ?? 'auto';
  const viaBrowser = (request: FetchRequest, reason: string): Promise<FetchResult> => {
    logger.info({ url: request.url, reason }, 'plain HTTP met a bot wall: rendering the page in the browser');
    return options.browser.fetch(request).catch((error: unknown) => {
      if (!(error instanceof SourceFetchError)) throw error;
      throw new SourceFetchError(error.code as FetchErrorCode, `${error.message} (plain HTTP: ${reason})`, {
        url: error.url,
        status: error.status,
        cause: error,
      });
    });
  };
  return {
    async fetch(request) {
      const mode = request.browser ?? defaultMode;
      if (mode === 'never') return options.http.fetch(request);
      if (mode === 'always' || request.knownToNeedBrowser === true) {
        // The browser goes straight to the page: robots.txt is asked here, as plain HTTP would.
        await options.http.permits?.(request.url);
        return options.browser.fetch(request);
      }
      let plain: FetchResult;
      try {
        plain = await options.http.fetch(request);
      } catch (error) {
        if (isBotWallStatus(error)) return viaBrowser(request, `HTTP ${String(error.status)}`);
        throw error;
      }
      if (plain.kind === 'not-modified') return plain;
      const reason = botWallReason(plain, request.select);
      return reason === null ? plain : viaBrowser(request, reason);
    },
    async close() {
      await Promise.all([options.http.close(), options.browser.close()]);
    },
  };
}

function isBotWallStatus(error: unknown): error is SourceFetchError & { status: number } {
  return (
    error instanceof SourceFetchError &&
    error.code === 'http_status' &&
    error.status !== undefined &&
    BOT_WALL_STATUSES.has(error.status)
  );
}
