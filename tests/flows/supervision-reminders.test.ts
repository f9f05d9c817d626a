import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, schedules, supervisionSessions } from '../../src/db/schema/index.js';
import { secondConnection } from '../helpers/db.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let a: TestBot;
let b: TestBot;

beforeAll(async () => {
  a = await makeBot({ start: '2026-03-20T08:00:00Z' });
  // A second replica on the same database, ticking at the same moments.
  b = await makeBot({ start: '2026-03-20T08:00:00Z', database: await secondConnection(a.database) });
  // Each member's first command also brings the one-time privacy note; get it out of the way.
  for (const m of [facilitator, anna, ben]) await a.mem.command(m, '/sojusz help');
});
afterAll(async () => {
  if (b.database !== a.database) await b.database.close();
  await a.close();
});

async function both(at: string): Promise<void> {
  a.clock.set(at);
  b.clock.set(at);
  await Promise.all([a.bot.runDueWork(), b.bot.runDueWork()]);
}

const reminderPosts = () => [...a.mem.posts('supervision'), ...b.mem.posts('supervision')];

async function sessionAt(iso: string) {
  const [s] = await a.bot.db.select().from(supervisionSessions).where(eq(supervisionSessions.startsAt, new Date(iso)));
  return s!;
}

async function sentKeys(sessionId: number): Promise<string[]> {
  const rows = await a.bot.db.select().from(outbox).where(and(like(outbox.key, `sup-rem:${sessionId}:%`), eq(outbox.status, 'sent')));
  return rows.map((r) => r.key).sort();
}

describe('supervision reminders', () => {
  it('plans a Monday 18:00 Warsaw series and lists its sessions', async () => {
    await a.mem.command(facilitator, '/supervision schedule #supervision poniedziałek 18:00 duration 90m where: Sala 3');
    expect(a.mem.privateTo(facilitator.id).join('\n')).toMatch(/Zaplanowany cykl S\d+/);
    await a.mem.command(anna, '/supervision lista');
    const list = a.mem.lastPrivate(anna.id)!;
    expect(list).toContain('pon., 23 marca 2026, 18:00');
    expect(list).toContain('pon., 30 marca 2026, 18:00');
  });

  it('reminds 24 hours before the first session after the spring change, at 16:00 UTC, exactly once with two replicas', async () => {
    const s = await sessionAt('2026-03-30T16:00:00Z'); // 18:00 CEST
    await a.mem.command(anna, '/supervision dm on');
    await both('2026-03-29T15:59:00Z');
    expect(await sentKeys(s.id)).toEqual([]);
    await both('2026-03-29T16:00:20Z');
    await both('2026-03-29T16:01:00Z');
    expect(await sentKeys(s.id)).toEqual([`sup-rem:${s.id}:1440`, `sup-rem:${s.id}:1440:dm:${anna.id}`]);
    const posts = reminderPosts().filter((p) => p.key === `sup-rem:${s.id}:1440`);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.text).toContain('Superwizja za 24 godziny');
    expect(posts[0]!.text).toContain('Gdzie: Sala 3');
    expect(posts[0]!.text).toContain('[Będę] [Tym razem nie] [Może]');
    expect([...a.mem.dms(anna.id), ...b.mem.dms(anna.id)]).toHaveLength(1);
  });

  it('updates the reminder in place with the new counts when members answer, and confirms privately', async () => {
    const s = await sessionAt('2026-03-30T16:00:00Z');
    const post = reminderPosts().find((p) => p.key === `sup-rem:${s.id}:1440`)!;
    const before = a.mem.said.length;
    await a.mem.click(anna, 'supervision.rsvp', `${s.id}:coming`, post.ref);
    await a.mem.click(ben, 'supervision.rsvp', `${s.id}:maybe`, post.ref);
    const updates = a.mem.said.slice(before).filter((x) => x.kind === 'update');
    const channelUpdates = updates.filter((u) => u.kind === 'update' && u.ref.id === post.ref.id);
    expect(channelUpdates.at(-1)!.text).toContain('Będą: 1 · Tym razem nie: 0 · Może: 1');
    // Anna's DM copy of the reminder is updated too.
    expect(updates.some((u) => u.kind === 'update' && u.ref.channel === `D-${anna.id}`)).toBe(true);
    expect(a.mem.lastPrivate(anna.id)).toContain('Zapisane: będziesz');
    expect(a.mem.lastPrivate(ben.id)).toContain('Noted: maybe');
    // Changing one's mind moves the count rather than adding one.
    await a.mem.click(ben, 'supervision.rsvp', `${s.id}:not`, post.ref);
    expect(a.mem.said.filter((x) => x.kind === 'update').at(-1)!.text).toMatch(/Będą: 1 · Tym razem nie: 1 · Może: 0/);
  });

  it('sends the 1-hour reminder at 15:00 UTC on the day, once, and it carries the current counts', async () => {
    const s = await sessionAt('2026-03-30T16:00:00Z');
    await both('2026-03-30T14:59:30Z');
    expect(await sentKeys(s.id)).not.toContain(`sup-rem:${s.id}:60`);
    await both('2026-03-30T15:00:10Z');
    await both('2026-03-30T15:00:40Z');
    const posts = reminderPosts().filter((p) => p.key === `sup-rem:${s.id}:60`);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.text).toContain('Superwizja za 1 godzinę');
    expect(posts[0]!.text).toContain('Będą: 1 · Tym razem nie: 1 · Może: 0');
  });

  it('shows facilitators who is coming as names, not pings, and refuses members', async () => {
    a.clock.set('2026-04-01T08:00:00Z');
    const next = await sessionAt('2026-04-06T16:00:00Z');
    await a.mem.click(anna, 'supervision.rsvp', `${next.id}:coming`);
    await a.mem.command(facilitator, '/supervision kto');
    const said = a.mem.said.at(-1)!;
    expect(said.kind).toBe('private');
    const fields = said.kind === 'private' ? said.message.blocks.find((bl) => bl.type === 'fields') : undefined;
    expect(fields && fields.type === 'fields' && fields.fields[0]!.value).toEqual([{ text: anna.id, mention: anna.id }]);
    await a.mem.command(ben, '/supervision who');
    expect(a.mem.lastPrivate(ben.id)).toMatch(/facilitator/i);
  });

  it('reminds at 17:00 UTC before and on the Monday after the autumn change, exactly once each', async () => {
    await both('2026-10-20T08:00:00Z'); // catches the series up after months: sessions of the next two weeks appear
    const s = await sessionAt('2026-10-26T17:00:00Z'); // 18:00 CET
    expect(s.status).toBe('scheduled');
    await both('2026-10-25T16:59:00Z');
    expect(await sentKeys(s.id)).toEqual([]);
    await both('2026-10-25T17:00:05Z');
    await both('2026-10-25T17:00:50Z');
    expect(await sentKeys(s.id)).toEqual([`sup-rem:${s.id}:1440`, `sup-rem:${s.id}:1440:dm:${anna.id}`]);
    await both('2026-10-26T16:00:05Z');
    await both('2026-10-26T16:00:30Z');
    expect((await sentKeys(s.id)).filter((k) => !k.includes(':dm:'))).toEqual([`sup-rem:${s.id}:1440`, `sup-rem:${s.id}:60`]);
    expect(reminderPosts().filter((p) => p.key?.startsWith(`sup-rem:${s.id}:`))).toHaveLength(2);
  });

  it('sends no reminder for a cancelled session, and says it cancelled one session, not the series', async () => {
    const s = await sessionAt('2026-11-02T17:00:00Z');
    await a.mem.command(facilitator, '/supervision odwołaj 2026-11-02');
    expect(a.mem.lastPrivate(facilitator.id)).toContain('jedno spotkanie');
    await both('2026-11-01T17:00:30Z');
    await both('2026-11-02T16:00:30Z');
    expect(await sentKeys(s.id)).toEqual([]);
    expect(reminderPosts().filter((p) => p.key?.startsWith(`sup-rem:${s.id}:`))).toHaveLength(0);
  });

  it('cancels a session weeks ahead by its date, and the whole series by its S-number', async () => {
    a.clock.set('2026-11-03T08:00:00Z');
    await a.mem.command(facilitator, '/supervision cancel 2026-12-28');
    expect(a.mem.lastPrivate(facilitator.id)).toContain('jedno spotkanie');
    const far = await sessionAt('2026-12-28T17:00:00Z');
    expect(far.status).toBe('cancelled');
    const [row] = await a.bot.db.select().from(supervisionSessions).where(eq(supervisionSessions.id, far.id));
    // "S1" is the series' number in the team, not its row id.
    const [series] = await a.bot.db.select().from(schedules).where(eq(schedules.id, row!.seriesId!));
    await a.mem.command(facilitator, `/supervision cancel S${series!.number}`);
    expect(a.mem.lastPrivate(facilitator.id)).toContain('cały cykl');
    await a.mem.command(anna, '/supervision list');
    expect(a.mem.lastPrivate(anna.id)).toContain('Nie ma jeszcze zaplanowanej superwizji');
    const sent = a.mem.posts().length + b.mem.posts().length;
    await both('2026-11-30T18:00:00Z');
    expect(a.mem.posts().length + b.mem.posts().length).toBe(sent);
  });

  it('uses the team offsets set with /supervision remind for sessions already planned', async () => {
    a.clock.set('2026-12-01T08:00:00Z');
    await a.mem.command(facilitator, '/supervision dodaj 2026-12-10 18:00 #supervision');
    await a.mem.command(facilitator, '/supervision przypomnienia 48h,2h');
    expect(a.mem.lastPrivate(facilitator.id)).toContain('na 2 dni oraz na 2 godziny');
    const s = await sessionAt('2026-12-10T17:00:00Z');
    await both('2026-12-08T17:00:10Z');
    await both('2026-12-09T17:00:10Z');
    await both('2026-12-10T15:00:10Z');
    await both('2026-12-10T16:00:10Z');
    expect((await sentKeys(s.id)).filter((k) => !k.includes(':dm:'))).toEqual([`sup-rem:${s.id}:120`, `sup-rem:${s.id}:2880`]);
  });
});
