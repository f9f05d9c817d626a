// /supervision on Discord, end to end: the schedule subcommand with typed options, a topic, reminders posted with buttons,
// a click editing the counts in place, the 1 h reminder once, the hours file in a DM, a bad date answered privately —
// and no channel post that could ping anyone.
import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../../src/db/schema/index.js';
import type { ApiObject } from '../../fakes/discord/index.js';
import { startDiscordHarness, type DiscordHarness } from '../../helpers/discord.js';

let h: DiscordHarness;
beforeAll(async () => {
  // Wednesday; the first Monday 18:00 Warsaw (CET, 17:00 UTC) is 9 March 2026.
  h = await startDiscordHarness({ mode: 'http', start: '2026-03-04T08:00:00Z' });
}, 120_000);
afterAll(() => h?.close());

const json = (x: unknown) => JSON.stringify(x);
const channelWrites = () =>
  [...h.fake.callsTo('POST', new RegExp(`^/channels/${h.channel}/messages$`)), ...h.fake.callsTo('PATCH', new RegExp(`^/channels/${h.channel}/messages/`))].filter((c) => c.status < 400);
const reminders = () => h.fake.messagesIn(h.channel).filter((m) => json(m).includes('supervision.rsvp'));

async function sentId(key: string): Promise<string> {
  const [row] = await h.bot.db.select().from(outbox).where(like(outbox.key, key));
  return row?.sentRef?.id ?? '';
}

describe('/supervision on Discord', () => {
  it('schedules a Monday series from the schedule subcommand and names the first session privately', async () => {
    // Each member's first command also brings the one-time privacy note; get it out of the way.
    for (const u of [h.owner, h.anna]) await h.answers(await h.slash(u, 'sojusz', {}, { path: ['help'] }));
    const r = await h.slash(h.owner, 'supervision', { channel: h.channel, weekday: 'monday', time: '18:00' }, { path: ['schedule'] });
    const said = json(await h.answers(r));
    expect(said).toContain('Zaplanowany cykl');
    expect(said).toContain('9 marca 2026, 18:00');
    expect(reminders()).toHaveLength(0);
  });

  it('takes a member’s topic for the next session', async () => {
    const r = await h.slash(h.anna, 'supervision', { text: 'klientka, która odwołuje co drugą sesję' }, { path: ['topic'] });
    expect(json(await h.answers(r))).toContain('jest w agendzie');
  });

  it('posts the 24-hour reminder in the channel with RSVP buttons and the agenda, at 17:00 UTC the day before', async () => {
    h.clock.set('2026-03-08T16:59:00Z');
    await h.bot.runDueWork();
    expect(reminders()).toHaveLength(0);
    h.clock.set('2026-03-08T17:00:20Z');
    await h.bot.runDueWork();
    const [reminder] = reminders();
    expect(reminders()).toHaveLength(1);
    const text = json(reminder);
    expect(text).toContain('Superwizja za 24 godziny');
    expect(text).toContain('klientka, która odwołuje co drugą sesję');
    const labels = (reminder!.components as ApiObject[]).flatMap((row) => row.components as ApiObject[]).map((b) => b.label);
    expect(labels).toEqual(['Będę', 'Tym razem nie', 'Może']);
  });

  it('edits the reminder with the new counts when a member clicks “coming”, and confirms privately', async () => {
    const [reminder] = reminders();
    const id = await sentId('sup-rem:%:1440');
    expect(id).toBe(reminder!.id);
    const coming = /"custom_id":"(supervision\.rsvp[^"]*:coming)"/.exec(json(reminder))![1]!;

    const click = await h.clickButton(h.anna, coming, { message: reminder });
    expect(json(await h.answers(click))).toContain('Zapisane: będziesz');
    const edit = await h.fake.waitFor('PATCH', new RegExp(`^/channels/${h.channel}/messages/${id}$`));
    expect(json(edit.body)).toContain('Będą: 1 · Tym razem nie: 0 · Może: 0');
    expect(json(h.fake.messagesIn(h.channel).find((m) => m.id === id))).toContain('Będą: 1 · Tym razem nie: 0 · Może: 0');
  });

  it('sends the 1-hour reminder once, carrying the current counts', async () => {
    h.clock.set('2026-03-09T15:59:00Z');
    await h.bot.runDueWork();
    expect(reminders()).toHaveLength(1);
    h.clock.set('2026-03-09T16:00:10Z');
    await h.bot.runDueWork();
    h.clock.set('2026-03-09T16:00:50Z');
    await h.bot.runDueWork();
    const hourBefore = reminders().filter((m) => json(m).includes('Superwizja za 1 godzinę'));
    expect(hourBefore).toHaveLength(1);
    expect(reminders()).toHaveLength(2);
    expect(json(hourBefore[0])).toContain('Będą: 1 · Tym razem nie: 0 · Może: 0');
  });

  it('sends the hours export as a CSV file in the member’s DM', async () => {
    const r = await h.slash(h.anna, 'supervision', {}, { path: ['hours', 'export'] });
    expect(json(await h.answers(r))).toContain('Plik z Twoimi godzinami jest już w Twoich wiadomościach prywatnych');
    const dm = await h.fake.waitFor('POST', /^\/users\/@me\/channels$/);
    expect(json(dm.body)).toContain(h.anna.id);
    const upload = h.fake.callsTo('POST', /^\/channels\/[^/]+\/messages$/).find((c) => c.files.length > 0);
    expect(upload?.files.map((f) => f.filename)).toEqual(['supervision-hours.csv']);
    expect(upload!.path).not.toContain(h.channel);
    expect(upload!.files[0]!.bytes.length).toBeGreaterThan(0);
  });

  it('answers a date in the past privately with an example, and plans nothing', async () => {
    const before = reminders().length;
    const r = await h.slash(h.owner, 'supervision', { date: '2020-01-01', time: '18:00' }, { path: ['add'] });
    const said = json(await h.answers(r));
    expect(said).toContain('to już przeszłość');
    expect(said).toContain('/supervision dodaj 2026-03-16 18:00');
    const list = json(await h.answers(await h.slash(h.owner, 'supervision', {}, { path: ['list'] })));
    expect(list).toContain('16 marca 2026, 18:00');
    expect(list).not.toContain('2020');
    await h.bot.runDueWork();
    expect(reminders()).toHaveLength(before);
  });

  it('never lets a channel post or edit ping anyone', () => {
    const writes = channelWrites();
    expect(writes.length).toBeGreaterThanOrEqual(3);
    for (const w of writes) expect(w.body?.allowed_mentions).toMatchObject({ parse: [], users: [], roles: [] });
  });
});
