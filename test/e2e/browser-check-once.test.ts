import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { ConfigError } from '../../src/domain/errors.ts';
import { chromiumNote, describeWithChromium } from '../../src/sources/browser/browser-test-kit.ts';
import { startFixtureServer, type FixtureServer } from '../fakes/fixture-server.ts';
import { jsonLines, runCliInProcess } from './cli-harness.ts';

const scripted = (clauses: readonly string[]): string =>
  `<!doctype html><html><head><title>Terms</title></head><body><div id="root"></div><script>
   setTimeout(() => { document.getElementById('root').innerHTML = '<main><h1>Terms</h1>' +
     ${JSON.stringify(clauses.map((c) => `<p>${c}</p>`).join(''))} + '</main>'; }, 20);
   </script></body></html>`;

const CLAUSES = [
  '1. You may use the Services only in compliance with these Terms.',
  '2. We do not train our models on your content.',
];

let server: FixtureServer;
let dir: string;

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/terms', { body: scripted(CLAUSES) });
  dir = await mkdtemp(path.join(tmpdir(), 'clausewatch-browser-e2e-'));
  await writeFile(
    path.join(dir, 'clausewatch.yaml'),
    [
      'dataDir: ./state',
      'catalog: false',
      'confirmDelaySeconds: 0',
      'fetch: { allowHosts: ["127.0.0.1"], perHostSpacingMs: 0, retries: 0, timeoutMs: 5000 }',
      'browser: { pageTimeoutMs: 20000, settleTimeoutMs: 0 }',
      'sources:',
      `  - { id: acme/app-terms, kind: terms, vendor: acme, title: Acme App Terms, url: "${server.origin}/terms", select: main, browser: always }`,
    ].join('\n'),
  );
});

afterAll(async () => {
  await server.close();
});

const check = async (): Promise<string[]> => {
  const run = await runCliInProcess(['check', '--once', '--json', '--config', path.join(dir, 'clausewatch.yaml')], dir);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return jsonLines(run.stdout).map((event) => `${String(event.type)}:${String(event.source)}`);
};

describeWithChromium(`clausewatch check --once with a browser source (${chromiumNote})`, () => {
  it('records the JS-rendered page, then alerts once on a clause change', async () => {
    expect(await check()).toEqual(['baseline:acme/app-terms']);
    server.route('/terms', { body: scripted([CLAUSES[0] ?? '', '2. We may train our models on your content.']) });
    expect(await check()).toEqual(['terms-change:acme/app-terms']);
    expect(await check()).toEqual([]);
  });
});

describe('browser configuration', () => {
  it('reads browser settings, per-source modes and CLAUSEWATCH_CHROMIUM_PATH', () => {
    const config = loadConfig({ env: { CLAUSEWATCH_CHROMIUM_PATH: '/opt/chromium/chrome' }, cwd: dir });
    expect(config.browser).toMatchObject({ default: 'auto', pages: 2, executablePath: '/opt/chromium/chrome' });
    expect(config.sources.find((source) => source.id === 'acme/app-terms')?.browser).toBe('always');
    const catalog = loadConfig({ env: {}, cwd: tmpdir() });
    expect(catalog.sources.find((source) => source.id === 'openai/terms-of-use')?.browser).toBe('always');
    expect(catalog.browser.executablePath).toBeUndefined();
  });

  it('names the key and the allowed modes for a bad one', async () => {
    const bad = await mkdtemp(path.join(tmpdir(), 'clausewatch-browser-config-'));
    await writeFile(path.join(bad, 'clausewatch.yaml'), 'browser: { default: sometimes }\n');
    expect(() => loadConfig({ env: {}, cwd: bad })).toThrow(ConfigError);
    expect(() => loadConfig({ env: {}, cwd: bad })).toThrow(/browser\.default: got "sometimes".*"auto"/);
  });
});
