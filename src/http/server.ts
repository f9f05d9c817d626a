// One HTTP server on PORT for everything: health, metrics, Slack events, Discord interactions, the playground.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Bot } from '../core/bot.js';
import { safeError } from '../log.js';

export type Listener = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export class HttpServer {
  private readonly routes: { prefix: string; listener: Listener; duringStop: boolean }[] = [];
  private fallback?: Listener;
  readonly server: Server;
  /** Extra health checks (adapters connected); all must pass for /healthz to say ok. */
  readonly health: (() => Promise<boolean> | boolean)[] = [];

  /** `metricsToken`: when set, /metrics answers only `Authorization: Bearer <token>` (the port is public for
   *  Slack and Discord, and counters over time tell when commands were used). */
  constructor(
    private readonly bot: Bot,
    private readonly o: { metricsToken?: string } = {},
  ) {
    this.server = createServer((req, res) => void this.dispatch(req, res));
    this.mount('/healthz', async (_req, res) => {
      const db = await this.bot.database.ping();
      const adapters = (await Promise.all(this.health.map((h) => Promise.resolve(h()).catch(() => false)))).every(Boolean);
      const ok = db && adapters;
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok, database: db, adapters }));
    });
    this.mount('/metrics', async (req, res) => {
      if (this.o.metricsToken && !sameSecret(req.headers.authorization ?? '', `Bearer ${this.o.metricsToken}`)) {
        res.writeHead(401, { 'www-authenticate': 'Bearer', 'content-type': 'text/plain' });
        res.end('metrics need the bearer token (METRICS_TOKEN)\n');
        return;
      }
      // The outbox gauges are read from the database; out of reach, the counters (an outage's own among them) are still
      // served, the gauges at their last values.
      await this.bot.refreshGauges?.().catch((e) => {
        if (!this.bot.outages.noticed(e)) this.bot.log.error({ error: safeError(e) }, 'could not refresh the outbox gauges');
      });
      res.writeHead(200, { 'content-type': this.bot.metrics.registry.contentType });
      res.end(await this.bot.metrics.registry.metrics());
    });
  }

  /**
   * Route every path that starts with `prefix` to `listener` (longest prefix wins). `duringStop`: the route still gets
   * requests once the app is stopping (see refuseNew) and answers them itself — a platform's endpoint, whose member
   * would otherwise see the platform's own error for a 503 instead of our words.
   */
  mount(prefix: string, listener: Listener, o: { duringStop?: boolean } = {}): void {
    this.routes.push({ prefix, listener, duringStop: o.duringStop ?? false });
    this.routes.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  /**
   * Which Host headers the server answers at all (every route: health, metrics, calendar feeds, the playground);
   * unset, any. The playground sets it: a page on another site that points its own name at this computer (DNS
   * rebinding) must not read even the counters.
   */
  acceptHost?: (host: string | undefined, port: number) => boolean;

  /** Set by refuseNew: the app is stopping. */
  private refusing = false;

  /**
   * From now on every new request is answered 503 and its connection closed (a load balancer takes the replica out,
   * Slack resends events elsewhere), except on routes mounted `duringStop`, while requests already taken in finish;
   * close() ends whatever is left.
   */
  refuseNew(): void {
    this.refusing = true;
  }

  /** What answers paths no route claims (the playground, when it runs). */
  setFallback(listener: Listener): void {
    this.fallback = listener;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    const route = this.routes.find((r) => path === r.prefix || path.startsWith(r.prefix.endsWith('/') ? r.prefix : `${r.prefix}/`));
    if (this.refusing && !route?.duringStop) {
      // /healthz too: the replica leaves the load balancer's rotation while it finishes what it took.
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1', connection: 'close' });
      res.end(JSON.stringify({ ok: false, stopping: true }));
      return;
    }
    if (this.acceptHost && !this.acceptHost(req.headers.host, req.socket.localPort ?? 0)) {
      res.writeHead(403, { 'content-type': 'text/plain' });
      res.end('this server answers only its own host names\n');
      return;
    }
    const listener = route?.listener ?? this.fallback;
    try {
      if (!listener) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
      await listener(req, res);
    } catch (e) {
      // The database out of reach (logged once for the whole outage): a calendar app polling its feed is asked to
      // come back later, like any client, rather than told of an error.
      if (this.bot.outages.noticed(e)) {
        if (!res.headersSent) res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '60' });
        res.end('temporarily unavailable');
        return;
      }
      // The route, not the path: a path can carry a secret (a calendar feed's token).
      this.bot.log.error({ route: route?.prefix ?? 'fallback', error: safeError(e) }, 'http handler failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    }
  }

  listen(port: number, host: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections?.();
      this.server.close(() => resolve());
    });
  }
}

/** Compare secrets in constant time (hashes first, so lengths do not matter). */
function sameSecret(given: string, expected: string): boolean {
  const h = (x: string) => createHash('sha256').update(x).digest();
  return timingSafeEqual(h(given), h(expected));
}
