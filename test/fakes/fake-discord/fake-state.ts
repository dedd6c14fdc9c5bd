// What the fake Discord holds: channels, messages, DMs, threads, commands and interaction responses.

/** Channel types the fake knows (API v10 numbers). */
export const CHANNEL_TYPE = { GuildText: 0, DM: 1, PublicThread: 11 } as const;

export type Json = Record<string, unknown>;

export interface FakeChannel {
  readonly id: string;
  readonly type: (typeof CHANNEL_TYPE)[keyof typeof CHANNEL_TYPE];
  readonly guildId: string | null;
  readonly parentId: string | null;
  /** The user of a DM channel. */
  readonly recipientId: string | null;
  readonly name: string;
}

/** A message as posted: the request body plus what Discord adds. */
export interface FakeMessage {
  readonly id: string;
  readonly channelId: string;
  readonly body: Json;
  readonly nonce: string | null;
  /** The id of the thread started from this message, if any. */
  threadId: string | null;
}

/** An interaction response or webhook call on an interaction token. */
export interface FakeInteractionCall {
  readonly kind: 'callback' | 'edit-original' | 'delete-original' | 'follow-up';
  readonly interactionId: string | null;
  readonly token: string;
  readonly body: Json;
  readonly at: number;
}

/** A bulk overwrite of application commands, global or for one guild. */
export interface FakeCommandRegistration {
  readonly guildId: string | null;
  readonly commands: Json[];
}

export interface RecordedDiscordRequest {
  readonly method: string;
  /** Path after the version prefix, e.g. `/channels/1/messages`. */
  readonly path: string;
  readonly query: string;
  readonly body: unknown;
  readonly status: number;
  readonly at: number;
}

/** Everything the fake remembers; tests read it directly. */
export class FakeDiscordState {
  readonly channels = new Map<string, FakeChannel>();
  readonly messages: FakeMessage[] = [];
  readonly dmChannels = new Map<string, string>();
  readonly closedDms = new Set<string>();
  readonly interactionCalls: FakeInteractionCall[] = [];
  readonly registrations: FakeCommandRegistration[] = [];
  readonly requests: RecordedDiscordRequest[] = [];
  /** Tokens of interactions that got their initial response. */
  readonly acknowledged = new Set<string>();
  private next = 1_300_000_000_000_000_000n;

  /** A new snowflake: increasing, as Discord's are. */
  snowflake(): string {
    this.next += 1n;
    return this.next.toString();
  }

  addChannel(channel: Omit<FakeChannel, 'id'> & { readonly id?: string }): FakeChannel {
    const created: FakeChannel = { ...channel, id: channel.id ?? this.snowflake() };
    this.channels.set(created.id, created);
    return created;
  }

  messagesIn(channelId: string): FakeMessage[] {
    return this.messages.filter((message) => message.channelId === channelId);
  }
}
