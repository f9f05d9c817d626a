// Cancelling a supervision session keeps the topics members added for it: they move to the next session,
// or wait (loose) for the next one planned — named, anonymous and private ones alike.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supervisionSessions, supervisionTopics } from '../../src/db/schema/index.js';
import { anonymousTopicsArrive } from '../helpers/anon-topics.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let t: TestBot;
const said = (id: string) => (t.mem.privateTo(id).at(-1) ?? '').replace(/\n/g, ' ');

beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw.
  t = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna, ben]) await t.mem.command(m, '/sojusz help');
});
afterAll(() => t.close());

async function sessionAt(iso: string) {
  const [s] = await t.bot.db.select().from(supervisionSessions).where(eq(supervisionSessions.startsAt, new Date(iso)));
  return s!;
}

describe('cancelling a session with topics on its agenda', () => {
  it('moves its topics to the next session, says so, and the next agenda and reminder show them', async () => {
    await t.mem.command(facilitator, '/supervision add 2026-03-09 18:00 #supervision');
    await t.mem.command(facilitator, '/supervision add 2026-03-16 18:00 #supervision');
    await t.mem.command(anna, '/supervision topic klient, który odwołuje sesje');
    await t.mem.command(ben, '/supervision topic anon feeling stuck with a long-term client');
    await t.mem.command(anna, '/supervision topic private moje granice');
    expect(said(ben.id)).toContain('Mon, 9 Mar 2026, 18:00');
    await anonymousTopicsArrive(t);

    await t.mem.command(facilitator, '/supervision cancel 2026-03-09');
    expect(said(facilitator.id)).toContain('jedno spotkanie');
    // Only the shared topics are counted: a private note is nobody else's business.
    expect(said(facilitator.id)).toContain('2 tematy z jego agendy przenoszę na pon., 16 marca 2026, 18:00');

    await t.mem.command(ben, '/supervision agenda');
    expect(said(ben.id)).toContain('Agenda for Mon, 16 Mar 2026, 18:00');
    expect(said(ben.id)).toContain(`klient, który odwołuje sesje — ${anna.id}`);
    expect(said(ben.id)).toContain('feeling stuck with a long-term client — anonymous');
    expect(said(ben.id)).not.toContain('moje granice');
    // The private note went along with the agenda, and is still only Anna's.
    await t.mem.command(anna, '/supervision topics');
    expect(said(anna.id)).toContain('moje granice');

    // The 24-hour reminder of the next session carries the moved topics.
    t.clock.set('2026-03-15T17:00:20Z');
    await t.bot.runDueWork();
    const reminder = t.mem.posts('supervision').at(-1)!;
    expect(reminder.text).toContain('Superwizja za 24 godziny');
    expect(reminder.text).toContain('klient, który odwołuje sesje');
    expect(reminder.text).toContain('feeling stuck with a long-term client — anonimowo');
    // The author of the anonymous topic can still remove it after the move.
    const [anon] = await t.bot.db.select().from(supervisionTopics).where(eq(supervisionTopics.visibility, 'anonymous'));
    expect(anon!.sessionId).toBe((await sessionAt('2026-03-16T17:00:00Z')).id);
  });

  it('keeps the topics waiting when no session is left, and the next session planned adopts them', async () => {
    t.clock.set('2026-03-15T18:00:00Z');
    await t.mem.command(facilitator, '/supervision cancel 2026-03-16');
    expect(said(facilitator.id)).toContain('2 tematy z jego agendy poczekają na następne zaplanowane spotkanie');
    await t.mem.command(anna, '/supervision agenda');
    expect(said(anna.id)).not.toContain('klient, który odwołuje sesje');

    await t.mem.command(facilitator, '/supervision add 2026-03-23 18:00 #supervision');
    await t.mem.command(anna, '/supervision agenda');
    expect(said(anna.id)).toContain('Agenda na pon., 23 marca 2026, 18:00');
    expect(said(anna.id)).toContain('klient, który odwołuje sesje');
    expect(said(anna.id)).toContain('feeling stuck with a long-term client — anonimowo');
  });

  it('hands the topics of a cancelled series on to a session outside it', async () => {
    t.clock.set('2026-03-17T08:00:00Z');
    await t.mem.command(facilitator, '/supervision schedule #supervision friday 10:00');
    const series = /S(\d+)/.exec(said(facilitator.id))![1];
    // The Friday series session (20 March) is now the next one: a new topic goes there.
    await t.mem.command(ben, '/supervision topic a rupture I did not see coming');
    expect(said(ben.id)).toContain('Fri, 20 Mar 2026, 10:00');

    await t.mem.command(facilitator, `/supervision cancel S${series}`);
    expect(said(facilitator.id)).toContain('cały cykl');
    await t.mem.command(ben, '/supervision agenda');
    expect(said(ben.id)).toContain('Agenda for Mon, 23 Mar 2026, 18:00');
    expect(said(ben.id)).toContain(`a rupture I did not see coming — ${ben.id}`);
    expect(said(ben.id)).toContain(`klient, który odwołuje sesje — ${anna.id}`);
  });

  it('says nothing about topics when the cancelled session had none, in English too', async () => {
    t.clock.set('2026-03-17T09:00:00Z');
    await t.mem.command(facilitator, '/supervision add 2026-03-30 18:00 #supervision');
    const english = { ...facilitator, locale: 'en-GB', id: 'U_FAC_EN' };
    await t.mem.command(english, '/sojusz help'); // the one-time privacy note first
    await t.mem.command(english, '/supervision cancel 2026-03-30');
    const answer = said(english.id);
    expect(answer).toContain('Cancelled one session');
    expect(answer).not.toMatch(/topic/i);
  });
});
