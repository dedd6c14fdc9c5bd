// Slack's side of Socket Mode: a ws server that greets with `hello`, pushes envelopes and collects their acks.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

export interface FakeSocket {
  /** Resolves once an app has connected and been greeted. */
  connected(timeoutMs?: number): Promise<void>;
  /** Pushes an envelope (`slash_commands`, `interactive`, `events_api`) and resolves with the app's ack payload. */
  push(type: string, payload: object, retryAttempt?: number): Promise<Record<string, unknown>>;
  handleUpgrade(request: IncomingMessage, duplex: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

export function createFakeSocket(): FakeSocket {
  const wss = new WebSocketServer({ noServer: true });
  const acks = new Map<string, (payload: Record<string, unknown>) => void>();
  let client: WebSocket | undefined;
  let envelopes = 0;
  wss.on('connection', (socket) => {
    client = socket;
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as { envelope_id?: string; payload?: Record<string, unknown> };
      if (message.envelope_id === undefined) return;
      acks.get(message.envelope_id)?.(message.payload ?? {});
      acks.delete(message.envelope_id);
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
  });
  return {
    async connected(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (client?.readyState !== 1) {
        if (Date.now() > deadline) throw new Error('no Socket Mode connection');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    push(type, payload, retryAttempt = 0) {
      const socket = client;
      if (socket === undefined) return Promise.reject(new Error('no Socket Mode connection'));
      envelopes += 1;
      const id = `env-${envelopes}`;
      const acked = new Promise<Record<string, unknown>>((resolve) => acks.set(id, resolve));
      socket.send(
        JSON.stringify({
          envelope_id: id,
          type,
          payload,
          accepts_response_payload: type !== 'events_api',
          retry_attempt: retryAttempt,
          retry_reason: retryAttempt > 0 ? 'timeout' : '',
        }),
      );
      return acked;
    },
    handleUpgrade(request, duplex, head) {
      wss.handleUpgrade(request, duplex, head, (socket) => wss.emit('connection', socket, request));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of wss.clients) socket.terminate();
        wss.close(() => {
          resolve();
        });
      }),
  };
}
