import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpServer } from '../../src/http/server.js';
import { message, textBlock } from '../../src/core/message.js';
import { ensureTeam } from '../../src/core/teams.js';
import { enqueue, outboxBacklog } from '../../src/schedule/outbox.js';
import { ben, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot | undefined;
let http: HttpServer | undefined;
let base = '';
beforeAll(async () => {
  tb = await makeBot();
  http = new HttpServer(tb.bot);
  await http.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(http.server.address() as { port: number }).port}`;
}, 180_000);
afterAll(async () => {
  await http?.close();
  await tb?.close().catch(() => {});
});
const serve = async () => base;

describe('operations endpoints', { timeout: 120_000 }, () => {
  it('says healthy with 200 and {ok:true} when the database and adapters are fine', async () => {
    const base = await serve();
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('answers 503 when an adapter reports it is not connected', async () => {
    const base = await serve();
    http!.health.push(() => false);
    const res = await fetch(`${base}/healthz`);
    http!.health.pop();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, adapters: false });
  });

  it('serves Prometheus metrics with commands, outbox depth and platform 429s', async () => {
    const base = await serve();
    await tb!.mem.command(ben, '/sojusz help');
    tb!.bot.metrics.rateLimited('memory');
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/^sojusz_commands_total\{command="sojusz",outcome="ok"\} 1$/m);
    expect(text).toContain('# TYPE sojusz_outbox_pending gauge');
    expect(text).toMatch(/^sojusz_rate_limited_total\{platform="memory"\} 1$/m);
  });

  it('counts only due messages as waiting, so a case’s delayed post does not show when it was submitted', async () => {
    const team = await ensureTeam(tb!.bot.db, 'memory', 'T-metrics');
    const now = tb!.clock.now();
    const before = await outboxBacklog(tb!.bot.db, now);
    await enqueue(tb!.bot.db, now, { teamId: team.id, key: 'metrics:later', target: { kind: 'channel', channel: 'c' }, message: message(textBlock('later')), notBefore: new Date(now.getTime() + 15 * 60_000) });
    expect((await outboxBacklog(tb!.bot.db, now)).due).toBe(before.due);
    await enqueue(tb!.bot.db, now, { teamId: team.id, key: 'metrics:now', target: { kind: 'channel', channel: 'c' }, message: message(textBlock('now')) });
    expect((await outboxBacklog(tb!.bot.db, now)).due).toBe(before.due + 1);
  });

  it('answers /metrics only with the bearer token when METRICS_TOKEN is set', async () => {
    const locked = new HttpServer(tb!.bot, { metricsToken: 'metrics-token-0123456789' });
    await locked.listen(0, '127.0.0.1');
    try {
      const url = `http://127.0.0.1:${(locked.server.address() as { port: number }).port}/metrics`;
      const none = await fetch(url);
      expect(none.status).toBe(401);
      expect(await none.text()).not.toContain('sojusz_');
      expect((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      const ok = await fetch(url, { headers: { authorization: 'Bearer metrics-token-0123456789' } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('sojusz_commands_total');
    } finally {
      await locked.close();
    }
  });

  it('keeps members’ words out of the logs', async () => {
    await serve();
    const secret = 'Zyxwvut-distinctive-words';
    await tb!.mem.command(ben, `/sojusz timezone ${secret}`);
    await tb!.mem.command(ben, `/sojusz help ${secret}`);
    await tb!.mem.command(ben, `/sojusz frobnicate ${secret}`);
    await tb!.mem.command(ben, `/sojusz team retention ${secret}`);
    await tb!.mem.command(ben, '/sojusz mydata export');
    await tb!.mem.click(ben, 'privacy.delete', 'unlink');
    expect(tb!.mem.said.length).toBeGreaterThan(4);
    expect(tb!.logs.join('\n')).not.toContain(secret);
    expect(tb!.logs.join('\n')).not.toContain(ben.id);
  });
  it('answers 503 when the database is gone', async () => {
    const base = await serve();
    await tb!.database.close();
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, database: false });
  });
});
