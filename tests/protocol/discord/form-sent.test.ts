// A two-part form on Discord once its last part is sent: the message whose Continue led to it becomes a note without
// the button, and a Continue still showing elsewhere (another client, an older copy) says "already sent" instead of
// asking for the command again — which would only make a second /autocheck.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autochecks, discordFormDrafts } from '../../../src/db/schema/index.js';
import { tx } from '../../../src/i18n/index.js';
import { botMessage } from '../../fakes/discord/index.js';
import { startDiscordHarness, type DiscordHarness } from '../../helpers/discord.js';

const json = (x: unknown) => JSON.stringify(x);
const continueId = (m: unknown) => /"custom_id":"([^"]*dc:next[^"]*)"/.exec(json(m))?.[1];
const check = { curiosity: '3', flexibility: '2', judging: '1', alliance: '4' };
const EPHEMERAL = 64;

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness({ mode: 'http' });
}, 120_000);
afterAll(() => h?.close());

/** The first part sent: the ephemeral message with its Continue, as Discord shows it to the member. */
async function firstPart(): Promise<{ message: Record<string, unknown>; button: string }> {
  const r = await h.slash(h.ben, 'autocheck', {}, { path: ['open'] });
  const [step] = await h.answers(await h.submitModal(h.ben, String(r.initial.data!.custom_id), { ...check, supervision: 'Staying with silence' }));
  const button = continueId(step)!;
  expect(button).toBeDefined();
  return { message: botMessage(h.channel, { content: step!.content, components: step!.components, flags: EPHEMERAL }), button };
}
const autocheckCount = async () => (await h.bot.db.select().from(autochecks)).length;

describe('a two-part form on Discord after its last part is sent', () => {
  it('closes the Continue it came from, and answers a later press “already sent”, saving nothing twice', async () => {
    const before = await autocheckCount();
    const { message, button } = await firstPart();
    const more = await h.clickButton(h.ben, button, { message });
    expect(more.initial.type).toBe(9);

    const sent = await h.submitModal(h.ben, String(more.initial.data!.custom_id), { destination: '1' }, { message });
    // Acknowledged as a change of the message with the button, never as a new message.
    expect([6, 7]).toContain(sent.initial.type);
    const said = await h.answers(sent, 2);
    expect(said.map((a) => a.content).join('\n')).toContain('Saved privately');
    const closed = said.find((a) => String(a.content).includes(tx('en', 'discord.sentNote')));
    expect(closed).toBeDefined();
    expect(closed!.components ?? []).toEqual([]);
    expect(await autocheckCount()).toBe(before + 1);

    // Another client still shows the first part with its Continue.
    const again = await h.clickButton(h.ben, button, { message });
    expect(again.initial.type).toBe(7);
    expect(again.initial.data!.content).toContain(tx('en', 'discord.sentNote'));
    expect(again.initial.data!.components).toEqual([]);
    const heard = await h.answers(again);
    expect(heard.map((a) => a.content)).toContain(tx('en', 'discord.alreadySent'));
    expect(json(heard)).not.toContain('run the command again');
    expect(await autocheckCount()).toBe(before + 1);
  });

  it('keeps in the sent mark no member, no form and no answers', async () => {
    const { message, button } = await firstPart();
    const more = await h.clickButton(h.ben, button, { message });
    await h.answers(await h.submitModal(h.ben, String(more.initial.data!.custom_id), { destination: '1' }, { message }), 2);
    const id = /dc:next\|([^"|]+)/.exec(button)![1]!;
    const rows = (await h.bot.db.select().from(discordFormDrafts)).filter((r) => r.id === id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.memberExternalId).toBe('');
    expect(h.bot.secrets.decrypt(rows[0]!.sealed)).toBe(JSON.stringify({ sent: true }));
  });

  it('answers in Polish, and still tells an expired form from a sent one', async () => {
    const r = await h.slash(h.anna, 'autocheck', {}, { path: ['open'] });
    const [step] = await h.answers(await h.submitModal(h.anna, String(r.initial.data!.custom_id), { ...check, supervision: 'Cisza po pytaniu o cel' }));
    const message = botMessage(h.channel, { content: step!.content, components: step!.components, flags: EPHEMERAL });
    const more = await h.clickButton(h.anna, continueId(step)!, { message });
    await h.answers(await h.submitModal(h.anna, String(more.initial.data!.custom_id), { destination: '1' }, { message }), 2);
    const again = await h.answers(await h.clickButton(h.anna, continueId(step)!, { message }));
    expect(again.map((a) => a.content)).toContain('Ten formularz jest już wysłany i zapisany — nie trzeba nic więcej robić.');

    const never = await h.answers(await h.clickButton(h.anna, 'dc:next|no-such-draft', { message }));
    expect(never.map((a) => a.content)).toContain(tx('pl', 'discord.draftExpired'));
  });
});
