// The bot as production runs it (the bundled main.ts) through a PostgreSQL restart: it stays up, tells the operator
// once that the database went away and once that it is back, reports itself unready on /healthz meanwhile (alive on
// /livez), and serves again without a restart; and it starts when PostgreSQL comes up a few seconds after it (compose
// or Kubernetes starting both at once). On a PostgreSQL server of this file's own; skipped where none is installed.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBE_MS } from '../../src/db/outages.js';
import { RUNNING_LOCK } from '../../src/db/running.js';
import { TEST_SECRET } from '../helpers/bot.js';
import { BACK, DOWN } from './outage.js';
import { freePort, ownPostgres, postgresBin, type OwnPostgres } from './pg-server.js';
import { openPostgres } from '../../src/db/client.js';
import { runUntil } from './run.js';

let pg: OwnPostgres;
beforeAll(async () => {
  if (postgresBin()) pg = await ownPostgres();
});
afterAll(() => pg?.remove());


async function startBot(port: number) {
  return runUntil('main.ts', { DATABASE_URL: pg.url, SOJUSZ_SECRET: TEST_SECRET, PORT: String(port), LOG_LEVEL: 'info' }, 'sojusz is running');
}

/** Polls `url` until it answers `status` (15 s at most); returns the body. */
async function answers(url: string, status: number): Promise<unknown> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const r = await fetch(url).catch(() => undefined);
    if (r?.status === status) return r.json();
    if (Date.now() > deadline) throw new Error(`${url} did not answer ${status} (last: ${r?.status})`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

const messages = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { level: number; msg: string });

describe.skipIf(!postgresBin())('the bot through a PostgreSQL restart', { timeout: 120_000 }, () => {
  it('stays up, says once that the database went away and once that it is back, is unready meanwhile, and serves again', async () => {
    const port = await freePort();
    const bot = await startBot(port);
    const base = `http://127.0.0.1:${port}`;
    let stopped;
    try {
      expect(await answers(`${base}/healthz`, 200)).toEqual({ ok: true, database: true, adapters: true });
      pg.stop();
      try {
        // Out of the load balancer's rotation, but alive: restarting the bot would not bring the database back.
        expect(await answers(`${base}/healthz`, 503)).toEqual({ ok: false, database: false, adapters: true });
        expect(await answers(`${base}/livez`, 200)).toEqual({ ok: true });
        // The counters still read, when they matter most; the outbox gauges keep their last values.
        const metrics = await fetch(`${base}/metrics`);
        expect(metrics.status).toBe(200);
        expect(await metrics.text()).toContain('sojusz_outbox_pending');
        // A calendar app polling its feed is asked to come back later.
        const feed = await fetch(`${base}/calendar/${'a'.repeat(64)}.ics`);
        expect([feed.status, feed.headers.get('retry-after')]).toEqual([503, '60']);
        // Several delivery beats fail meanwhile.
        await new Promise((ok) => setTimeout(ok, 4_000));
        await answers(`${base}/healthz`, 503);
      } finally {
        pg.start();
      }
      expect(await answers(`${base}/healthz`, 200)).toEqual({ ok: true, database: true, adapters: true });
      // The bot's own watch asks every PROBE_MS (a health check may have got its answer first).
      await new Promise((ok) => setTimeout(ok, PROBE_MS + 500));
      // Its running lock is held again: a secret rotation would be refused.
      const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
      try {
        const deadline = Date.now() + 10_000;
        while ((await admin`select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = ${RUNNING_LOCK} and granted`)[0]!.n !== 1) {
          if (Date.now() > deadline) throw new Error('the running lock was not taken again');
          await new Promise((ok) => setTimeout(ok, 100));
        }
      } finally {
        await admin.end();
      }
    } finally {
      stopped = await bot.stop();
    }
    expect(stopped.status).toBe(0);
    const said = messages(stopped.stdout);
    expect(said.filter((m) => m.msg === DOWN)).toHaveLength(1);
    expect(said.filter((m) => m.msg === BACK)).toHaveLength(1);
    // Nothing else at error level: no line per beat, per request or per connection.
    expect(said.filter((m) => m.level >= 50).map((m) => m.msg)).toEqual([DOWN]);
    expect(stopped.stderr).toBe('');
  });

  it('stops, exit code 2, when a secret rotation took its running lock while its connection was lost', async () => {
    const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
    await admin.unsafe('create database stops');
    await admin.unsafe('create role stopping login superuser');
    const url = (role: string) => pg.url.replace('postgres@', `${role}@`).replace(/\/postgres$/, '/stops');
    const port = await freePort();
    const bot = await runUntil('main.ts', { DATABASE_URL: url('stopping'), SOJUSZ_SECRET: TEST_SECRET, PORT: String(port), LOG_LEVEL: 'info' }, 'sojusz is running');
    try {
      // Its connections are cut and cannot come back yet; meanwhile a rotation finds no bot and starts.
      await admin.unsafe('alter role stopping nologin');
      await admin`select pg_terminate_backend(pid) from pg_stat_activity where usename = 'stopping'`;
      const rotation = await openPostgres(url('postgres'), { max: 2, running: 'alone' });
      try {
        await admin.unsafe('alter role stopping login');
        // Gone by itself: its port closes.
        const deadline = Date.now() + 15_000;
        while (await fetch(`http://127.0.0.1:${port}/livez`).then(() => true, () => false)) {
          if (Date.now() > deadline) throw new Error('the bot did not stop');
          await new Promise((ok) => setTimeout(ok, 200));
        }
        const ran = await bot.stop();
        expect(ran.status).toBe(2);
        expect(messages(ran.stdout).map((m) => m.msg)).toContain(
          'a secret rotation (npm run rotate-secret) started while the database connection was lost: stopping; start the bot when it has finished, with the new SOJUSZ_SECRET',
        );
      } finally {
        await rotation.close();
      }
    } finally {
      await bot.stop();
      await admin.unsafe('drop database stops with (force)');
      await admin.unsafe('drop role stopping');
      await admin.end();
    }
  });

  it('starts when PostgreSQL comes up a few seconds after it', async () => {
    const port = await freePort();
    pg.stop();
    const later = setTimeout(() => pg.start(), 3_000);
    let bot;
    try {
      bot = await startBot(port);
    } finally {
      clearTimeout(later);
    }
    expect(await answers(`http://127.0.0.1:${port}/healthz`, 200)).toMatchObject({ ok: true });
    const stopped = await bot.stop();
    expect(stopped.status).toBe(0);
    expect(stopped.stderr).toBe('');
  });
});
