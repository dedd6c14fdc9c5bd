// Rate limits as the fake Discord enforces them: a global token bucket (N requests/s) and per-route buckets
// whose state goes out in X-RateLimit-* headers, as Discord's do.

/** What a limiter decided for one request. */
export type RateDecision =
  | { readonly ok: true; readonly headers: Record<string, string> }
  | {
      readonly ok: false;
      readonly retryAfterMs: number;
      readonly scope: 'global' | 'user';
      readonly headers: Record<string, string>;
    };

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Requests per second across all routes (Discord's global limit). */
  readonly perSecond: number;
  /** Requests per route bucket (route and major parameter) per `routeWindowMs`. @defaultValue perSecond */
  readonly routeLimit?: number;
  /** @defaultValue 1000 */
  readonly routeWindowMs?: number;
  /** @defaultValue Date.now */
  readonly now?: () => number;
}

export interface RateLimiter {
  /** Takes one request for `bucket` (e.g. `POST /channels/123/messages`), or says how long to wait. */
  take(bucket: string): RateDecision;
}

interface Window {
  start: number;
  used: number;
}

/**
 * The global limit is a token bucket (capacity N, refilled N per second): bursts of N are fine, a steady
 * rate above N is not. Route buckets are fixed windows starting at their first request, which is how
 * discord.js models them from the headers, so a client that follows the headers never hits them.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const now = options.now ?? Date.now;
  const perMs = options.perSecond / 1000;
  const routeLimit = options.routeLimit ?? options.perSecond;
  const windowMs = options.routeWindowMs ?? 1000;
  let tokens = options.perSecond;
  let refilledAt = now();
  const windows = new Map<string, Window>();
  return {
    take(bucket) {
      const at = now();
      tokens = Math.min(options.perSecond, tokens + (at - refilledAt) * perMs);
      refilledAt = at;
      let window = windows.get(bucket);
      if (window === undefined || at - window.start >= windowMs) {
        window = { start: at, used: 0 };
        windows.set(bucket, window);
      }
      const resetAfterMs = window.start + windowMs - at;
      if (tokens < 1) {
        const retryAfterMs = Math.ceil((1 - tokens) / perMs);
        return {
          ok: false,
          retryAfterMs,
          scope: 'global',
          headers: { 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
        };
      }
      if (window.used >= routeLimit) {
        return {
          ok: false,
          retryAfterMs: resetAfterMs,
          scope: 'user',
          headers: routeHeaders(bucket, routeLimit, 0, resetAfterMs, at),
        };
      }
      tokens -= 1;
      window.used += 1;
      return { ok: true, headers: routeHeaders(bucket, routeLimit, routeLimit - window.used, resetAfterMs, at) };
    },
  };
}

function routeHeaders(bucket: string, limit: number, remaining: number, resetAfterMs: number, at: number) {
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': ((at + resetAfterMs) / 1000).toFixed(3),
    'x-ratelimit-reset-after': (resetAfterMs / 1000).toFixed(3),
    'x-ratelimit-bucket': bucketHash(bucket),
  };
}

/** A stable opaque id per route template, like Discord's bucket hashes. */
function bucketHash(bucket: string): string {
  const template = bucket.replace(/\d{5,}/gu, ':id');
  let hash = 0x811c9dc5;
  for (let index = 0; index < template.length; index += 1) {
    hash ^= template.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
