// The SSRF guard for everything a browser page loads: a local HTTP proxy that Chromium must send all its traffic
// through (document, redirects, scripts, XHR/fetch, iframes, WebSockets), checking each target with the same
// rules as the HTTP fetcher and connecting only to the addresses it checked.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { Logger } from '../../domain/logger.ts';
import type { AddressPolicy } from '../http/address-guard.ts';
import { AddressRefusedError } from '../http/fetch-errors.ts';
import { targetAddresses, type ResolveHost } from '../http/guarded-connector.ts';

/** Response header on the proxy's refusals, so the fetcher can tell a refused document from a real 403. */
export const REFUSED_HEADER = 'x-clausewatch-refused';

// Request headers meant for the proxy itself, never forwarded.
const PROXY_HEADERS = ['proxy-connection', 'proxy-authorization', 'proxy-authenticate'];

export interface GuardProxyOptions {
  readonly policy: AddressPolicy;
  readonly resolveHost: ResolveHost;
  readonly logger: Logger;
  /** Deadline for DNS and the TCP connect to one target. */
  readonly connectTimeoutMs: number;
}

/** A running guard proxy. */
export interface GuardProxy {
  /** `http://127.0.0.1:PORT`, for Chromium's `--proxy-server`. */
  readonly url: string;
  /** Requests refused so far. */
  refusals(): number;
  close(): Promise<void>;
}

/**
 * Starts the proxy on an ephemeral loopback port. Plain HTTP requests arrive in absolute form and are forwarded
 * to the checked address with their Host header; HTTPS and WebSockets arrive as CONNECT tunnels, opened to the
 * checked address (TLS stays end to end between Chromium and the site, certificates checked by Chromium).
 * Because this proxy resolves the names and connects to what it resolved, DNS rebinding between check and
 * connection is not possible for proxied traffic; Chromium resolves nothing itself (see `chromiumArgs`).
 */
export async function startGuardProxy(options: GuardProxyOptions): Promise<GuardProxy> {
  let refused = 0;
  const refuse = (url: string, error: AddressRefusedError): string => {
    refused += 1;
    const reason = error.message;
    options.logger.warn({ url, reason }, 'browser request refused by the address guard');
    return reason;
  };
  const server = createServer((request, response) => {
    forwardHttp(request, response, options, refuse).catch((error: unknown) => {
      answerError(response, error);
    });
  });
  server.on('connect', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    openTunnel(request, socket, head, options, refuse).catch(() => socket.destroy());
  });
  // Absolute-form upgrade requests do not occur (Chromium tunnels WebSockets with CONNECT): refuse them.
  server.on('upgrade', (_request: IncomingMessage, socket: Socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    refusals: () => refused,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

type Refuse = (url: string, error: AddressRefusedError) => string;

/** The checked addresses of `hostname`, or the reason it was refused (already counted and logged). */
async function checkedAddresses(
  hostname: string,
  url: string,
  options: GuardProxyOptions,
  refuse: Refuse,
): Promise<{ readonly addresses: readonly string[] } | { readonly refusal: string }> {
  try {
    return { addresses: await withDeadline(targetAddresses(hostname, options), options.connectTimeoutMs) };
  } catch (error) {
    if (error instanceof AddressRefusedError) return { refusal: refuse(url, error) };
    throw error;
  }
}

async function forwardHttp(
  request: IncomingMessage,
  response: ServerResponse,
  options: GuardProxyOptions,
  refuse: Refuse,
): Promise<void> {
  const target = new URL(request.url ?? '');
  if (target.protocol !== 'http:') throw new Error(`not a proxy request: ${request.url ?? ''}`);
  const checked = await checkedAddresses(target.hostname, target.href, options, refuse);
  if ('refusal' in checked) {
    response.writeHead(403, { [REFUSED_HEADER]: checked.refusal, 'content-type': 'text/plain' });
    response.end(`refused by clausewatch: ${checked.refusal}`);
    return;
  }
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !PROXY_HEADERS.includes(name)));
  const upstream = httpRequest({
    host: checked.addresses[0],
    port: target.port === '' ? 80 : Number(target.port),
    method: request.method,
    path: `${target.pathname}${target.search}`,
    headers,
    timeout: options.connectTimeoutMs,
  });
  upstream.on('response', (answer) => {
    response.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(response);
  });
  upstream.on('timeout', () => upstream.destroy(new Error('upstream timed out')));
  upstream.on('error', (error) => {
    answerError(response, error);
  });
  // The page went away (closed context, timeout): stop talking to the site as well.
  response.on('close', () => upstream.destroy());
  request.pipe(upstream);
}

async function openTunnel(
  request: IncomingMessage,
  socket: Socket,
  head: Buffer,
  options: GuardProxyOptions,
  refuse: Refuse,
): Promise<void> {
  socket.on('error', () => socket.destroy());
  const target = new URL(`https://${request.url ?? ''}`);
  const port = target.port === '' ? 443 : Number(target.port);
  const checked = await checkedAddresses(target.hostname, `${target.hostname}:${port} (tunnel)`, options, refuse);
  if ('refusal' in checked) {
    socket.end(`HTTP/1.1 403 Forbidden\r\n${REFUSED_HEADER}: ${checked.refusal}\r\ncontent-length: 0\r\n\r\n`);
    return;
  }
  const upstream = connect({ host: checked.addresses[0], port, timeout: options.connectTimeoutMs });
  upstream.once('connect', () => {
    upstream.setTimeout(0);
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  upstream.on('timeout', () => upstream.destroy());
  upstream.on('error', () => {
    if (!socket.destroyed) socket.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n');
  });
  upstream.on('close', () => socket.destroy());
  socket.on('close', () => upstream.destroy());
}

function answerError(response: ServerResponse, error: unknown): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  response.writeHead(502, { 'content-type': 'text/plain' }).end(`proxy error: ${message}`);
}

function withDeadline<TValue>(work: Promise<TValue>, ms: number): Promise<TValue> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`DNS timed out after ${ms} ms`));
    }, ms);
  });
  return Promise.race([work, deadline]).finally(() => {
    clearTimeout(timer);
  });
}
