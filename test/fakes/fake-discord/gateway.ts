// The gateway side of the fake Discord: enough of the v10 protocol (JSON, no compression) for discord.js to log in.
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Json } from './fake-state.ts';

/** Gateway opcodes used here. */
const OP = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  Resume: 6,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

export interface GatewayOptions {
  readonly token: string;
  readonly botUser: Json;
  readonly applicationId: string;
  /** Guilds as GUILD_CREATE sends them. */
  readonly guilds: () => Json[];
  readonly url: () => string;
  /** @defaultValue 41250, as Discord */
  readonly heartbeatIntervalMs?: number;
}

/** What a test sees of the gateway. */
export interface FakeGateway {
  /** IDENTIFY payloads received (intents, shard, properties). */
  readonly identifies: Json[];
  readonly heartbeats: number;
  /** Sessions that completed IDENTIFY and got READY. */
  readonly readySessions: number;
  /** Sends a dispatch (e.g. `INTERACTION_CREATE`) to every ready session; resolves once written. */
  dispatch(event: string, data: Json): Promise<void>;
  close(): Promise<void>;
}

interface Session {
  readonly socket: WebSocket;
  sequence: number;
  ready: boolean;
}

export function attachGateway(server: Server, options: GatewayOptions): FakeGateway {
  const wss = new WebSocketServer({ server });
  const sessions = new Set<Session>();
  const identifies: Json[] = [];
  const stats = { heartbeats: 0, ready: 0 };
  const send = (session: Session, payload: Json): Promise<void> =>
    new Promise((resolve, reject) => {
      session.socket.send(JSON.stringify(payload), (error) => {
        // ws passes null, not undefined, on success.
        if (error instanceof Error) reject(error);
        else resolve();
      });
    });
  const dispatch = (session: Session, event: string, data: Json): Promise<void> => {
    session.sequence += 1;
    return send(session, { op: OP.Dispatch, t: event, s: session.sequence, d: data });
  };
  const identify = async (session: Session, data: Json): Promise<void> => {
    identifies.push(data);
    if (data.token !== options.token) {
      session.socket.close(4004, 'Authentication failed.');
      return;
    }
    const guilds = options.guilds();
    await dispatch(session, 'READY', {
      v: 10,
      user: options.botUser,
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: `session-${stats.ready + 1}`,
      resume_gateway_url: options.url(),
      shard: [0, 1],
      application: { id: options.applicationId, flags: 0 },
    });
    session.ready = true;
    stats.ready += 1;
    for (const guild of guilds) await dispatch(session, 'GUILD_CREATE', guild);
  };
  const onMessage = (session: Session, raw: string): void => {
    const payload = JSON.parse(raw) as { op: number; d: unknown };
    if (payload.op === OP.Heartbeat) {
      stats.heartbeats += 1;
      void send(session, { op: OP.HeartbeatAck });
    } else if (payload.op === OP.Identify) {
      void identify(session, payload.d as Json);
    } else if (payload.op === OP.Resume) {
      // Sessions are not kept across connections: the client identifies again.
      void send(session, { op: OP.InvalidSession, d: false });
    }
  };
  wss.on('connection', (socket) => {
    const session: Session = { socket, sequence: 0, ready: false };
    sessions.add(session);
    socket.on('message', (data: Buffer) => {
      onMessage(session, data.toString('utf8'));
    });
    socket.on('close', () => sessions.delete(session));
    void send(session, { op: OP.Hello, d: { heartbeat_interval: options.heartbeatIntervalMs ?? 41_250 } });
  });
  return {
    identifies,
    get heartbeats() {
      return stats.heartbeats;
    },
    get readySessions() {
      return stats.ready;
    },
    async dispatch(event, data) {
      await Promise.all(
        [...sessions].filter((session) => session.ready).map((session) => dispatch(session, event, data)),
      );
    },
    close: () =>
      new Promise((resolve) => {
        for (const session of sessions) session.socket.terminate();
        wss.close(() => {
          resolve();
        });
      }),
  };
}
