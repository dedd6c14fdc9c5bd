import type { Platform, Target } from '../../domain/subscription.ts';
import type { AlertMessage } from '../message.ts';

/** Per-send options. */
export interface SendOptions {
  /**
   * One per (event, target), the same on every try of a delivery. Platforms that support idempotent sends
   * get it (Discord's `nonce` with `enforce_nonce`), so a resend after a crash between the send and
   * `markSent` is dropped by the platform. Where a platform has no such thing, a crash in that window makes
   * the message appear at most twice; it is never lost.
   */
  readonly idempotencyKey: string;
}

/** What a successful send returns. */
export interface SendResult {
  /** The platform's id of the posted message (for later edits or threads), or null when it has none. */
  readonly messageId: string | null;
}

/**
 * The delivery port: posts one neutral alert to one target of one platform (console, Discord, Slack).
 * Adapters fit the message to their platform's limits and render it. A failed send throws a
 * `DeliveryFailure` whose `kind` tells the worker whether to retry, give up on the message, or disable
 * the target.
 */
export interface Notifier {
  send(target: Target, message: AlertMessage, options: SendOptions): Promise<SendResult>;
}

/** Finds the notifier of a platform. */
export interface NotifierRegistry {
  /** The platform's notifier, or undefined when none is configured (its deliveries then stay pending). */
  notifierFor(platform: Platform): Notifier | undefined;
  /** Platforms that have a notifier. */
  readonly platforms: readonly Platform[];
}

/** A registry over the notifiers configured at start-up; platforms left out have none. */
export function createNotifierRegistry(notifiers: Partial<Record<Platform, Notifier>>): NotifierRegistry {
  const byPlatform = new Map<Platform, Notifier>();
  for (const [platform, notifier] of Object.entries(notifiers) as [Platform, Notifier | undefined][]) {
    if (notifier !== undefined) byPlatform.set(platform, notifier);
  }
  return {
    notifierFor: (platform) => byPlatform.get(platform),
    platforms: [...byPlatform.keys()],
  };
}
