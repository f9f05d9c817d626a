// The PostgreSQL driver as installed (postgres.js with patches/postgres+3.4.9.patch applied by patch-package, npm's postinstall) when a
// connection closes at the wrong moment, as in a server restart: the bot's process must not crash, and the connection
// must connect again. Driven through postgres.js's `socket` option with scripted sockets: no server, exact timing.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';

/** A socket postgres.js writes to; `written` holds what it sent. */
class Scripted extends EventEmitter {
  readyState = 'open';
  readonly written: Buffer[] = [];
  setKeepAlive(): void {}
  write(b: Buffer | string, fn?: () => void): boolean {
    this.written.push(Buffer.from(b));
    fn?.();
    return true;
  }
  end(): void {
    this.readyState = 'closed';
  }
  destroy(): void {
    this.readyState = 'closed';
  }
  /** What a server says to a StartupMessage when it trusts the client: authenticated, ready for queries. */
  accept(): void {
    const ok = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 0]);
    const ready = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]);
    this.emit('data', Buffer.concat([ok, ready]));
  }
}

const settle = (ms = 50) => new Promise((r) => setTimeout(r, ms));

/** A pool of one connection whose sockets `socket` makes (an option postgres.js has but does not declare in its types). */
const scripted = (socket: () => Scripted) =>
  postgres({ host: 'scripted', fetch_types: false, connect_timeout: 2, max: 1, onnotice: () => {}, socket } as postgres.Options<{}>);

describe('the PostgreSQL driver when a connection closes at the wrong moment', () => {
  it('connects again after a connection closed with a write still waiting to be sent', async () => {
    const sockets: Scripted[] = [];
    const sql = scripted(() => {
      const s = new Scripted();
      sockets.push(s);
      // The first closes before the driver's deferred StartupMessage goes out (its setImmediate runs after this one).
      if (sockets.length === 1) setImmediate(() => s.emit('close', false));
      else setImmediate(() => s.written.length && s.accept());
      return s;
    });
    const query = sql`select 1`.catch((e: unknown) => e);
    await settle(200);
    expect(sockets.length).toBe(2);
    // The second connection's StartupMessage went out.
    expect(sockets[1]!.written.length).toBeGreaterThan(0);
    await sql.end({ timeout: 0 });
    await query;
  });

  it('rejects a query sent on a connection that has just closed, instead of crashing the process', async () => {
    const sockets: Scripted[] = [];
    const sql = scripted(() => {
      const s = new Scripted();
      sockets.push(s);
      // Answers the StartupMessage, then each simple query: done, ready.
      s.write = (b: Buffer | string) => {
        s.written.push(Buffer.from(b));
        setImmediate(() => (s.written.length === 1 ? s.accept() : s.emit('data', Buffer.concat([Buffer.from([0x43, 0, 0, 0, 13]), Buffer.from('SELECT 0\0'), Buffer.from([0x5a, 0, 0, 0, 5, 0x49])]))));
        return true;
      };
      return s;
    });
    const crashes: unknown[] = [];
    const crashed = (e: unknown) => crashes.push(e);
    // Vitest would report the crash on its own, after the test; caught here, it fails the test that caused it.
    const listeners = process.listeners('uncaughtException');
    process.removeAllListeners('uncaughtException');
    process.on('uncaughtException', crashed);
    try {
      await sql.unsafe('select 1');
      const reserved = await sql.reserve();
      sockets[0]!.emit('close', false);
      // A transaction's ROLLBACK after its connection failed goes just like this.
      const failed = await Promise.race([
        reserved.unsafe('rollback').then(
          () => 'answered',
          (e: { code?: string }) => e,
        ),
        settle(1_000).then(() => 'never settled'),
      ]);
      expect(crashes).toEqual([]);
      expect(failed).toMatchObject({ code: 'CONNECTION_CLOSED' });
    } finally {
      process.removeListener('uncaughtException', crashed);
      for (const l of listeners) process.on('uncaughtException', l);
      await sql.end({ timeout: 0 });
    }
  });
});

describe('the mend of the driver', () => {
  it('is applied by npm’s postinstall, also in the Docker image, whose deps stage copies the patches before npm ci', () => {
    const root = join(import.meta.dirname, '../..');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(pkg.scripts.postinstall).toBe('patch-package');
    // A production install (npm ci --omit=dev, as in the image) runs the postinstall too.
    expect(pkg.dependencies['patch-package']).toBeDefined();
    const deps = readFileSync(join(root, 'Dockerfile'), 'utf8').split(/^FROM /m).find((s) => s.includes(' AS deps'))!;
    expect(deps.indexOf('COPY patches ./patches')).toBeGreaterThan(-1);
    expect(deps.indexOf('COPY patches ./patches')).toBeLessThan(deps.indexOf('RUN npm ci'));
  });
});
