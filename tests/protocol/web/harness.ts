// A running playground for API tests: the real core on a fresh database, the web adapter on a random port.
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildRegistry } from '../../../commands/index.js';
import { withPlatforms } from '../../../platforms.js';
import { startPlayground, type WebPort } from '../../../adapters/web/index.js';
import type { App } from '../../../src/app.js';
import type { Database } from '../../../src/db/client.js';
import { loadConfig } from '../../../src/config.js';
import { Bot } from '../../../src/core/bot.js';
import type { Registry } from '../../../src/core/registry.js';
import { Secrets } from '../../../src/core/secrets.js';
import { HttpServer } from '../../../src/http/server.js';
import { createLogger } from '../../../src/log.js';
import { OffsetClock } from '../../../src/schedule/clock.js';
import { Runner } from '../../../src/schedule/runner.js';
import { testDatabase } from '../../helpers/db.js';
import { TEST_SECRET } from '../../helpers/bot.js';

export interface Playground {
  base: string;
  app: App;
  port: WebPort;
  clock: OffsetClock;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  /** A request with exactly these headers (fetch will not send a Host of its own choosing). */
  raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string; headers: Record<string, unknown> }>;
  /** The view a member's browser would fetch. */
  view(member: string, channel?: string, thread?: string | number): Promise<any>;
  close(): Promise<void>;
}

/** `database`: an already open one, kept open by close() — a second playground on it is a restart. */
export async function startTestPlayground(o: { registry?: Registry; database?: Database } = {}): Promise<Playground> {
  const database = o.database ?? (await testDatabase());
  const clock = new OffsetClock();
  const bot = new Bot({ database, clock, secrets: new Secrets(TEST_SECRET), log: createLogger('silent'), registry: o.registry ?? withPlatforms(buildRegistry()) });
  const http = new HttpServer(bot);
  const app: App = {
    bot,
    http,
    runner: new Runner(bot),
    database,
    adapters: [],
    async stop() {
      for (const a of app.adapters) await a.stop();
      await http.close();
      if (!o.database) await database.close();
    },
  };
  let running;
  try {
    running = await startPlayground(app, loadConfig({}), clock);
  } catch (e) {
    await app.stop();
    throw e;
  }
  app.adapters.push(running);
  await http.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
  const call = async (path: string, init?: RequestInit) => {
    const res = await fetch(base + path, init);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: body as any, headers: res.headers };
  };
  const pg: Playground = {
    base,
    app,
    port: running.port,
    clock,
    get: (path, headers = {}) => call(path, { headers }),
    raw: (method, path, headers, body) =>
      new Promise((resolve, reject) => {
        const u = new URL(base);
        const req = request({ host: u.hostname, port: u.port, method, path, headers }, (res) => {
          let text = '';
          res.on('data', (c) => (text += String(c)));
          res.on('end', () => resolve({ status: res.statusCode!, text, headers: res.headers }));
        });
        req.on('error', reject);
        if (body !== undefined) req.write(body);
        req.end();
      }),
    post: (path, body, headers = {}) => call(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }),
    async view(member, channel = 'reflection', thread) {
      const q = new URLSearchParams({ member, channel, ...(thread !== undefined ? { thread: String(thread) } : {}) });
      const r = await call(`/api/view?${q}`);
      if (r.status !== 200) throw new Error(`view ${r.status}: ${JSON.stringify(r.body)}`);
      return r.body;
    },
    close: () => app.stop(),
  };
  return pg;
}
