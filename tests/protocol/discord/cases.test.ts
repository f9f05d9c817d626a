// /case on Discord: the modal, the private preview, Publish, the delayed post — and the author's id only in private answers.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordFormDrafts } from '../../../src/db/schema/index.js';
import { FAKE_GUILD_ID } from '../../fakes/discord/index.js';
import { startDiscordHarness, type DiscordHarness } from '../../helpers/discord.js';

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness({ mode: 'http', start: '2026-03-02T08:00:00Z' });
  // Enough people who can see the case channel to hide among (an open channel: everyone in the server).
  const guild = h.fake.store.guilds.get(FAKE_GUILD_ID)!;
  for (const [id, username] of [[h.anna.id, 'anna'], ['1100000000000000501', 'cara'], ['1100000000000000502', 'dan']]) guild.members.push({ user: { id, username } });
}, 120_000);
afterAll(() => h?.close());

const json = (x: unknown) => JSON.stringify(x);

describe('/case on Discord', () => {
  it('previews privately, publishes after the delay in the case channel, and never shows who wrote it', async () => {
    const set = await h.slash(h.owner, 'sojusz', { channel: h.channel }, { path: ['team', 'case-channel'] });
    expect(json(await h.answers(set))).toContain('Anonimowe przypadki będą się pojawiać');

    const r = await h.slash(h.anna, 'case', {}, { path: [] });
    expect(r.initial.type).toBe(9);
    const modal = r.initial.data!;
    const submitted = await h.submitModal(h.anna, String(modal.custom_id), {
      title: 'Klient, który przestał przychodzić',
      body: 'PESEL 44051401359, mail jan.k@example.com. Czuję złość i wstyd. @everyone',
      question: 'Jak wrócić do rozmowy o kontrakcie?',
      tags: '3',
    });
    const preview = json(await h.answers(submitted));
    expect(preview).toContain('Tak zobaczy to grupa');
    expect(preview).toContain('Numer PESEL „44051401359” — zostanie zastąpiony przez');
    const publishId = /"custom_id":"(case\.publish[^"]*)"/.exec(preview)![1]!;

    const click = await h.clickButton(h.anna, publishId);
    expect(json(await h.answers(click))).toContain('Przypadek #1 pojawi się');

    h.clock.advance(21 * 60_000);
    await h.bot.runDueWork();
    const post = h.fake.messagesIn(h.channel).find((m) => json(m).includes('Przypadek #1'));
    expect(post).toBeDefined();
    // Discord escapes the mask's brackets as markdown: \\[PESEL\\].
    expect(json(post)).toMatch(/\[PESEL\\*\]/);
    expect(json(post)).not.toContain('44051401359');
    expect(json(post)).not.toContain(h.anna.id);
    expect(json(post)).not.toMatch(/(?<![\u200b\\])@everyone/);
  });

  it('withdrawing a case split over two messages leaves neither its second half nor its buttons on screen', async () => {
    const tail = 'Ostatni akapit, który nie zmieścił się w pierwszej wiadomości.';
    const r = await h.slash(h.anna, 'case', {}, { path: [] });
    const submitted = await h.submitModal(h.anna, String(r.initial.data!.custom_id), {
      title: 'Długi opis trudnej sesji',
      body: `${'Opisuję przebieg sesji i moje reakcje. '.repeat(70)}${tail}`,
      question: 'Co mogę zrobić inaczej?',
    });
    const preview = json(await h.answers(submitted));
    const publishId = /"custom_id":"(case\.publish[^"]*)"/.exec(preview)![1]!;
    await h.answers(await h.clickButton(h.anna, publishId));
    h.clock.advance(21 * 60_000);
    await h.bot.runDueWork();
    const number = Math.max(...[...json(h.fake.messagesIn(h.channel)).matchAll(/Przypadek #(\d+)/g)].map((m) => Number(m[1])));
    expect(h.fake.messagesIn(h.channel).filter((m) => json(m).includes('Opisuję przebieg')).length).toBe(2);
    expect(json(h.fake.messagesIn(h.channel))).toContain('Ostatni akapit');

    const w = await h.slash(h.anna, 'case', { number }, { path: ['withdraw'] });
    expect(json(await h.answers(w))).toContain(`#${number}`);

    const left = json(h.fake.messagesIn(h.channel).filter((m) => json(m).includes(`#${number}`) || json(m).includes('Opisuję')));
    expect(left).not.toContain('Ostatni akapit');
    expect(left).not.toContain('Opisuję przebieg');
    expect(left).not.toContain('custom_id');
  });

  it('lets /case go ahead when Discord will not list the server members (no Server Members intent)', async () => {
    h.fake.store.membersIntent = false;
    try {
      const r = await h.slash(h.anna, 'case', {}, { path: [] });
      expect(r.initial.type).toBe(9); // the form, not "something went wrong"
    } finally {
      h.fake.store.membersIntent = true;
    }
  });

  it('keeps no form draft of the author once the case is published, not even an Edit form left open', async () => {
    const r = await h.slash(h.anna, 'case', {}, { path: [] });
    const submitted = await h.submitModal(h.anna, String(r.initial.data!.custom_id), { title: 'Krótko', body: 'Trudna sesja, dużo ciszy.', question: 'Co dalej?' });
    const preview = json(await h.answers(submitted));
    const editId = /"custom_id":"(case\.edit[^"]*)"/.exec(preview)![1]!;
    const publishId = /"custom_id":"(case\.publish[^"]*)"/.exec(preview)![1]!;
    // The author opens Edit (a modal prefilled with the case), closes it, and publishes from the preview.
    expect((await h.clickButton(h.anna, editId)).initial.type).toBe(9);
    const drafts = () => h.bot.db.select().from(discordFormDrafts).where(eq(discordFormDrafts.memberExternalId, h.anna.id));
    expect((await drafts()).length).toBeGreaterThan(0);

    await h.answers(await h.clickButton(h.anna, publishId));
    expect(await drafts()).toEqual([]);
  });
});
