// /supervision on Slack, end to end: a signed schedule, a topic, the 24 h reminder with RSVP buttons and the agenda,
// a click updating the counts in place, the 1 h reminder once, the hours file in a DM, and a bad date answered privately.
import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../../src/db/schema/index.js';
import type { RecordedCall } from '../../fakes/slack/index.js';
import { startSlackHarness, type SlackHarness } from '../../helpers/slack.js';

let h: SlackHarness;
beforeAll(async () => {
  // Wednesday; the first Monday 18:00 Warsaw (CET, 17:00 UTC) is 9 March 2026.
  h = await startSlackHarness({ start: '2026-03-04T08:00:00Z' });
  h.fake.setUser('U_FAC', { is_admin: true, locale: 'pl-PL' });
  h.fake.setUser('U_ANNA', { locale: 'pl-PL', name: 'anna.k' });
  h.fake.setChannel('C_SUP', { name: 'superwizja' });
}, 120_000);
afterAll(async () => h?.close());

const WAIT = 15_000;
const json = (x: unknown) => JSON.stringify(x);
const privately = (user: string, text: string): Promise<RecordedCall> => h.privately(text, user, WAIT);
const supPosts = () => h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C_SUP');
type Block = { type: string; elements?: { action_id?: string; value?: string; text?: unknown }[] };

async function sentTs(key: string): Promise<string> {
  const [row] = await h.bot.db.select().from(outbox).where(like(outbox.key, key));
  return row?.sentRef?.id ?? '';
}

describe('/supervision on Slack', () => {
  it('schedules a Monday series from a signed command and names the first session privately', async () => {
    // Each member's first command also brings the one-time privacy note; get it out of the way.
    for (const u of ['U_FAC', 'U_ANNA']) {
      await h.command(u, '/sojusz help');
      await privately(u, 'Kilka słów o Twoich danych');
    }
    await h.command('U_FAC', '/supervision schedule <#C_SUP|superwizja> monday 18:00', { channel: 'C_SUP' });
    const answer = await privately('U_FAC', 'Zaplanowany cykl');
    expect(json(answer.args)).toContain('9 marca 2026, 18:00');
    expect(supPosts()).toHaveLength(0);
  });

  it('takes a member’s topic for the next session', async () => {
    await h.command('U_ANNA', '/supervision topic klientka, która odwołuje co drugą sesję', { channel: 'C_SUP' });
    const answer = await privately('U_ANNA', 'jest w agendzie');
    expect(json(answer.args)).toContain('9 marca 2026, 18:00');
  });

  it('posts the 24-hour reminder in the channel with RSVP buttons and the agenda, at 17:00 UTC the day before', async () => {
    h.clock.set('2026-03-08T16:59:00Z');
    await h.bot.runDueWork();
    expect(supPosts()).toHaveLength(0);
    h.clock.set('2026-03-08T17:00:20Z');
    await h.bot.runDueWork();
    const posts = supPosts();
    expect(posts).toHaveLength(1);
    const text = json(posts[0]!.args);
    expect(text).toContain('Superwizja za 24 godziny');
    expect(text).toContain('klientka, która odwołuje co drugą sesję');
    // The topic's author is named, not mentioned: a <@U…> in a post would notify her.
    expect(text).toContain('@anna.k');
    expect(text).not.toContain('<@U_ANNA>');
    const buttons = (posts[0]!.args.blocks as Block[]).flatMap((b) => b.elements ?? []).filter((e) => e.action_id?.startsWith('supervision.rsvp'));
    expect(buttons.map((b) => json(b.text))).toEqual([expect.stringContaining('Będę'), expect.stringContaining('Tym razem nie'), expect.stringContaining('Może')]);
  });

  it('updates the reminder in place with the new counts when a member clicks “coming”, and confirms privately', async () => {
    const reminder = supPosts()[0]!;
    const coming = (reminder.args.blocks as Block[]).flatMap((b) => b.elements ?? []).find((e) => e.action_id?.startsWith('supervision.rsvp') && e.value?.endsWith(':coming'))!;
    const ts = await sentTs('sup-rem:%:1440');
    expect(ts).not.toBe('');

    await h.clickButton('U_ANNA', coming.action_id!, coming.value, { channel: 'C_SUP', ts });
    const update = await h.fake.waitFor('chat.update', (c) => c.args.ts === ts, WAIT);
    expect(update.args.channel).toBe('C_SUP');
    expect(json(update.args)).toContain('Będą: 1 · Tym razem nie: 0 · Może: 0');
    await privately('U_ANNA', 'Zapisane: będziesz');
  });

  it('sends the 1-hour reminder once, carrying the current counts', async () => {
    h.clock.set('2026-03-09T15:59:00Z');
    await h.bot.runDueWork();
    expect(supPosts()).toHaveLength(1);
    h.clock.set('2026-03-09T16:00:10Z');
    await h.bot.runDueWork();
    h.clock.set('2026-03-09T16:00:50Z');
    await h.bot.runDueWork();
    const hourBefore = supPosts().filter((c) => json(c.args).includes('Superwizja za 1 godzinę'));
    expect(hourBefore).toHaveLength(1);
    expect(supPosts()).toHaveLength(2);
    expect(json(hourBefore[0]!.args)).toContain('Będą: 1 · Tym razem nie: 0 · Może: 0');
  });

  it('sends the hours export as a CSV file in the member’s DM', async () => {
    await h.command('U_ANNA', '/supervision hours export', { channel: 'C_SUP' });
    await privately('U_ANNA', 'Plik z Twoimi godzinami jest już w Twoich wiadomościach prywatnych');
    const url = await h.fake.waitFor('files.getUploadURLExternal', undefined, WAIT);
    expect(url.args.filename).toBe('supervision-hours.csv');
    const done = await h.fake.waitFor('files.completeUploadExternal', undefined, WAIT);
    expect(done.args.channel_id).toBe(h.fake.dmChannelOf('U_ANNA'));
    const [file] = done.args.files as { id: string }[];
    const bytes = h.fake.uploadedFile(file!.id)?.bytes;
    expect(bytes && new TextDecoder().decode(bytes).length).toBeGreaterThan(0);
  });

  it('answers a date in the past privately with an example, and plans nothing', async () => {
    const before = supPosts().length;
    await h.command('U_FAC', '/supervision add 2020-01-01 18:00', { channel: 'C_SUP' });
    const answer = await privately('U_FAC', 'to już przeszłość');
    expect(json(answer.args)).toContain('/supervision dodaj 2026-03-16 18:00');
    await h.command('U_FAC', '/supervision list', { channel: 'C_SUP' });
    const list = await privately('U_FAC', '16 marca 2026, 18:00');
    expect(json(list.args)).not.toContain('2020');
    await h.bot.runDueWork();
    expect(supPosts()).toHaveLength(before);
  });
});
