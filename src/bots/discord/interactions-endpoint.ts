import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIInteraction, REST } from 'discord.js';
import { describeError } from '../../domain/errors.ts';
import type { Logger } from '../../domain/logger.ts';
import type { InteractionHandler } from './interaction-handler.ts';
import { tokenCalls, type InteractionResponder, type InteractionResponse } from './interaction-responder.ts';
import { discordPublicKey, isFreshTimestamp, isSignedByDiscord } from './verify-signature.ts';

/** Options of {@link startInteractionsEndpoint}. */
export interface InteractionsEndpointOptions {
  readonly port: number;
  /** @defaultValue '0.0.0.0' (behind the deployment's TLS proxy) */
  readonly host?: string | undefined;
  /** The application's public key, hex. */
  readonly publicKey: string;
  readonly applicationId: string;
  readonly handler: InteractionHandler;
  /** For edits and follow-ups after a deferred response. */
  readonly rest: REST;
  readonly logger: Logger;
}

export interface InteractionsEndpoint {
  /** `http://host:port/interactions` as bound (the port resolved when 0 was asked). */
  readonly url: string;
  close(): Promise<void>;
}

/** Interaction payloads are small; anything bigger is not Discord. */
const MAX_BODY_BYTES = 1_000_000;

/**
 * The HTTP interactions endpoint (`POST /interactions`, or `/`), for deployments that set an Interactions
 * Endpoint URL instead of using the gateway. Every request must carry Discord's Ed25519 signature over a
 * timestamp at most five minutes old (else 401); PING is answered with PONG; everything else goes to the same
 * handler as gateway interactions, whose initial response becomes the HTTP response.
 */
export async function startInteractionsEndpoint(options: InteractionsEndpointOptions): Promise<InteractionsEndpoint> {
  const key = discordPublicKey(options.publicKey);
  const server = createServer((request, response) => {
    serve(request, response, options, key).catch((error: unknown) => {
      options.logger.error({ err: describeError(error) }, 'interactions endpoint failed');
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  const host = options.host ?? '0.0.0.0';
  await listen(server, options.port, host);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/interactions`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

async function serve(
  request: IncomingMessage,
  response: ServerResponse,
  options: InteractionsEndpointOptions,
  key: ReturnType<typeof discordPublicKey>,
): Promise<void> {
  const path = (request.url ?? '/').split('?')[0];
  if (request.method !== 'POST' || (path !== '/interactions' && path !== '/')) {
    response.writeHead(404).end();
    return;
  }
  const raw = await readBody(request);
  const signature = header(request, 'x-signature-ed25519');
  const timestamp = header(request, 'x-signature-timestamp');
  if (raw === null || !isFreshTimestamp(timestamp) || !isSignedByDiscord(raw, signature, timestamp, key)) {
    response.writeHead(401, { 'content-type': 'text/plain' }).end('invalid request signature');
    return;
  }
  const interaction = JSON.parse(raw.toString('utf8')) as APIInteraction;
  const first = deferred<InteractionResponse>();
  const responder: InteractionResponder = {
    respond: (answer) => {
      first.resolve(answer);
      return Promise.resolve();
    },
    ...tokenCalls(options.rest, { id: interaction.id, token: interaction.token, applicationId: options.applicationId }),
  };
  const handled = options.handler.handle(interaction, responder);
  const answer = await Promise.race([first.promise, handled.then(() => null)]);
  if (answer === null) response.writeHead(204).end();
  else response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  // The rest (edits after a deferral) goes on after the HTTP response; handle() never throws.
  await handled;
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(request: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}

function deferred<TValue>(): { promise: Promise<TValue>; resolve: (value: TValue) => void } {
  let resolve: (value: TValue) => void = () => undefined;
  const promise = new Promise<TValue>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
