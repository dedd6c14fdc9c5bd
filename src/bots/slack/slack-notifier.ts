import type { types, webApi } from '@slack/bolt';
import type { Notifier, SendResult } from '../../alerts/delivery/notifier.ts';
import type { AlertMessage } from '../../alerts/message.ts';
import type { Target } from '../../domain/subscription.ts';
import type { SlackMessage } from './block-kit.ts';
import { createChannelPacer } from './channel-pacer.ts';
import { createRecentKeys } from './recent-keys.ts';
import { toDeliveryFailure } from './slack-errors.ts';
import { toSlackMessage } from './slack-message.ts';
import { threadReplies } from './thread-replies.ts';

/** Options of {@link createSlackNotifier}. */
export interface SlackNotifierOptions {
  /** A Web API client with `rejectRateLimitedCalls: true`, so 429s come back here instead of pausing it. */
  readonly client: webApi.WebClient;
  /** The bot's name, for reasons like "invite @clausewatch". @defaultValue `() => 'clausewatch'` */
  readonly botName?: () => string;
  /** Least time between two posts to one channel. @defaultValue 1000 */
  readonly channelIntervalMs?: number;
  /** A Retry-After up to this long is waited out in place; a longer one goes back to the worker. @defaultValue 10000 */
  readonly maxInlineWaitMs?: number;
  /** How long a sent idempotency key is remembered. @defaultValue one day */
  readonly sentTtlMs?: number;
  /** @defaultValue `setTimeout` */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** How far one delivery got: its message's ts, and how many thread replies went out under it. */
interface Progress {
  readonly channel: string;
  readonly ts: string;
  readonly replies: number;
  readonly done: boolean;
}

/** Inline waits for one post before the failure goes back to the worker. */
const INLINE_TRIES = 3;

/**
 * The Slack {@link Notifier}: channels by id, DMs through `conversations.open` (the DM channel cached per
 * user), the alert fitted by `toSlackMessage`, and a long alert's full clause changes as thread replies.
 *
 * Idempotency: Slack has no nonce. Each idempotency key's progress (message ts, replies sent) is kept in
 * memory for a day, so a retry after a failed thread reply continues where it stopped and a repeated send
 * of a delivered key posts nothing. A message can still appear twice if the process dies between Slack's
 * answer and the outbox's `markSent`, or if Slack posted but the answer was lost (timeout): at most twice,
 * never lost.
 *
 * The returned `messageId` is `<channel>:<ts>`, what `chat.update` and `thread_ts` need.
 */
export function createSlackNotifier(options: SlackNotifierOptions): Notifier {
  const { client } = options;
  const botName = options.botName ?? (() => 'clausewatch');
  const maxInlineWaitMs = options.maxInlineWaitMs ?? 10_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pacer = createChannelPacer(options.channelIntervalMs ?? 1000);
  const progress = createRecentKeys<Progress>({ ttlMs: options.sentTtlMs ?? 86_400_000, max: 20_000 });
  const dmChannels = createRecentKeys<string>({ ttlMs: 86_400_000, max: 20_000 });

  async function call<TResult>(method: string, where: string, run: () => Promise<TResult>): Promise<TResult> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await run();
      } catch (error) {
        const failure = toDeliveryFailure(error, { method, where, botName: botName() });
        const wait = failure.retryAfterMs;
        if (wait === undefined || wait > maxInlineWaitMs || attempt >= INLINE_TRIES) throw failure;
        await sleep(wait);
      }
    }
  }

  async function channelOf(target: Target): Promise<string> {
    if (target.channelId !== null) return target.channelId;
    const userId = target.userId;
    if (userId === null) throw new Error(`Slack target without channel or user in ${target.workspaceId}`);
    const key = `${target.workspaceId}|${userId}`;
    const cached = dmChannels.get(key);
    if (cached !== undefined) return cached;
    const opened = await call('conversations.open', userId, () => client.conversations.open({ users: userId }));
    const channel = opened.channel?.id;
    if (channel === undefined) throw new Error(`conversations.open gave no channel for ${userId}`);
    dmChannels.set(key, channel);
    return channel;
  }

  async function post(channel: string, message: SlackMessage, threadTs?: string): Promise<string> {
    const answer = await pacer.run(channel, () =>
      call('chat.postMessage', channel, () =>
        client.chat.postMessage({
          channel,
          text: message.text,
          blocks: message.blocks as types.KnownBlock[],
          unfurl_links: false,
          unfurl_media: false,
          ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
        }),
      ),
    );
    if (answer.ts === undefined) throw new Error(`chat.postMessage to ${channel} returned no ts`);
    return answer.ts;
  }

  return {
    async send(target, message: AlertMessage, { idempotencyKey }): Promise<SendResult> {
      const before = progress.get(idempotencyKey);
      if (before?.done === true) return { messageId: `${before.channel}:${before.ts}` };
      const channel = before?.channel ?? (await channelOf(target));
      const replies = threadReplies(message);
      let state: Progress = before ?? {
        channel,
        ts: await post(channel, toSlackMessage(message)),
        replies: 0,
        done: replies.length === 0,
      };
      progress.set(idempotencyKey, state);
      for (let index = state.replies; index < replies.length; index += 1) {
        const reply = replies[index];
        if (reply !== undefined) await post(channel, reply, state.ts);
        state = { ...state, replies: index + 1, done: index + 1 === replies.length };
        progress.set(idempotencyKey, state);
      }
      return { messageId: `${channel}:${state.ts}` };
    },
  };
}
