// The first ten minutes on Discord by the gateway: welcome on joining a server, /sojusz setup as two modals
// with channels typed as #name, the weekly prompt and its anonymous reply in a thread, and /sojusz settings.
import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tx } from '../../../src/i18n/index.js';
import { outbox } from '../../../src/db/schema/index.js';
import { startDiscordHarness, type DiscordHarness } from '../../helpers/discord.js';

const NEW_GUILD = '1100000000000000900';
const NEW_OWNER = '1100000000000000901';
const CH = { ref: '1100000000000000211', cases: '1100000000000000212', mod: '1100000000000000213', sup: '1100000000000000214' };

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness({ mode: 'gateway', start: '2026-03-02T08:00:00Z', deferAfterMs: 1000 });
  for (const [id, name] of [[CH.ref, 'refleksja'], [CH.cases, 'przypadki'], [CH.mod, 'moderacja'], [CH.sup, 'superwizja']] as const) h.fake.store.addChannel({ id, type: 0, name }, h.guild);
}, 120_000);
afterAll(() => h?.close());

const json = (x: unknown) => JSON.stringify(x);
const buttonId = (m: { components?: { components?: { custom_id?: string }[] }[] } | undefined) => m?.components?.[0]?.components?.[0]?.custom_id;

describe('the first ten minutes on Discord', () => {
  it('does not welcome again the servers it is already in when it connects', async () => {
    await h.bot.runDueWork();
    expect(await h.bot.db.select().from(outbox).where(like(outbox.key, 'welcome:%'))).toHaveLength(0);
  });

  it('welcomes a server it was just added to in its system channel, pointing to /sojusz setup, without pinging anyone', async () => {
    const system = '1100000000000000902';
    const guild = h.fake.store.addGuild({
      id: NEW_GUILD,
      name: 'Grupa Wtorkowa',
      owner_id: NEW_OWNER,
      preferred_locale: 'pl',
      system_channel_id: system,
      channels: [{ id: system, type: 0, name: 'ogólny' }],
      members: [{ user: { id: NEW_OWNER, username: 'ewa' } }],
    });
    h.fake.dispatch('GUILD_CREATE', guild);
    for (let i = 0; i < 100 && !h.fake.messagesIn(system).length; i++) {
      await h.bot.runDueWork();
      if (!h.fake.messagesIn(system).length) await new Promise((r) => setTimeout(r, 50));
    }
    const [welcome] = h.fake.messagesIn(system);
    expect(welcome!.content).toContain('tu Sojusz');
    expect(welcome!.content).toContain('/sojusz konfiguracja');
    expect(h.fake.store.dmChannelByUser.get(NEW_OWNER)).toBeUndefined();
    const [sent] = h.fake.callsTo('POST', new RegExp(`^/channels/${system}/messages$`));
    expect(sent!.body!.allowed_mentions).toEqual(expect.objectContaining({ parse: [] }));
  });

  it('setup opens a modal, names a bad hour, continues to the second modal and introduces itself in each chosen channel', async () => {
    const r = await h.slash(h.owner, 'sojusz', {}, { path: ['setup'] });
    expect(r.initial.type).toBe(9);
    const modal1 = r.initial.data!;
    expect(json(modal1)).toContain('Konfiguracja 1/2');
    const step1 = { lang: '1', zone: 'Europe/Warsaw', promptChannel: '#refleksja', promptDay: '5' };

    const bad = await h.submitModal(h.owner, modal1.custom_id, { ...step1, promptTime: '7pm' });
    const [errors] = await h.answers(bad);
    expect(errors!.content).toContain('Godzina pytania');
    expect(errors!.content).toMatch(/24-godzinnym/);
    expect(await h.bot.db.select().from(outbox).where(like(outbox.key, 'setup-intro:%'))).toHaveLength(0);

    const reopened = await h.clickButton(h.owner, buttonId(errors)!);
    expect(reopened.initial.type).toBe(9);
    const good = await h.submitModal(h.owner, reopened.initial.data!.custom_id, { ...step1, promptTime: '09:00' });
    const [next] = await h.answers(good);
    expect(next!.content).toContain('Konfiguracja 2/2');
    // The second part's intro, which its modal has no room for, comes with the button that opens it.
    expect(next!.content).toContain(tx('pl', 'onboarding.setup.intro2').slice(0, 40));

    const second = await h.clickButton(h.owner, buttonId(next)!);
    expect(second.initial.type).toBe(9);
    expect(json(second.initial.data)).toContain('Kanał superwizji');
    const done = await h.submitModal(h.owner, second.initial.data!.custom_id, {
      caseChannel: '#przypadki', modChannel: '#moderacja', supChannel: '#superwizja', supRhythm: 'poniedziałek 18:00', reminders: '24h,1h',
    });
    const [saved] = await h.answers(done);
    expect(saved!.content).toContain('Zapisane');
    expect(saved!.content).toMatch(/harmonogram pytań do refleksji #1: co tydzień \\?\(piątek, 09:00\\?\)/);

    await h.bot.runDueWork();
    for (const [role, id] of Object.entries(CH)) {
      const posted = h.fake.messagesIn(id);
      expect(posted, role).toHaveLength(1);
      expect(posted[0]!.content, role).toContain('/sojusz prywatność');
    }
    expect(h.fake.messagesIn(CH.ref)[0]!.content).toContain('pytania do refleksji');
  });

  it('posts the weekly prompt on Friday at 09:00 Warsaw time, and an anonymous reply lands in a thread started from it', async () => {
    h.clock.set('2026-03-06T08:00:30Z');
    await h.bot.runDueWork();
    const posts = h.fake.messagesIn(CH.ref);
    expect(posts).toHaveLength(2);
    const prompt = posts[1]!;
    const customId = /"custom_id":"(prompts\.anonReply[^"]*)"/.exec(json(prompt))?.[1];
    expect(customId).toBeDefined();

    const click = await h.clickButton(h.anna, customId!, { message: prompt });
    expect(click.initial.type).toBe(9);
    await h.submitModal(h.anna, click.initial.data!.custom_id, { text: 'Po sesji z parą długo nie mogę się wyciszyć.' });
    await h.bot.runDueWork();

    expect(h.fake.callsTo('POST', new RegExp(`^/channels/${CH.ref}/messages/${prompt.id}/threads$`)).filter((c) => c.status < 300)).toHaveLength(1);
    const thread = h.fake.store.channels.get(prompt.id);
    expect(thread?.parent_id).toBe(CH.ref);
    const reply = h.fake.messagesIn(prompt.id).find((m) => json(m).includes('Po sesji z parą'));
    expect(reply).toBeDefined();
    expect(json(reply)).toContain('Osoba A');
    expect(json(reply)).not.toContain(h.anna.id);
    expect(h.fake.messagesIn(CH.ref)).toHaveLength(2);
  });

  it('settings shows a facilitator the team’s channels as channel links, only to them', async () => {
    const r = await h.slash(h.owner, 'sojusz', {}, { path: ['settings'] });
    const answers = await h.answers(r);
    const text = json(answers);
    expect(text).toContain('Ustawienia zespołu');
    for (const id of Object.values(CH)) expect(text).toContain(`<#${id}>`);
    expect(r.initial).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(h.fake.messagesIn(h.channel)).toHaveLength(0);
  });

  // What the member sees prefilled in a modal, submitted as is.
  const prefilled = (modal: { components: { components: { custom_id: string; value?: string }[] }[] }) =>
    Object.fromEntries(modal.components.map((row) => [row.components[0]!.custom_id, row.components[0]!.value ?? '']));

  it('running setup again shows the channels chosen by their #names, and submitting the modals unchanged changes nothing', async () => {
    const r = await h.slash(h.owner, 'sojusz', {}, { path: ['setup'] });
    const first = prefilled(r.initial.data as never);
    expect(first).toMatchObject({ promptChannel: '#refleksja', promptDay: expect.stringContaining('[x] piątek'), promptTime: '09:00' });
    const [next] = await h.answers(await h.submitModal(h.owner, r.initial.data!.custom_id, first));
    const second = await h.clickButton(h.owner, buttonId(next)!);
    const values = prefilled(second.initial.data as never);
    expect(values).toMatchObject({ caseChannel: '#przypadki', modChannel: '#moderacja', supChannel: '#superwizja' });
    const [answer] = await h.answers(await h.submitModal(h.owner, second.initial.data!.custom_id, values));
    expect(answer!.content).toContain('Nic nie wymagało zmiany');
  });

  it('keeps the <#id> form for a channel whose name another channel shares or no typed name could match, so it still finds that channel', async () => {
    // A second #przypadki (another category), listed first, so "#przypadki" would now lead to it; and the supervision
    // channel renamed with an emoji, which a typed #name cannot carry.
    const twin = h.fake.store.addChannel({ id: '1100000000000000215', type: 0, name: 'przypadki' }, h.guild);
    const channels = h.fake.store.guilds.get(h.guild)!.channels as unknown[];
    channels.unshift(...channels.splice(channels.indexOf(twin), 1));
    h.fake.store.channels.get(CH.sup)!.name = 'superwizja-🧠';
    const r = await h.slash(h.owner, 'sojusz', {}, { path: ['setup'] });
    const first = prefilled(r.initial.data as never);
    expect(first.promptChannel).toBe('#refleksja');
    const [next] = await h.answers(await h.submitModal(h.owner, r.initial.data!.custom_id, first));
    const second = await h.clickButton(h.owner, buttonId(next)!);
    const values = prefilled(second.initial.data as never);
    expect(values).toMatchObject({ caseChannel: `<#${CH.cases}>`, modChannel: '#moderacja', supChannel: `<#${CH.sup}>` });
    const [answer] = await h.answers(await h.submitModal(h.owner, second.initial.data!.custom_id, values));
    expect(answer!.content).toContain('Nic nie wymagało zmiany');
  });
});
