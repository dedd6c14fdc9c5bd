// Interaction payloads as Discord sends them (API v10 JSON), for a test to push through the gateway or sign.
import { userJson } from './responses.ts';
import type { Json } from './fake-state.ts';

/** Permission bits a member has in the channel (decimal string, as Discord sends them). */
export const PERMISSIONS = { member: '1024', manager: String((1n << 4n) | 1024n) } as const;

/** Who presses or types, and where: a guild channel, or the bot's DMs when `guildId` is null. */
export interface InteractionPlace {
  readonly userId: string;
  readonly guildId: string | null;
  readonly channelId: string;
  /** The member's permissions in the channel. @defaultValue {@link PERMISSIONS}.member */
  readonly permissions?: string;
}

export type OptionInput = Readonly<Record<string, string | number | boolean>>;

let counter = 0;

function base(type: number, place: InteractionPlace, applicationId: string): Json {
  counter += 1;
  const id = (1_400_000_000_000_000_000n + BigInt(counter)).toString();
  const user = userJson(place.userId);
  const common: Json = {
    id,
    application_id: applicationId,
    type,
    token: `interaction-token-${counter}-${Math.random().toString(36).slice(2)}`,
    version: 1,
    locale: 'en-US',
    app_permissions: '2248473465835073',
    entitlements: [],
    attachment_size_limit: 10_485_760,
  };
  if (place.guildId === null) {
    return {
      ...common,
      user,
      context: 1,
      authorizing_integration_owners: { '0': applicationId },
      channel_id: place.channelId,
      channel: { id: place.channelId, type: 1, recipients: [user], last_message_id: null, flags: 0 },
    };
  }
  return {
    ...common,
    guild_id: place.guildId,
    guild: { id: place.guildId, locale: 'en-US', features: [] },
    guild_locale: 'en-US',
    context: 0,
    authorizing_integration_owners: { '0': place.guildId },
    channel_id: place.channelId,
    channel: {
      id: place.channelId,
      type: 0,
      guild_id: place.guildId,
      name: 'alerts',
      position: 0,
      flags: 0,
      nsfw: false,
      permissions: place.permissions ?? PERMISSIONS.member,
    },
    member: {
      user,
      roles: [],
      permissions: place.permissions ?? PERMISSIONS.member,
      joined_at: '2025-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      nick: null,
      avatar: null,
      premium_since: null,
    },
  };
}

function toOptions(options: OptionInput, focused?: string): Json[] {
  return Object.entries(options).map(([name, value]) => ({
    name,
    type: typeof value === 'boolean' ? 5 : typeof value === 'number' ? 4 : 3,
    value,
    ...(name === focused ? { focused: true } : {}),
  }));
}

/** A CHAT_INPUT command interaction (type 2). */
export function slashCommand(
  applicationId: string,
  place: InteractionPlace,
  name: string,
  options: OptionInput = {},
): Json {
  return {
    ...base(2, place, applicationId),
    data: { id: '1200000000000000001', name, type: 1, options: toOptions(options) },
  };
}

/** An autocomplete interaction (type 4): `focused` is the option being typed, its value in `options`. */
export function autocomplete(
  applicationId: string,
  place: InteractionPlace,
  name: string,
  options: OptionInput,
  focused: string,
): Json {
  return {
    ...base(4, place, applicationId),
    data: { id: '1200000000000000001', name, type: 1, options: toOptions(options, focused) },
  };
}

/** A button press (type 3) on a message the bot posted. */
export function buttonPress(applicationId: string, place: InteractionPlace, customId: string, botUser: Json): Json {
  return {
    ...base(3, place, applicationId),
    message: {
      id: '1250000000000000001',
      channel_id: place.channelId,
      type: 0,
      content: '',
      author: botUser,
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: '2025-01-01T00:00:00.000Z',
      edited_timestamp: null,
      flags: 0,
    },
    data: { custom_id: customId, component_type: 2 },
  };
}
