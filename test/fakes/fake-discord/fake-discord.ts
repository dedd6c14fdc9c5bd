// A local fake Discord (REST + gateway on one 127.0.0.1 port) that speaks API v10 as discord.js expects it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachGateway, type FakeGateway } from './gateway.ts';
import { autocomplete, buttonPress, slashCommand, type InteractionPlace, type OptionInput } from './interactions.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { answerRest, type RestContext, type ScriptedFailure } from './rest-routes.ts';
import { CHANNEL_TYPE, FakeDiscordState, type FakeInteractionCall, type Json } from './fake-state.ts';
import { readBody } from '../read-body.ts';

export { PERMISSIONS, type InteractionPlace } from './interactions.ts';
export type { FakeMessage, FakeInteractionCall, RecordedDiscordRequest } from './fake-state.ts';
export type { ScriptedFailure } from './rest-routes.ts';

export const FAKE_TOKEN = 'fake-bot-token';
export const FAKE_APPLICATION_ID = '1100000000000000001';
export const FAKE_GUILD_ID = '1100000000000000010';
/** A text channel of the fake guild. */
export const FAKE_CHANNEL_ID = '1100000000000000020';
const BOT_USER: Json = {
  id: FAKE_APPLICATION_ID,
  username: 'clausewatch',
  discriminator: '0',
  global_name: null,
  avatar: null,
  bot: true,
};

export interface FakeDiscordOptions {
  /** @defaultValue {@link FAKE_TOKEN} */
  readonly token?: string;
  /** Enforce this many requests per second (global), with 429 + Retry-After beyond it. */
  readonly ratePerSecond?: number;
  /** Gateway heartbeat interval. @defaultValue 41250 */
  readonly heartbeatIntervalMs?: number;
}

export interface FakeDiscord {
  /** REST base for discord.js (`rest.api`, `DISCORD_API_URL`): `http://127.0.0.1:PORT`. */
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly state: FakeDiscordState;
  readonly gateway: FakeGateway;
  readonly stats: RestContext['stats'];
  /** Makes the next matching requests fail (a 5xx, a Discord error code, or a 429 with Retry-After). */
  failNext(failure: ScriptedFailure): void;
  /** The user's DMs are closed: messages to their DM channel get 50007. */
  closeDms(userId: string): void;
  /** Enforces `perSecond` requests per second from now on (null: no limit). */
  setRateLimit(perSecond: number | null): void;
  /** Adds a text channel to the fake guild. */
  addTextChannel(): string;
  /** Builds and sends interactions through the gateway; resolves with the payload sent. */
  sendCommand(place: InteractionPlace, name: string, options?: OptionInput): Promise<Json>;
  sendAutocomplete(place: InteractionPlace, name: string, options: OptionInput, focused: string): Promise<Json>;
  sendButton(place: InteractionPlace, customId: string): Promise<Json>;
  /** The calls made with one interaction's token, in order. */
  callsFor(interaction: Json): FakeInteractionCall[];
  /** Resolves once `condition` holds (polled every 10 ms), rejects after `ms`. */
  waitFor(condition: () => boolean, ms?: number, what?: string): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const token = options.token ?? FAKE_TOKEN;
  const state = new FakeDiscordState();
  state.addChannel({
    id: FAKE_CHANNEL_ID,
    type: CHANNEL_TYPE.GuildText,
    guildId: FAKE_GUILD_ID,
    parentId: null,
    recipientId: null,
    name: 'alerts',
  });
  let origin = '';
  const context: RestContext = {
    state,
    token,
    applicationId: FAKE_APPLICATION_ID,
    botUser: BOT_USER,
    gatewayUrl: () => origin.replace(/^http/u, 'ws'),
    scripts: [],
    limiter: null,
    stats: { rateLimited: 0, scripted: 0 },
  };
  const server = createServer((request, response) => {
    handle(context, request, response).catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  server.keepAliveTimeout = 5000;
  const gateway = attachGateway(server, {
    token,
    botUser: BOT_USER,
    applicationId: FAKE_APPLICATION_ID,
    guilds: () => [guildJson(state)],
    url: context.gatewayUrl,
    ...(options.heartbeatIntervalMs === undefined ? {} : { heartbeatIntervalMs: options.heartbeatIntervalMs }),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fake: FakeDiscord = {
    apiUrl: origin,
    gatewayUrl: context.gatewayUrl(),
    token,
    applicationId: FAKE_APPLICATION_ID,
    guildId: FAKE_GUILD_ID,
    channelId: FAKE_CHANNEL_ID,
    state,
    gateway,
    stats: context.stats,
    failNext: (failure) => context.scripts.push({ ...failure }),
    closeDms: (userId) => state.closedDms.add(userId),
    setRateLimit: (perSecond) => {
      context.limiter = perSecond === null ? null : createRateLimiter({ perSecond });
    },
    addTextChannel: () =>
      state.addChannel({
        type: CHANNEL_TYPE.GuildText,
        guildId: FAKE_GUILD_ID,
        parentId: null,
        recipientId: null,
        name: 'more',
      }).id,
    sendCommand: (place, name, values = {}) => send(gateway, slashCommand(FAKE_APPLICATION_ID, place, name, values)),
    sendAutocomplete: (place, name, values, focused) =>
      send(gateway, autocomplete(FAKE_APPLICATION_ID, place, name, values, focused)),
    sendButton: (place, customId) => send(gateway, buttonPress(FAKE_APPLICATION_ID, place, customId, BOT_USER)),
    callsFor: (interaction) => state.interactionCalls.filter((call) => call.token === interaction.token),
    waitFor,
    async close() {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
  if (options.ratePerSecond !== undefined) fake.setRateLimit(options.ratePerSecond);
  return fake;
}

async function send(gateway: FakeGateway, interaction: Json): Promise<Json> {
  await gateway.dispatch('INTERACTION_CREATE', interaction);
  return interaction;
}

async function handle(context: RestContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const raw = await readBody(request);
  const url = new URL(request.url ?? '/', 'http://fake');
  // discord.js sends `/v10/...` under the base; `/api/v10/...` is accepted too, as Discord does.
  const path = decodeURIComponent(url.pathname).replace(/^(\/api)?\/v\d+/u, '');
  const body: unknown = raw === '' ? null : JSON.parse(raw);
  const answer = answerRest(context, {
    method: request.method ?? 'GET',
    path,
    query: url.searchParams,
    authorization: request.headers.authorization,
    body,
  });
  context.state.requests.push({
    method: request.method ?? 'GET',
    path,
    query: url.search,
    body,
    status: answer.status,
    at: Date.now(),
  });
  const headers = { ...answer.headers, ...(answer.body === undefined ? {} : { 'content-type': 'application/json' }) };
  response.writeHead(answer.status, headers);
  response.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
}

function guildJson(state: FakeDiscordState): Json {
  const channels = [...state.channels.values()]
    .filter((channel) => channel.type === CHANNEL_TYPE.GuildText)
    .map((channel) => ({
      id: channel.id,
      type: channel.type,
      name: channel.name,
      position: 0,
      permission_overwrites: [],
      guild_id: FAKE_GUILD_ID,
    }));
  return {
    id: FAKE_GUILD_ID,
    name: 'Fake Guild',
    icon: null,
    owner_id: '1100000000000000099',
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    premium_tier: 0,
    nsfw_level: 0,
    preferred_locale: 'en-US',
    roles: [
      {
        id: FAKE_GUILD_ID,
        name: '@everyone',
        permissions: '1024',
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    features: [],
    channels,
    threads: [],
    members: [],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    member_count: 2,
    large: false,
    unavailable: false,
    joined_at: '2025-01-01T00:00:00.000Z',
  };
}

async function waitFor(condition: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
