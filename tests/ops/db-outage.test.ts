// PostgreSQL going away under a running bot (a restart, a failover, a network cut) and coming back: members hear
// that the bot cannot reach its database and to try again in a minute, the operator reads one line each way, and
// scheduled work resumes with nothing lost and nothing sent twice. On a PostgreSQL server of this file's own, stopped
// and started here (never the shared TEST_DATABASE_URL); skipped where no PostgreSQL is installed.
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRegistry } from '../../commands/index.js';
import { withPlatforms } from '../../platforms.js';
import { message, textBlock } from '../../src/core/message.js';
import { ensureTeam } from '../../src/core/teams.js';
import { openPostgres, type Database } from '../../src/db/client.js';
import { RUNNING_LOCK } from '../../src/db/running.js';
import { schedules } from '../../src/db/schema/index.js';
import { deliverAll } from '../../src/schedule/delivery.js';
import type { ScheduleKind } from '../../src/schedule/kinds.js';
import { enqueue } from '../../src/schedule/outbox.js';
import { Runner } from '../../src/schedule/runner.js';
import { OUTBOX_READY } from '../../src/schedule/scheduler.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';
import { BACK, commandCount, DOWN, linesSaying, outage as outageOf, until } from './outage.js';
import { ownPostgres, postgresBin, type OwnPostgres } from './pg-server.js';

const ping: ScheduleKind = {
  kind: 'test-ping',
  async fire({ tx, schedule, dueAt, now }) {
    await enqueue(tx, now, { teamId: schedule.teamId, key: `ping:${schedule.id}:${dueAt.toISOString()}`, target: { kind: 'channel', channel: 'general' }, message: message(textBlock(`ping ${dueAt.toISOString()}`)) });
  },
};

/** Fires like ping; the first occurrence it fires takes the database away under it (set `cut` to arm it). */
let cut: (() => void) | undefined;
const cutting: ScheduleKind = {
  kind: 'test-cut',
  async fire(o) {
    const now = cut;
    cut = undefined;
    now?.();
    await ping.fire(o);
  },
};

let pg: OwnPostgres;
let database: Database;
let tb: TestBot;
let runner: Runner;
let admin: postgres.Sql;

beforeAll(async () => {
  if (!postgresBin()) return;
  pg = await ownPostgres();
  admin = postgres(pg.url, { max: 1, onnotice: () => {} });
  database = await openPostgres(pg.url, { max: 4 });
  const registry = withPlatforms(buildRegistry());
  tb = await makeBot({ database, registry: { ...registry, scheduleKinds: [...registry.scheduleKinds, ping, cutting] } });
  // Its own beat is an hour away: only the outage's end, a notice or a test sends anything.
  runner = new Runner(tb.bot, 3_600_000);
  runner.start();
});
afterAll(async () => {
  if (!pg) return;
  await runner.stop();
  await database.close().catch(() => {});
  await admin.end({ timeout: 1 }).catch(() => {});
  pg.remove();
});

const lines = (msg: string) => linesSaying(tb.logs, msg);
const commands = (command: string, outcome: string) => commandCount(tb.bot, command, outcome);
const outage = (during: () => Promise<void>) => outageOf(pg, tb.logs, during);

/** A restart nobody's request noticed: only the connections that stay open (LISTEN, the running lock) lose theirs. */
async function restart(): Promise<void> {
  pg.stop();
  await new Promise((r) => setTimeout(r, 1_500));
  pg.start();
}

describe.skipIf(!postgresBin())('PostgreSQL going away while the bot runs', { timeout: 90_000 }, () => {
  it('answers a command, a form and a button during the outage in the language the member chose, else their platform’s: no database for a moment, try again in a minute', async () => {
    // Anna's Slack is in Polish but she chose English; the others never said.
    await tb.mem.command(anna, '/sojusz language en');
    await tb.mem.command(anna, '/autocheck quick');
    const errors = tb.logs.filter((l) => JSON.parse(l).level >= 50).length;
    const en = 'Sojusz can’t reach its database right now, so nothing was changed. The problem isn’t on your side — please try again in a minute.';
    await outage(async () => {
      expect(await tb.mem.ask(anna, '/autocheck history')).toBe(en);
      expect(await tb.mem.ask(facilitator, '/autocheck history')).toBe('Sojusz chwilowo nie może połączyć się z bazą danych, więc nic się nie zmieniło. Problem nie leży po Twojej stronie — spróbuj proszę za minutę.');
      expect(await tb.mem.ask(ben, '/autocheck history')).toBe(en);
      // The form stays open with what was filled in, to send again.
      expect(await tb.mem.fill(anna, { curiosity: '3', flexibility: '2', judging: 'no' })).toEqual({
        kind: 'errors',
        errors: { curiosity: 'Sojusz can’t reach its database right now, so nothing is saved yet. Your answers stay in the form — please send it again in a minute.' },
      });
      const before = tb.mem.privateTo(ben.id).length;
      await tb.mem.click(ben, tb.bot.registry.actions[0]!.id, '1');
      expect(tb.mem.privateTo(ben.id).slice(before)).toEqual([en]);
      await until(() => lines(DOWN).length === 1);
      // More requests meanwhile: still the one line. A thread reply (counted for a prompt's follow-up) is lost, but
      // does not fail its adapter's handler, which would log it, once per reply, as a bug.
      await tb.mem.ask(anna, '/autocheck history');
      await expect(tb.bot.handle({ kind: 'threadReply', platform: 'memory', team: 'T1', channel: 'reflection', thread: '1700000000.000100', member: ben.id })).resolves.toBeUndefined();
    });
    expect(await commands('autocheck', 'database-unavailable')).toBe(4);
    expect(await commands('autocheck', 'bug')).toBe(0);
    expect(await tb.bot.metrics.registry.getSingleMetricAsString('sojusz_errors_total')).not.toMatch(/^sojusz_errors_total\{/m);
    expect(lines(DOWN)).toHaveLength(1);
    expect(JSON.parse(lines(DOWN)[0]!)).toMatchObject({ level: 50, database: pg.url });
    // The error line of the outage itself and nothing else: no bug, no line per request or per beat.
    expect(tb.logs.filter((l) => JSON.parse(l).level >= 50)).toHaveLength(errors + 1);
    expect(tb.logs.join('\n')).not.toMatch(/U_ANNA|U_BEN|U_FAC|unexpected error|scheduled work failed/);
    // Back: the same command works within seconds (a pooled connection still reconnecting may fail one request
    // first, on a loaded machine), and the form is saved when sent again.
    await until(async () => !(await tb.mem.ask(anna, '/autocheck history')).includes('reach its database'), 10_000);
    await tb.mem.fill(anna, { curiosity: '3', flexibility: '2', judging: 'no' });
    expect(tb.mem.lastPrivate(anna.id)).not.toContain('reach its database');
  });

  it('sends a prompt that fell due during the outage once it is back, and never again a message sent as the database went away', async () => {
    const team = await ensureTeam(tb.bot.db, 'memory', 'T1');
    const due = new Date(tb.clock.now().getTime() + 60_000);
    await tb.bot.db.insert(schedules).values({ teamId: team.id, kind: 'test-ping', zone: 'UTC', rule: { type: 'once', date: due.toISOString().slice(0, 10), time: due.toISOString().slice(11, 16) }, nextDueAt: due });
    await enqueue(tb.bot.db, tb.clock.now(), { teamId: team.id, key: 'outage:dm', target: { kind: 'dm', member: 'U_CARLA' }, message: message(textBlock('just before')) });
    // The platform takes the message; right after, before it is recorded as sent, the database goes away.
    const direct = tb.mem.direct.bind(tb.mem);
    tb.mem.direct = async (...args: Parameters<typeof direct>) => {
      const ref = await direct(...args);
      tb.mem.direct = direct;
      pg.stop();
      return ref;
    };
    const [downs, backs] = [lines(DOWN).length, lines(BACK).length];
    try {
      await deliverAll(tb.bot);
      expect(tb.mem.dms('U_CARLA')).toHaveLength(1);
      await until(() => lines(DOWN).length > downs);
      // The prompt falls due, and the message's lease runs out, while the server is down.
      tb.clock.advance(2 * 60_000);
    } finally {
      pg.start();
    }
    await until(() => lines(BACK).length > backs);
    const pings = () => tb.mem.posts('general').filter((p) => p.text === `ping ${due.toISOString()}`);
    await until(() => pings().length === 1);
    await tb.bot.runDueWork();
    tb.clock.advance(2 * 60_000);
    await tb.bot.runDueWork();
    expect(pings()).toHaveLength(1);
    expect(tb.mem.dms('U_CARLA')).toHaveLength(1);
  });

  it('runs a tick the outage cut short again, whole, once the database is back: each occurrence once, none logged as failed', async () => {
    const team = await ensureTeam(tb.bot.db, 'memory', 'T1');
    const at = tb.clock.now();
    const rule = { type: 'once' as const, date: at.toISOString().slice(0, 10), time: at.toISOString().slice(11, 16) };
    const rows = await tb.bot.db.insert(schedules).values([1, 2].map(() => ({ teamId: team.id, kind: 'test-cut', zone: 'UTC', rule, nextDueAt: at }))).returning();
    const backs = lines(BACK).length;
    cut = () => pg.stop();
    try {
      await tb.bot.runDueWork().catch(() => undefined);
      await until(() => tb.bot.outages.ongoing);
    } finally {
      pg.start();
    }
    await until(() => lines(BACK).length > backs);
    const posted = () => tb.mem.posts('general').filter((p) => rows.some((r) => p.key === `ping:${r.id}:${at.toISOString()}`));
    await until(() => posted().length === 2);
    await tb.bot.runDueWork();
    expect(posted()).toHaveLength(2);
    expect(lines('a scheduled occurrence failed; trying it again later')).toEqual([]);
  });

  it('hears another replica’s notice of queued messages again after its connection was lost', async () => {
    await restart();
    // Listening again (postgres.js reconnects its LISTEN connection by itself).
    await until(async () => (await admin`select count(*)::int as n from pg_stat_activity where query = ${`listen "${OUTBOX_READY}"`}`)[0]!.n === 1);
    await new Promise((r) => setTimeout(r, 300)); // the delivery its re-listening started finds nothing
    const other = await openPostgres(pg.url, { max: 2 });
    try {
      const team = await ensureTeam(other.db, 'memory', 'T1');
      await other.db.transaction(async (tx) => {
        await enqueue(tx, tb.clock.now(), { teamId: team.id, key: 'outage:notified', target: { kind: 'dm', member: 'U_DANA' }, message: message(textBlock('woken')) });
        await tx.execute(sql`select pg_notify(${OUTBOX_READY}, '')`);
      });
      await until(() => tb.mem.dms('U_DANA').length === 1, 5_000);
    } finally {
      await other.close();
    }
  });

  it('takes its running lock again once the server is back, so a secret rotation is refused', async () => {
    await restart();
    await until(async () => (await admin`select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = ${RUNNING_LOCK} and granted`)[0]!.n === 1);
    await expect(openPostgres(pg.url, { max: 2, running: 'alone' })).rejects.toThrow('a Sojusz process is still running on this database');
  });

  it('says it must stop when a secret rotation took the lock while its connection was lost', async () => {
    // A database of its own: advisory locks are per database, and the bot above holds this server's main one.
    await admin.unsafe('create database rotation');
    await admin.unsafe('create role replica login superuser');
    const url = (role: string) => pg.url.replace('postgres@', `${role}@`).replace(/\/postgres$/, '/rotation');
    const replica = await openPostgres(url('replica'), { max: 2 });
    let stopped = false;
    replica.onRotation = () => (stopped = true);
    try {
      // Its lock connection is cut and cannot come back yet; meanwhile a rotation finds no bot and starts.
      await admin.unsafe('alter role replica nologin');
      await admin`select pg_terminate_backend(pid) from pg_stat_activity where usename = 'replica'`;
      await new Promise((r) => setTimeout(r, 300));
      const rotation = await openPostgres(url('postgres'), { max: 2, running: 'alone' });
      try {
        await admin.unsafe('alter role replica login');
        await until(() => stopped, 10_000);
      } finally {
        await rotation.close();
      }
    } finally {
      await replica.close();
      await admin.unsafe('drop database rotation with (force)');
      await admin.unsafe('drop role replica');
    }
  });
});
