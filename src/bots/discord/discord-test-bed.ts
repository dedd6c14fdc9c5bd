/** A running Discord platform against the fake Discord, on a whole test runtime: for the adapter's tests. */
import {
  startFakeDiscord,
  type FakeDiscord,
  type InteractionPlace,
  PERMISSIONS,
} from '../../../test/fakes/fake-discord/fake-discord.ts';
import { createTestRuntime, type TestRuntime } from '../../../test/fakes/test-runtime.ts';
import type { DiscordSettings } from '../../config/chat-settings.ts';
import { createDiscordPlatform, type DiscordPlatform, type DiscordPlatformOptions } from './discord-platform.ts';

type Json = Record<string, unknown>;

export interface DiscordTestBed {
  readonly fake: FakeDiscord;
  readonly bed: TestRuntime;
  readonly platform: DiscordPlatform;
  /** A member (no Manage Channels) in the fake guild's channel. */
  readonly member: InteractionPlace;
  /** A member allowed to manage the channel. */
  readonly manager: InteractionPlace;
  /** The member in the bot's DMs. */
  readonly inDm: InteractionPlace;
  close(): Promise<void>;
}

/** The reply a user finally sees for one interaction. */
export interface SeenReply {
  /** The initial response's type: 4 reply, 5 deferred, 8 autocomplete. */
  readonly type: number;
  readonly deferred: boolean;
  readonly ephemeral: boolean;
  /** The message body shown (after edits or a follow-up). */
  readonly message: Json;
  /** The first embed's title, or ''. */
  readonly title: string;
  /** Every embed's text together, for matching. */
  readonly text: string;
}

export async function startDiscordTestBed(
  settings: Partial<DiscordSettings> = {},
  options: DiscordPlatformOptions = {},
): Promise<DiscordTestBed> {
  const fake = await startFakeDiscord();
  const bed = await createTestRuntime();
  const platform = createDiscordPlatform(
    {
      token: fake.token,
      applicationId: fake.applicationId,
      guildId: undefined,
      apiUrl: fake.apiUrl,
      publicKey: undefined,
      interactionsPort: 0,
      ...settings,
    },
    bed.runtime,
    { interactionsHost: '127.0.0.1', ...options },
  );
  await platform.start();
  const member = { userId: '1100000000000000501', guildId: fake.guildId, channelId: fake.channelId };
  return {
    fake,
    bed,
    platform,
    member,
    manager: { ...member, userId: '1100000000000000502', permissions: PERMISSIONS.manager },
    inDm: { userId: member.userId, guildId: null, channelId: '1100000000000000601' },
    async close() {
      await platform.stop();
      await bed.close();
      await fake.close();
    },
  };
}

/** Waits for the reply the user ends up seeing for `interaction` (a deferred one once edited in). */
export async function seenReply(fake: FakeDiscord, interaction: Json, ms = 8000): Promise<SeenReply> {
  const settled = (): boolean => {
    const calls = fake.callsFor(interaction);
    const first = calls[0];
    if (first === undefined) return false;
    if (first.body.type !== 5) return true;
    return calls.some((call) => call.kind === 'edit-original' || call.kind === 'follow-up');
  };
  await fake.waitFor(settled, ms, `a reply to interaction ${String(interaction.id)}`);
  const calls = fake.callsFor(interaction);
  const first = calls[0]?.body ?? {};
  const deferred = first.type === 5;
  const last = deferred
    ? (calls.findLast((call) => call.kind !== 'delete-original')?.body ?? {})
    : ((first.data ?? {}) as Json);
  const flagsOf = (body: Json): number => (typeof body.flags === 'number' ? body.flags : 0);
  const followUp = calls.find((call) => call.kind === 'follow-up');
  const ephemeral =
    followUp !== undefined
      ? (flagsOf(followUp.body) & 64) !== 0
      : (flagsOf(deferred ? ((first.data ?? {}) as Json) : last) & 64) !== 0;
  const embeds = Array.isArray(last.embeds) ? (last.embeds as Json[]) : [];
  const text = embeds
    .map((embed) =>
      [
        embed.title,
        embed.description,
        ...((embed.fields as Json[] | undefined) ?? []).map((f) => `${String(f.name)} ${String(f.value)}`),
      ].join('\n'),
    )
    .join('\n');
  return {
    type: Number(first.type),
    deferred,
    ephemeral,
    message: last,
    title: typeof embeds[0]?.title === 'string' ? embeds[0].title : '',
    text,
  };
}
