/** Fakes for the delivery tests: a settable clock, a scripted notifier, a recording logger, deliveries. */
import type { Clock } from '../../domain/clock.ts';
import type { Logger } from '../../domain/logger.ts';
import type { Platform, Target } from '../../domain/subscription.ts';
import type { NewDelivery } from '../../store/alert-store.ts';
import type { AlertMessage } from '../message.ts';
import type { Notifier, SendOptions, SendResult } from './notifier.ts';

export const START = '2025-04-02T08:00:00.000Z';

export function fakeClock(iso = START): Clock & { advance(ms: number): void; iso(): string } {
  let now = Date.parse(iso);
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    iso: () => new Date(now).toISOString(),
  };
}

export function target(channelId: string, platform: Platform = 'discord'): Target {
  return { platform, workspaceId: 'guild-1', channelId, userId: null };
}

export function alert(headline: string): AlertMessage {
  return {
    kind: 'news',
    headline,
    significance: null,
    vendor: null,
    color: 0x5865f2,
    url: null,
    fields: [],
    clauseChanges: [],
    items: [],
    moreChanges: null,
    moreItems: null,
    links: [],
    buttons: [],
    mention: null,
    footer: null,
    timestamp: START,
  };
}

/** A delivery whose key and headline are `key`. */
export function delivery(key: string, to: Target, createdAt = START): NewDelivery {
  return { idempotencyKey: key, target: to, message: alert(key), createdAt };
}

export interface SendCall {
  readonly target: Target;
  readonly headline: string;
  readonly idempotencyKey: string;
}

/**
 * A notifier that records every call. `script(headline, …)` queues what the next sends of that headline do:
 * an error to throw, or 'ok'. Unscripted sends succeed with id `m-<headline>`. With `idempotent`, a key sent
 * before is accepted without posting again, as Discord does with an enforced nonce.
 */
export function scriptedNotifier(options: { readonly idempotent?: boolean } = {}): Notifier & {
  readonly calls: SendCall[];
  /** What the platform shows: one entry per message actually posted. */
  readonly posted: string[];
  script(headline: string, ...outcomes: (Error | 'ok')[]): void;
} {
  const calls: SendCall[] = [];
  const posted: string[] = [];
  const keys = new Map<string, string>();
  const scripts = new Map<string, (Error | 'ok')[]>();
  return {
    calls,
    posted,
    script(headline, ...outcomes) {
      scripts.set(headline, [...(scripts.get(headline) ?? []), ...outcomes]);
    },
    send(to: Target, message: AlertMessage, { idempotencyKey }: SendOptions): Promise<SendResult> {
      calls.push({ target: to, headline: message.headline, idempotencyKey });
      const outcome = scripts.get(message.headline)?.shift() ?? 'ok';
      if (outcome !== 'ok') return Promise.reject(outcome);
      const known = options.idempotent === true ? keys.get(idempotencyKey) : undefined;
      if (known !== undefined) return Promise.resolve({ messageId: known });
      posted.push(message.headline);
      const messageId = `m-${message.headline}`;
      keys.set(idempotencyKey, messageId);
      return Promise.resolve({ messageId });
    },
  };
}

export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly message: string;
  readonly fields: object;
}

export function recordingLogger(): Logger & { readonly lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (fields: object, message = ''): void => {
      lines.push({ level, message, fields });
    };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
