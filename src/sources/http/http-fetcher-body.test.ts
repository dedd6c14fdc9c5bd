// Bodies end to end: the size cap, content decoding and charset detection.
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourceFetchError } from '../../domain/errors.ts';
import { startFixtureServer, type FixtureServer } from '../../../test/fakes/fixture-server.ts';
import type { Fetcher, FetchResult } from '../fetcher.ts';
import { createHttpFetcher, type HttpFetcherOptions } from './http-fetcher.ts';

const MB = 1024 * 1024;
const GERMAN = 'Änderungen der Nutzungsbedingungen: Gebühren, Größe, Überprüfung, Löschung, Maßnahmen';
const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

let server: FixtureServer;
let fetcher: Fetcher | undefined;

beforeEach(async () => {
  server = await startFixtureServer();
});

afterEach(async () => {
  await fetcher?.close();
  fetcher = undefined;
  await server.close();
});

function open(options: HttpFetcherOptions = {}): Fetcher {
  fetcher = createHttpFetcher({
    allowHosts: ['127.0.0.1'],
    perHostSpacingMs: 0,
    respectRobotsTxt: false,
    sleep: () => Promise.resolve(),
    ...options,
  });
  return fetcher;
}

async function failure(result: Promise<FetchResult>): Promise<SourceFetchError> {
  const error: unknown = await result.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SourceFetchError);
  return error as SourceFetchError;
}

/** Streams `totalBytes` in 64 KiB chunks without Content-Length, honouring backpressure; counts what was written. */
function streamingRoute(totalBytes: number) {
  const progress = { written: 0, finished: false };
  const handler = async (_request: unknown, response: ServerResponse): Promise<void> => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const closed = once(response, 'close');
    while (progress.written < totalBytes && !response.destroyed) {
      progress.written += chunk.length;
      if (!response.write(chunk)) await Promise.race([once(response, 'drain'), closed]);
    }
    progress.finished = !response.destroyed;
    response.end();
  };
  return { handler, progress };
}

describe('body cap', () => {
  it('refuses a 6 MB body under the default 5 MB cap from its Content-Length', async () => {
    const headers = { 'content-type': 'text/plain', 'content-length': String(6 * MB) };
    server.route('/big', { headers, body: Buffer.alloc(6 * MB, 0x61) });
    const error = await failure(open().fetch({ url: `${server.origin}/big` }));
    expect(error.code).toBe('too_large');
    expect(error.message).toBe(`Content-Length ${6 * MB} exceeds the ${5 * MB}-byte cap: ${server.origin}/big`);
  });

  it('refuses a 6 MB chunked body under the default 5 MB cap while reading it', async () => {
    server.route('/big', { headers: { 'content-type': 'text/plain' }, body: Buffer.alloc(6 * MB, 0x61) });
    const error = await failure(open().fetch({ url: `${server.origin}/big` }));
    expect(error.code).toBe('too_large');
    expect(error.message).toBe(`body larger than ${5 * MB} bytes: ${server.origin}/big`);
  });

  it('accepts a body just under the cap', async () => {
    server.route('/fits', { headers: { 'content-type': 'text/plain' }, body: Buffer.alloc(MB, 0x61) });
    const result = await open({ maxBodyBytes: MB }).fetch({ url: `${server.origin}/fits` });
    expect(result.kind === 'fetched' ? result.body.length : 0).toBe(MB);
  });

  it('stops reading a chunked body without Content-Length as soon as it passes the cap', async () => {
    const { handler, progress } = streamingRoute(200 * MB);
    server.route('/endless', handler);
    const error = await failure(open({ maxBodyBytes: 5 * MB }).fetch({ url: `${server.origin}/endless` }));
    expect(error.code).toBe('too_large');
    expect(error.message).toBe(`body larger than ${5 * MB} bytes: ${server.origin}/endless`);
    // The connection was cut: the server could not finish, and wrote little beyond the cap plus socket buffers.
    expect(progress.finished).toBe(false);
    expect(progress.written).toBeLessThan(50 * MB);
  });

  it('refuses a Content-Length that announces more than the cap before the body arrives', async () => {
    server.route('/liar', (_request, response) => {
      // Announces 6 MB, sends a few bytes, then stalls: only the header can have triggered the refusal.
      response.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(6 * MB) });
      response.write('a few bytes');
    });
    const error = await failure(open({ totalTimeoutMs: 5000 }).fetch({ url: `${server.origin}/liar` }));
    expect(error.code).toBe('too_large');
  });

  it('caps the decoded size of a compressed body', async () => {
    const bomb = gzipSync(Buffer.alloc(20 * MB));
    server.route('/bomb', { headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' }, body: bomb });
    const error = await failure(open().fetch({ url: `${server.origin}/bomb` }));
    expect(error.code).toBe('too_large');
  });
});

describe('content decoding', () => {
  const html = `<html><body><p>${GERMAN}</p></body></html>`;

  it.each([
    { coding: 'gzip', encode: gzipSync },
    { coding: 'br', encode: brotliCompressSync },
    { coding: 'deflate', encode: deflateSync },
    { coding: 'deflate', encode: deflateRawSync },
  ])('decodes $coding', async ({ coding, encode }) => {
    server.route('/page', {
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-encoding': coding },
      body: encode(Buffer.from(html)),
    });
    const result = await open().fetch({ url: `${server.origin}/page` });
    expect(result).toMatchObject({ kind: 'fetched', text: html, body: Buffer.from(html) });
  });
});

describe('charset', () => {
  const table = [
    {
      name: 'ISO-8859-1 from the Content-Type header',
      headers: { 'content-type': 'text/html; charset=ISO-8859-1' },
      body: latin1(`<html><body><p>${GERMAN}</p></body></html>`),
      charset: 'windows-1252',
    },
    {
      name: 'ISO-8859-1 from a meta tag',
      headers: { 'content-type': 'text/html' },
      body: latin1(
        `<html><head><meta charset="ISO-8859-1"><title>x</title></head><body><p>${GERMAN}</p></body></html>`,
      ),
      charset: 'windows-1252',
    },
    {
      name: 'ISO-8859-1 from the XML prolog',
      headers: { 'content-type': 'application/rss+xml' },
      body: latin1(`<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>${GERMAN}</title></channel></rss>`),
      charset: 'windows-1252',
    },
    {
      name: 'unlabeled UTF-8',
      headers: { 'content-type': 'text/html' },
      body: Buffer.from(`<html><body><p>${GERMAN}</p></body></html>`),
      charset: 'utf-8',
    },
    {
      name: 'no Content-Type at all',
      headers: {},
      body: Buffer.from(`<p>${GERMAN}</p>`),
      charset: 'utf-8',
    },
  ];

  it.each(table)('decodes $name', async ({ headers, body, charset }) => {
    server.route('/doc', { headers, body });
    const result = await open().fetch({ url: `${server.origin}/doc` });
    if (result.kind !== 'fetched') throw new Error('expected a fetched result');
    expect(result.charset).toBe(charset);
    expect(result.text).toContain(GERMAN);
    expect(result.body).toEqual(body);
  });

  it('reports the media type without parameters', async () => {
    server.route('/feed', { headers: { 'content-type': 'Application/Atom+XML; charset=utf-8' }, body: '<feed/>' });
    expect(await open().fetch({ url: `${server.origin}/feed` })).toMatchObject({ mediaType: 'application/atom+xml' });
  });
});
