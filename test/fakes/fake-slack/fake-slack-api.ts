// A local fake of the Slack Web API (form or JSON bodies, `{ ok, … }` answers) that records every call, plus
// a response_url endpoint and, for Socket Mode, apps.connections.open handing out a local ws:// URL.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFakeSocket, type FakeSocket } from './fake-socket.ts';
import { readBody } from '../read-body.ts';

/** One Web API call as the fake saw it; JSON-looking form fields (blocks, view) are parsed. */
export interface SlackCall {
  readonly method: string;
  readonly params: Record<string, unknown>;
  readonly authorization: string | undefined;
  readonly at: number;
}

/** A scripted answer: a Slack error (`{ ok: false, error }`) or an HTTP status with an optional Retry-After. */
export type ScriptedAnswer =
  { readonly error: string } | { readonly status: number; readonly retryAfter?: number; readonly body?: string };

/** A member as users.info describes them. */
export interface FakeUser {
  readonly is_admin?: boolean;
  readonly is_owner?: boolean;
}

export interface FakeSlack {
  /** `http://127.0.0.1:PORT/api/`, what `SLACK_API_URL` and `slackApiUrl` take. */
  readonly apiUrl: string;
  readonly origin: string;
  readonly calls: SlackCall[];
  callsTo(method: string): SlackCall[];
  /** A fresh response_url; what is posted to it is in `responses`. */
  responseUrl(): string;
  /** Bodies posted to response URLs, by URL, in order. */
  readonly responses: { readonly url: string; readonly body: Record<string, unknown>; readonly at: number }[];
  /** The next calls of `method` get these answers, one each, before normal service resumes. */
  script(method: string, ...answers: ScriptedAnswer[]): void;
  /** Every chat.postMessage to this channel fails with `error` (e.g. `not_in_channel`). */
  failChannel(channel: string, error: string | null): void;
  /** users.info answers for this user; unknown users are plain members. */
  setUser(id: string, user: FakeUser): void;
  /** conversations.info answers this creator for the channel. */
  setChannelCreator(channel: string, creator: string): void;
  /** Socket Mode: the connected app (after `apps.connections.open`), or undefined. */
  readonly socket: FakeSocket;
  /** Resolves when a call of `method` has arrived `count` times in all. */
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<SlackCall[]>;
  close(): Promise<void>;
}

/** The bot the fake's auth.test names. */
export const FAKE_BOT = { userId: 'UBOT', botId: 'BBOT', teamId: 'T1', user: 'clausewatch' } as const;

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const responses: FakeSlack['responses'] = [];
  const scripts = new Map<string, ScriptedAnswer[]>();
  const failing = new Map<string, string>();
  const users = new Map<string, FakeUser>();
  const creators = new Map<string, string>();
  let counter = 0;
  let origin = '';
  const socket = createFakeSocket();

  const server = createServer((request, response) => {
    readBody(request)
      .then((raw) => {
        const path = new URL(request.url ?? '/', 'http://x').pathname;
        if (path.startsWith('/respond/')) {
          responses.push({
            url: `${origin}${path}`,
            body: JSON.parse(raw || '{}') as Record<string, unknown>,
            at: Date.now(),
          });
          send(response, 200, { ok: true });
          return;
        }
        const method = path.replace(/^\/api\//u, '');
        const params = parseParams(raw, request.headers['content-type']);
        calls.push({ method, params, authorization: request.headers.authorization, at: Date.now() });
        const scripted = scripts.get(method)?.shift();
        if (scripted !== undefined) answerScripted(response, scripted);
        else send(response, 200, answer(method, params));
      })
      .catch((error: unknown) => {
        response.destroy(error instanceof Error ? error : new Error(String(error)));
      });
  });

  function answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    counter += 1;
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          user_id: FAKE_BOT.userId,
          bot_id: FAKE_BOT.botId,
          team_id: FAKE_BOT.teamId,
          user: FAKE_BOT.user,
        };
      case 'chat.postMessage': {
        const channel = String(params.channel);
        const error = failing.get(channel);
        if (error !== undefined) return { ok: false, error };
        return { ok: true, channel, ts: `1700000000.${String(counter).padStart(6, '0')}` };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(params.users)}` } };
      case 'conversations.info': {
        const channel = String(params.channel);
        return { ok: true, channel: { id: channel, creator: creators.get(channel) ?? 'UCREATOR' } };
      }
      case 'users.info': {
        const id = String(params.user);
        return { ok: true, user: { id, is_admin: false, is_owner: false, ...users.get(id) } };
      }
      case 'views.open':
      case 'views.publish':
      case 'views.update':
        return { ok: true, view: { id: `V${counter}` } };
      case 'apps.connections.open':
        return { ok: true, url: `${origin.replace(/^http/u, 'ws')}/socket` };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  server.on('upgrade', (request, duplex, head) => {
    socket.handleUpgrade(request, duplex, head);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${origin}/api/`,
    origin,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    responseUrl: () => {
      counter += 1;
      return `${origin}/respond/${counter}`;
    },
    responses,
    script: (method, ...answers) => scripts.set(method, [...(scripts.get(method) ?? []), ...answers]),
    failChannel: (channel, error) => (error === null ? failing.delete(channel) : failing.set(channel, error)),
    setUser: (id, user) => users.set(id, user),
    setChannelCreator: (channel, creator) => creators.set(channel, creator),
    socket,
    async waitFor(method, count = 1, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (calls.filter((call) => call.method === method).length < count) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} ${method} call(s)`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return calls.filter((call) => call.method === method);
    },
    close: async () => {
      await socket.close();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      });
    },
  };
}

function parseParams(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('json') === true) return JSON.parse(raw) as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const [name, value] of new URLSearchParams(raw)) {
    params[name] = /^[[{]/u.test(value) ? (JSON.parse(value) as unknown) : value;
  }
  return params;
}

function answerScripted(response: ServerResponse, scripted: ScriptedAnswer): void {
  if ('error' in scripted) {
    send(response, 200, { ok: false, error: scripted.error });
    return;
  }
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (scripted.retryAfter !== undefined) headers['retry-after'] = String(scripted.retryAfter);
  response
    .writeHead(scripted.status, headers)
    .end(scripted.body ?? JSON.stringify({ ok: false, error: 'ratelimited' }));
}

function send(response: ServerResponse, status: number, body: Record<string, unknown>): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
