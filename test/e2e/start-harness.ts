// `clausewatch start` as a user runs it, for the end-to-end tests of the chat platforms: one terms page on a
// local server polled every second, and the bot as a child process with the environment the test gives it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FakeSlack } from '../fakes/fake-slack/fake-slack-api.ts';
import { postSigned, slashCommandBody } from '../fakes/fake-slack/sign.ts';
import { repoRoot } from './cli-harness.ts';

export const TERMS_BEFORE = [
  '1. You may use the Services for any lawful purpose.',
  '2. We do not train our models on your content.',
];
export const TERMS_AFTER = [
  '1. You may use the Services for any lawful purpose.',
  '2. We may train our models on your content.',
];

/** A terms page with these clauses. */
export function termsPage(clauses: readonly string[]): string {
  const body = clauses.map((clause) => `<p>${clause}</p>`).join('');
  return `<html><head><title>Terms</title></head><body><main><h1>Acme Terms</h1>${body}</main></body></html>`;
}

/** A fresh working directory whose clausewatch.yaml watches `termsUrl` every second and nothing else. */
export async function startDirectory(termsUrl: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'clausewatch-start-'));
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
      `  - { id: acme/terms, kind: terms, vendor: acme, title: Acme Terms, url: "${termsUrl}" }`,
    ].join('\n'),
  );
  return dir;
}

export interface StartedBot {
  readonly child: ChildProcessWithoutNullStreams;
  /** Everything the bot wrote so far, stdout and stderr. */
  output(): string;
  /** Resolves with the exit code once the process ended. */
  readonly exited: Promise<number | null>;
}

/** Spawns `clausewatch start` in `dir` with only PATH, NO_COLOR and `env` set. */
export function spawnStart(dir: string, env: Readonly<Record<string, string>>): StartedBot {
  const loader = pathToFileURL(path.join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', loader, path.join(repoRoot, 'src/cli.ts'), 'start'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, output: () => output, exited };
}

/** A TCP port free right now on 127.0.0.1. */
export function freePort(): Promise<number> {
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

/** Polls `probe` every 100 ms until it returns a value; throws naming `what` after `ms`. */
export async function waitUntil<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  ms: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Posts a signed `/clausewatch <text>` from user UADMIN in channel C1 to the bot's Slack receiver on `port`,
 * retrying until the bot listens; returns the receiver's response.
 */
export function postSlackCommand(port: number, slack: FakeSlack, secret: string, text: string): Promise<Response> {
  const body = slashCommandBody({ text, userId: 'UADMIN', channelId: 'C1', responseUrl: slack.responseUrl() });
  return waitUntil(
    // Refused until the bot has started its receiver.
    () => postSigned(`http://127.0.0.1:${String(port)}/slack/events`, body, { secret }).catch(() => undefined),
    20_000,
    'the Slack receiver',
  );
}
