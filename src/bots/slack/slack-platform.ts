import { webApi } from '@slack/bolt';
import type { SlackSettings } from '../../config/chat-settings.ts';
import type { Runtime } from '../../main.ts';
import type { ChatPlatform } from '../../runtime/chat-platform.ts';
import { runChatCommand } from '../../runtime/delivery-notice.ts';
import { clientOptions, createSlackApp } from './slack-app.ts';
import { createSlackNotifier } from './slack-notifier.ts';

/** Test and tuning knobs of {@link createSlackPlatform}; production uses the defaults. */
export interface SlackPlatformOptions {
  /** Interface of the HTTP receiver. @defaultValue all interfaces */
  readonly host?: string | undefined;
  /** @defaultValue 2000 */
  readonly ackBudgetMs?: number | undefined;
  /** Least time between two posts to one channel. @defaultValue 1000 */
  readonly channelIntervalMs?: number | undefined;
}

/** The Slack platform, and where its HTTP receiver listens once started. */
export interface SlackPlatform extends ChatPlatform {
  /** `http://host:port/slack/events` in HTTP mode once started; undefined in Socket Mode. */
  receiverUrl(): string | undefined;
}

/** The Slack platform: Bolt app (HTTP or Socket Mode), command handling and the outbox notifier. */
export function createSlackPlatform(
  settings: SlackSettings,
  runtime: Runtime,
  options: SlackPlatformOptions = {},
): SlackPlatform {
  const app = createSlackApp({
    settings,
    logger: runtime.logger,
    run: (name, rawOptions, invocation) => runChatCommand(runtime.commands, name, rawOptions, invocation),
    subscriptions: runtime.alerts,
    host: options.host,
    ackBudgetMs: options.ackBudgetMs,
  });
  // Deliveries get their own client: 429s come back to the notifier (which waits per channel or hands the
  // wait to the worker) instead of pausing every call, and failures are not retried behind the worker's back.
  const client = new webApi.WebClient(settings.botToken, {
    ...clientOptions(settings, runtime.logger),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });
  const notifier = createSlackNotifier({
    client,
    botName: () => app.botName(),
    ...(options.channelIntervalMs === undefined ? {} : { channelIntervalMs: options.channelIntervalMs }),
  });
  let started = false;
  return {
    platform: 'slack',
    notifier,
    async start() {
      await app.start();
      started = true;
    },
    async stop() {
      if (!started) return;
      started = false;
      await app.stop();
    },
    receiverUrl: () => app.receiverUrl(),
  };
}
