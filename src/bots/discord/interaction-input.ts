import {
  type APIApplicationCommandInteractionDataOption,
  type APIInteraction,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
  PermissionFlagsBits,
} from 'discord.js';
import type { Invocation, RawOptions } from '../../../commands/index.ts';

/**
 * The workspace of a command run in the bot's DMs, where there is no guild. DM targets made there are the
 * user's own (`@dm` workspace); delivery notices are per user across workspaces, so they reach the user in
 * either place. DM subscriptions made with `where:dm` inside a guild stay that guild's.
 */
export const DM_WORKSPACE = '@dm';

/** An interaction as the handler needs it, whichever way it arrived (gateway or HTTP endpoint). */
export type IncomingInteraction =
  | { readonly kind: 'ping' }
  | { readonly kind: 'command'; readonly name: string; readonly options: RawOptions; readonly invocation: Invocation }
  | {
      readonly kind: 'autocomplete';
      readonly name: string;
      readonly option: string;
      readonly typed: string;
      readonly invocation: Invocation;
    }
  | { readonly kind: 'button'; readonly customId: string; readonly invocation: Invocation }
  | { readonly kind: 'unsupported'; readonly type: number };

/** The neutral reading of a Discord interaction payload (API v10 JSON). */
export function readInteraction(interaction: APIInteraction): IncomingInteraction {
  switch (interaction.type) {
    case InteractionType.Ping:
      return { kind: 'ping' };
    case InteractionType.ApplicationCommand: {
      const { data } = interaction;
      if (data.type !== ApplicationCommandType.ChatInput) return { kind: 'unsupported', type: interaction.type };
      const options = 'options' in data ? flatOptions(data.options ?? []) : [];
      return {
        kind: 'command',
        name: data.name,
        options: toRawOptions(options),
        invocation: invocationOf(interaction),
      };
    }
    case InteractionType.ApplicationCommandAutocomplete: {
      const options = flatOptions(interaction.data.options);
      const focused = options.find((option) => 'focused' in option && option.focused);
      return {
        kind: 'autocomplete',
        name: interaction.data.name,
        option: focused?.name ?? '',
        typed: focused !== undefined && 'value' in focused ? String(focused.value) : '',
        invocation: invocationOf(interaction),
      };
    }
    case InteractionType.MessageComponent:
      if (interaction.data.component_type !== ComponentType.Button)
        return { kind: 'unsupported', type: interaction.type };
      return { kind: 'button', customId: interaction.data.custom_id, invocation: invocationOf(interaction) };
    default:
      return { kind: 'unsupported', type: interaction.type };
  }
}

/**
 * Who and where: the guild is the workspace (`@dm` in the bot's DMs, where there is no channel to manage);
 * `canManageChannel` is the member's Manage Channels (or Administrator) permission in this channel, as Discord
 * computed it for the interaction: the run-time check behind `default_member_permissions`.
 */
export function invocationOf(interaction: Exclude<APIInteraction, { type: InteractionType.Ping }>): Invocation {
  const userId = interaction.member?.user.id ?? interaction.user?.id ?? '';
  const guildId = interaction.guild_id;
  if (guildId === undefined) {
    return { platform: 'discord', workspaceId: DM_WORKSPACE, channelId: null, userId, canManageChannel: false };
  }
  const permissions = BigInt(interaction.member?.permissions ?? '0');
  const manage = PermissionFlagsBits.ManageChannels | PermissionFlagsBits.Administrator;
  return {
    platform: 'discord',
    workspaceId: guildId,
    channelId: interaction.channel?.id ?? null,
    userId,
    canManageChannel: (permissions & manage) !== 0n,
  };
}

type LeafOption = Extract<APIApplicationCommandInteractionDataOption, { value: unknown }>;

/** Options of subcommands flattened (none are used now, but a nested payload must not lose its values). */
function flatOptions(options: readonly APIApplicationCommandInteractionDataOption[]): LeafOption[] {
  return options.flatMap((option): LeafOption[] => {
    if ('options' in option) return flatOptions(option.options ?? []);
    return 'value' in option ? [option] : [];
  });
}

function toRawOptions(options: readonly LeafOption[]): RawOptions {
  const raw: Record<string, string | number | boolean> = {};
  for (const option of options) {
    const value: unknown = option.value;
    if (option.type === ApplicationCommandOptionType.Boolean && typeof value === 'boolean') raw[option.name] = value;
    else if (typeof value === 'number' || typeof value === 'string') raw[option.name] = value;
  }
  return raw;
}
