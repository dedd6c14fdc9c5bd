// The REST side of the fake Discord: the routes clausewatch calls, answered as Discord does (API v10 JSON).
import type { RateLimiter } from './rate-limiter.ts';
import { CHANNEL_TYPE, type FakeDiscordState, type FakeMessage, type Json } from './fake-state.ts';
import { invalidMessage, isEmptyMessage } from './validate-message.ts';
import { error, invalidForm, ok, rateLimited, userJson, type RestAnswer } from './responses.ts';

export { userJson } from './responses.ts';

export type { RestAnswer } from './responses.ts';

/** A failure the test scripts for the next matching requests. */
export interface ScriptedFailure {
  readonly method?: string;
  /** Matched against the path after the version prefix, e.g. `/channels/1/messages`. */
  readonly path: RegExp;
  /** How many matching requests fail. @defaultValue 1 */
  times?: number;
  readonly status: number;
  /** Discord's JSON error code (50007, 10003…); without one the body is `{ message }` only. */
  readonly code?: number;
  readonly message?: string;
  /** Sent as the `Retry-After` header (seconds) and `retry_after` in the body, as Discord does on 429. */
  readonly retryAfterSeconds?: number;
}

export interface RestContext {
  readonly state: FakeDiscordState;
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: Json;
  readonly gatewayUrl: () => string;
  readonly scripts: ScriptedFailure[];
  limiter: RateLimiter | null;
  readonly stats: { rateLimited: number; scripted: number };
}

export interface RestRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly authorization: string | undefined;
  readonly body: unknown;
}

type Handler = (context: RestContext, request: RestRequest, params: string[]) => RestAnswer;

const ROUTES: readonly (readonly [string, RegExp, Handler])[] = [
  ['GET', /^\/gateway\/bot$/u, (c) => ok({ url: c.gatewayUrl(), shards: 1, session_start_limit: SESSION_LIMIT })],
  ['GET', /^\/users\/@me$/u, (c) => ok(c.botUser)],
  ['POST', /^\/users\/@me\/channels$/u, createDm],
  ['GET', /^\/channels\/(\d+)$/u, (c, _r, [id]) => channelAnswer(c, id ?? '')],
  ['POST', /^\/channels\/(\d+)\/messages$/u, createMessage],
  ['POST', /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/u, startThread],
  ['POST', /^\/interactions\/(\d+)\/([^/]+)\/callback$/u, interactionCallback],
  ['PATCH', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/u, (c, r, p) => webhookCall(c, r, p, 'edit-original')],
  [
    'DELETE',
    /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/u,
    (c, r, p) => webhookCall(c, r, p, 'delete-original'),
  ],
  ['POST', /^\/webhooks\/(\d+)\/([^/]+)$/u, (c, r, p) => webhookCall(c, r, p, 'follow-up')],
  ['PUT', /^\/applications\/(\d+)\/commands$/u, (c, r) => registerCommands(c, r, null)],
  ['PUT', /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/u, (c, r, [, g]) => registerCommands(c, r, g ?? null)],
];

const SESSION_LIMIT = { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 };

/** Answers one REST request: scripted failures first, then auth, the rate limiter, and the route. */
export function answerRest(context: RestContext, request: RestRequest): RestAnswer {
  const route = ROUTES.find(([method, pattern]) => method === request.method && pattern.test(request.path));
  if (route === undefined) return error(404, 0, '404: Not Found');
  // Interaction responses are authorised by their token and exempt from the global limit, as on Discord.
  const byToken = /^\/(interactions|webhooks)\//u.test(request.path);
  if (!byToken && request.authorization !== `Bot ${context.token}`) return error(401, 0, '401: Unauthorized');
  const scripted = takeScript(context, request);
  if (scripted !== undefined) return scripted;
  let headers: Record<string, string> = {};
  if (!byToken && context.limiter !== null) {
    const decision = context.limiter.take(`${request.method} ${majorRoute(request.path)}`);
    if (!decision.ok) {
      context.stats.rateLimited += 1;
      return rateLimited(decision.retryAfterMs, decision.scope === 'global', decision.headers);
    }
    headers = decision.headers;
  }
  const params = route[1].exec(request.path)?.slice(1) ?? [];
  const answer = route[2](context, request, params);
  return { ...answer, headers: { ...headers, ...answer.headers } };
}

function takeScript(context: RestContext, request: RestRequest): RestAnswer | undefined {
  const script = context.scripts.find(
    (candidate) =>
      (candidate.method === undefined || candidate.method === request.method) && candidate.path.test(request.path),
  );
  if (script === undefined) return undefined;
  script.times = (script.times ?? 1) - 1;
  if (script.times <= 0) context.scripts.splice(context.scripts.indexOf(script), 1);
  context.stats.scripted += 1;
  if (script.retryAfterSeconds !== undefined) {
    context.stats.rateLimited += 1;
    return rateLimited(script.retryAfterSeconds * 1000, false, {});
  }
  return error(script.status, script.code, script.message ?? `${script.status}: scripted failure`);
}

/** The route with its major parameter (channel, guild, webhook) kept and other ids folded. */
function majorRoute(path: string): string {
  const major = /^\/(channels|guilds|webhooks)\/(\d+)/u.exec(path);
  const rest = path.replace(/\d{5,}/gu, ':id');
  return major === null ? rest : `${rest} ${major[2] ?? ''}`;
}

function createDm(context: RestContext, request: RestRequest): RestAnswer {
  const recipient = stringField(request.body, 'recipient_id');
  if (!/^\d+$/u.test(recipient)) return invalidForm('recipient_id: value is not a snowflake');
  const { state } = context;
  let id = state.dmChannels.get(recipient);
  if (id === undefined) {
    id = state.addChannel({
      type: CHANNEL_TYPE.DM,
      guildId: null,
      parentId: null,
      recipientId: recipient,
      name: '',
    }).id;
    state.dmChannels.set(recipient, id);
  }
  return ok(channelJson(context, id));
}

function channelAnswer(context: RestContext, id: string): RestAnswer {
  return context.state.channels.has(id) ? ok(channelJson(context, id)) : error(404, 10003, 'Unknown Channel');
}

function channelJson(context: RestContext, id: string): Json {
  const channel = context.state.channels.get(id);
  if (channel === undefined) return {};
  if (channel.type === CHANNEL_TYPE.DM) {
    return { id, type: channel.type, last_message_id: null, recipients: [userJson(channel.recipientId ?? '')] };
  }
  return {
    id,
    type: channel.type,
    name: channel.name,
    guild_id: channel.guildId,
    parent_id: channel.parentId,
    position: 0,
    permission_overwrites: [],
    ...(channel.type === CHANNEL_TYPE.PublicThread
      ? {
          thread_metadata: { archived: false, auto_archive_duration: 1440, locked: false },
          owner_id: context.botUser.id,
        }
      : {}),
  };
}

function createMessage(context: RestContext, request: RestRequest, [channelId]: string[]): RestAnswer {
  const { state } = context;
  const channel = state.channels.get(channelId ?? '');
  if (channel === undefined) return error(404, 10003, 'Unknown Channel');
  if (channel.recipientId !== null && state.closedDms.has(channel.recipientId)) {
    return error(403, 50007, 'Cannot send messages to this user');
  }
  const body = (request.body ?? {}) as Json;
  const invalid = invalidMessage(body);
  if (invalid !== null) return invalidForm(invalid);
  if (isEmptyMessage(body)) return error(400, 50006, 'Cannot send an empty message');
  const nonce = typeof body.nonce === 'string' || typeof body.nonce === 'number' ? String(body.nonce) : null;
  if (nonce !== null && body.enforce_nonce === true) {
    // Discord answers a repeated nonce with the message it already created, and creates nothing.
    const existing = state.messages.find((message) => message.channelId === channel.id && message.nonce === nonce);
    if (existing !== undefined) return ok(messageJson(context, existing));
  }
  const message: FakeMessage = { id: state.snowflake(), channelId: channel.id, body, nonce, threadId: null };
  state.messages.push(message);
  return ok(messageJson(context, message));
}

function startThread(context: RestContext, request: RestRequest, [channelId, messageId]: string[]): RestAnswer {
  const { state } = context;
  const parent = state.channels.get(channelId ?? '');
  const message = state.messages.find((candidate) => candidate.id === messageId && candidate.channelId === channelId);
  if (parent === undefined) return error(404, 10003, 'Unknown Channel');
  if (message === undefined) return error(404, 10008, 'Unknown Message');
  if (parent.type !== CHANNEL_TYPE.GuildText) return error(400, 50024, 'Cannot execute action on this channel type');
  if (message.threadId !== null) return error(400, 160004, 'A thread has already been created for this message');
  const name = stringField(request.body, 'name');
  if (name === '' || name.length > 100) return invalidForm('name: must be between 1 and 100 in length');
  const thread = state.addChannel({
    type: CHANNEL_TYPE.PublicThread,
    guildId: parent.guildId,
    parentId: parent.id,
    recipientId: null,
    name,
  });
  message.threadId = thread.id;
  return { status: 201, body: channelJson(context, thread.id) };
}

function interactionCallback(context: RestContext, request: RestRequest, [id, token]: string[]): RestAnswer {
  const { state } = context;
  if (state.acknowledged.has(token ?? '')) return error(400, 40060, 'Interaction has already been acknowledged.');
  state.acknowledged.add(token ?? '');
  const body = (request.body ?? {}) as Json;
  state.interactionCalls.push({
    kind: 'callback',
    interactionId: id ?? null,
    token: token ?? '',
    body,
    at: Date.now(),
  });
  const data = (body.data ?? {}) as Json;
  if (body.type === 4 && isEmptyMessage(data)) return error(400, 50006, 'Cannot send an empty message');
  if (body.type === 4 || body.type === 7) {
    const invalid = invalidMessage(data);
    if (invalid !== null) return invalidForm(invalid);
  }
  if (request.query.get('with_response') !== 'true') return { status: 204 };
  return ok({ interaction: { id, type: 2, response_message_loading: body.type === 5 }, resource: { type: body.type } });
}

function webhookCall(
  context: RestContext,
  request: RestRequest,
  [, token]: string[],
  kind: 'edit-original' | 'delete-original' | 'follow-up',
): RestAnswer {
  const { state } = context;
  if (!state.acknowledged.has(token ?? '')) return error(404, 10015, 'Unknown Webhook');
  const body = (request.body ?? {}) as Json;
  state.interactionCalls.push({ kind, interactionId: null, token: token ?? '', body, at: Date.now() });
  if (kind === 'delete-original') return { status: 204 };
  const invalid = invalidMessage(body);
  if (invalid !== null) return invalidForm(invalid);
  const message: FakeMessage = { id: state.snowflake(), channelId: '0', body, nonce: null, threadId: null };
  return ok(messageJson(context, message));
}

function registerCommands(context: RestContext, request: RestRequest, guildId: string | null): RestAnswer {
  const commands = Array.isArray(request.body) ? (request.body as Json[]) : [];
  if (commands.length > 100) return invalidForm('commands: at most 100');
  context.state.registrations.push({ guildId, commands });
  const withIds = commands.map((command) => ({
    ...command,
    id: context.state.snowflake(),
    application_id: context.applicationId,
    version: context.state.snowflake(),
    ...(guildId === null ? {} : { guild_id: guildId }),
  }));
  return ok(withIds);
}

function messageJson(context: RestContext, message: FakeMessage): Json {
  return {
    type: 0,
    content: '',
    embeds: [],
    components: [],
    ...message.body,
    id: message.id,
    channel_id: message.channelId,
    author: context.botUser,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    pinned: false,
    flags: 0,
    ...(message.nonce === null ? {} : { nonce: message.nonce }),
  };
}

function stringField(body: unknown, key: string): string {
  const value = body !== null && typeof body === 'object' ? (body as Json)[key] : undefined;
  return typeof value === 'string' ? value : '';
}
