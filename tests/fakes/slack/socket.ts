// Socket Mode side of the fake Slack: greets clients, pushes envelopes and collects their acks.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

export interface SocketEnvelope {
  envelope_id?: string;
  type: 'slash_commands' | 'interactive' | 'events_api' | (string & {});
  payload: unknown;
  accepts_response_payload?: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

interface PendingAck {
  resolve: (ack: SocketAck) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class FakeSocketHub {
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private readonly pending = new Map<string, PendingAck>();
  private readonly connectedWaiters: (() => void)[] = [];
  private counter = 0;

  constructor(
    private readonly appId: string,
    private readonly onAck: (ack: SocketAck) => void,
    private readonly pingMs: number,
  ) {}

  get connections(): number {
    return [...this.sockets].filter((s) => s.readyState === s.OPEN).length;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.server.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  private accept(ws: WebSocket): void {
    this.sockets.add(ws);
    // Slack pings every few seconds; clients use the pings to notice a dead link, so the fake pings too.
    const pinger = this.pingMs > 0 ? setInterval(() => ws.ping(Buffer.from('ping')), this.pingMs) : undefined;
    pinger?.unref();
    ws.on('close', () => {
      clearInterval(pinger);
      this.sockets.delete(ws);
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let ack: SocketAck;
      try {
        ack = JSON.parse(data.toString()) as SocketAck;
      } catch {
        return;
      }
      if (typeof ack.envelope_id !== 'string') return;
      this.onAck(ack);
      const waiting = this.pending.get(ack.envelope_id);
      if (waiting) {
        clearTimeout(waiting.timer);
        this.pending.delete(ack.envelope_id);
        waiting.resolve(ack);
      }
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.sockets.size,
        debug_info: { host: 'fake', approximate_connection_time: 18060 },
        connection_info: { app_id: this.appId },
      }),
    );
    this.connectedWaiters.splice(0).forEach((wake) => wake());
  }

  /** Resolves once a client holds an open connection (after it got `hello`). */
  waitForConnection(timeoutMs: number): Promise<void> {
    if (this.connections > 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no Socket Mode client connected within ${timeoutMs} ms`)), timeoutMs);
      this.connectedWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Sends one envelope to one open connection, as Slack does, and resolves with the client's ack. */
  send(envelope: SocketEnvelope, timeoutMs: number): Promise<SocketAck> {
    const target = [...this.sockets].find((s) => s.readyState === s.OPEN);
    if (!target) return Promise.reject(new Error('no Socket Mode client is connected'));
    this.counter += 1;
    const envelope_id = envelope.envelope_id ?? `fake-envelope-${this.counter}`;
    const full = { accepts_response_payload: envelope.type !== 'events_api', ...envelope, envelope_id };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelope_id);
        reject(new Error(`no ack for ${full.type} envelope ${envelope_id} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(envelope_id, { resolve, reject, timer });
      target.send(JSON.stringify(full));
    });
  }

  /** Asks clients to reconnect, like Slack's periodic `refresh_requested`. */
  disconnectAll(reason = 'refresh_requested'): void {
    for (const ws of this.sockets) ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake' } }));
  }

  async close(): Promise<void> {
    for (const waiting of this.pending.values()) {
      clearTimeout(waiting.timer);
      waiting.reject(new Error('fake Slack closed'));
    }
    this.pending.clear();
    // A close handshake rather than a cut: clients that are mid-disconnect (Bolt's stop() does not wait
    // for the handshake) would otherwise log a WebSocket error and keep a 30-second timer alive.
    await Promise.all([...this.sockets].map((ws) => closeGracefully(ws, 500)));
    this.sockets.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function closeGracefully(ws: WebSocket, timeoutMs: number): Promise<void> {
  if (ws.readyState === ws.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      ws.terminate();
      resolve();
    }, timeoutMs);
    ws.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    if (ws.readyState === ws.OPEN) ws.close(1001, 'fake Slack closing');
  });
}
