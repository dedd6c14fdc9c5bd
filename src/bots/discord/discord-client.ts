import { Client, GatewayIntentBits, Options, type RESTOptions } from 'discord.js';
import type { DiscordSettings } from '../../config/chat-settings.ts';

/** Longest Retry-After discord.js may wait out inside a send; a longer one fails the send as retryable. */
export const MAX_RATE_LIMIT_WAIT_MS = 60_000;

/** REST options shared by the bot and `deploy-commands`. */
export function restOptions(settings: Pick<DiscordSettings, 'apiUrl'>): Partial<RESTOptions> {
  return {
    ...(settings.apiUrl === undefined ? {} : { api: settings.apiUrl }),
    // One request never hangs a delivery lane for long; the outbox retries with backoff after that.
    timeout: 15_000,
    // 5xx and network errors are retried twice at once by discord.js, then by the outbox with backoff.
    retries: 2,
    // discord.js waits on Retry-After itself (with its global limiter of 50 requests/s); only an unusually long
    // wait is handed back to the outbox, which schedules the delivery instead of holding a lane.
    rejectOnRateLimit: (info) => info.retryAfter > MAX_RATE_LIMIT_WAIT_MS,
  };
}

/**
 * The discord.js client: the Guilds intent only (slash commands and buttons need no message content or
 * member lists), caches kept small because nothing reads messages, members or presences, and REST and the
 * gateway pointed at `settings.apiUrl` when set (the gateway URL comes from `GET /gateway/bot`).
 */
export function createDiscordClient(settings: Pick<DiscordSettings, 'apiUrl'>): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: restOptions(settings),
    allowedMentions: { parse: [] },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      GuildMemberManager: 0,
      UserManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      ThreadMemberManager: 0,
      VoiceStateManager: 0,
      GuildInviteManager: 0,
      GuildScheduledEventManager: 0,
      StageInstanceManager: 0,
      AutoModerationRuleManager: 0,
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      threads: { interval: 3600, lifetime: 3600 },
    },
  });
}
