import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../fakes/fixture-server.ts';
import { jsonLines, runCliInProcess, runCliProcess } from './cli-harness.ts';

const termsPage = (clauses: readonly string[], banner = 'We use cookies.'): string =>
  `<!doctype html><html><head><title>Terms</title></head><body>
   <div id="cookie-banner">${banner} <button>Accept</button></div>
   <main><h1>Terms of Service</h1>${clauses.map((c) => `<p>${c}</p>`).join('')}</main></body></html>`;

const CLAUSES = [
  '1. You may use the Services only in compliance with these Terms.',
  '2. You may not use the Services to develop models that compete with ours.',
  '3. We do not train our models on your content.',
];

const feed = (ids: readonly string[]): string =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>AI news</title>${ids
    .map((id) => `<item><guid>${id}</guid><title>Story ${id}</title><link>https://news.example/${id}</link></item>`)
    .join('')}</channel></rss>`;

let server: FixtureServer;
let dir: string;
let configPath: string;

beforeAll(async () => {
  server = await startFixtureServer();
  dir = await mkdtemp(path.join(tmpdir(), 'clausewatch-e2e-'));
  configPath = path.join(dir, 'clausewatch.yaml');
  await writeFile(
    configPath,
    [
      'dataDir: ./state',
      'catalog: false',
      'confirmDelaySeconds: 0',
      'fetch: { allowHosts: ["127.0.0.1"], perHostSpacingMs: 0, retries: 0, timeoutMs: 5000 }',
      'sources:',
      `  - { id: acme/terms, kind: terms, vendor: acme, title: Acme Terms, url: "${server.origin}/terms", select: main }`,
      `  - { id: acme/news, kind: feed, vendor: acme, url: "${server.origin}/feed.xml" }`,
      '  - { id: gone/terms, kind: terms, vendor: gone, url: "http://127.0.0.1:9/terms" }',
    ].join('\n'),
  );
  server.route('/terms', { body: termsPage(CLAUSES) });
  server.route('/feed.xml', { headers: { 'content-type': 'application/rss+xml' }, body: feed(['a', 'b']) });
});

afterAll(async () => {
  await server.close();
});

const check = async (): Promise<Record<string, unknown>[]> => {
  const run = await runCliInProcess(['check', '--once', '--json', '--config', configPath], dir);
  expect(run.code).toBe(0);
  return jsonLines(run.stdout);
};
const summary = (events: Record<string, unknown>[]): string[] =>
  events.map((event) => `${String(event.type)}:${String(event.source)}`).sort();

describe('clausewatch check --once --json', () => {
  it('prints baseline for new sources and source-error for an unreachable one', async () => {
    const events = await check();
    expect(summary(events)).toEqual(['baseline:acme/news', 'baseline:acme/terms', 'source-error:gone/terms']);
    const error = events.find((event) => event.type === 'source-error');
    expect(error).toMatchObject({ code: 'network', consecutiveFailures: 1, failing: false });
    expect(String(error?.message)).toContain('127.0.0.1:9');
  });

  it('prints nothing but the failing source when nothing changed, even if the cookie banner did', async () => {
    server.route('/terms', { body: termsPage(CLAUSES, 'We use cookies to improve your experience.') });
    expect(summary(await check())).toEqual(['source-error:gone/terms']);
  });

  it('prints one terms-change with the clause changes after the page changes, then nothing', async () => {
    server.route('/terms', {
      body: termsPage([CLAUSES[0] ?? '', CLAUSES[1] ?? '', '3. We may train our models on your content.']),
    });
    server.route('/feed.xml', { headers: { 'content-type': 'application/rss+xml' }, body: feed(['c', 'a', 'b']) });
    const events = await check();
    expect(summary(events)).toEqual(['news:acme/news', 'source-error:gone/terms', 'terms-change:acme/terms']);
    const change = events.find((event) => event.type === 'terms-change') as {
      diff: { changes: { after: string | null }[] };
    };
    expect(change.diff.changes.some((c) => c.after?.includes('We may train') === true)).toBe(true);
    const news = events.find((event) => event.type === 'news') as { items: { title: string }[] };
    expect(news.items.map((item) => item.title)).toEqual(['Story c']);
    expect(summary(await check())).toEqual(['source-error:gone/terms']);
  });

  it('keeps its state across processes: a new process on the same data dir sees no change', async () => {
    const run = await runCliProcess(['check', '--once', '--json', '--config', configPath], dir);
    expect(run.code).toBe(0);
    expect(summary(jsonLines(run.stdout))).toEqual(['source-error:gone/terms']);
    const sources = await runCliProcess(['sources', '--json', '--config', configPath], dir);
    const rows = (
      JSON.parse(sources.stdout) as { sources: { id: string; status: string; consecutiveFailures: number }[] }
    ).sources;
    expect(rows.map((row) => [row.id, row.status, row.consecutiveFailures])).toEqual([
      ['acme/terms', 'ok', 0],
      ['acme/news', 'ok', 0],
      ['gone/terms', 'failing', 5],
    ]);
  });

  it('refuses a source on a private address unless configuration allows it', async () => {
    const strict = path.join(dir, 'strict.yaml');
    await writeFile(
      strict,
      `dataDir: ./strict\ncatalog: false\nfetch: { retries: 0 }\nsources:\n  - { id: local/terms, kind: terms, vendor: local, url: "${server.origin}/terms" }\n`,
    );
    const requestsBefore = server.requests.length;
    const run = await runCliInProcess(['check', '--once', '--json', '--config', strict], dir);
    expect(jsonLines(run.stdout)).toMatchObject([
      { type: 'source-error', source: 'local/terms', code: 'blocked_address' },
    ]);
    expect(server.requests.length).toBe(requestsBefore);
  });

  it('exits non-zero with a message naming the key, the value and the expectation on a bad config', async () => {
    const bad = path.join(dir, 'bad.yaml');
    await writeFile(bad, 'failureThreshold: -2\n');
    const run = await runCliProcess(['check', '--once', '--config', bad], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('failureThreshold');
    expect(run.stderr).toContain('-2');
    expect(run.stderr).toMatch(/expected|Too small/i);
  });
});
