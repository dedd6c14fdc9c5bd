import type { SlackSettings } from '../../config/chat-settings.ts';
import { ConfigError } from '../../domain/errors.ts';
import type { Runtime } from '../../main.ts';
import type { ChatPlatform } from '../../runtime/chat-platform.ts';

/** The Slack platform: Bolt app (HTTP or Socket Mode), command handling and the outbox notifier. */
export function createSlackPlatform(_settings: SlackSettings, _runtime: Runtime): ChatPlatform {
  throw new ConfigError('Slack is not available yet: unset SLACK_BOT_TOKEN');
}
