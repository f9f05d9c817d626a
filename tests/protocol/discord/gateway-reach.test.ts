// By the gateway: where the welcome of a new server lands, and replies counted in a prompt's thread whoever started it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promptReplies } from '../../../src/db/schema/index.js';
import { PERMISSIONS, type ApiObject } from '../../fakes/discord/index.js';
import { startDiscordHarness, type DiscordHarness } from '../../helpers/discord.js';

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness({ mode: 'gateway', start: '2026-03-02T08:00:00Z' });
  const guild = h.fake.store.guilds.get(h.guild)!;
  for (const u of [h.anna, h.ben]) guild.members.push({ user: { id: u.id, username: u.username }, roles: [], nick: null, joined_at: new Date(0).toISOString() });
}, 120_000);
afterAll(() => h?.close());

const json = (x: unknown) => JSON.stringify(x);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A server adds the bot: GUILD_CREATE, then the outbox runs until `found` says the welcome is out (or 5 s pass). */
async function addServer(config: Parameters<DiscordHarness['fake']['store']['addGuild']>[0], found: () => boolean): Promise<void> {
  h.fake.dispatch('GUILD_CREATE', h.fake.store.addGuild(config));
  for (let i = 0; i < 100 && !found(); i++) {
    await h.bot.runDueWork();
    if (!found()) await sleep(50);
  }
}

describe('the welcome when the bot is added to a server', () => {
  it('is posted once in the server’s system channel, pinging nobody, with the next step for a facilitator', async () => {
    const [guild, owner, system] = ['1100000000000000910', '1100000000000000911', '1100000000000000912'];
    await addServer(
      { id: guild, name: 'Grupa Czwartkowa', owner_id: owner, preferred_locale: 'pl', system_channel_id: system, channels: [{ id: system, type: 0, name: 'ogólny' }], members: [{ user: { id: owner, username: 'ola' } }] },
      () => h.fake.messagesIn(system).length > 0,
    );
    const posted = h.fake.messagesIn(system);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.content).toContain('tu Sojusz');
    expect(posted[0]!.content).toContain('kolej na osobę prowadzącą');
    expect(posted[0]!.content).toContain('/sojusz konfiguracja');
    const [sent] = h.fake.callsTo('POST', new RegExp(`^/channels/${system}/messages$`));
    expect(sent!.body!.allowed_mentions).toEqual(expect.objectContaining({ parse: [] }));
    expect(posted[0]!.content).not.toMatch(/<@|@everyone|@here/);
    expect(h.fake.store.dmChannelByUser.get(owner)).toBeUndefined();
  });

  it('goes to the owner by DM when the server has no system channel', async () => {
    const [guild, owner] = ['1100000000000000920', '1100000000000000921'];
    await addServer(
      { id: guild, name: 'Intervision', owner_id: owner, preferred_locale: 'en-US', system_channel_id: null, channels: [{ id: '1100000000000000922', type: 0, name: 'general' }], members: [{ user: { id: owner, username: 'sam' } }] },
      () => Boolean(h.fake.store.dmChannelByUser.get(owner) && h.fake.messagesIn(h.fake.store.dmChannelByUser.get(owner)!).length),
    );
    const [welcome] = h.fake.messagesIn(h.fake.store.dmChannelByUser.get(owner)!);
    expect(welcome!.content).toContain('Sojusz is here');
    expect(welcome!.content).toContain('One next step');
  });

  it('goes to the owner by DM when the bot may not post in the system channel', async () => {
    const [guild, owner, system] = ['1100000000000000930', '1100000000000000931', '1100000000000000932'];
    const readOnly = [{ id: guild, type: 0, allow: '0', deny: PERMISSIONS.SendMessages.toString() }];
    await addServer(
      { id: guild, name: 'Superwizja', owner_id: owner, preferred_locale: 'pl', system_channel_id: system, channels: [{ id: system, type: 0, name: 'ogłoszenia', permission_overwrites: readOnly }], members: [{ user: { id: owner, username: 'iga' } }] },
      () => Boolean(h.fake.store.dmChannelByUser.get(owner) && h.fake.messagesIn(h.fake.store.dmChannelByUser.get(owner)!).length),
    );
    expect(h.fake.messagesIn(system)).toHaveLength(0);
    expect(h.fake.messagesIn(h.fake.store.dmChannelByUser.get(owner)!)[0]!.content).toContain('tu Sojusz');
  });
});

describe('replies in a prompt’s thread', () => {
  it('are counted when a member started the thread from the prompt, each member once, and the follow-up says how many', async () => {
    await h.answers(await h.slash(h.owner, 'reflect', { days: '1' }, { path: ['followup'] }));
    await h.answers(await h.slash(h.owner, 'reflect', { channel: h.channel, weekday: 'friday', time: '09:00' }, { path: ['schedule'] }));
    h.clock.set('2026-03-06T08:00:30Z');
    await h.bot.runDueWork();
    const prompt = h.fake.messagesIn(h.channel).find((m: ApiObject) => json(m).includes('prompts.anonReply'));
    expect(prompt).toBeDefined();

    // Anna answers first: Discord's "Create Thread" on the message makes her the thread's owner.
    const thread = h.fake.memberStartsThread(h.channel, prompt!.id, h.anna.id, 'Odpowiedzi');
    expect(thread.id).toBe(prompt!.id);
    expect(thread.owner_id).toBe(h.anna.id);
    h.fake.memberWrites(thread.id, h.anna.id, 'Dla mnie to ważne pytanie.');
    h.fake.memberWrites(thread.id, h.ben.id, 'For me too.');
    h.fake.memberWrites(thread.id, h.anna.id, 'Jeszcze jedno zdanie.');
    // A thread a member started from their own message is not a prompt's: nothing there counts.
    const own = h.fake.memberWrites(h.channel, h.ben.id, 'Off topic');
    const other = h.fake.memberStartsThread(h.channel, own.id, h.ben.id, 'Inny wątek');
    h.fake.memberWrites(other.id, h.owner.id, 'Hello');

    for (let i = 0; i < 100 && (await h.bot.db.select().from(promptReplies)).length < 2; i++) await sleep(20);
    await sleep(200); // time for any reply that should not count to be (wrongly) counted
    expect(await h.bot.db.select().from(promptReplies)).toHaveLength(2);

    h.clock.set('2026-03-07T08:01:00Z');
    let followUp: ApiObject | undefined;
    for (let i = 0; i < 20 && !followUp; i++) {
      await h.bot.runDueWork();
      followUp = h.fake.messagesIn(thread.id).find((m: ApiObject) => m.author.id === h.fake.botUser.id);
    }
    expect(followUp!.content).toContain('2 osoby odpowiedziały już na to pytanie');
    // Who replied is kept nowhere but as a keyed count: no log line names them.
    const logs = h.logs.join('');
    expect(logs).not.toContain(h.anna.id);
    expect(logs).not.toContain(h.ben.id);
  });
});
