import { createHash } from 'node:crypto';
import { type APIChannel, type APIMessage, type REST, Routes } from 'discord.js';
import { DeliveryFailure } from '../../alerts/delivery/delivery-failure.ts';
import type { Notifier, SendOptions, SendResult } from '../../alerts/delivery/notifier.ts';
import { truncateText } from '../../alerts/fit-text.ts';
import type { AlertMessage } from '../../alerts/message.ts';
import { describeError } from '../../domain/errors.ts';
import type { Logger } from '../../domain/logger.ts';
import type { Target } from '../../domain/subscription.ts';
import { isUnknownChannel, toDeliveryFailure } from './discord-failure.ts';
import { NO_MENTIONS } from './mentions.ts';
import { threadDetails } from './thread-details.ts';
import { needsThread, toDiscordMessage } from './to-discord-message.ts';

/** Options of {@link createDiscordNotifier}. */
export interface DiscordNotifierOptions {
  /** discord.js REST with the bot token set; it waits on rate limits and retries 5xx itself. */
  readonly rest: REST;
  readonly logger: Logger;
  /** DM channel ids remembered per user, so a DM costs one request instead of two. @defaultValue 10000 */
  readonly dmCacheSize?: number | undefined;
  /** Most messages in a thread of details under a long alert. @defaultValue 20 */
  readonly maxThreadMessages?: number | undefined;
}

/** Discord's limit on a nonce. */
const NONCE_LENGTH = 25;
/** A thread's name is at most 100 characters. */
const THREAD_NAME_LENGTH = 100;
/** Threads under alerts archive after a day without messages. */
const THREAD_ARCHIVE_MINUTES = 1440;

/**
 * The Discord notifier (`DiscordNotifier`): posts an alert to a channel, or to a user's DMs (opening the DM
 * channel first and remembering it). Every message carries a `nonce` derived from the delivery's idempotency key
 * with `enforce_nonce`, so a resend after a crash returns the message Discord already created instead of a
 * duplicate. When clause changes do not fit a channel alert, their full text follows in a thread under it; a
 * thread that fails is logged, never turned into a resend of the alert. Failures become `DeliveryFailure`s
 * (see `discord-failure.ts`).
 */
export function createDiscordNotifier(options: DiscordNotifierOptions): Notifier {
  const { rest, logger } = options;
  const dmChannels = createLruCache(options.dmCacheSize ?? 10_000);
  const maxMessages = options.maxThreadMessages ?? 20;

  const openDm = async (userId: string): Promise<string> => {
    const cached = dmChannels.get(userId);
    if (cached !== undefined) return cached;
    const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIChannel;
    dmChannels.set(userId, channel.id);
    return channel.id;
  };

  const postThread = async (channelId: string, messageId: string, message: AlertMessage, key: string) => {
    try {
      const thread = (await rest.post(Routes.threads(channelId, messageId), {
        body: {
          name: truncateText(message.headline, THREAD_NAME_LENGTH) || 'Details',
          auto_archive_duration: THREAD_ARCHIVE_MINUTES,
        },
      })) as APIChannel;
      for (const [index, content] of threadDetails(message, { maxMessages }).entries()) {
        await rest.post(Routes.channelMessages(thread.id), {
          body: {
            content,
            allowed_mentions: NO_MENTIONS,
            nonce: nonceOf(`${key}#thread-${index}`),
            enforce_nonce: true,
          },
        });
      }
    } catch (error) {
      logger.warn(
        { channel: channelId, message: messageId, err: describeError(error) },
        'could not post the details thread',
      );
    }
  };

  return {
    async send(target: Target, message: AlertMessage, sendOptions: SendOptions): Promise<SendResult> {
      const what = describeTarget(target);
      const inChannel = target.channelId !== null;
      let channelId: string | undefined;
      try {
        channelId = target.channelId ?? (await openDm(userOf(target)));
        const body = {
          ...toDiscordMessage(message, { threadable: inChannel }),
          nonce: nonceOf(sendOptions.idempotencyKey),
          enforce_nonce: true,
        };
        const posted = (await rest.post(Routes.channelMessages(channelId), { body })) as APIMessage;
        if (inChannel && needsThread(message))
          await postThread(channelId, posted.id, message, sendOptions.idempotencyKey);
        return { messageId: posted.id };
      } catch (error) {
        // A remembered DM channel that is gone is opened afresh on the next try.
        if (!inChannel && isUnknownChannel(error) && target.userId !== null) dmChannels.delete(target.userId);
        throw toDeliveryFailure(error, what);
      }
    },
  };
}

/** Discord's nonce (at most 25 characters) for an idempotency key: the same key always gives the same nonce. */
export function nonceOf(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, NONCE_LENGTH);
}

function userOf(target: Target): string {
  if (target.userId === null) {
    throw new DeliveryFailure('permanent-target', 'a Discord target needs a channel or a user', {
      code: 'discord_no_target',
    });
  }
  return target.userId;
}

function describeTarget(target: Target): string {
  return target.channelId === null ? `the DMs of user ${target.userId ?? '?'}` : `channel ${target.channelId}`;
}

interface LruCache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  delete(key: string): void;
}

/** A Map kept to `size` entries, dropping the least recently used: a bot in many servers meets many users. */
function createLruCache(size: number): LruCache {
  const entries = new Map<string, string>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > size) entries.delete(entries.keys().next().value ?? key);
    },
    delete: (key) => entries.delete(key),
  };
}
