import { describe, expect, it } from 'vitest';
import { ConfigError } from '../domain/errors.ts';
import { readDiscordSettings, readSlackSettings } from './chat-settings.ts';

describe('readDiscordSettings', () => {
  it('is null without a token', () => {
    expect(readDiscordSettings({})).toBeNull();
    expect(readDiscordSettings({ DISCORD_TOKEN: '  ' })).toBeNull();
  });

  it('reads every variable', () => {
    expect(
      readDiscordSettings({
        DISCORD_TOKEN: 't',
        DISCORD_APPLICATION_ID: '42',
        DISCORD_GUILD_ID: '7',
        DISCORD_API_URL: 'http://127.0.0.1:9000',
        DISCORD_PUBLIC_KEY: 'a'.repeat(64),
        DISCORD_INTERACTIONS_PORT: '8080',
      }),
    ).toEqual({
      token: 't',
      applicationId: '42',
      guildId: '7',
      apiUrl: 'http://127.0.0.1:9000',
      publicKey: 'a'.repeat(64),
      interactionsPort: 8080,
    });
  });

  it('refuses a token without an application id, a bad URL or a bad key', () => {
    expect(() => readDiscordSettings({ DISCORD_TOKEN: 't' })).toThrow(/DISCORD_APPLICATION_ID/u);
    const base = { DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '1' };
    expect(() => readDiscordSettings({ ...base, DISCORD_API_URL: 'nope' })).toThrow(ConfigError);
    expect(() => readDiscordSettings({ ...base, DISCORD_PUBLIC_KEY: 'xyz' })).toThrow(/64 hex/u);
  });
});

describe('readSlackSettings', () => {
  it('is null without a bot token', () => {
    expect(readSlackSettings({ SLACK_SIGNING_SECRET: 's' })).toBeNull();
  });

  it('chooses HTTP mode with a signing secret and Socket Mode with an app token', () => {
    const http = readSlackSettings({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: 'http://127.0.0.1:1/api',
    });
    expect(http).toMatchObject({ mode: 'http', port: 3000, apiUrl: 'http://127.0.0.1:1/api/' });
    const socket = readSlackSettings({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_PORT: '0' });
    expect(socket).toMatchObject({ mode: 'socket', port: 0, signingSecret: undefined });
  });

  it('refuses a setup that cannot receive commands or has a wrong app token', () => {
    expect(() => readSlackSettings({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET/u);
    expect(() => readSlackSettings({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' })).toThrow(/xapp-/u);
    expect(() => readSlackSettings({ SLACK_BOT_TOKEN: 'x', SLACK_SIGNING_SECRET: 's', SLACK_PORT: 'http' })).toThrow(
      /SLACK_PORT/u,
    );
  });
});
