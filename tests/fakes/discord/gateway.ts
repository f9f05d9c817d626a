// The fake Discord gateway: a JSON WebSocket that says HELLO, answers IDENTIFY with READY and GUILD_CREATE, acks heartbeats and pushes dispatch events.
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ApiObject } from './fixtures.js';
import type { FakeDiscordStore } from './store.js';

export interface GatewayOptions {
  path: string;
  heartbeatIntervalMs: number;
  /** When set, IDENTIFY with another token is closed with 4004 like Discord does. */
  token?: string;
  url: () => string;
}

/** A frame a client sent to the gateway, kept so tests can check e.g. the intents it asked for. */
export interface GatewayFrame {
  op: number;
  d: unknown;
  at: number;
}

interface Session {
  ws: WebSocket;
  id: string | null;
  seq: number;
}

const OP = { Dispatch: 0, Heartbeat: 1, Identify: 2, PresenceUpdate: 3, Resume: 6, RequestGuildMembers: 8, InvalidSession: 9, Hello: 10, HeartbeatAck: 11 } as const;

export class FakeGateway {
  readonly frames: GatewayFrame[] = [];
  private readonly wss: WebSocketServer;
  private readonly sessions = new Set<Session>();
  /** Last sequence number per session id, so a reconnecting client can RESUME. */
  private readonly resumable = new Map<string, number>();
  private readyWaiters: (() => void)[] = [];
  /** The bot token an IDENTIFY must carry (a reset in the Developer Portal changes it). */
  private token: string | undefined;

  setToken(token: string): void {
    this.token = token;
  }

  constructor(server: Server, private readonly store: FakeDiscordStore, private readonly options: GatewayOptions) {
    this.wss = new WebSocketServer({ server, path: options.path });
    this.token = options.token;
    this.wss.on('connection', (ws) => this.accept(ws));
  }

  /** Clients that completed IDENTIFY or RESUME and receive dispatches. */
  get readyCount(): number {
    return [...this.sessions].filter((s) => s.id !== null).length;
  }

  waitForReady(timeoutMs: number): Promise<void> {
    if (this.readyCount > 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fake Discord: no client identified within ${timeoutMs} ms`)), timeoutMs);
      this.readyWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Sends a dispatch to every ready client; returns how many received it. */
  dispatch(t: string, d: unknown): number {
    const ready = [...this.sessions].filter((s) => s.id !== null);
    if (ready.length === 0) throw new Error(`fake Discord: cannot dispatch ${t}, no client is connected and identified`);
    if (t === 'INTERACTION_CREATE') this.store.rememberInteraction(d as ApiObject);
    for (const session of ready) this.send(session, { op: OP.Dispatch, t, d });
    return ready.length;
  }

  /** Closes every client socket with a code (4000 lets clients resume, 4004 does not), to test reconnects. */
  disconnectAll(code = 4000): void {
    for (const session of this.sessions) session.ws.close(code, 'fake Discord disconnect');
  }

  close(): Promise<void> {
    for (const session of this.sessions) session.ws.terminate();
    this.sessions.clear();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    const session: Session = { ws, id: null, seq: 0 };
    this.sessions.add(session);
    ws.on('close', () => {
      if (session.id) this.resumable.set(session.id, session.seq);
      this.sessions.delete(session);
    });
    ws.on('message', (raw) => this.receive(session, raw.toString()));
    this.send(session, { op: OP.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['fake-discord'] } });
  }

  private receive(session: Session, raw: string): void {
    let frame: { op: number; d: ApiObject | null };
    try {
      frame = JSON.parse(raw);
    } catch {
      session.ws.close(4002, 'Error while decoding payload.');
      return;
    }
    this.frames.push({ op: frame.op, d: frame.d, at: Date.now() });
    switch (frame.op) {
      case OP.Heartbeat:
        this.send(session, { op: OP.HeartbeatAck });
        return;
      case OP.Identify:
        return this.identify(session, frame.d ?? {});
      case OP.Resume:
        return this.resume(session, frame.d ?? {});
      case OP.RequestGuildMembers:
        return this.sendMembers(session, frame.d ?? {});
      case OP.PresenceUpdate:
        return;
      default:
        session.ws.close(4001, 'Unknown opcode.');
    }
  }

  private identify(session: Session, d: ApiObject): void {
    if (session.id) return session.ws.close(4005, 'Already authenticated.');
    if (this.token !== undefined && d.token !== this.token) return session.ws.close(4004, 'Authentication failed.');
    session.id = randomBytes(16).toString('hex');
    const guilds = [...this.store.guilds.values()];
    this.send(session, {
      op: OP.Dispatch,
      t: 'READY',
      d: {
        v: 10,
        user: this.store.botUser,
        user_settings: {},
        session_type: 'normal',
        session_id: session.id,
        resume_gateway_url: this.options.url(),
        shard: d.shard ?? [0, 1],
        guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
        application: { id: this.store.applicationId, flags: 0 },
        private_channels: [],
        relationships: [],
        presences: [],
        guild_join_requests: [],
        geo_ordered_rtc_regions: [],
        _trace: ['fake-discord'],
      },
    });
    for (const guild of guilds) this.send(session, { op: OP.Dispatch, t: 'GUILD_CREATE', d: guild });
    this.markReady();
  }

  private resume(session: Session, d: ApiObject): void {
    const lastSeq = typeof d.session_id === 'string' ? this.resumable.get(d.session_id) : undefined;
    if (lastSeq === undefined) {
      this.send(session, { op: OP.InvalidSession, d: false });
      return;
    }
    this.resumable.delete(d.session_id);
    session.id = d.session_id;
    session.seq = Math.max(lastSeq, Number(d.seq) || 0);
    this.send(session, { op: OP.Dispatch, t: 'RESUMED', d: {} });
    this.markReady();
  }

  private sendMembers(session: Session, d: ApiObject): void {
    const guild = this.store.guilds.get(String(d.guild_id));
    const all: ApiObject[] = guild?.members ?? [];
    const ids: string[] | null = d.user_ids ? [].concat(d.user_ids) : null;
    const query = typeof d.query === 'string' ? d.query.toLowerCase() : '';
    const members = all
      .filter((m) => (ids ? ids.includes(m.user.id) : m.user.username.toLowerCase().startsWith(query)))
      .slice(0, d.limit ? Number(d.limit) : undefined);
    const notFound = ids ? ids.filter((id) => !all.some((m) => m.user.id === id)) : [];
    this.send(session, {
      op: OP.Dispatch,
      t: 'GUILD_MEMBERS_CHUNK',
      d: { guild_id: d.guild_id, members, chunk_index: 0, chunk_count: 1, not_found: notFound, ...(d.nonce ? { nonce: d.nonce } : {}) },
    });
  }

  private markReady(): void {
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private send(session: Session, frame: { op: number; t?: string; d?: unknown }): void {
    if (session.ws.readyState !== session.ws.OPEN) return;
    const s = frame.op === OP.Dispatch ? ++session.seq : null;
    session.ws.send(JSON.stringify({ op: frame.op, d: frame.d ?? null, s, t: frame.t ?? null }));
  }
}
