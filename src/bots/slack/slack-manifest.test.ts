import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commands } from '../../../commands/registry.ts';
import { BOT_SCOPES, manifestYaml, slackManifest } from './slack-manifest.ts';
import { DEFAULT_MANIFEST_OPTIONS, MANIFEST_PATH } from './write-manifest.ts';

describe('slackManifest', () => {
  it('is what slack/manifest.yml holds (regenerate with npm run slack-manifest)', () => {
    expect(readFileSync(MANIFEST_PATH, 'utf8')).toBe(manifestYaml(commands, DEFAULT_MANIFEST_OPTIONS));
  });

  it('declares one /clausewatch command listing every subcommand, the scopes, events, interactivity and Home tab', () => {
    const manifest = parse(manifestYaml(commands, DEFAULT_MANIFEST_OPTIONS)) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      display_information: { name: 'clausewatch' },
      features: {
        app_home: { home_tab_enabled: true },
        bot_user: { display_name: 'clausewatch', always_online: true },
        slash_commands: [{ command: '/clausewatch', should_escape: true }],
      },
      oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
      settings: {
        event_subscriptions: { bot_events: ['app_home_opened'] },
        interactivity: { is_enabled: true },
        socket_mode_enabled: true,
      },
    });
    expect([...BOT_SCOPES].sort()).toEqual(
      ['channels:read', 'chat:write', 'chat:write.public', 'commands', 'groups:read', 'im:write', 'users:read'].sort(),
    );
    const hint = (manifest as { features: { slash_commands: { usage_hint: string }[] } }).features.slash_commands[0]
      ?.usage_hint;
    for (const command of commands) expect(hint).toContain(command.name);
    expect(hint?.length).toBeLessThanOrEqual(1000);
    expect(JSON.stringify(manifest)).not.toContain('request_url');
  });

  it('points the command, events and interactivity at the request URL in HTTP mode', () => {
    const url = 'https://bot.example/slack/events';
    const manifest = slackManifest(commands, { name: 'Clause Watch!', requestUrl: url, socketMode: false });
    expect(manifest).toMatchObject({
      features: { bot_user: { display_name: 'clause-watch' }, slash_commands: [{ command: '/clausewatch', url }] },
      settings: {
        event_subscriptions: { request_url: url, bot_events: ['app_home_opened'] },
        interactivity: { is_enabled: true, request_url: url },
        socket_mode_enabled: false,
      },
    });
  });

  it('ignores a request URL in Socket Mode', () => {
    const manifest = slackManifest(commands, { name: 'x', requestUrl: 'https://a.example', socketMode: true });
    expect(JSON.stringify(manifest)).not.toContain('https://a.example');
  });
});
