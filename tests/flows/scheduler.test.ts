import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRegistry } from '../../commands/index.js';
import { message, textBlock } from '../../src/core/message.js';
import type { Registry } from '../../src/core/registry.js';
import { ensureTeam } from '../../src/core/teams.js';
import { occurrences, outbox, schedules } from '../../src/db/schema/index.js';
import { enqueue } from '../../src/schedule/outbox.js';
import type { ScheduleKind } from '../../src/schedule/kinds.js';
import { onPostgres, secondConnection } from '../helpers/db.js';
import { Runner } from '../../src/schedule/runner.js';
import { tick } from '../../src/schedule/scheduler.js';
import { makeBot, type TestBot } from '../helpers/bot.js';

const skippedSeen: string[] = [];
const ping: ScheduleKind = {
  kind: 'test-ping',
  async fire({ tx, schedule, dueAt, now }) {
    await enqueue(tx, now, { teamId: schedule.teamId, key: `ping:${schedule.id}:${dueAt.toISOString()}`, target: { kind: 'channel', channel: 'general' }, message: message(textBlock(`ping ${dueAt.toISOString()}`)) });
  },
  async skipped({ dueAt }) {
    skippedSeen.push(dueAt.toISOString());
  },
};
/** A kind whose handler has a bug. */
const broken: ScheduleKind = {
  kind: 'test-broken',
  async fire({ tx, schedule, now }) {
    await enqueue(tx, now, { teamId: schedule.teamId, key: `broken:${schedule.id}`, target: { kind: 'channel', channel: 'general' }, message: message(textBlock('half done')) });
    throw new Error('bad payload');
  },
};
/** Fires like ping; reporting a missed occurrence fails. */
const badReport: ScheduleKind = {
  kind: 'test-bad-report',
  fire: (o) => ping.fire(o),
  async skipped() {
    throw new Error('cannot tell anyone');
  },
};
const registry = (): Registry => {
  const r = buildRegistry();
  return { ...r, scheduleKinds: [...r.scheduleKinds, ping, broken, badReport] };
};

let a: TestBot;
let b: TestBot;
let teamId: number;

beforeAll(async () => {
  a = await makeBot({ start: '2026-03-20T07:00:00Z', registry: registry() });
  // A second replica: its own bot and connection pool on the same database.
  b = await makeBot({ start: '2026-03-20T07:00:00Z', registry: registry(), database: await secondConnection(a.database) });
  teamId = (await ensureTeam(a.bot.db, 'memory', 'T1')).id;
});
afterAll(async () => {
  if (b.database !== a.database) await b.database.close();
  await a.close();
});

async function addFridayPing(): Promise<number> {
  const [row] = await a.bot.db
    .insert(schedules)
    .values({ teamId, kind: 'test-ping', zone: 'Europe/Warsaw', rule: { type: 'weekly', weekday: 5, time: '09:00', every: 1, anchor: '2026-03-06' }, nextDueAt: new Date('2026-03-20T08:00:00Z') })
    .returning();
  return row!.id;
}

describe('the scheduler', () => {
  it('posts one message per occurrence when two replicas tick at once', async () => {
    const id = await addFridayPing();
    a.clock.set('2026-03-20T08:00:30Z');
    b.clock.set('2026-03-20T08:00:30Z');
    const [ra, rb] = await Promise.all([a.bot.runDueWork(), b.bot.runDueWork()]);
    expect(ra.tick.fired + rb.tick.fired).toBe(1);
    const rows = await a.bot.db.select().from(outbox).where(eq(outbox.teamId, teamId));
    expect(rows.filter((r) => r.key.startsWith(`ping:${id}:`))).toHaveLength(1);
    expect(a.mem.posts('general').length + b.mem.posts('general').length).toBe(1);
  });

  it('fires at 09:00 Warsaw time in the week after the clocks go forward, exactly once', async () => {
    const [s] = await a.bot.db.select().from(schedules).where(eq(schedules.kind, 'test-ping'));
    expect(s!.nextDueAt!.toISOString()).toBe('2026-03-27T08:00:00.000Z');
    a.clock.set('2026-03-27T08:00:10Z');
    await a.bot.runDueWork();
    a.clock.set('2026-04-03T06:59:00Z');
    expect((await a.bot.runDueWork()).tick.fired).toBe(0);
    a.clock.set('2026-04-03T07:00:05Z');
    b.clock.set('2026-04-03T07:00:05Z');
    const [x, y] = await Promise.all([a.bot.runDueWork(), b.bot.runDueWork()]);
    expect(x.tick.fired + y.tick.fired).toBe(1);
    const texts = [...a.mem.posts('general'), ...b.mem.posts('general')].map((p) => p.text);
    expect(texts).toContain('ping 2026-04-03T07:00:00.000Z');
  });

  it('after a long downtime sends the recent occurrence once and records older ones as skipped', async () => {
    // Down from just after 3 April until 17 April 10:00 local: 10 April is past the 6-hour grace, 17 April is not.
    a.clock.set('2026-04-17T08:00:00Z');
    const r = await a.bot.runDueWork();
    expect(r.tick).toEqual({ fired: 1, skipped: 1, excluded: 0, failed: 0 });
    expect(skippedSeen).toContain('2026-04-10T07:00:00.000Z');
    const [{ value }] = await a.bot.db.select({ value: count() }).from(occurrences);
    expect(value).toBe(5);
  });

  it('keeps a queued message through a restart and never sends it twice', async () => {
    await enqueue(a.bot.db, a.clock.now(), { teamId, key: 'restart-test', target: { kind: 'dm', member: 'U_X' }, message: message(textBlock('hello')) });
    await a.bot.runDueWork();
    await a.bot.runDueWork();
    await b.bot.runDueWork();
    expect([...a.mem.dms('U_X'), ...b.mem.dms('U_X')]).toHaveLength(1);
  });

  it("leaves another platform's messages untouched for the replica that serves it", async () => {
    // A deployment may run its Slack and its Discord replicas on one database: a message taken by the wrong one could
    // only be put back, 30 s later — and could be taken by a wrong one again.
    const web = (await ensureTeam(a.bot.db, 'web', 'W1')).id;
    const due = a.clock.now();
    await enqueue(a.bot.db, due, { teamId: web, key: 'other-platform', target: { kind: 'channel', channel: 'general' }, message: message(textBlock('for the web')) });
    await a.bot.runDueWork();
    await b.bot.runDueWork();
    const [row] = await a.bot.db.select().from(outbox).where(eq(outbox.key, 'other-platform'));
    expect(row).toMatchObject({ status: 'pending', attempts: 0, leaseOwner: null, notBefore: due });
    await a.bot.db.delete(outbox).where(eq(outbox.key, 'other-platform'));
  });

  it('takes over a message leased by a replica that died, after the lease expires', async () => {
    await enqueue(a.bot.db, a.clock.now(), { teamId, key: 'lease-test', target: { kind: 'dm', member: 'U_Y' }, message: message(textBlock('lease')) });
    const { claimReady } = await import('../../src/schedule/outbox.js');
    await a.bot.db.transaction((tx) => claimReady(tx, 'dead-replica', a.clock.now(), 60_000, 10, ['memory']));
    await b.bot.runDueWork();
    expect(b.mem.dms('U_Y')).toHaveLength(0);
    b.clock.set(new Date(a.clock.now().getTime() + 61_000));
    await b.bot.runDueWork();
    expect(b.mem.dms('U_Y')).toHaveLength(1);
  });

  // PGlite is one process: there is no other replica to wake, and nothing listens.
  it.skipIf(!onPostgres())('a replica that did not tick sends what another queued at once, not at its next beat', async () => {
    b.clock.set(a.clock.now());
    const runner = new Runner(b.bot, 3_600_000); // its own beat is an hour away
    runner.start();
    try {
      await new Promise((r) => setTimeout(r, 300)); // its start-up claim finds nothing
      const [row] = await a.bot.db
        .insert(schedules)
        .values({ teamId, kind: 'test-ping', zone: 'UTC', rule: { type: 'once', date: '2026-03-20', time: '12:00' }, nextDueAt: a.clock.now() })
        .returning();
      await tick(a.bot); // replica A queues the message and only notifies
      const mine = (t: TestBot) => t.mem.posts('general').filter((p) => p.text === `ping ${a.clock.now().toISOString()}`);
      const until = Date.now() + 5_000;
      while (!mine(b).length && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(mine(a)).toHaveLength(0);
      expect(mine(b)).toHaveLength(1);
      await a.bot.db.delete(schedules).where(eq(schedules.id, row!.id));
    } finally {
      await runner.stop();
    }
  });

  it('keeps delivering every other schedule when one occurrence fails, and tries the failed one again later', async () => {
    const at = a.clock.now();
    const [bad] = await a.bot.db
      .insert(schedules)
      .values({ teamId, kind: 'test-broken', zone: 'UTC', rule: { type: 'once', date: '2026-03-20', time: '07:00' }, nextDueAt: new Date(at.getTime() - 60_000) })
      .returning();
    const [good] = await a.bot.db
      .insert(schedules)
      .values({ teamId, kind: 'test-ping', zone: 'UTC', rule: { type: 'once', date: '2026-03-20', time: '07:00' }, nextDueAt: at })
      .returning();
    try {
      const r = await tick(a.bot);
      expect(r).toMatchObject({ fired: 1, failed: 1 });
      await a.bot.runDueWork();
      expect(a.mem.posts('general').map((p) => p.text)).toContain(`ping ${at.toISOString()}`);
      // Nothing of the failed one stays half done, and the same occurrence is due again at the next tick.
      expect(a.mem.posts('general').map((p) => p.text)).not.toContain('half done');
      expect(await a.bot.db.select().from(occurrences).where(eq(occurrences.scheduleId, bad!.id))).toEqual([]);
      const [again] = await a.bot.db.select().from(schedules).where(eq(schedules.id, bad!.id));
      expect(again!.nextDueAt!.getTime()).toBe(at.getTime() - 60_000);
      expect(a.logs.some((l) => l.includes('a scheduled occurrence failed'))).toBe(true);
      // It backs off: tried again after 1 minute, then after 2, then 4 (not every minute for its whole grace window).
      const triesAt = async (minutes: number) => {
        a.clock.set(new Date(at.getTime() + minutes * 60_000).toISOString());
        return (await tick(a.bot)).failed;
      };
      expect(await triesAt(0.5)).toBe(0);
      expect(await triesAt(1)).toBe(1);
      expect(await triesAt(2)).toBe(0);
      expect(await triesAt(3)).toBe(1);
      expect(await triesAt(6)).toBe(0);
      expect(await triesAt(7)).toBe(1);
      // Moved by a facilitator meanwhile (to 7:09, before its back-off ends at 7:15): it is due at its new time.
      const moved = new Date(at.getTime() + 9 * 60_000);
      await a.bot.db.update(schedules).set({ nextDueAt: moved }).where(eq(schedules.id, bad!.id));
      expect(await triesAt(9)).toBe(1);
      // That new occurrence's own first failure waits one minute, not the hour the old one had reached.
      expect(await triesAt(10)).toBe(1);
      await a.bot.db.update(schedules).set({ nextDueAt: new Date(at.getTime() - 60_000) }).where(eq(schedules.id, bad!.id));
      // Once it works (the bug fixed), it happens once and the back-off is forgotten.
      await a.bot.db.update(schedules).set({ kind: 'test-ping' }).where(eq(schedules.id, bad!.id));
      expect(await triesAt(15)).toBe(0);
      const [done] = await a.bot.db.select().from(schedules).where(eq(schedules.id, bad!.id));
      expect(done).toMatchObject({ failures: 0, retryAt: null, nextDueAt: null });
      await a.bot.runDueWork();
      expect(a.mem.posts('general').filter((p) => p.key === `ping:${bad!.id}:${new Date(at.getTime() - 60_000).toISOString()}`)).toHaveLength(1);
    } finally {
      a.clock.set(at.toISOString());
      await a.bot.db.delete(schedules).where(inArray(schedules.id, [bad!.id, good!.id]));
    }
  });

  it('fires this week’s occurrence once when reporting last week’s missed one fails', async () => {
    const start = a.clock.now();
    const [row] = await a.bot.db
      .insert(schedules)
      .values({ teamId, kind: 'test-bad-report', zone: 'UTC', rule: { type: 'weekly', weekday: 5, time: '07:00', every: 1, anchor: '2026-03-20' }, nextDueAt: new Date('2026-03-27T07:00:00Z') })
      .returning();
    try {
      // Down from 20 March until 3 April 08:00: 27 March is past its grace window, 3 April is not.
      a.clock.set('2026-04-03T08:00:00Z');
      expect(await tick(a.bot)).toMatchObject({ fired: 1, skipped: 1, failed: 0 });
      a.clock.set('2026-04-03T08:06:00Z');
      await tick(a.bot);
      await a.bot.runDueWork();
      const mine = a.mem.posts('general').filter((p) => p.key?.startsWith(`ping:${row!.id}:`)).map((p) => p.text);
      expect(mine).toEqual(['ping 2026-04-03T07:00:00.000Z']);
    } finally {
      await a.bot.db.delete(schedules).where(eq(schedules.id, row!.id));
      a.clock.set(start.toISOString());
    }
  });
});
