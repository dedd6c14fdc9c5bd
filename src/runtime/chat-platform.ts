import type { Notifier } from '../alerts/delivery/notifier.ts';
import type { Platform } from '../domain/subscription.ts';

/**
 * One chat platform the bot runs on (Discord, Slack): it answers commands coming in and delivers outbox
 * messages going out through its notifier.
 */
export interface ChatPlatform {
  readonly platform: Exclude<Platform, 'console'>;
  /** Sends outbox deliveries to this platform's targets. */
  readonly notifier: Notifier;
  /** Connects (gateway login, HTTP receiver, socket) and starts answering commands. Throws on bad credentials. */
  start(): Promise<void>;
  /** Disconnects and closes listeners; safe to call twice or before `start`. */
  stop(): Promise<void>;
}
