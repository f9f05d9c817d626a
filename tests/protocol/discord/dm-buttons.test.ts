// Buttons in a Discord DM: a click there carries no server, so the reminder's RSVP buttons say which one they belong to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonInteraction, FAKE_GUILD_ID, type ApiObject } from '../../fakes/discord/index.js';
import { startDiscordHarness, type DiscordHarness } from '../../helpers/discord.js';

let h: DiscordHarness;
beforeAll(async () => {
  // Wednesday; the first Monday 18:00 Warsaw (CET, 17:00 UTC) is 9 March 2026.
  h = await startDiscordHarness({ mode: 'http', start: '2026-03-04T08:00:00Z' });
  h.fake.store.guilds.get(FAKE_GUILD_ID)!.members.push({ user: { id: h.anna.id, username: h.anna.username } });
}, 120_000);
afterAll(() => h?.close());

const json = (x: unknown) => JSON.stringify(x);

describe('RSVP from a reminder in a Discord DM', () => {
  it('records the answer for the server the reminder came from', async () => {
    for (const u of [h.owner, h.anna]) await h.answers(await h.slash(u, 'sojusz', {}, { path: ['help'] }));
    await h.answers(await h.slash(h.owner, 'supervision', { channel: h.channel, weekday: 'monday', time: '18:00' }, { path: ['schedule'] }));
    await h.answers(await h.slash(h.anna, 'supervision', { state: 'on' }, { path: ['dm'] }));

    h.clock.set('2026-03-08T17:00:20Z');
    await h.bot.runDueWork();
    const dmChannel = h.fake.store.dmChannelByUser.get(h.anna.id)!;
    const reminder = h.fake.messagesIn(dmChannel).find((m: ApiObject) => json(m).includes('supervision.rsvp'));
    expect(reminder).toBeDefined();
    const coming = /"custom_id":"([^"]*supervision\.rsvp[^"]*:coming)"/.exec(json(reminder))![1]!;
    expect(coming.startsWith(`@${FAKE_GUILD_ID}/`)).toBe(true);

    // As Discord sends it from a DM: no guild, the user at the top level.
    const click = await h.send(buttonInteraction({ guildId: null, channelId: dmChannel, user: { id: h.anna.id, username: h.anna.username }, locale: h.anna.locale, custom_id: coming, message: reminder }));
    expect(json(await h.answers(click))).toContain('Zapisane: będziesz');
    const inChannel = h.fake.messagesIn(h.channel).find((m: ApiObject) => json(m).includes('supervision.rsvp'));
    await h.fake.waitFor('PATCH', new RegExp(`^/channels/${h.channel}/messages/${inChannel!.id}$`));
    expect(json(h.fake.messagesIn(h.channel).find((m: ApiObject) => m.id === inChannel!.id))).toContain('Będą: 1');
  });

  it('keeps the DM copy answerable after its counts were refreshed: a second answer counts too', async () => {
    const dmChannel = h.fake.store.dmChannelByUser.get(h.anna.id)!;
    const reminder = h.fake.messagesIn(dmChannel).find((m: ApiObject) => json(m).includes('supervision.rsvp'))!;
    // The first answer edited every copy with the new counts; the DM copy's buttons still name the server.
    expect(json(reminder)).toContain('Będą: 1');
    const maybe = /"custom_id":"([^"]*supervision\.rsvp[^"]*:maybe)"/.exec(json(reminder))![1]!;
    expect(maybe.startsWith(`@${FAKE_GUILD_ID}/`)).toBe(true);

    const click = await h.send(buttonInteraction({ guildId: null, channelId: dmChannel, user: { id: h.anna.id, username: h.anna.username }, locale: h.anna.locale, custom_id: maybe, message: reminder }));
    expect(json(await h.answers(click))).not.toContain('już się odb');
    const inChannel = h.fake.messagesIn(h.channel).find((m: ApiObject) => json(m).includes('supervision.rsvp'))!;
    await h.fake.waitFor('PATCH', new RegExp(`^/channels/${h.channel}/messages/${inChannel.id}$`), (c) => json(c.body).includes('Może: 1'));
  });

  it('does not act for a server the clicking person is not in', async () => {
    const dmChannel = h.fake.store.dmChannelByUser.get(h.anna.id)!;
    const reminder = h.fake.messagesIn(dmChannel).find((m: ApiObject) => json(m).includes('supervision.rsvp'));
    const id = /"custom_id":"([^"]*supervision\.rsvp[^"]*:coming)"/.exec(json(reminder))![1]!;
    const stranger = { id: '1100000000000000999', username: 'stranger' };
    const counts = () => /Będą: \d+ · Tym razem nie: \d+ · Może: \d+/.exec(json(h.fake.messagesIn(h.channel).find((m: ApiObject) => json(m).includes('supervision.rsvp'))))![0];
    const before = counts();

    const click = await h.send(buttonInteraction({ guildId: null, channelId: dmChannel, user: stranger, locale: 'pl', custom_id: id, message: reminder }));
    await h.answers(click);
    expect(counts()).toBe(before);
  });
});
