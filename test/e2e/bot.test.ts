import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../fakes/fixture-server.ts';
import { runCliInProcess } from './cli-harness.ts';
import {
  spawnStart,
  startDirectory,
  TERMS_AFTER,
  TERMS_BEFORE,
  termsPage,
  waitUntil,
  type StartedBot,
} from './start-harness.ts';

let server: FixtureServer;
let dir: string;
let bot: StartedBot | undefined;

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/terms', { body: termsPage(TERMS_BEFORE) });
  dir = await startDirectory(`${server.origin}/terms`);
});

afterAll(async () => {
  bot?.child.kill('SIGKILL');
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('clausewatch start with a console subscription', () => {
  it('delivers a matching terms change to the console, then shuts down cleanly on SIGINT', async () => {
    const subscribed = await runCliInProcess(['exec', 'subscribe', '--vendor', 'acme', '--admin'], dir);
    expect(subscribed.code).toBe(0);
    const run = spawnStart(dir, {});
    bot = run;
    const seen = (pattern: RegExp | string) => () =>
      (typeof pattern === 'string' ? run.output().includes(pattern) : pattern.test(run.output())) || undefined;
    await waitUntil(seen('acme/terms: first version recorded'), 15_000, 'the first poll');
    server.route('/terms', { body: termsPage(TERMS_AFTER) });
    await waitUntil(seen(/may train/i), 15_000, 'the alert on the console');
    expect(run.output()).toMatch(/HIGH|high/);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  }, 45_000);
});
