import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCliInProcess } from './cli-harness.ts';

const fixture = (name: string): string => path.join(repoRoot, 'test/fixtures/feeds', name);
let dir: string;

const story = (guid: string, link: string, title: string): string =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>
   <item><guid>${guid}</guid><title>${title}</title><link>${link}</link>
   <pubDate>Fri, 09 Jan 2026 10:00:00 GMT</pubDate>
   <description>&lt;p&gt;Anthropic has cut off xAI's access to Claude. The company cited its terms of service.&lt;/p&gt;</description></item>
   </channel></rss>`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'clausewatch-news-'));
  await writeFile(path.join(dir, 'a.xml'), story('a1', 'https://www.wire.example/claude-xai?utm_source=rss#top', 'Anthropic cuts off xAI’s access to Claude'));
  await writeFile(path.join(dir, 'b.xml'), story('b1', 'https://other.example/2026/01/anthropic-xai', 'Anthropic cuts off xAI’s access to Claude models'));
  await writeFile(path.join(dir, 'page.xml'), '<!doctype html><html><body><h1>Not a feed</h1></body></html>');
});

interface JsonItem {
  title: string;
  url: string;
  source: string;
  alsoReportedBy: string[];
  vendors: string[];
  topics: string[];
  language: string | null;
}

describe('clausewatch news', () => {
  it('prints the items of files as the documented JSON, one per story across feeds', async () => {
    const run = await runCliInProcess(['news', 'a.xml', 'b.xml', '--json'], dir);
    expect(run.code).toBe(0);
    const { items } = JSON.parse(run.stdout) as { items: JsonItem[] };
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(Object.keys(item ?? {})).toEqual(['title', 'url', 'published', 'summary', 'vendors', 'topics', 'language', 'source', 'alsoReportedBy']);
    expect(item).toMatchObject({
      url: 'https://wire.example/claude-xai',
      published: '2026-01-09T10:00:00.000Z',
      source: 'a.xml',
      alsoReportedBy: ['b.xml'],
      language: 'en',
    });
    expect(item?.vendors).toEqual(expect.arrayContaining(['anthropic', 'xai']));
    expect(item?.topics).toEqual(expect.arrayContaining(['access']));
  });

  it('decodes every dialect and encoding of the fixtures', async () => {
    const files = ['rss2.xml', 'rss091.xml', 'rdf.xml', 'atom-xmlbase.xml', 'json-feed.json', 'latin1-de.xml'];
    const run = await runCliInProcess(['news', ...files.map(fixture), '--json'], dir);
    expect(run.code).toBe(0);
    const { items } = JSON.parse(run.stdout) as { items: JsonItem[] };
    for (const file of files) expect(items.some((item) => item.source === fixture(file)), file).toBe(true);
    expect(items.map((item) => item.title)).toContain('Größere Änderungen: „Nutzungsbedingungen“ für Büros');
  });

  it('reports a broken feed clearly, prints the others and exits 1', async () => {
    const run = await runCliInProcess(['news', 'page.xml', 'a.xml'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/page\.xml: .*HTML/);
    expect(run.stdout).toContain('Anthropic cuts off xAI’s access to Claude');
  });

  it('explains its usage without feeds', async () => {
    const run = await runCliInProcess(['news'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: clausewatch news FEED...');
  });
});
