import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../fakes/fixture-server.ts';
import { repoRoot, runCliInProcess } from './cli-harness.ts';

const page = (clauses: readonly string[]): string =>
  `<html><head><title>Terms</title></head><body><main><h1>Acme Terms</h1>${clauses.map((c) => `<p>${c}</p>`).join('')}</main></body></html>`;

const BEFORE = [
  '1. You may use the Services for any lawful purpose.',
  '2. We do not train our models on your content.',
];
const AFTER = ['1. You may use the Services for any lawful purpose.', '2. We may train our models on your content.'];

let server: FixtureServer;
let dir: string;
let bot: ChildProcessWithoutNullStreams | undefined;

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/terms', { body: page(BEFORE) });
  dir = await mkdtemp(path.join(tmpdir(), 'clausewatch-bot-'));
  await writeFile(
    path.join(dir, 'clausewatch.yaml'),
    [
      'catalog: false',
      'dataDir: ./data',
      'confirmDelaySeconds: 0',
      'logLevel: warn',
      // Every second, so the test sees a poll without waiting for the default quarter hour.
      'schedules: { terms: "* * * * * *", feed: "0 0 1 1 *", page: "0 0 1 1 *" }',
      'fetch: { allowHosts: ["127.0.0.1"], perHostSpacingMs: 0, retries: 0 }',
      'sources:',
      `  - { id: acme/terms, kind: terms, vendor: acme, title: Acme Terms, url: "${server.origin}/terms" }`,
    ].join('\n'),
  );
});

afterAll(async () => {
  bot?.kill('SIGKILL');
  await server.close();
});

function startBot(): { child: ChildProcessWithoutNullStreams; output: () => string; exited: Promise<number | null> } {
  const loader = pathToFileURL(path.join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', loader, path.join(repoRoot, 'src/cli.ts'), 'start'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, output: () => output, exited };
}

async function waitFor(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('clausewatch start with a console subscription', () => {
  it('delivers a matching terms change to the console, then shuts down cleanly on SIGINT', async () => {
    const subscribed = await runCliInProcess(['exec', 'subscribe', '--vendor', 'acme', '--admin'], dir);
    expect(subscribed.code).toBe(0);
    const run = startBot();
    bot = run.child;
    await waitFor(() => run.output().includes('acme/terms: first version recorded'), 15_000);
    server.route('/terms', { body: page(AFTER) });
    await waitFor(() => /may train/i.test(run.output()), 15_000);
    expect(run.output()).toMatch(/HIGH|high/);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  }, 45_000);
});
