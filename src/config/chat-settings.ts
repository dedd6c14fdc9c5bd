import { z } from 'zod';
import { ConfigError } from '../domain/errors.ts';

/** Discord connection settings, from `DISCORD_*` variables. */
export interface DiscordSettings {
  readonly token: string;
  readonly applicationId: string;
  /** Commands are registered to this guild only (instant updates while testing); global when absent. */
  readonly guildId: string | undefined;
  /** REST base URL (and, through `GET /gateway/bot`, the gateway's); Discord's own when absent. */
  readonly apiUrl: string | undefined;
  /** The application's Ed25519 public key (hex): enables the HTTP interactions endpoint. */
  readonly publicKey: string | undefined;
  /** Port of the HTTP interactions endpoint (with `publicKey`). */
  readonly interactionsPort: number;
}

/** Slack connection settings, from `SLACK_*` variables. Socket Mode when an app token is set, HTTP otherwise. */
export interface SlackSettings {
  readonly botToken: string;
  readonly signingSecret: string | undefined;
  /** `xapp-…` token: Socket Mode, no public URL needed. */
  readonly appToken: string | undefined;
  /** Web API base URL ending in `/api/`; Slack's own when absent. */
  readonly apiUrl: string | undefined;
  /** Port of the HTTP receiver (`POST /slack/events`). */
  readonly port: number;
  readonly mode: 'http' | 'socket';
}

type Env = Readonly<Record<string, string | undefined>>;

const port = z.coerce.number().int().min(0).max(65_535);
const url = z.url({ protocol: /^(https?|wss?)$/u });

/** Discord settings when `DISCORD_TOKEN` is set, else null. Throws `ConfigError` on a half-done setup. */
export function readDiscordSettings(env: Env): DiscordSettings | null {
  const token = nonEmpty(env.DISCORD_TOKEN);
  if (token === undefined) return null;
  const applicationId = nonEmpty(env.DISCORD_APPLICATION_ID);
  if (applicationId === undefined) {
    throw new ConfigError(
      'DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is not: copy the application id from the Discord developer portal',
    );
  }
  const publicKey = nonEmpty(env.DISCORD_PUBLIC_KEY);
  if (publicKey !== undefined && !/^[0-9a-f]{64}$/iu.test(publicKey)) {
    throw new ConfigError('DISCORD_PUBLIC_KEY: expected the 64 hex characters shown in the Discord developer portal');
  }
  return {
    token,
    applicationId,
    guildId: nonEmpty(env.DISCORD_GUILD_ID),
    apiUrl: parse('DISCORD_API_URL', url, env.DISCORD_API_URL),
    publicKey,
    interactionsPort: parse('DISCORD_INTERACTIONS_PORT', port, env.DISCORD_INTERACTIONS_PORT) ?? 3001,
  };
}

/** Slack settings when `SLACK_BOT_TOKEN` is set, else null. Throws `ConfigError` on a half-done setup. */
export function readSlackSettings(env: Env): SlackSettings | null {
  const botToken = nonEmpty(env.SLACK_BOT_TOKEN);
  if (botToken === undefined) return null;
  const signingSecret = nonEmpty(env.SLACK_SIGNING_SECRET);
  const appToken = nonEmpty(env.SLACK_APP_TOKEN);
  if (signingSecret === undefined && appToken === undefined) {
    throw new ConfigError(
      'SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is',
    );
  }
  if (appToken !== undefined && !appToken.startsWith('xapp-')) {
    throw new ConfigError('SLACK_APP_TOKEN: expected an app-level token starting with "xapp-"');
  }
  return {
    botToken,
    signingSecret,
    appToken,
    apiUrl: withTrailingSlash(parse('SLACK_API_URL', url, env.SLACK_API_URL)),
    port: parse('SLACK_PORT', port, env.SLACK_PORT) ?? 3000,
    mode: appToken === undefined ? 'http' : 'socket',
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function parse<T>(name: string, schema: z.ZodType<T>, raw: string | undefined): T | undefined {
  const value = nonEmpty(raw);
  if (value === undefined) return undefined;
  const result = schema.safeParse(value);
  if (!result.success)
    throw new ConfigError(`${name}: got "${value}" — ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data;
}

function withTrailingSlash(value: string | undefined): string | undefined {
  return value === undefined || value.endsWith('/') ? value : `${value}/`;
}
