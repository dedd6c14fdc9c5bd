// When a failed fetch is tried again, and after how long.
import { isTransientFailure } from './fetch-errors.ts';
import { headerValue, type Exchange } from './transport.ts';

/** How the fetcher retries transient failures. */
export interface RetryPolicy {
  /** Tries in total, the first one included; 1 turns retries off. */
  readonly attempts: number;
  /** Wait before the first retry; it doubles for each further retry. */
  readonly baseDelayMs: number;
  /** Longest wait between two tries, for the backoff and for a server's Retry-After. */
  readonly maxDelayMs: number;
}

/**
 * The default retry table.
 *
 * | failure                                   | retried? | wait                                            |
 * |-------------------------------------------|----------|-------------------------------------------------|
 * | network error (reset, refused, DNS)       | yes      | backoff: 1 s, 2 s (doubling, at most 30 s)      |
 * | HTTP 5xx, HTTP 429                        | yes      | Retry-After when sent (at most 30 s), else backoff |
 * | Retry-After longer than 30 s              | no       | the server wants a longer pause; the next poll retries |
 * | other 4xx, timeout, too large, TLS cert   | no       | a retry would fail the same way or take as long again |
 * | SSRF refusal, robots.txt refusal          | never    | a policy decision, not a failure                |
 *
 * No jitter: requests to one host are already serialised and spaced by the per-host limiter, so there is no
 * herd of clients to spread out.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
};

/** True for response statuses worth another try: 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/** Backoff before retry number `retry` (1 for the first retry): `baseDelayMs · 2^(retry-1)`, capped. */
export function backoffDelayMs(retry: number, policy: RetryPolicy): number {
  return Math.min(policy.baseDelayMs * 2 ** Math.max(0, retry - 1), policy.maxDelayMs);
}

/**
 * Parses a Retry-After header, either delta-seconds (`120`) or an HTTP date, into milliseconds from `now`
 * (never negative). `null` when absent or unparseable.
 */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Every HTTP-date form names a month; this keeps V8's lenient Date.parse from reading "-5" as a year.
  if (!/[a-z]{3}/i.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now.getTime());
}

/**
 * The wait before retry number `retry` after a retryable status, or `null` to give up now because the server's
 * Retry-After is longer than `maxDelayMs`.
 */
export function statusRetryDelayMs(
  retryAfter: string | undefined,
  retry: number,
  policy: RetryPolicy,
  now: Date,
): number | null {
  const requested = parseRetryAfter(retryAfter, now);
  if (requested === null) return backoffDelayMs(retry, policy);
  return requested > policy.maxDelayMs ? null : requested;
}

/** What the retry loop needs; `sleep` and `now` are injected so tests neither wait nor depend on the date. */
export interface RetryDeps {
  readonly policy: RetryPolicy;
  /** Waits `ms`; may return early when `signal` aborts (the next attempt then fails as aborted). */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly now: () => Date;
}

/**
 * Runs `attempt` until it yields a response that is not worth retrying, the attempts are used up, or the
 * caller's signal aborts. Returns the last response (possibly a 5xx/429; the caller turns it into an error);
 * rethrows the last `SourceFetchError` when only network errors came back.
 */
export async function withRetries(
  attempt: () => Promise<Exchange>,
  deps: RetryDeps,
  signal?: AbortSignal,
): Promise<Exchange> {
  for (let tried = 1; ; tried += 1) {
    let waitMs: number | null;
    try {
      const response = await attempt();
      if (!isRetryableStatus(response.status) || tried >= deps.policy.attempts) return response;
      waitMs = statusRetryDelayMs(headerValue(response.headers, 'retry-after'), tried, deps.policy, deps.now());
      if (waitMs === null) return response;
    } catch (error) {
      if (!isTransientFailure(error) || tried >= deps.policy.attempts || signal?.aborted === true) throw error;
      waitMs = backoffDelayMs(tried, deps.policy);
    }
    await deps.sleep(waitMs, signal);
  }
}

/** The default sleep: a timer that ends early, without throwing, when `signal` aborts. */
export function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
