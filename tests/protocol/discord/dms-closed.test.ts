// A member who does not accept DMs from the server: files (which Discord delivers by DM) and the first-use privacy
// note after a form must not vanish into a generic error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordHarness, type DiscordHarness, type DiscordUser } from '../../helpers/discord.js';

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness({ mode: 'http', start: '2026-03-02T08:00:00Z' });
}, 120_000);
afterAll(() => h?.close());

const json = (x: unknown) => JSON.stringify(x);
const dmOf = (u: DiscordUser) => h.fake.store.dmChannelByUser.get(u.id);
const cara: DiscordUser = { id: '1100000000000000403', username: 'cara', locale: 'pl' };
const dan: DiscordUser = { id: '1100000000000000404', username: 'dan', locale: 'pl' };

describe('files for a member whose DMs from the server are closed', () => {
  it('answers /sojusz mydata export with how to allow DMs from this server, in Polish, and no error reference', async () => {
    h.fake.store.closedDms.add(h.anna.id);
    const r = await h.slash(h.anna, 'sojusz', {}, { path: ['mydata', 'export'] });
    const text = json(await h.answers(r));
    expect(text).toContain('nie dopuszczają wiadomości prywatnych od członków tego serwera');
    expect(text).toContain('Ustawienia prywatności');
    expect(text).toContain('Wiadomości bezpośrednie');
    expect(text).not.toContain('coś poszło nie tak');
    expect(h.logs.join('')).not.toContain('unexpected error');
    expect(h.fake.messagesIn(dmOf(h.anna)!)).toHaveLength(0);
  });

  it('delivers the export by DM once the member allows DMs from the server', async () => {
    h.fake.store.closedDms.delete(h.anna.id);
    const r = await h.slash(h.anna, 'sojusz', {}, { path: ['mydata', 'export'] });
    expect(json(await h.answers(r))).toContain('Plik czeka na Ciebie w prywatnej wiadomości');
    const [dm] = h.fake.messagesIn(dmOf(h.anna)!).filter((m) => m.attachments.length);
    expect(dm!.attachments[0]).toMatchObject({ filename: 'sojusz-my-data.json' });
  });

  it('says the same in English for the supervision calendar', async () => {
    h.fake.store.closedDms.add(h.ben.id);
    const r = await h.slash(h.ben, 'supervision', {}, { path: ['calendar'] });
    const text = json(await h.answers(r));
    expect(text).toContain('direct messages from members of this server');
    expect(text).toContain('Direct Messages');
    expect(text).toContain('Privacy Settings');
    expect(text).not.toContain('something went wrong');
  });
});

describe('the first-use privacy note for a member whose DMs from the server are closed', () => {
  it('is shown with the next command when the first one opened a form and the note could not go by DM', async () => {
    h.fake.store.closedDms.add(cara.id);
    const first = await h.slash(cara, 'autocheck', {}, { path: ['quick'] });
    expect(first.initial.type).toBe(9);
    // After a modal the note can only go by DM, which Discord refuses.
    await h.fake.waitFor('POST', /^\/channels\/\d+\/messages$/, (c) => c.status === 403 && c.path.includes(dmOf(cara) ?? '-'));
    for (let i = 0; i < 100 && !h.logs.join('').includes('privacy note not delivered'); i++) await new Promise((r) => setTimeout(r, 20));

    const next = await h.slash(cara, 'sojusz', {}, { path: ['help'] });
    const text = json(await h.answers(next, 2));
    expect(text).toContain('Kilka słów o Twoich danych');
    expect(h.logs.join('')).not.toContain('unexpected error');
    expect(h.logs.join('')).not.toContain(cara.id);

    const again = await h.slash(cara, 'sojusz', {}, { path: ['help'] });
    expect(json(await h.answers(again))).not.toContain('Kilka słów o Twoich danych');
  });

  it('still goes by DM after a form when the member accepts DMs, once', async () => {
    const first = await h.slash(dan, 'autocheck', {}, { path: ['quick'] });
    expect(first.initial.type).toBe(9);
    for (let i = 0; i < 100 && !dmOf(dan); i++) await new Promise((r) => setTimeout(r, 20));
    await h.fake.waitFor('POST', new RegExp(`^/channels/${dmOf(dan)}/messages$`));
    expect(json(h.fake.messagesIn(dmOf(dan)!))).toContain('Kilka słów o Twoich danych');
    const next = await h.slash(dan, 'sojusz', {}, { path: ['help'] });
    expect(json(await h.answers(next))).not.toContain('Kilka słów o Twoich danych');
  });
});
