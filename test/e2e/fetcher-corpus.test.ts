// The HTTP fetcher on real vendor pages: every corpus snapshot served compressed, with and without a charset
// label, then revalidated with its ETag.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../fakes/fixture-server.ts';
import type { Fetcher } from '../../src/sources/fetcher.ts';
import { createHttpFetcher } from '../../src/sources/http/http-fetcher.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const corpus = resolve(repoRoot, process.env.CLAUSEWATCH_CORPUS ?? '../shared/corpus');
const snapshotsDir = join(corpus, 'snapshots');
const available = existsSync(snapshotsDir);
if (!available) console.warn(`fetcher-corpus: corpus not found at ${snapshotsDir}; set CLAUSEWATCH_CORPUS to run it`);

function snapshotFiles(): string[] {
  if (!available) return [];
  const files = readdirSync(snapshotsDir, { recursive: true, encoding: 'utf8' });
  return files.filter((file) => file.endsWith('.html')).map((file) => join(snapshotsDir, file));
}

describe.skipIf(!available)('HTTP fetcher on corpus snapshots', () => {
  const files = snapshotFiles();
  let server: FixtureServer;
  let fetcher: Fetcher;

  beforeAll(async () => {
    server = await startFixtureServer();
    files.forEach((file, index) => {
      const body = readFileSync(file);
      const etag = `"snap-${index}"`;
      const compress =
        index % 2 === 0 ? { coding: 'gzip', encode: gzipSync } : { coding: 'br', encode: brotliCompressSync };
      // Half the pages carry no charset in the header, leaving it to the <meta> tag.
      const contentType = index % 3 === 0 ? 'text/html' : 'text/html; charset=utf-8';
      server.route(`/snap/${index}`, (request, response) => {
        if (request.headers['if-none-match'] === etag) {
          response.writeHead(304, { etag }).end();
          return;
        }
        const headers = { 'content-type': contentType, 'content-encoding': compress.coding, etag };
        response.writeHead(200, headers).end(compress.encode(body));
      });
    });
    fetcher = createHttpFetcher({ allowHosts: ['127.0.0.1'], perHostSpacingMs: 0, perHostConcurrency: 4 });
  });

  afterAll(async () => {
    await fetcher.close();
    await server.close();
  });

  it('finds snapshots to serve', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('fetches and decodes every snapshot exactly', async () => {
    const results = await Promise.all(
      files.map((_, index) => fetcher.fetch({ url: `${server.origin}/snap/${index}` })),
    );
    results.forEach((result, index) => {
      const file = files[index] ?? '';
      const expected = readFileSync(file);
      expect(result.kind, relative(corpus, file)).toBe('fetched');
      if (result.kind !== 'fetched') return;
      expect(result.body.equals(expected), relative(corpus, file)).toBe(true);
      expect(result.text).toBe(expected.toString('utf8').replace(/^\uFEFF/, ''));
      expect(result.charset).toBe('utf-8');
      expect(result.etag).toBe(`"snap-${index}"`);
    });
    expect(server.requestsTo('/robots.txt')).toHaveLength(1);
  });

  it('revalidates every snapshot with its ETag', async () => {
    const results = await Promise.all(
      files.map((_, index) => fetcher.fetch({ url: `${server.origin}/snap/${index}`, etag: `"snap-${index}"` })),
    );
    expect(results.map((result) => result.kind)).toEqual(files.map(() => 'not-modified'));
  });
});
