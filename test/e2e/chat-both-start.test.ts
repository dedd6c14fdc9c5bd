// `clausewatch start` with Discord and Slack both configured: both answer commands, and one terms change reaches
// the subscribed Discord channel and the subscribed Slack channel.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord/fake-discord.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack/fake-slack-api.ts';
import { startFixtureServer, type FixtureServer } from '../fakes/fixture-server.ts';
import {
  freePort,
  postSlackCommand,
  spawnStart,
  startDirectory,
  TERMS_AFTER,
  TERMS_BEFORE,
  termsPage,
  waitUntil,
  type StartedBot,
} from './start-harness.ts';

const SECRET = 'both-signing-secret';
let site: FixtureServer;
let discord: FakeDiscord;
let slack: FakeSlack;
let dir: string;
let bot: StartedBot | undefined;

beforeAll(async () => {
  site = await startFixtureServer();
  site.route('/terms', { body: termsPage(TERMS_BEFORE) });
  discord = await startFakeDiscord();
  slack = await startFakeSlack();
  slack.setUser('UADMIN', { is_admin: true });
  dir = await startDirectory(`${site.origin}/terms`);
});

afterAll(async () => {
  bot?.child.kill('SIGKILL');
  await discord.close();
  await slack.close();
  await site.close();
  await rm(dir, { recursive: true, force: true });
});

describe('npm start with Discord and Slack both set', () => {
  it('runs both next to the scheduler and delivers one change to both', async () => {
    const port = await freePort();
    bot = spawnStart(dir, {
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
      SLACK_BOT_TOKEN: 'xoxb-both',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      SLACK_PORT: String(port),
    });
    const started = bot;
    await discord.waitFor(() => discord.gateway.readySessions > 0, 20_000, 'the Discord login');
    const manager = {
      userId: '1100000000000000502',
      guildId: discord.guildId,
      channelId: discord.channelId,
      permissions: PERMISSIONS.manager,
    };
    const command = await discord.sendCommand(manager, 'subscribe', { vendor: 'acme' });
    await discord.waitFor(() => discord.callsFor(command).length > 0, 10_000, 'the Discord reply');

    const reply = await postSlackCommand(port, slack, SECRET, 'subscribe vendor:acme');
    expect(((await reply.json()) as { text: string }).text).toMatch(/^Subscribed this channel/u);

    await waitUntil(
      () => (started.output().includes('acme/terms: first version recorded') ? true : undefined),
      20_000,
      'the first poll',
    );
    site.route('/terms', { body: termsPage(TERMS_AFTER) });
    const [slackAlert] = await slack.waitFor('chat.postMessage', 1, 20_000);
    await discord.waitFor(() => discord.state.messagesIn(discord.channelId).length > 0, 20_000, 'the Discord alert');
    expect(JSON.stringify(slackAlert?.params.blocks)).toMatch(/may train/iu);
    expect(JSON.stringify(discord.state.messagesIn(discord.channelId)[0]?.body.embeds)).toMatch(/may train/iu);

    started.child.kill('SIGINT');
    expect(await started.exited).toBe(0);
  }, 60_000);
});
