import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { DeliveryFailure } from '../../alerts/delivery/delivery-failure.ts';

/**
 * Discord JSON error codes that mean the target itself is unusable: sending anything else there fails too,
 * so the worker disables it (and pauses its subscriptions) instead of retrying.
 */
const TARGET_CODES: Readonly<Record<number, string>> = {
  10003: 'discord_unknown_channel',
  10013: 'discord_unknown_user',
  50001: 'discord_missing_access',
  50007: 'discord_cannot_dm',
  50013: 'discord_missing_permissions',
};

/** Codes that refuse this one message (too large, malformed, empty); other messages may still go through. */
const MESSAGE_CODES: Readonly<Record<number, string>> = {
  50006: 'discord_empty_message',
  50035: 'discord_invalid_form_body',
};

/**
 * What a failed Discord call means for the delivery worker:
 *
 * | failure                                         | kind                | why                                 |
 * |-------------------------------------------------|---------------------|-------------------------------------|
 * | 50007, 10003, 10013, 50001, 50013               | `permanent-target`  | DMs closed, channel gone, no access |
 * | 50035, 50006                                    | `permanent-message` | this payload is refused             |
 * | 429 (discord.js gave up waiting), 5xx, 401      | `retryable`         | transient, or a token being fixed   |
 * | other 4xx                                       | `permanent-message` | resending the same body fails again |
 * | network errors, timeouts, anything else         | `retryable`         | transient                           |
 *
 * discord.js already waited on `Retry-After` and retried 5xx a few times before this is reached.
 */
export function toDeliveryFailure(error: unknown, what: string): DeliveryFailure {
  if (error instanceof DeliveryFailure) return error;
  if (error instanceof RateLimitError) {
    return new DeliveryFailure('retryable', `Discord rate limit on ${what}: retry after ${error.retryAfter} ms`, {
      code: 'discord_rate_limited',
      retryAfterMs: error.retryAfter,
      status: 429,
      cause: error,
    });
  }
  if (error instanceof DiscordAPIError) return fromApiError(error, what);
  if (error instanceof HTTPError) {
    return new DeliveryFailure('retryable', `Discord answered HTTP ${error.status} for ${what}`, {
      code: 'discord_unavailable',
      status: error.status,
      cause: error,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new DeliveryFailure('retryable', `could not reach Discord for ${what}: ${reason}`, {
    code: 'discord_unreachable',
    cause: error,
  });
}

function fromApiError(error: DiscordAPIError, what: string): DeliveryFailure {
  const code = typeof error.code === 'number' ? error.code : 0;
  const message = `Discord refused ${what}: ${error.message} (code ${code}, HTTP ${error.status})`;
  const details = { status: error.status, cause: error };
  const targetCode = TARGET_CODES[code];
  if (targetCode !== undefined)
    return new DeliveryFailure('permanent-target', message, { ...details, code: targetCode });
  const messageCode = MESSAGE_CODES[code];
  if (messageCode !== undefined) {
    return new DeliveryFailure('permanent-message', message, { ...details, code: messageCode });
  }
  if (error.status === 429 || error.status >= 500 || error.status === 401) {
    return new DeliveryFailure('retryable', message, { ...details, code: 'discord_unavailable' });
  }
  return new DeliveryFailure('permanent-message', message, { ...details, code: 'discord_refused' });
}

/** Whether the error is Discord's "Unknown Channel" (a cached DM channel that no longer exists). */
export function isUnknownChannel(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === 10003;
}
