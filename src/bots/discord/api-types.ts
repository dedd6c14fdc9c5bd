/**
 * The slice of Discord's API v10 JSON this adapter renders, named as in `discord-api-types/v10` so the
 * discord.js types can replace these one for one. Kept local because the renderers are pure and need no client.
 */

/** Discord's hard limits (API v10): a payload over any of them is refused with a 400. */
export const DISCORD_HARD_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embeds: 10,
  /** Title, description, field names and values, footer and author of all embeds of one message. */
  embedTotal: 6000,
  content: 2000,
  customId: 100,
  buttonLabel: 80,
  /** A link button's URL. */
  buttonUrl: 512,
  buttonsPerRow: 5,
  rows: 5,
  commandName: 32,
  commandDescription: 100,
  options: 25,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

export const ComponentType = { ActionRow: 1, Button: 2 } as const;
export const ButtonStyle = { Primary: 1, Secondary: 2, Success: 3, Danger: 4, Link: 5 } as const;
export const ApplicationCommandType = { ChatInput: 1 } as const;
export const ApplicationCommandOptionType = { String: 3, Integer: 4, Boolean: 5 } as const;
/** Where a command may be used: a server, the bot's DMs, other DMs and group DMs. */
export const InteractionContextType = { Guild: 0, BotDM: 1, PrivateChannel: 2 } as const;
export const ApplicationIntegrationType = { GuildInstall: 0, UserInstall: 1 } as const;
export const MessageFlags = { Ephemeral: 64 } as const;
/** Permission bits as Discord sends them (a bigint; strings in JSON). */
export const PermissionFlagsBits = { ManageChannels: 1n << 4n } as const;

export interface APIEmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface APIEmbedFooter {
  text: string;
}

export interface APIEmbedAuthor {
  name: string;
  url?: string;
}

export interface APIEmbed {
  title?: string;
  description?: string;
  url?: string;
  /** ISO-8601. */
  timestamp?: string;
  color?: number;
  footer?: APIEmbedFooter;
  author?: APIEmbedAuthor;
  fields?: APIEmbedField[];
}

export interface APIButtonComponentWithCustomId {
  type: typeof ComponentType.Button;
  style: typeof ButtonStyle.Primary | typeof ButtonStyle.Secondary | typeof ButtonStyle.Danger;
  label: string;
  custom_id: string;
}

export interface APIButtonComponentWithURL {
  type: typeof ComponentType.Button;
  style: typeof ButtonStyle.Link;
  label: string;
  url: string;
}

export type APIButtonComponent = APIButtonComponentWithCustomId | APIButtonComponentWithURL;

export interface APIActionRowComponent {
  type: typeof ComponentType.ActionRow;
  components: APIButtonComponent[];
}

export type AllowedMentionsType = 'roles' | 'users' | 'everyone';

export interface APIAllowedMentions {
  parse: AllowedMentionsType[];
  roles?: string[];
  users?: string[];
}

export interface APIApplicationCommandOptionChoice {
  name: string;
  value: string | number;
}

export interface APIApplicationCommandOption {
  type: (typeof ApplicationCommandOptionType)[keyof typeof ApplicationCommandOptionType];
  name: string;
  description: string;
  required?: boolean;
  choices?: APIApplicationCommandOptionChoice[];
  autocomplete?: boolean;
  min_value?: number;
  max_value?: number;
}

export interface RESTPostAPIChatInputApplicationCommandsJSONBody {
  type: typeof ApplicationCommandType.ChatInput;
  name: string;
  description: string;
  options: APIApplicationCommandOption[];
  /** Permission bits as a decimal string; null lets everyone use the command. */
  default_member_permissions: string | null;
  /** Deprecated in favour of `contexts`, still honoured for global commands. */
  dm_permission: boolean;
  contexts: (typeof InteractionContextType)[keyof typeof InteractionContextType][];
  integration_types: (typeof ApplicationIntegrationType)[keyof typeof ApplicationIntegrationType][];
}

export type RESTPostAPIApplicationCommandsJSONBody = RESTPostAPIChatInputApplicationCommandsJSONBody;
