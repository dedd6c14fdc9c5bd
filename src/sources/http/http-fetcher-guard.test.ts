// The SSRF guard end to end: refusals happen before any connection, after DNS, and on every redirect hop.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourceFetchError } from '../../domain/errors.ts';
import { startFixtureServer, type FixtureServer } from '../../../test/fakes/fixture-server.ts';
import type { Fetcher, FetchResult } from '../fetcher.ts';
import { createHttpFetcher, type HttpFetcherOptions } from './http-fetcher.ts';

let server: FixtureServer;
let fetcher: Fetcher | undefined;
let resolved: string[];

beforeEach(async () => {
  server = await startFixtureServer();
  resolved = [];
});

afterEach(async () => {
  await fetcher?.close();
  fetcher = undefined;
  await server.close();
});

/** A fake DNS: maps names to answers and records every lookup. */
function dns(answers: Record<string, string[]>) {
  return (hostname: string): Promise<string[]> => {
    resolved.push(hostname);
    const answer = answers[hostname];
    return answer === undefined ? Promise.reject(new Error(`ENOTFOUND ${hostname}`)) : Promise.resolve(answer);
  };
}

function open(options: HttpFetcherOptions = {}): Fetcher {
  fetcher = createHttpFetcher({ perHostSpacingMs: 0, sleep: () => Promise.resolve(), ...options });
  return fetcher;
}

async function refusal(result: Promise<FetchResult>): Promise<SourceFetchError> {
  const error: unknown = await result.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SourceFetchError);
  expect((error as SourceFetchError).code).toBe('blocked_address');
  return error as SourceFetchError;
}

describe('SSRF guard', () => {
  it('refuses 127.0.0.1 itself by default, without a single request (robots.txt included)', async () => {
    server.route('/page', { body: 'secret' });
    const url = `${server.origin}/page`;
    const error = await refusal(open().fetch({ url }));
    expect(error.message).toBe(`refused loopback address 127.0.0.1 for ${url}`);
    expect(error.url).toBe(url);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a redirect from an allowed host to another loopback address before connecting', async () => {
    const target = `http://127.0.0.2:${server.port}/admin`;
    server.route('/hop', { status: 302, headers: { location: target } });
    const error = await refusal(open({ allowHosts: ['127.0.0.1'] }).fetch({ url: `${server.origin}/hop` }));
    expect(error.message).toBe(`refused loopback address 127.0.0.2 for ${target}`);
    expect(server.requests.map((request) => request.path)).toEqual(['/robots.txt', '/hop']);
  });

  it('refuses a redirect to the cloud metadata service', async () => {
    server.route('/hop', { status: 301, headers: { location: 'http://169.254.169.254/latest/meta-data/' } });
    const error = await refusal(open({ allowHosts: ['127.0.0.1'] }).fetch({ url: `${server.origin}/hop` }));
    expect(error.message).toBe(
      'refused cloud metadata address 169.254.169.254 for http://169.254.169.254/latest/meta-data/',
    );
  });

  it('refuses a redirect to a name that resolves to a blocked address, so nothing reaches it', async () => {
    // rebind.test resolves to the fixture server itself: if the guard failed, /secret would be recorded.
    server.route('/hop', { status: 302, headers: { location: `http://rebind.test:${server.port}/secret` } });
    server.route('/secret', { body: 'credentials' });
    const guarded = open({ allowHosts: ['127.0.0.1'], resolveHost: dns({ 'rebind.test': ['127.0.0.1'] }) });
    const error = await refusal(guarded.fetch({ url: `${server.origin}/hop` }));
    expect(error.message).toBe(`refused loopback address 127.0.0.1 for http://rebind.test:${server.port}/secret`);
    expect(resolved).toContain('rebind.test');
    expect(server.requestsTo('/secret')).toHaveLength(0);
    expect(server.requestsTo('/robots.txt').map((request) => request.headers.host)).toEqual([
      `127.0.0.1:${server.port}`,
    ]);
  });

  it('refuses a DNS name resolving to a private address', async () => {
    const url = 'http://intranet.test/wiki';
    const error = await refusal(open({ resolveHost: dns({ 'intranet.test': ['10.0.0.1'] }) }).fetch({ url }));
    expect(error.message).toBe(`refused private address 10.0.0.1 for ${url}`);
    expect(error.url).toBe(url);
  });

  it('refuses a name whose answers mix public and private addresses', async () => {
    const resolveHost = dns({ 'mixed.test': ['93.184.216.34', '192.168.0.10'] });
    const error = await refusal(open({ resolveHost }).fetch({ url: 'https://mixed.test/terms' }));
    expect(error.message).toContain('refused private address 192.168.0.10');
  });

  it.each([
    {
      name: 'IPv4-mapped IPv6 loopback',
      url: (port: number) => `http://[::ffff:127.0.0.1]:${port}/`,
      range: 'loopback',
    },
    { name: 'IPv6 loopback', url: (port: number) => `http://[::1]:${port}/`, range: 'loopback' },
    { name: 'unspecified', url: (port: number) => `http://0.0.0.0:${port}/`, range: 'unspecified' },
    { name: 'decimal IPv4 literal', url: () => 'http://2130706433/', range: 'loopback' },
    { name: 'CGNAT', url: () => 'http://100.64.1.1/', range: 'carrier-grade NAT' },
    { name: 'link-local IPv6', url: () => 'http://[fe80::1]/', range: 'link-local' },
    { name: 'EC2 IPv6 metadata', url: () => 'http://[fd00:ec2::254]/', range: 'cloud metadata' },
  ])('refuses $name literals without DNS or connection', async ({ url, range }) => {
    const error = await refusal(open({ resolveHost: dns({}) }).fetch({ url: url(server.port) }));
    expect(error.message).toContain(`refused ${range} address`);
    expect(resolved).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses metadata.google.internal by name, without resolving it', async () => {
    const error = await refusal(open({ resolveHost: dns({}) }).fetch({ url: 'http://metadata.google.internal/v1/' }));
    expect(error.message).toBe(
      'refused cloud metadata address metadata.google.internal for http://metadata.google.internal/v1/',
    );
    expect(resolved).toEqual([]);
  });

  it('connects to the checked address, never asking the system resolver again', async () => {
    // The test setup throws on any system DNS lookup of site.test, so success proves we dialled the checked IP.
    server.route('/page', { body: 'hello' });
    const resolveHost = dns({ 'site.test': ['127.0.0.1'] });
    const guarded = open({ allowPrivateNetworks: true, perHostConcurrency: 1, resolveHost });
    const result = await guarded.fetch({ url: `http://site.test:${server.port}/page` });
    expect(result).toMatchObject({ kind: 'fetched', text: 'hello' });
    expect(server.requestsTo('/page')[0]?.headers.host).toBe(`site.test:${server.port}`);
    // One resolution per new connection; robots.txt and every later fetch reuse the keep-alive connection.
    await guarded.fetch({ url: `http://site.test:${server.port}/page` });
    await guarded.fetch({ url: `http://site.test:${server.port}/page` });
    expect(server.requests).toHaveLength(4);
    expect(resolved).toEqual(['site.test']);
  });

  it('allowPrivateNetworks still refuses cloud metadata', async () => {
    const error = await refusal(open({ allowPrivateNetworks: true }).fetch({ url: 'http://169.254.169.254/' }));
    expect(error.message).toContain('refused cloud metadata address 169.254.169.254');
  });

  it('reports a failed DNS lookup as a network error', async () => {
    const error: unknown = await open({ resolveHost: dns({}), respectRobotsTxt: false })
      .fetch({ url: 'http://nowhere.test/' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'network' });
    expect((error as Error).message).toContain('ENOTFOUND nowhere.test');
  });
});
