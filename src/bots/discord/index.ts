// Discord rendering: neutral alerts, thread details, command definitions and replies as API v10 JSON (pure).
export {
  toDiscordMessage,
  needsThread,
  toButton,
  type DiscordMessage,
  type DiscordMessageOptions,
} from './to-discord-message.ts';
export { threadDetails, type ThreadDetailsOptions } from './thread-details.ts';
export { toDiscordCommands, COMMAND_NAME_PATTERN } from './to-discord-commands.ts';
export { toDiscordReply, type DiscordReply } from './to-discord-reply.ts';
export {
  toCustomId,
  parseCustomId,
  resolveSourceRef,
  sourceHash,
  VERSION_PREFIX_LENGTH,
  type ButtonAction,
} from './custom-id.ts';
export { toDiscordMention, NO_MENTIONS, type DiscordMention } from './mentions.ts';
export { embedLength, embedsLength, enforceEmbedLimits, toActionRows } from './embed-limits.ts';
export * from './api-types.ts';
