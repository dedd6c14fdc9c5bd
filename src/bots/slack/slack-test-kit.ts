// A whole Slack platform for tests: a test runtime (temp SQLite), the fake Web API, and the Bolt app in HTTP
// mode on 127.0.0.1:0, with helpers that post signed commands, interactions and events to it.
import type { SlackSettings } from '../../config/chat-settings.ts';
import { startFakeSlack, type FakeSlack } from '../../../test/fakes/fake-slack/fake-slack-api.ts';
import {
  eventBody,
  interactionBody,
  postSigned,
  slashCommandBody,
  type SignedRequestOptions,
} from '../../../test/fakes/fake-slack/sign.ts';
import { createTestRuntime, type TestRuntime } from '../../../test/fakes/test-runtime.ts';
import { createSlackPlatform, type SlackPlatform, type SlackPlatformOptions } from './slack-platform.ts';

export const SECRET = 'test-signing-secret';
/** A workspace admin (users.info says so); U1 and others are plain members. */
export const ADMIN_USER = 'UADMIN';

export interface SlackBed {
  readonly fake: FakeSlack;
  readonly bed: TestRuntime;
  readonly platform: SlackPlatform;
  readonly url: string;
  /** `/clausewatch <text>` from a user in a channel (`D…` for a DM); the HTTP status and the ack body. */
  command(
    text: string,
    from?: { user?: string; channel?: string },
    sign?: Partial<SignedRequestOptions>,
  ): Promise<Answer>;
  interact(payload: object): Promise<Answer>;
  event(event: object, eventId: string, retryNum?: number): Promise<Answer>;
  close(): Promise<void>;
}

export interface Answer {
  readonly status: number;
  /** The JSON ack body, or `{}` for an empty ack. */
  readonly body: Record<string, unknown>;
  /** The ack's text and block texts joined, for matching. */
  readonly text: string;
}

export function slackSettings(apiUrl: string, overrides: Partial<SlackSettings> = {}): SlackSettings {
  return {
    botToken: 'xoxb-test-token',
    signingSecret: SECRET,
    appToken: undefined,
    apiUrl,
    port: 0,
    mode: 'http',
    ...overrides,
  };
}

export async function startSlackBed(options: SlackPlatformOptions = {}): Promise<SlackBed> {
  const fake = await startFakeSlack();
  fake.setUser(ADMIN_USER, { is_admin: true });
  const bed = await createTestRuntime();
  const platform = createSlackPlatform(slackSettings(fake.apiUrl), bed.runtime, {
    host: '127.0.0.1',
    channelIntervalMs: 0,
    ...options,
  });
  await platform.start();
  const url = platform.receiverUrl() ?? '';
  const post = async (body: string, sign: Partial<SignedRequestOptions> = {}): Promise<Answer> =>
    toAnswer(await postSigned(url, body, { secret: SECRET, ...sign }));
  return {
    fake,
    bed,
    platform,
    url,
    command: (text, from = {}, sign = {}) =>
      post(
        slashCommandBody({
          text,
          responseUrl: fake.responseUrl(),
          ...(from.user === undefined ? {} : { userId: from.user }),
          ...(from.channel === undefined ? {} : { channelId: from.channel }),
        }),
        sign,
      ),
    interact: (payload) => post(interactionBody(payload)),
    event: (event, eventId, retryNum) => post(eventBody(event, eventId), retryNum === undefined ? {} : { retryNum }),
    async close() {
      await platform.stop();
      await bed.close();
      await fake.close();
    },
  };
}

async function toAnswer(response: Response): Promise<Answer> {
  const raw = await response.text();
  const body = raw.startsWith('{') ? (JSON.parse(raw) as Record<string, unknown>) : raw === '' ? {} : { text: raw };
  return { status: response.status, body, text: textOf(body) };
}

/** Every `text` string in a Slack body (message text and block texts), joined by newlines. */
export function textOf(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  if (Array.isArray(value))
    return value
      .map(textOf)
      .filter((text) => text !== '')
      .join('\n');
  const texts: string[] = [];
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'text' && typeof inner === 'string') texts.push(inner);
    else {
      const nested = textOf(inner);
      if (nested !== '') texts.push(nested);
    }
  }
  return texts.join('\n');
}
