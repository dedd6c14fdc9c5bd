// `clausewatch start` with Slack settings, as a user runs it: the bot answers a signed /clausewatch command on
// SLACK_PORT and delivers a terms change to the subscribed channel through SLACK_API_URL (a local fake).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack/fake-slack-api.ts';
import { postSigned, slashCommandBody } from '../fakes/fake-slack/sign.ts';
import { startFixtureServer, type FixtureServer } from '../fakes/fixture-server.ts';
import { repoRoot } from './cli-harness.ts';

const SECRET = 'e2e-signing-secret';
const page = (clauses: readonly string[]): string =>
  `<html><head><title>Terms</title></head><body><main><h1>Acme Terms</h1>${clauses.map((c) => `<p>${c}</p>`).join('')}</main></body></html>`;
const BEFORE = [
  '1. You may use the Services for any lawful purpose.',
  '2. We do not train our models on your content.',
];
const AFTER = ['1. You may use the Services for any lawful purpose.', '2. We may train our models on your content.'];

let server: FixtureServer;
let fake: FakeSlack;
let dir: string;
let bot: ChildProcessWithoutNullStreams | undefined;

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/terms', { body: page(BEFORE) });
  fake = await startFakeSlack();
  fake.setUser('UADMIN', { is_admin: true });
  dir = await mkdtemp(path.join(tmpdir(), 'clausewatch-slack-'));
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
      `  - { id: acme/terms, kind: terms, vendor: acme, title: Acme Terms, url: "${server.origin}/terms" }`,
    ].join('\n'),
  );
});

afterAll(async () => {
  bot?.kill('SIGKILL');
  await fake.close();
  await server.close();
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
  });
}

async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('clausewatch start with Slack', () => {
  it('answers a signed /clausewatch command and delivers an alert to the subscribed channel', async () => {
    const port = await freePort();
    const loader = pathToFileURL(path.join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;
    const child = spawn(process.execPath, ['--import', loader, path.join(repoRoot, 'src/cli.ts'), 'start'], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        NO_COLOR: '1',
        SLACK_BOT_TOKEN: 'xoxb-e2e',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: fake.apiUrl,
        SLACK_PORT: String(port),
      },
    });
    bot = child;
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    const body = slashCommandBody({
      text: 'subscribe vendor:acme',
      userId: 'UADMIN',
      channelId: 'C1',
      responseUrl: fake.responseUrl(),
    });
    const reply = await waitFor(async () => {
      try {
        return await postSigned(`http://127.0.0.1:${port}/slack/events`, body, { secret: SECRET });
      } catch {
        return undefined; // not listening yet
      }
    }, 20_000);
    expect(reply.status).toBe(200);
    const answer = (await reply.json()) as { response_type: string; text: string };
    expect(answer).toMatchObject({ response_type: 'in_channel' });
    expect(answer.text).toMatch(/^Subscribed this channel\n#1 — terms changes and news · vendor acme/u);

    await waitFor(() => (output.includes('acme/terms: first version recorded') ? true : undefined), 20_000);
    server.route('/terms', { body: page(AFTER) });
    const [alert] = await fake.waitFor('chat.postMessage', 1, 20_000);
    expect(alert?.params.channel).toBe('C1');
    expect(JSON.stringify(alert?.params.blocks)).toMatch(/may train/iu);
    expect(output).not.toContain('xoxb-e2e');
    expect(output).not.toContain(SECRET);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 60_000);
});
