// Reminders after downtime: one reminder (the latest due), titled by the time really left, and none at all
// once the session has started — still exactly once with two replicas ticking together.
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, supervisionSessions } from '../../src/db/schema/index.js';
import { secondConnection } from '../helpers/db.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let a: TestBot;
let b: TestBot;

beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw.
  a = await makeBot({ start: '2026-03-02T08:00:00Z' });
  b = await makeBot({ start: '2026-03-02T08:00:00Z', database: await secondConnection(a.database) });
  for (const m of [facilitator, anna, ben]) await a.mem.command(m, '/sojusz help');
  await a.mem.command(facilitator, '/supervision remind 2h,1h');
  await a.mem.command(anna, '/supervision dm on');
  // Three Mondays at 18:00 Warsaw (17:00 UTC, before the spring change).
  for (const d of ['2026-03-09', '2026-03-16', '2026-03-23']) await a.mem.command(facilitator, `/supervision add ${d} 18:00 #supervision`);
});
afterAll(async () => {
  if (b.database !== a.database) await b.database.close();
  await a.close();
});

/** Both replicas wake up at the same moment, as after a shared outage. */
async function both(at: string): Promise<void> {
  a.clock.set(at);
  b.clock.set(at);
  await Promise.all([a.bot.runDueWork(), b.bot.runDueWork()]);
}

async function sessionAt(iso: string) {
  const [s] = await a.bot.db.select().from(supervisionSessions).where(eq(supervisionSessions.startsAt, new Date(iso)));
  return s!;
}

/** Either replica may have sent any of them: earliest reminder (largest offset, the key's last part) first. */
const channelReminders = (sessionId: number) =>
  [...a.mem.posts('supervision'), ...b.mem.posts('supervision')]
    .filter((p) => p.key?.startsWith(`sup-rem:${sessionId}:`))
    .sort((x, y) => Number(y.key!.split(':').at(-1)) - Number(x.key!.split(':').at(-1)));
/** Anna's reminder DMs for the session on a day ("9 marca"): DMs carry no outbox key in the memory adapter. */
const annaDms = (day: string) => [...a.mem.dms(anna.id), ...b.mem.dms(anna.id)].filter((d) => d.text.includes('Superwizja za') && d.text.includes(`${day} 2026`));

async function queuedKeys(sessionId: number): Promise<string[]> {
  const rows = await a.bot.db.select({ key: outbox.key }).from(outbox).where(like(outbox.key, `sup-rem:${sessionId}:%`));
  return rows.map((r) => r.key).sort();
}

describe('supervision reminders after downtime', () => {
  it('sends only the latest overdue reminder, says "in 40 minutes", and carries the agenda as the first one', async () => {
    a.clock.set('2026-03-05T10:00:00Z');
    await a.mem.command(ben, '/supervision topic a client who keeps cancelling');
    const s = await sessionAt('2026-03-09T17:00:00Z');
    // Down from before 15:00 (the 2-hour reminder) until 16:20 (past the 1-hour one).
    await both('2026-03-09T16:20:00Z');
    await both('2026-03-09T16:21:00Z');
    const posts = channelReminders(s.id);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.text).toContain('Superwizja za 40 minut');
    expect(posts[0]!.text).not.toMatch(/za (1 godzinę|2 godziny)/);
    expect(posts[0]!.text).toContain('a client who keeps cancelling');
    expect(annaDms('9 marca')).toHaveLength(1);
    expect(annaDms('9 marca')[0]!.text).toContain('Superwizja za 40 minut');
    expect(await queuedKeys(s.id)).toEqual([`sup-rem:${s.id}:60`, `sup-rem:${s.id}:60:dm:${anna.id}`]);
  });

  it('keeps the real time left in the title when the reminder is updated with new answers', async () => {
    const s = await sessionAt('2026-03-09T17:00:00Z');
    const post = channelReminders(s.id)[0]!;
    a.clock.set('2026-03-09T16:30:00Z');
    const before = a.mem.said.length;
    await a.mem.click(ben, 'supervision.rsvp', `${s.id}:coming`, post.ref);
    const update = a.mem.said.slice(before).find((x): x is Extract<typeof x, { kind: 'update' }> => x.kind === 'update' && x.ref.id === post.ref.id);
    expect(update?.text).toContain('Superwizja za 40 minut');
    expect(update?.text).toContain('Będą: 1');
    expect(update?.text).toContain('a client who keeps cancelling');
  });

  it('sends nothing for a session that has already started, neither in the channel nor by DM', async () => {
    const s = await sessionAt('2026-03-16T17:00:00Z');
    // Down through both reminders and the start; back at 17:30, within the scheduler's grace window.
    await both('2026-03-16T17:30:00Z');
    await both('2026-03-16T17:31:00Z');
    expect(channelReminders(s.id)).toHaveLength(0);
    expect(annaDms('16 marca')).toHaveLength(0);
    expect(await queuedKeys(s.id)).toEqual([]);
  });

  it('still sends each reminder on time with its own offset, the agenda only in the first', async () => {
    const s = await sessionAt('2026-03-23T17:00:00Z');
    await both('2026-03-23T15:00:20Z');
    await both('2026-03-23T16:00:20Z');
    const posts = channelReminders(s.id);
    expect(posts.map((p) => p.text.split('\n')[0])).toEqual(['Superwizja za 2 godziny', 'Superwizja za 1 godzinę']);
    expect(posts[0]!.text).toContain('Aktualna agenda');
    expect(posts[1]!.text).not.toContain('Aktualna agenda');
    const sent = await a.bot.db.select().from(outbox).where(and(like(outbox.key, `sup-rem:${s.id}:%`), eq(outbox.status, 'sent')));
    expect(sent).toHaveLength(4); // two in the channel, two to Anna
  });
});
