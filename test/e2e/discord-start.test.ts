import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord/fake-discord.ts';
import { startFixtureServer, type FixtureServer } from '../fakes/fixture-server.ts';
import { repoRoot } from './cli-harness.ts';

const page = (clauses: readonly string[]): string =>
  `<html><head><title>Terms</title></head><body><main><h1>Acme Terms</h1>${clauses.map((c) => `<p>${c}</p>`).join('')}</main></body></html>`;
const BEFORE = [
  '1. You may use the Services for any lawful purpose.',
  '2. We do not train our models on your content.',
];
const AFTER = ['1. You may use the Services for any lawful purpose.', '2. We may train our models on your content.'];

let site: FixtureServer;
let fake: FakeDiscord;
let dir: string;
let bot: ChildProcessWithoutNullStreams | undefined;

beforeAll(async () => {
  site = await startFixtureServer();
  site.route('/terms', { body: page(BEFORE) });
  fake = await startFakeDiscord();
  dir = await mkdtemp(path.join(tmpdir(), 'clausewatch-discord-'));
  await writeFile(
    path.join(dir, 'clausewatch.yaml'),
    [
      'catalog: false',
      'dataDir: ./data',
      'confirmDelaySeconds: 0',
      'logLevel: warn',
      'schedules: { terms: "* * * * * *", feed: "0 0 1 1 *", page: "0 0 1 1 *" }',
      'fetch: { allowHosts: ["127.0.0.1"], perHostSpacingMs: 0, retries: 0 }',
      'sources:',
      `  - { id: acme/terms, kind: terms, vendor: acme, title: Acme Terms, url: "${site.origin}/terms" }`,
    ].join('\n'),
  );
});

afterAll(async () => {
  bot?.kill('SIGKILL');
  await fake.close();
  await site.close();
  await rm(dir, { recursive: true, force: true });
});

describe('npm start with DISCORD_* pointing at the fake Discord', () => {
  it('logs in, answers a slash command, delivers a terms change to the channel, stops on SIGINT', async () => {
    const loader = pathToFileURL(path.join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;
    const child = spawn(process.execPath, ['--import', loader, path.join(repoRoot, 'src/cli.ts'), 'start'], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        NO_COLOR: '1',
        DISCORD_TOKEN: fake.token,
        DISCORD_APPLICATION_ID: fake.applicationId,
        DISCORD_API_URL: fake.apiUrl,
      },
    });
    bot = child;
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    await fake.waitFor(() => fake.gateway.readySessions > 0, 20_000, `the bot to log in; output: ${output}`);
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

    await fake.waitFor(() => output.includes('acme/terms: first version recorded'), 20_000, 'the first poll');
    site.route('/terms', { body: page(AFTER) });
    const alerts = () => fake.state.messagesIn(fake.channelId);
    await fake.waitFor(() => alerts().length > 0, 20_000, 'the alert in the channel');
    const alert = alerts()[0];
    expect(JSON.stringify(alert?.body.embeds)).toMatch(/may train/iu);
    expect(alert?.body.enforce_nonce).toBe(true);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 60_000);
});
