// `clausewatch start` with Slack settings, as a user runs it: the bot answers a signed /clausewatch command on
// SLACK_PORT and delivers a terms change to the subscribed channel through SLACK_API_URL (a local fake).
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const SECRET = 'e2e-signing-secret';

let server: FixtureServer;
let fake: FakeSlack;
let dir: string;
let bot: StartedBot | undefined;

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/terms', { body: termsPage(TERMS_BEFORE) });
  fake = await startFakeSlack();
  fake.setUser('UADMIN', { is_admin: true });
  dir = await startDirectory(`${server.origin}/terms`);
});

afterAll(async () => {
  bot?.child.kill('SIGKILL');
  await fake.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('clausewatch start with Slack', () => {
  it('answers a signed /clausewatch command and delivers an alert to the subscribed channel', async () => {
    const port = await freePort();
    bot = spawnStart(dir, {
      SLACK_BOT_TOKEN: 'xoxb-e2e',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      SLACK_PORT: String(port),
    });
    const started = bot;
    const reply = await postSlackCommand(port, fake, SECRET, 'subscribe vendor:acme');
    expect(reply.status).toBe(200);
    const answer = (await reply.json()) as { response_type: string; text: string };
    expect(answer).toMatchObject({ response_type: 'in_channel' });
    expect(answer.text).toMatch(/^Subscribed this channel\n#1 — terms changes and news · vendor acme/u);

    const firstPoll = () => (started.output().includes('acme/terms: first version recorded') ? true : undefined);
    await waitUntil(firstPoll, 20_000, 'the first poll');
    server.route('/terms', { body: termsPage(TERMS_AFTER) });
    const [alert] = await fake.waitFor('chat.postMessage', 1, 20_000);
    expect(alert?.params.channel).toBe('C1');
    expect(JSON.stringify(alert?.params.blocks)).toMatch(/may train/iu);
    expect(started.output()).not.toContain('xoxb-e2e');
    expect(started.output()).not.toContain(SECRET);
    started.child.kill('SIGINT');
    expect(await started.exited).toBe(0);
  }, 60_000);
});
