import type { DiscordSettings } from '../../config/chat-settings.ts';
import { ConfigError } from '../../domain/errors.ts';
import type { Runtime } from '../../main.ts';
import type { ChatPlatform } from '../../runtime/chat-platform.ts';

/** The Discord platform: gateway client, command handling and the outbox notifier. */
export function createDiscordPlatform(_settings: DiscordSettings, _runtime: Runtime): ChatPlatform {
  throw new ConfigError('Discord is not available yet: unset DISCORD_TOKEN');
}
