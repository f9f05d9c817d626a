// /reflect on Discord: the scheduled thread through the fake REST API, its button, the modal, and the anonymous reply in the thread.
import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../../src/db/schema/index.js';
import { startDiscordHarness, type DiscordHarness } from '../../helpers/discord.js';

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness({ mode: 'http', start: '2026-03-02T08:00:00Z' });
}, 120_000);
afterAll(() => h?.close());

const json = (x: unknown) => JSON.stringify(x);

describe('/reflect on Discord', () => {
  it('schedules a prompt, naming its channel as a link, posts it on Friday 09:00 Warsaw time, and answers anonymously in its thread', async () => {
    const r = await h.slash(h.owner, 'reflect', { channel: h.channel, weekday: 'friday', time: '09:00' }, { path: ['schedule'] });
    const said = json(await h.answers(r));
    expect(said).toMatch(/6 (marca|Mar) 2026, 09:00/);
    // The channel as Discord's channel link, not its id as text.
    expect(said).toContain(`<#${h.channel}>`);
    expect(said).not.toMatch(new RegExp(`[^<]#${h.channel}`));

    h.clock.set('2026-03-06T08:00:30Z');
    await h.bot.runDueWork();
    const starter = h.fake.messagesIn(h.channel).find((m) => json(m).includes('prompts.anonReply'));
    expect(starter).toBeDefined();
    const customId = /"custom_id":"(prompts\.anonReply[^"]*)"/.exec(json(starter))![1]!;

    const click = await h.clickButton(h.anna, customId, { message: starter });
    expect(click.initial.type).toBe(9);
    const modal = click.initial.data!;
    await h.submitModal(h.anna, String(modal.custom_id), { text: 'Cisza w sesji mniej mnie już niepokoi.' });
    await h.bot.runDueWork();

    const [sent] = await h.bot.db.select().from(outbox).where(like(outbox.key, 'prompt-reply:%'));
    expect(sent?.status).toBe('sent');
    // Discord: the reply went into the thread started from the prompt message (a channel of its own).
    const thread = sent!.sentRef!.thread ?? sent!.sentRef!.channel;
    const reply = h.fake.messagesIn(thread).find((m) => json(m).includes('Cisza w sesji'));
    expect(reply).toBeDefined();
    expect(json(reply)).toContain('Osoba A');
    expect(json(reply)).not.toContain(h.anna.id);
  });
});
