// A form being written on Discord waits for its author: a case taken slowly, a colleague's form opened meanwhile,
// and only a form left for hours closes (and nightly housekeeping clears what is left of it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAFT_LIFE_MS } from '../../../adapters/discord/forms/drafts.js';
import { discordFormDrafts } from '../../../src/db/schema/index.js';
import { runHousekeeping } from '../../../src/features/privacy/housekeeping.js';
import { tx } from '../../../src/i18n/index.js';
import { chatInputInteraction, FAKE_GUILD_ID, modalSubmitInteraction } from '../../fakes/discord/index.js';
import { startDiscordHarness, type DiscordHarness } from '../../helpers/discord.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const json = (x: unknown) => JSON.stringify(x);

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness({ mode: 'http', start: '2026-03-02T08:00:00Z' });
  const guild = h.fake.store.guilds.get(FAKE_GUILD_ID)!;
  for (const [id, username] of [[h.anna.id, 'anna'], [h.ben.id, 'ben'], ['1100000000000000501', 'cara'], ['1100000000000000502', 'dan']]) guild.members.push({ user: { id, username } });
  await h.answers(await h.slash(h.owner, 'sojusz', { channel: h.channel }, { path: ['team', 'case-channel'] }));
}, 120_000);
afterAll(() => h?.close());

const quickCheck = { curiosity: '3', flexibility: '2', judging: '1' };

describe('form drafts on Discord', () => {
  it('keeps a case written slowly: submitted 40 minutes after the modal opened, it comes back as the preview', async () => {
    const r = await h.slash(h.ben, 'case', {}, { path: [] });
    expect(r.initial.type).toBe(9);
    h.clock.advance(40 * MINUTE);
    const submitted = await h.submitModal(h.ben, String(r.initial.data!.custom_id), {
      title: 'A client who went quiet',
      body: 'After I named the silence, the client stopped coming. I keep wondering what I missed.',
      question: 'How do I reach out without pressing?',
    });
    const preview = json(await h.answers(submitted));
    expect(preview).toContain('This is what the group will see');
    expect(preview).not.toContain(tx('en', 'discord.draftExpired'));
  });

  it('a colleague opening a form hours later does not close one still being written', async () => {
    const annas = await h.slash(h.anna, 'autocheck', {}, { path: ['quick'] });
    h.clock.advance(5 * HOUR);
    await h.slash(h.ben, 'autocheck', {}, { path: ['quick'] });
    h.clock.advance(30 * MINUTE);
    const [answer] = await h.answers(await h.submitModal(h.anna, String(annas.initial.data!.custom_id), quickCheck));
    expect(answer!.content).toContain('Zapisane prywatnie');
  });

  it('closes a form left unsent for longer than its life, and says so in the member’s words', async () => {
    const r = await h.slash(h.anna, 'autocheck', {}, { path: ['quick'] });
    h.clock.advance(DRAFT_LIFE_MS + MINUTE);
    const [answer] = await h.answers(await h.submitModal(h.anna, String(r.initial.data!.custom_id), quickCheck));
    expect(answer!.content).toContain('Ten formularz jest już zamknięty');
    expect(answer!.content).toContain('6 godzin');
  });

  it('nightly housekeeping clears drafts past their life and keeps the ones still open', async () => {
    await h.slash(h.ben, 'autocheck', {}, { path: ['quick'] });
    h.clock.advance(DRAFT_LIFE_MS - HOUR);
    const open = await h.slash(h.anna, 'autocheck', {}, { path: ['quick'] });
    h.clock.advance(2 * HOUR);
    const report = await h.bot.db.transaction((tx) => runHousekeeping(tx, h.bot, h.clock.now()));
    expect(report.purged.discord).toBeGreaterThanOrEqual(1);
    const left = await h.bot.db.select().from(discordFormDrafts);
    expect(left.map((d) => d.memberExternalId)).toEqual([h.anna.id]);
    const [answer] = await h.answers(await h.submitModal(h.anna, String(open.initial.data!.custom_id), quickCheck));
    expect(answer!.content).toContain('Zapisane prywatnie');
  });

  it('publishing a case in one server leaves the author’s form half-filled in another server open', async () => {
    const other = '1300000000000000001';
    const otherChannel = '1300000000000000002';
    h.fake.store.addGuild({ id: other, name: 'Another practice group', channels: [{ id: otherChannel, type: 0, name: 'general' }], members: [{ user: { id: h.anna.id, username: 'anna' } }] });
    const there = { guildId: other, channelId: otherChannel, user: { id: h.anna.id, username: 'anna' }, locale: h.anna.locale };
    const elsewhere = await h.send(chatInputInteraction({ ...there, name: 'autocheck', options: [{ name: 'quick', type: 1, options: [] }] }));
    expect(elsewhere.initial.type).toBe(9);

    const r = await h.slash(h.anna, 'case', {}, { path: [] });
    const preview = json(await h.answers(await h.submitModal(h.anna, String(r.initial.data!.custom_id), { title: 'Cisza po urlopie', body: 'Po przerwie klientka prawie nic nie mówiła.', question: 'Jak wrócić do rozmowy?' })));
    const publishId = /"custom_id":"(case\.publish[^"]*)"/.exec(preview)![1]!;
    expect(json(await h.answers(await h.clickButton(h.anna, publishId)))).toContain('pojawi się');

    const [answer] = await h.answers(await h.send(modalSubmitInteraction({ ...there, custom_id: String(elsewhere.initial.data!.custom_id), fields: quickCheck })));
    expect(answer!.content).toContain('Zapisane prywatnie');
    expect(answer!.content).not.toContain('Ten formularz jest już zamknięty');
  });

  it('names the same lifetime in both languages as the drafts keep', () => {
    const hours = DRAFT_LIFE_MS / HOUR;
    expect(tx('en', 'discord.draftExpired')).toContain(`${hours} hours`);
    expect(tx('pl', 'discord.draftExpired')).toContain(`${hours} godzin`);
  });
});
