import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord/fake-discord.ts';
import { startFixtureServer, type FixtureServer } from '../fakes/fixture-server.ts';
import { spawnStart, startDirectory, TERMS_AFTER, TERMS_BEFORE, termsPage, type StartedBot } from './start-harness.ts';

let site: FixtureServer;
let fake: FakeDiscord;
let dir: string;
let bot: StartedBot | undefined;

beforeAll(async () => {
  site = await startFixtureServer();
  site.route('/terms', { body: termsPage(TERMS_BEFORE) });
  fake = await startFakeDiscord();
  dir = await startDirectory(`${site.origin}/terms`);
});

afterAll(async () => {
  bot?.child.kill('SIGKILL');
  await fake.close();
  await site.close();
  await rm(dir, { recursive: true, force: true });
});

describe('npm start with DISCORD_* pointing at the fake Discord', () => {
  it('logs in, answers a slash command, delivers a terms change to the channel, stops on SIGINT', async () => {
    bot = spawnStart(dir, {
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
    });
    const started = bot;
    await fake.waitFor(() => fake.gateway.readySessions > 0, 20_000, `the bot to log in; output: ${started.output()}`);
    expect(fake.gateway.identifies[0]?.intents).toBe(1);

    const manager = {
      userId: '1100000000000000502',
      guildId: fake.guildId,
      channelId: fake.channelId,
      permissions: PERMISSIONS.manager,
    };
    const command = await fake.sendCommand(manager, 'subscribe', { vendor: 'acme' });
    await fake.waitFor(() => fake.callsFor(command).length > 0, 10_000, 'the /subscribe reply');
    const reply = fake.callsFor(command)[0]?.body as { type: number; data: { embeds: { title: string }[] } };
    expect(reply.data.embeds[0]?.title).toBe('Subscribed this channel');

    await fake.waitFor(() => started.output().includes('acme/terms: first version recorded'), 20_000, 'the first poll');
    site.route('/terms', { body: termsPage(TERMS_AFTER) });
    const alerts = () => fake.state.messagesIn(fake.channelId);
    await fake.waitFor(() => alerts().length > 0, 20_000, 'the alert in the channel');
    const alert = alerts()[0];
    expect(JSON.stringify(alert?.body.embeds)).toMatch(/may train/iu);
    expect(alert?.body.enforce_nonce).toBe(true);

    started.child.kill('SIGINT');
    expect(await started.exited).toBe(0);
  }, 60_000);
});
