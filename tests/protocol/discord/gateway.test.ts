// The whole bot by the Discord gateway: the real discord.js client against the local fake Discord.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordHarness, type DiscordHarness } from '../../helpers/discord.js';
import { testRegistry } from './registry.js';

// One bot per file: starting the database and logging in is the slow part.
let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness({ mode: 'gateway', registry: testRegistry(), deferAfterMs: 150 });
}, 120_000);
afterAll(() => h?.close());

describe('Discord gateway mode', () => {
  it('connects to Discord and answers /sojusz help only to the member who asked', async () => {
    expect(h.fake.gatewayFrames.some((f) => f.op === 2)).toBe(true);
    const r = await h.slash(h.anna, 'sojusz', {}, { path: ['help'] });
    expect(r.initial).toMatchObject({ type: 5, data: { flags: 64 } });
    const [answer] = await h.answers(r);
    expect(answer!.content).toContain('/sojusz');
    expect(answer!.allowed_mentions).toEqual(expect.objectContaining({ parse: [] }));
    expect(h.fake.messagesIn(h.channel)).toHaveLength(0);
  });

  it('opens a form as the first answer and hands the typed values to the form handler', async () => {
    const r = await h.slash(h.anna, 'probe', {}, { path: ['open'] });
    expect(r.initial.type).toBe(9);
    const modal = r.initial.data!;
    expect(modal.components).toHaveLength(2);
    expect(modal.components[0].components[0]).toMatchObject({ type: 4, custom_id: 'mood', placeholder: expect.stringContaining('0–4') });
    const s = await h.submitModal(h.anna, modal.custom_id, { mood: '3', note: 'fine' });
    const [answer] = await h.answers(s);
    expect(answer!.content).toBe('mood 3');
  });

  it('offers a button that opens the form when it took too long to open as the first answer', async () => {
    const r = await h.slash(h.anna, 'probe', {}, { path: ['slowform'] });
    expect(r.initial.type).toBe(5); // deferred: a modal can no longer be the answer
    const [answer] = await h.answers(r);
    expect(answer!.content).toMatch(/Otwórz go przyciskiem|Press the button to open it/);
    const open = answer!.components[0].components[0];
    const modal = await h.clickButton(h.anna, open.custom_id);
    expect(modal.initial.type).toBe(9);
    const s = await h.submitModal(h.anna, modal.initial.data!.custom_id, { mood: '2', note: 'after the wait' });
    const [saved] = await h.answers(s);
    expect(saved!.content).toBe('mood 2');
  });

  it('lists a field error privately with a button that reopens the form with the answers kept', async () => {
    const r = await h.slash(h.ben, 'probe', {}, { path: ['open'] });
    const s = await h.submitModal(h.ben, r.initial.data!.custom_id, { mood: '9', note: 'kept text' });
    const [answer] = await h.answers(s);
    expect(answer!.content).toContain('Mood');
    expect(answer!.content).toContain('0 to 4');
    const reopen = answer!.components[0].components[0];
    const again = await h.clickButton(h.ben, reopen.custom_id);
    expect(again.initial.type).toBe(9);
    expect(again.initial.data!.components[1].components[0].value).toBe('kept text');
  });

  it('splits a form of seven fields into two modals joined by a Continue button', async () => {
    const r = await h.slash(h.ben, 'probe', {}, { path: ['long'] });
    expect(r.initial.data!.components).toHaveLength(5);
    const first = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`q${i + 1}`, `a${i + 1}`]));
    const s1 = await h.submitModal(h.ben, r.initial.data!.custom_id, first);
    const [step] = await h.answers(s1);
    const next = await h.clickButton(h.ben, step!.components[0].components[0].custom_id);
    expect(next.initial.type).toBe(9);
    expect(next.initial.data!.components).toHaveLength(2);
    const s2 = await h.submitModal(h.ben, next.initial.data!.custom_id, { q6: 'a6', q7: 'a7' });
    const [done] = await h.answers(s2);
    expect(done!.content).toBe('got 7');
  });

  it('defers a slow command within three seconds and then edits the answer in', async () => {
    const r = await h.slash(h.ben, 'probe', {}, { path: ['slow'] });
    expect(r.initial.type).toBe(5);
    const [answer] = await h.answers(r);
    expect(answer!.content).toBe('late');
  });

  it('posts member text that cannot ping anyone, and a 429 only delays the outbox row', async () => {
    const r = await h.slash(h.anna, 'probe', { text: 'hi @everyone <@1100000000000000300> <@&123456789012345678>' }, { path: ['echo'] });
    await h.answers(r);
    h.fake.failNext('POST', /^\/channels\/\d+\/messages$/, { status: 429, retryAfter: 0.2 });
    let sent = 0;
    for (let i = 0; i < 20 && !sent; i++) {
      sent += (await h.bot.runDueWork()).delivery.sent;
      if (!sent) await new Promise((r) => setTimeout(r, 50));
    }
    const posted = h.fake.messagesIn(h.channel);
    expect(posted).toHaveLength(1);
    expect(h.fake.stats().rateLimited).toBe(1);
    expect(posted[0]!.content).not.toMatch(/<@|@everyone/);
    const call = h.fake.callsTo('POST', new RegExp(`^/channels/${h.channel}/messages$`)).find((c) => c.status === 200)!;
    expect(call.body!.allowed_mentions).toEqual(expect.objectContaining({ parse: [], users: [], roles: [] }));
    expect(call.body!.nonce).toHaveLength(25);
    expect(call.body!.enforce_nonce).toBe(true);
  });
});
