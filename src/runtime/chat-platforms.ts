import { createDiscordPlatform } from '../bots/discord/discord-platform.ts';
import { createSlackPlatform } from '../bots/slack/slack-platform.ts';
import type { Notifier } from '../alerts/delivery/notifier.ts';
import type { Platform } from '../domain/subscription.ts';
import type { Runtime } from '../main.ts';
import type { ChatPlatform } from './chat-platform.ts';

/** The chat platforms the configuration has credentials for; none means the console alone. */
export function createChatPlatforms(runtime: Runtime): ChatPlatform[] {
  const { discord, slack } = runtime.config;
  const platforms: ChatPlatform[] = [];
  if (discord !== null) platforms.push(createDiscordPlatform(discord, runtime));
  if (slack !== null) platforms.push(createSlackPlatform(slack, runtime));
  return platforms;
}

/** Each platform's notifier, keyed by platform, for the delivery worker. */
export function notifiersOf(platforms: readonly ChatPlatform[]): Partial<Record<Platform, Notifier>> {
  return Object.fromEntries(platforms.map((platform) => [platform.platform, platform.notifier]));
}
