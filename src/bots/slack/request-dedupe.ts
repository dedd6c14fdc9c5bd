import type { Logger } from '../../domain/logger.ts';
import { createRecentKeys } from './recent-keys.ts';

/** Slack resends an event up to three times within about an hour and a half when no ack arrived in 3 s. */
const REMEMBER_MS = 2 * 60 * 60 * 1000;

/** What a Bolt global middleware receives, reduced to what the dedupe reads. */
export interface DedupeArgs {
  readonly body: unknown;
  readonly ack?: (() => Promise<void>) | undefined;
  readonly next: () => Promise<void>;
  readonly context: { readonly retryNum?: number | undefined };
}

/**
 * The key that makes a request "the same" as one handled already: an event's `event_id` (kept across
 * Slack's retries, which add `x-slack-retry-num`), or an interaction's or command's `trigger_id`.
 */
export function requestKey(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { event_id: eventId, trigger_id: triggerId } = body as { event_id?: unknown; trigger_id?: unknown };
  if (typeof eventId === 'string') return `event:${eventId}`;
  if (typeof triggerId === 'string') return `trigger:${triggerId}`;
  return undefined;
}

/**
 * A Bolt global middleware that drops a request whose key was seen in the last two hours: Slack's retries
 * of events it thinks went unacknowledged (the first run may still be under way), and a redelivered
 * Socket Mode envelope. The duplicate is acknowledged, so Slack stops resending it, and nothing runs twice.
 * A retry whose original was never seen (the process restarted) runs normally.
 */
export function createRequestDedupe(logger: Logger, now: () => number = Date.now) {
  const seen = createRecentKeys<true>({ ttlMs: REMEMBER_MS, max: 50_000, now });
  return async function dedupe(args: DedupeArgs): Promise<void> {
    const key = requestKey(args.body);
    if (key !== undefined && !seen.claim(key, true)) {
      logger.info({ key, retryNum: args.context.retryNum }, 'dropped a repeated Slack request');
      if (args.ack !== undefined) await args.ack();
      return;
    }
    await args.next();
  };
}
