// Requests to a Slack receiver as Slack sends them: form or JSON bodies signed with HMAC-SHA256 (`v0`).
import { createHmac } from 'node:crypto';

export interface SignedRequestOptions {
  readonly secret: string;
  /** Seconds since the epoch. @defaultValue now */
  readonly timestamp?: number;
  /** Sets `x-slack-retry-num` (and a retry reason), as Slack does when it resends an event. */
  readonly retryNum?: number;
}

/** The `x-slack-signature` of a body at a timestamp. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Headers Slack sends with a body. */
export function signedHeaders(
  body: string,
  contentType: string,
  options: SignedRequestOptions,
): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(options.secret, timestamp, body),
    ...(options.retryNum === undefined
      ? {}
      : { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' }),
  };
}

/** Fields of a slash command as Slack posts them. */
export interface SlashCommandFields {
  readonly text: string;
  readonly userId?: string;
  readonly channelId?: string;
  readonly teamId?: string;
  readonly responseUrl: string;
  readonly triggerId?: string;
}

/** The form body of `/clausewatch <text>`. */
export function slashCommandBody(fields: SlashCommandFields): string {
  return new URLSearchParams({
    token: 'verification-token-unused',
    team_id: fields.teamId ?? 'T1',
    team_domain: 'acme',
    channel_id: fields.channelId ?? 'C1',
    channel_name: fields.channelId?.startsWith('D') === true ? 'directmessage' : 'general',
    user_id: fields.userId ?? 'U1',
    user_name: 'ann',
    command: '/clausewatch',
    text: fields.text,
    api_app_id: 'A1',
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? `trigger-${Math.random().toString(36).slice(2)}`,
  }).toString();
}

/** The form body of an interactivity payload (block_actions, view_submission). */
export function interactionBody(payload: object): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The JSON body of an Events API callback. */
export function eventBody(event: object, eventId: string, teamId = 'T1'): string {
  return JSON.stringify({
    token: 'verification-token-unused',
    team_id: teamId,
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
}

/** Posts a signed form or JSON body to a receiver URL. */
export async function postSigned(url: string, body: string, options: SignedRequestOptions): Promise<Response> {
  const contentType = body.startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded';
  return fetch(url, { method: 'POST', body, headers: signedHeaders(body, contentType, options) });
}
