// When a failed delivery is tried again, and when the worker gives up on it.

/** How the delivery worker retries. */
export interface DeliveryRetryPolicy {
  /** Tries of one delivery in all, the first included; after the last failed retryable try it is failed. @defaultValue 8 */
  readonly maxAttempts: number;
  /** Wait after the first failed try; it doubles for each further one. @defaultValue 2 s */
  readonly baseDelayMs: number;
  /** Longest backoff wait (a platform's own retry-after is honoured even when longer). @defaultValue 10 min */
  readonly maxDelayMs: number;
  /**
   * Tries that must end in a `permanent-target` failure before the target is disabled. 1 disables it at
   * once; more tolerates a platform that answers "unknown channel" for a moment during an incident.
   * @defaultValue 1
   */
  readonly targetFailureAttempts: number;
}

/**
 * The default retry table.
 *
 * | failure                                  | what happens                                                      |
 * |------------------------------------------|-------------------------------------------------------------------|
 * | retryable, platform sent a retry-after   | next try exactly then (429 rate limits, 503 with Retry-After)     |
 * | retryable, no retry-after                | backoff 2 s, 4 s, 8 s … (doubling, at most 10 min), minus jitter  |
 * | retryable on try 8                       | delivery failed (with these defaults after about 4 minutes)       |
 * | permanent-target                         | every pending delivery of the target disabled, integrator told   |
 * | permanent-message                        | this delivery failed; the target's next one goes out              |
 *
 * Jitter: the wait is drawn from [½ backoff, backoff]. When a platform has an outage, every target's head
 * delivery fails at about the same moment; without jitter they would all retry in lockstep.
 */
export const DEFAULT_DELIVERY_POLICY: DeliveryRetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 2_000,
  maxDelayMs: 10 * 60_000,
  targetFailureAttempts: 1,
};

/**
 * Milliseconds to wait after the `attempts`-th failed try (1 for the first). `random` returns [0, 1);
 * `retryAfterMs` is the platform's requested wait, used as given when present.
 */
export function retryDelayMs(
  attempts: number,
  policy: DeliveryRetryPolicy,
  random: () => number,
  retryAfterMs: number | null,
): number {
  if (retryAfterMs !== null) return Math.ceil(retryAfterMs);
  const backoff = Math.min(policy.baseDelayMs * 2 ** Math.max(0, attempts - 1), policy.maxDelayMs);
  const jitter = Math.min(Math.max(random(), 0), 1);
  return Math.round(backoff / 2 + (jitter * backoff) / 2);
}
