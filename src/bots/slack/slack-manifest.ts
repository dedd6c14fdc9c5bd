import { stringify } from 'yaml';
import type { Command } from '../../../commands/command.ts';
import { SLASH_COMMAND } from './slash-text.ts';

/** Options of {@link slackManifest}. */
export interface ManifestOptions {
  /** The app's name in Slack (at most 35 characters). */
  readonly name: string;
  /** Public URL of the HTTP receiver (`https://host/slack/events`); not needed in Socket Mode. */
  readonly requestUrl?: string | undefined;
  /** Socket Mode: the app connects out with an app token, no public URL needed. */
  readonly socketMode: boolean;
}

/** Bot scopes: the slash command, posting (also to public channels it was not invited to), DMs, names and channels. */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'chat:write.public',
  'im:write',
  'users:read',
  'channels:read',
  'groups:read',
] as const;

/** Slack's limit on a slash command's usage hint. */
const USAGE_HINT_MAX = 1000;

/**
 * The Slack app manifest (https://api.slack.com/reference/manifests) for the commands: one `/clausewatch`
 * slash command with the commands as subcommands, bot scopes, the `app_home_opened` event, interactivity,
 * the Home tab, and Socket Mode or request URLs. Pasted once into "Create an app → From a manifest".
 */
export function slackManifest(commands: readonly Command[], options: ManifestOptions): object {
  const url = options.socketMode ? undefined : options.requestUrl;
  const withUrl = (fields: object): object => (url === undefined ? fields : { ...fields, ...requestUrl(fields, url) });
  return {
    display_information: {
      name: options.name.slice(0, 35),
      description: 'Alerts when AI vendors change their terms, and AI news as it happens.',
      background_color: '#1f2937',
      long_description: LONG_DESCRIPTION,
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: botName(options.name), always_online: true },
      slash_commands: [
        withUrl({
          command: SLASH_COMMAND,
          description: 'Terms-change alerts and AI news: subscribe, latest, diff, help…',
          usage_hint: usageHint(commands),
          should_escape: true,
        }),
      ],
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: withUrl({ bot_events: ['app_home_opened'] }),
      interactivity: withUrl({ is_enabled: true }),
      org_deploy_enabled: false,
      socket_mode_enabled: options.socketMode,
      token_rotation_enabled: false,
    },
  };
}

/** The manifest as YAML, with a header saying how it is made. */
export function manifestYaml(commands: readonly Command[], options: ManifestOptions): string {
  const header = '# Generated from commands/ by `npm run slack-manifest`; do not edit by hand.\n';
  // Single quotes as Prettier writes them, so `npm run format` leaves the generated file alone.
  return `${header}${stringify(slackManifest(commands, options), { lineWidth: 0, singleQuote: true })}`;
}

/** Slash commands name it `url`; events and interactivity `request_url`. */
function requestUrl(fields: object, url: string): object {
  return 'command' in fields ? { url } : { request_url: url };
}

/** `subscribe | unsubscribe | … [option:value …]`, cut to Slack's limit at a command boundary. */
function usageHint(commands: readonly Command[]): string {
  const suffix = ' [option:value …]';
  let names = commands.map((command) => command.name);
  while (names.join(' | ').length + suffix.length > USAGE_HINT_MAX && names.length > 1) names = names.slice(0, -1);
  return `${names.join(' | ')}${suffix}`;
}

/** Bot display names: lower-case letters, digits, `.`, `-`, `_`, at most 80 characters. */
function botName(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 80);
  return cleaned === '' ? 'clausewatch' : cleaned;
}

const LONG_DESCRIPTION = [
  'clausewatch watches the terms of service, usage policies and privacy pages of AI vendors and tells you',
  'which clauses changed, how much it matters, and what the text said before and after. It also follows AI',
  'news feeds and posts the stories that match your filters.',
  '',
  'Use /clausewatch subscribe to get alerts in a channel or by DM, /clausewatch latest for recent changes,',
  '/clausewatch diff for a full comparison, and /clausewatch help for everything else.',
].join('\n');
