// The agenda in a reminder already sent follows the topics: added, removed or erased, the post and DMs are rewritten.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Said } from '../../adapters/memory/index.js';
import { ensureTeam } from '../../src/core/teams.js';
import { addTopic } from '../../src/features/supervision/agenda.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let t: TestBot;

beforeAll(async () => {
  t = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna, ben]) await t.mem.command(m, '/sojusz help');
});
afterAll(() => t.close());

/** The latest text of the 24-hour reminder in the channel (its post, or its last edit). */
function channelReminder(): string {
  const post = t.mem.posts('supervision').find((p) => p.key?.endsWith(':1440'))!;
  const edits = t.mem.said.filter((s): s is Extract<Said, { kind: 'update' }> => s.kind === 'update' && s.ref.id === post.ref.id && s.ref.channel === post.ref.channel);
  return edits.length ? edits.at(-1)!.text : post.text;
}

/** The latest text of Anna's DM copy of the 24-hour reminder. */
function annasReminder(): string {
  const dm = t.mem.dms(anna.id).find((d) => d.text.includes('Superwizja za 24 godziny'))!;
  const edits = t.mem.said.filter((s): s is Extract<Said, { kind: 'update' }> => s.kind === 'update' && s.ref.id === dm.ref.id && s.ref.channel === dm.ref.channel);
  return edits.length ? edits.at(-1)!.text : dm.text;
}

describe('the agenda in reminders already sent', () => {
  it('sends the 24-hour reminder with the agenda as it stands', async () => {
    await t.mem.command(facilitator, '/supervision add 2026-03-09 18:00 #supervision');
    await t.mem.command(anna, '/supervision dm on');
    await t.mem.command(anna, '/supervision topic klient, który odwołuje sesje');
    await t.mem.command(ben, '/supervision topic anon stuck with a long-term client');
    t.clock.set('2026-03-08T17:00:30Z');
    await t.bot.runDueWork();
    expect(channelReminder()).toContain('klient, który odwołuje sesje');
    expect(annasReminder()).toContain('stuck with a long-term client');
  });

  it('takes a removed topic out of the channel reminder and the DMs at once', async () => {
    const id = (await t.mem.command(anna, '/supervision topics'), /`?(\d+)`? \(/.exec(t.mem.lastPrivate(anna.id)!)![1]);
    await t.mem.command(anna, `/supervision topic remove ${id}`);
    expect(channelReminder()).not.toContain('klient, który odwołuje sesje');
    expect(annasReminder()).not.toContain('klient, który odwołuje sesje');
    expect(channelReminder()).toContain('stuck with a long-term client');
  });

  it('adds a topic brought after the 24-hour reminder to that reminder', async () => {
    t.clock.set('2026-03-09T09:00:00Z');
    await t.mem.command(anna, '/supervision topic zmęczenie po trudnej sesji');
    expect(channelReminder()).toContain('zmęczenie po trudnej sesji');
    expect(annasReminder()).toContain('zmęczenie po trudnej sesji');
  });

  it('adds a topic an /autocheck took to supervision to that reminder a little later', async () => {
    const team = await ensureTeam(t.bot.db, 'memory', 'T1');
    await t.bot.db.transaction((tx) =>
      addTopic(tx, t.bot, { team, memberExternalId: anna.id, text: 'pośpiech pod koniec sesji', visibility: 'named', source: 'autocheck', now: t.clock.now(), lang: 'pl' }),
    );
    t.clock.set('2026-03-09T09:00:30Z');
    await t.bot.runDueWork();
    expect(channelReminder()).not.toContain('pośpiech pod koniec sesji');
    t.clock.set('2026-03-09T09:30:30Z');
    await t.bot.runDueWork();
    expect(channelReminder()).toContain('pośpiech pod koniec sesji');
  });

  it('leaves a private note out of the reminder', async () => {
    await t.mem.command(anna, '/supervision topic private moje granice');
    expect(channelReminder()).not.toContain('moje granice');
    expect(annasReminder()).not.toContain('moje granice');
  });

  it('shows a long topic shortened in the reminder, saying where it is whole, and whole in /supervision agenda', async () => {
    const long = `Klientka od pół roku mówi o rozstaniu, a ja coraz częściej łapię się na tym, że ${'kiwam głową i czekam, aż skończy, '.repeat(12)}i zastanawiam się, co to mówi o naszym przymierzu.`;
    await t.mem.command(ben, `/supervision topic ${long}`);
    const reminder = channelReminder();
    expect(reminder).toContain(long.slice(0, 200));
    expect(reminder).not.toContain(long);
    expect(reminder).toContain('Dłuższe tematy są tu skrócone — w całości pokaże je /supervision agenda.');
    // Short topics stay whole beside it.
    expect(reminder).toContain('zmęczenie po trudnej sesji');
    await t.mem.command(ben, '/supervision agenda');
    expect(t.mem.lastPrivate(ben.id)).toContain(long);
    expect(t.mem.lastPrivate(ben.id)).not.toContain('shortened');
    const id = (await t.mem.command(ben, '/supervision topics'), /`?(\d+)`? \(/.exec(t.mem.lastPrivate(ben.id)!.split('\n').find((l) => l.includes('Klientka od pół roku'))!)![1]);
    await t.mem.command(ben, `/supervision topic remove ${id}`);
    expect(channelReminder()).not.toContain('skrócone');
  });

  it('adds an anonymous topic to the reminder and the DMs a little later, not in the minute its author typed it', async () => {
    t.clock.set('2026-03-09T11:00:00Z');
    await t.mem.command(anna, '/supervision topic anon lęk przed oceną grupy');
    expect(channelReminder()).not.toContain('lęk przed oceną grupy');
    expect(annasReminder()).not.toContain('lęk przed oceną grupy');
    t.clock.set('2026-03-09T11:30:30Z');
    await t.bot.runDueWork();
    expect(channelReminder()).toContain('lęk przed oceną grupy');
    expect(annasReminder()).toContain('lęk przed oceną grupy');
  });

  it('takes a removed anonymous topic out of the reminder and the DMs a little later, not at once', async () => {
    await t.mem.command(anna, '/supervision topics');
    const line = t.mem.lastPrivate(anna.id)!.split('\n').find((l) => l.includes('lęk przed oceną grupy'))!;
    const id = /`?(\d+)`? \(/.exec(line)![1];
    t.clock.set('2026-03-09T12:00:00Z');
    await t.mem.command(anna, `/supervision topic remove ${id}`);
    expect(channelReminder()).toContain('lęk przed oceną grupy');
    expect(annasReminder()).toContain('lęk przed oceną grupy');
    t.clock.set('2026-03-09T12:30:30Z');
    await t.bot.runDueWork();
    expect(channelReminder()).not.toContain('lęk przed oceną grupy');
    expect(annasReminder()).not.toContain('lęk przed oceną grupy');
  });

  it('takes an erased member’s topics out of the reminder soon after, without tying the edit to the erasure', async () => {
    await t.mem.command(ben, '/sojusz mydata delete');
    await t.mem.click(ben, 'privacy.delete', 'withdraw');
    // Not the same minute: an anonymous topic a withdrawal takes leaves at a moment of its own, within six hours and
    // before the session, like the other clean-up an erasure owes.
    expect(channelReminder()).toContain('stuck with a long-term client');
    t.clock.set('2026-03-09T16:59:00Z');
    await t.bot.runDueWork();
    expect(channelReminder()).not.toContain('stuck with a long-term client');
    expect(channelReminder()).toContain('zmęczenie po trudnej sesji');
  });
});
