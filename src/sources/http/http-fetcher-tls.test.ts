// HTTPS through the guarded connector: it dials the checked IP but keeps the URL's host name for SNI and for
// certificate verification.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Fetcher } from '../fetcher.ts';
import { createHttpFetcher, type HttpFetcherOptions } from './http-fetcher.ts';

// A throwaway self-signed certificate for `site.test` (EC P-256, valid until 2125), generated for this test only.
const CERT = [
  '-----BEGIN CERTIFICATE-----',
  'MIIBlTCCATugAwIBAgIUaB4+mtnrOtMDjBgduU/qfSoVHBswCgYIKoZIzj0EAwIw',
  'FDESMBAGA1UEAwwJc2l0ZS50ZXN0MCAXDTI2MTEyNzE2NDQyMVoYDzIxMjYxMTAz',
  'MTY0NDIxWjAUMRIwEAYDVQQDDAlzaXRlLnRlc3QwWTATBgcqhkjOPQIBBggqhkjO',
  'PQMBBwNCAAQuJEoDwpb6dDANxi9MbBQxs5TII40MUgaiaEJ5zcupOVbFZa2qPcud',
  'B9FYGix0g82dASfuMYgRlt7/FvRCKHrmo2kwZzAdBgNVHQ4EFgQUc+7nmMwCYw7Y',
  'kIsmYlFqhX1ekV4wHwYDVR0jBBgwFoAUc+7nmMwCYw7YkIsmYlFqhX1ekV4wDwYD',
  'VR0TAQH/BAUwAwEB/zAUBgNVHREEDTALgglzaXRlLnRlc3QwCgYIKoZIzj0EAwID',
  'SAAwRQIhAKYa8oqj9qI2uTJIb0uvpijqFlYaYF/2zEIJTGlZc7AkAiBrvJ9i63Y3',
  'qC7xn2d34z5is1WzdL7OsJNpF+E8B4gveQ==',
  '-----END CERTIFICATE-----',
].join('\n');
const KEY = [
  '-----BEGIN PRIVATE KEY-----',
  'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgl+zJYOIRqMnJnCj3',
  'hKVJLMmS3tZ2G/ksMs2RsRBoepKhRANCAAQuJEoDwpb6dDANxi9MbBQxs5TII40M',
  'UgaiaEJ5zcupOVbFZa2qPcudB9FYGix0g82dASfuMYgRlt7/FvRCKHrm',
  '-----END PRIVATE KEY-----',
].join('\n');

let server: Server;
let port: number;
let sniNames: string[];
let fetcher: Fetcher | undefined;

beforeEach(async () => {
  sniNames = [];
  server = createServer(
    {
      key: KEY,
      cert: CERT,
      SNICallback: (servername, callback) => {
        sniNames.push(servername);
        callback(null);
      },
    },
    (request, response) => {
      response
        .writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
        .end(`secure hello via ${request.headers.host ?? ''}`);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterEach(async () => {
  await fetcher?.close();
  fetcher = undefined;
  server.closeAllConnections();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
});

function open(options: HttpFetcherOptions = {}): Fetcher {
  fetcher = createHttpFetcher({
    allowPrivateNetworks: true,
    respectRobotsTxt: false,
    perHostSpacingMs: 0,
    sleep: () => Promise.resolve(),
    resolveHost: (hostname) => Promise.resolve(hostname.endsWith('.test') ? ['127.0.0.1'] : []),
    ...options,
  });
  return fetcher;
}

describe('HTTPS through the guarded connector', () => {
  it('sends the URL host name as SNI and verifies the certificate against it', async () => {
    const result = await open({ extraCaCertificates: [CERT] }).fetch({ url: `https://site.test:${port}/` });
    expect(result).toMatchObject({ kind: 'fetched', text: `secure hello via site.test:${port}` });
    expect(sniNames).toEqual(['site.test']);
  });

  it('refuses a certificate issued for another name, although the IP is the same', async () => {
    const error: unknown = await open({ extraCaCertificates: [CERT] })
      .fetch({ url: `https://other.test:${port}/` })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'network' });
    expect((error as Error).message).toMatch(/other\.test/);
    // A certificate problem is not transient: one handshake, no retries.
    expect(sniNames).toEqual(['other.test']);
  });

  it('does not trust a self-signed certificate unless asked to', async () => {
    const error: unknown = await open()
      .fetch({ url: `https://site.test:${port}/` })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'network' });
    expect((error as Error).message).toMatch(/self[- ]signed/i);
  });
});
