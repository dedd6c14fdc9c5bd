import { DeliveryError, describeError } from '../../domain/errors.ts';

/**
 * How a failed send is handled:
 * - `retryable`: the platform or the network failed (5xx, reset, timeout, 429); try again later.
 * - `permanent-target`: the target is unusable (channel gone, DMs closed, bot not in the channel); stop
 *   sending anything to it.
 * - `permanent-message`: this one message is refused (too large, invalid); give up on it only.
 */
export type DeliveryFailureKind = 'retryable' | 'permanent-target' | 'permanent-message';

/** What an adapter knows about a failed send besides the kind. */
export interface DeliveryFailureDetails {
  /** A stable snake_case code, e.g. `discord_unknown_channel`. @defaultValue one per kind */
  readonly code?: string | undefined;
  /** The platform asked to wait this long before the next try (HTTP Retry-After, Slack `retry_after`). */
  readonly retryAfterMs?: number | undefined;
  /** HTTP status of the refusal, when there was one. */
  readonly status?: number | undefined;
  readonly cause?: unknown;
}

const DEFAULT_CODES: Readonly<Record<DeliveryFailureKind, string>> = {
  retryable: 'delivery_unavailable',
  'permanent-target': 'target_unusable',
  'permanent-message': 'message_refused',
};

/**
 * The error a {@link Notifier} throws when a send fails: the worker branches on `kind`. Adapters wrap what
 * they catch (undici, discord.js, Slack Web API errors) into this; any other thrown value counts as retryable.
 */
export class DeliveryFailure extends DeliveryError {
  readonly kind: DeliveryFailureKind;
  readonly retryAfterMs: number | undefined;
  readonly status: number | undefined;

  constructor(kind: DeliveryFailureKind, message: string, details: DeliveryFailureDetails = {}) {
    super(
      details.code ?? DEFAULT_CODES[kind],
      message,
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.kind = kind;
    this.retryAfterMs = details.retryAfterMs;
    this.status = details.status;
  }
}

/** How the worker treats a thrown value: its kind, the platform's requested wait, and a line for the outbox. */
export interface ClassifiedFailure {
  readonly kind: DeliveryFailureKind;
  /** A usable wait (finite, not negative), or null when the platform asked for none. */
  readonly retryAfterMs: number | null;
  /** `code: message`, stored as the delivery's `lastError`. */
  readonly description: string;
  /** False for values that are not a `DeliveryError`: an adapter let a raw error escape. */
  readonly wrapped: boolean;
}

/**
 * Classifies anything a notifier threw. An unwrapped error is retried rather than dropped: losing an alert
 * to an adapter bug is worse than a few bounded retries, and the worker logs it loudly.
 */
export function classifyFailure(error: unknown): ClassifiedFailure {
  const { code, message } = describeError(error);
  const description = `${code}: ${message}`;
  if (!(error instanceof DeliveryFailure)) {
    return { kind: 'retryable', retryAfterMs: null, description, wrapped: error instanceof DeliveryError };
  }
  const wait = error.retryAfterMs;
  const retryAfterMs = wait !== undefined && Number.isFinite(wait) && wait >= 0 ? wait : null;
  return { kind: error.kind, retryAfterMs, description, wrapped: true };
}
