import type { Command, CommandOption, OptionType } from '../../../commands/command.ts';
import { truncateText } from '../../alerts/fit-text.ts';
import {
  type APIApplicationCommandOption,
  type APIApplicationCommandOptionChoice,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  DISCORD_HARD_LIMITS as LIMITS,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIApplicationCommandsJSONBody,
} from './api-types.ts';

/** Names Discord accepts for commands and options (lower-case only, as `toDiscordCommands` checks). */
export const COMMAND_NAME_PATTERN = /^[-_\p{L}\p{N}]{1,32}$/u;

const OPTION_TYPES: Readonly<Record<OptionType, APIApplicationCommandOption['type']>> = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
};

/**
 * The registry's commands as Discord CHAT_INPUT command payloads (for a bulk overwrite of global or guild
 * commands). Required options come first, as Discord demands; descriptions are cut to 100 characters;
 * fixed choices become Discord choices (more than 25 become autocomplete instead, answered from the same
 * list); options with an autocomplete source get `autocomplete: true`. Commands needing the manage-channel
 * permission are hidden from members without Manage Channels (`default_member_permissions`; the runner
 * checks again, because server admins can change who sees a command) and are offered in servers only,
 * where there is a channel to manage; the rest work in the bot's DMs too.
 *
 * @throws Error when a command or option name is one Discord refuses: a programmer error in `commands/`,
 *   since a renamed option could not be matched back to its definition.
 */
export function toDiscordCommands(commands: readonly Command[]): RESTPostAPIApplicationCommandsJSONBody[] {
  return commands.map((command) => {
    const manage = command.permission === 'manage-channel';
    return {
      type: ApplicationCommandType.ChatInput,
      name: checkedName(command.name, `command /${command.name}`),
      description: description(command.description),
      options: [...command.options]
        // Array#sort is stable: the declared order is kept within required and optional options.
        .sort((a, b) => Number(b.required === true) - Number(a.required === true))
        .slice(0, LIMITS.options)
        .map((option) => toDiscordOption(command, option)),
      default_member_permissions: manage ? PermissionFlagsBits.ManageChannels.toString() : null,
      dm_permission: !manage,
      contexts: manage ? [InteractionContextType.Guild] : [InteractionContextType.Guild, InteractionContextType.BotDM],
      integration_types: [ApplicationIntegrationType.GuildInstall],
    };
  });
}

function toDiscordOption(command: Command, option: CommandOption): APIApplicationCommandOption {
  const payload: APIApplicationCommandOption = {
    type: OPTION_TYPES[option.type],
    name: checkedName(option.name, `option ${option.name} of /${command.name}`),
    description: description(option.description),
    required: option.required === true,
  };
  if (option.type !== 'boolean') Object.assign(payload, picker(option));
  if (option.type === 'integer') {
    if (option.min !== undefined) payload.min_value = option.min;
    if (option.max !== undefined) payload.max_value = option.max;
  }
  return payload;
}

/**
 * Fixed choices when all of them can be Discord choices; else autocomplete, answered from the same list.
 * Discord refuses choices together with autocomplete, and either on a boolean.
 */
function picker(option: CommandOption): Pick<APIApplicationCommandOption, 'choices' | 'autocomplete'> {
  const declared = option.choices?.length ?? 0;
  const choices = toChoices(option);
  if (declared > 0 && choices.length === declared && declared <= LIMITS.choices) return { choices };
  return option.autocomplete !== undefined || declared > 0 ? { autocomplete: true } : {};
}

function toChoices(option: CommandOption): APIApplicationCommandOptionChoice[] {
  return (option.choices ?? []).flatMap((choice): APIApplicationCommandOptionChoice[] => {
    // A choice longer than 100 characters cannot be a Discord choice; autocomplete offers it instead.
    if (choice.length > LIMITS.choiceValue) return [];
    if (option.type !== 'integer') return [{ name: truncateText(choice, LIMITS.choiceName), value: choice }];
    const value = Number(choice);
    return Number.isInteger(value) ? [{ name: choice, value }] : [];
  });
}

function checkedName(name: string, what: string): string {
  if (COMMAND_NAME_PATTERN.test(name) && name === name.toLowerCase()) return name;
  throw new Error(`Discord refuses the name of ${what}: "${name}" (expected 1–32 lower-case letters, digits, - or _)`);
}

function description(text: string): string {
  return truncateText(text.trim(), LIMITS.commandDescription) || '…';
}
