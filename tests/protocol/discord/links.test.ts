// Links members type (a meeting's place) reach Discord as they were typed, so they open; everything around them stays inert.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiObject } from '../../fakes/discord/index.js';
import { startDiscordHarness, type DiscordHarness } from '../../helpers/discord.js';

let h: DiscordHarness;
beforeAll(async () => {
  // Wednesday; the first Monday 18:00 Warsaw (CET, 17:00 UTC) is 9 March 2026.
  h = await startDiscordHarness({ mode: 'http', start: '2026-03-04T08:00:00Z' });
}, 120_000);
afterAll(() => h?.close());

const json = (x: unknown) => JSON.stringify(x);
const MEET = 'https://meet.google.com/abc-defg-hij';
const ZOOM = 'https://zoom.us/j/123456789?pwd=Ab_Cd-x1';
const reminder = () => h.fake.messagesIn(h.channel).find((m: ApiObject) => json(m).includes('supervision.rsvp'));

describe('links in member-written text on Discord', () => {
  it('keeps a Meet and a Zoom link in a supervision reminder exactly as typed, and escapes the words around them', async () => {
    for (const u of [h.owner, h.anna]) await h.answers(await h.slash(u, 'sojusz', {}, { path: ['help'] }));
    const where = `${MEET} (albo ${ZOOM}), sala *3*`;
    await h.answers(await h.slash(h.owner, 'supervision', { channel: h.channel, weekday: 'monday', time: '18:00', where }, { path: ['schedule'] }));
    h.clock.set('2026-03-08T17:00:20Z');
    await h.bot.runDueWork();
    const content = String(reminder()?.content ?? '');
    expect(content).toContain(`Gdzie: ${MEET} \\(albo ${ZOOM}), sala \\*3\\*`);
  });

  it('lists the place with the same working links in /supervision list', async () => {
    const [answer] = await h.answers(await h.slash(h.anna, 'supervision', {}, { path: ['list'] }));
    expect(answer!.content).toContain(`${MEET} \\(albo ${ZOOM}), sala \\*3\\*`);
  });

  it('lets no link carry a mention, a masked link or formatting into the message', async () => {
    const where = 'https://x.pl/<@1100000000000000401> [tu](https://e.vil) https://x.pl/)[y](https://e.vil) **gruby** <@&1100000000000000100> @everyone';
    await h.answers(await h.slash(h.owner, 'supervision', { date: '2026-03-20', time: '18:00', channel: h.channel, where }, { path: ['add'] }));
    const [answer] = await h.answers(await h.slash(h.anna, 'supervision', {}, { path: ['list'] }));
    const content = String(answer!.content);
    expect(content).not.toMatch(/<@&?\d/); // no mention syntax at all
    expect(content).not.toMatch(/(?<!\\)\[tu\\?\]\(/); // "[tu](…" typed by the member is no masked link
    expect(content).toContain('\\[tu\\]\\(https://e.vil)');
    // One link Discord shows whole (it ends where its own autolink ends), not a masked link after its ")".
    expect(content).toContain('https://x.pl/)[y](https://e.vil)');
    expect(content).toContain('\\*\\*gruby\\*\\*');
    expect(content).not.toMatch(/@everyone/);
    expect(answer!.allowed_mentions).toMatchObject({ parse: [] });
  });
});
