// One session, one time: every place that shows a supervision session gives it in the session's own zone, and
// names that zone with the reader's own time beside it whenever the reader's clock shows something else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageToPlain } from '../../src/core/message.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

/** A member far east: the London evening is the next morning for her. */
const kaori = { id: 'U_KAORI', name: 'Kaori', locale: 'en-GB' };

let t: TestBot;
const said = (id: string) => (t.mem.privateTo(id).at(-1) ?? '').replace(/\n/g, ' ');
const home = async (m: typeof anna) => messageToPlain(await t.bot.home(t.mem.inv(m))).replace(/\n/g, ' ');

beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw (the team's zone).
  t = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna, ben, kaori]) await t.mem.command(m, '/sojusz help');
  await t.mem.command(ben, '/sojusz timezone America/New_York');
  await t.mem.command(kaori, '/sojusz timezone Asia/Tokyo');
});
afterAll(() => t.close());

describe('a session planned in the team’s zone', () => {
  it('reads the same for a member in that zone as before: no zone, no second time', async () => {
    await t.mem.command(facilitator, '/supervision add 2026-03-09 18:00 #supervision');
    await t.mem.command(anna, '/supervision lista');
    expect(said(anna.id)).toContain('pon., 9 marca 2026, 18:00');
    expect(said(anna.id)).not.toContain('Europe/Warsaw');
    expect(await home(anna)).toContain('pon., 9 marca 2026, 18:00 · 90 min');
  });

  it('shows a member in New York the same time everywhere, named, with theirs beside it', async () => {
    const label = 'Mon, 9 Mar 2026, 18:00 (Europe/Warsaw; 13:00 your time)';
    await t.mem.command(ben, '/supervision list');
    expect(said(ben.id)).toContain(label);
    // The home view used to say 13:00 and the list 18:00, neither saying where.
    expect(await home(ben)).toContain(`${label} · 90 min`);
    await t.mem.command(ben, '/supervision agenda');
    expect(said(ben.id)).toContain(`Agenda for ${label}`);
    await t.mem.command(ben, '/supervision topic a client who keeps cancelling');
    expect(said(ben.id)).toContain(`to the agenda for ${label}`);
  });

  it('names the zone in the channel reminder, read in any zone, and gives a DM the member’s own time', async () => {
    await t.mem.command(ben, '/supervision dm on');
    await t.mem.command(ben, '/sojusz language en');
    t.clock.set('2026-03-08T17:00:20Z');
    await t.bot.runDueWork();
    const post = t.mem.posts('supervision').at(-1)!;
    // A member in London sees the post's own time in London time: the session's time must say where it is 18:00.
    expect(post.text).toContain('pon., 9 marca 2026, 18:00 (Europe/Warsaw) · 90 min');
    const dm = t.mem.dms(ben.id).at(-1)!;
    expect(dm.text).toContain('Mon, 9 Mar 2026, 18:00 (Europe/Warsaw; 13:00 your time) · 90 min');

    // Answering rewrites both copies the same way, and the thanks says the same time.
    const before = t.mem.said.length;
    await t.mem.click(ben, 'supervision.rsvp', `${post.message.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []))[0]!.value}`, post.ref);
    const updates = t.mem.said.slice(before).filter((s) => s.kind === 'update');
    expect(updates.find((u) => u.kind === 'update' && u.ref.id === post.ref.id)!.text).toContain('pon., 9 marca 2026, 18:00 (Europe/Warsaw) · 90 min');
    expect(updates.find((u) => u.kind === 'update' && u.ref.id === dm.ref.id)!.text).toContain('(Europe/Warsaw; 13:00 your time)');
    expect(said(ben.id)).toContain('Noted: you’re coming (Mon, 9 Mar 2026, 18:00 (Europe/Warsaw; 13:00 your time)).');
  });
});

describe('a session planned in another zone', () => {
  it('names its zone in the channel and adds the team’s time', async () => {
    t.clock.set('2026-03-10T08:00:00Z');
    await t.mem.command(facilitator, '/supervision add 2026-03-16 18:00 #supervision tz Europe/London');
    expect(said(facilitator.id)).toContain('pon., 16 marca 2026, 18:00 (Europe/London; u Ciebie 19:00)');
    t.clock.set('2026-03-15T18:00:20Z');
    await t.bot.runDueWork();
    expect(t.mem.posts('supervision').at(-1)!.text).toContain('pon., 16 marca 2026, 18:00 (Europe/London; w strefie Europe/Warsaw: 19:00) · 90 min');
  });

  it('gives the whole date when it falls on another day for the member', async () => {
    await t.mem.command(kaori, '/supervision list');
    expect(said(kaori.id)).toContain('Mon, 16 Mar 2026, 18:00 (Europe/London; Tue, 17 Mar 2026, 03:00 your time)');
    expect(await home(kaori)).toContain('Mon, 16 Mar 2026, 18:00 (Europe/London; Tue, 17 Mar 2026, 03:00 your time) · 90 min');
  });
});
