// The whole bot by Discord HTTP interactions: Ed25519-signed POSTs to /discord/interactions, answers by REST.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatInputInteraction, postInteraction } from '../../fakes/discord/index.js';
import { startDiscordHarness, type DiscordHarness } from '../../helpers/discord.js';
import { testRegistry } from './registry.js';

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness({ mode: 'http', registry: testRegistry() });
}, 120_000);
afterAll(() => h?.close());

describe('Discord HTTP interactions mode', () => {
  it('answers a PING with a PONG', async () => {
    const res = await postInteraction(h.interactionsUrl!, h.keys!, { type: 1 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ type: 1 });
  });

  it('refuses a badly signed or unsigned request with 401 and does nothing', async () => {
    h.fake.clear();
    const payload = chatInputInteraction({ name: 'sojusz', options: [{ name: 'help', type: 1 }] });
    const bad = await postInteraction(h.interactionsUrl!, h.keys!, payload, { badSignature: true });
    const unsigned = await fetch(h.interactionsUrl!, { method: 'POST', body: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(401);
    expect(unsigned.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.calls).toHaveLength(0);
  });

  it('answers a quick command privately in the HTTP response itself, leaving no placeholder to edit', async () => {
    h.fake.clear();
    const r = await h.slash(h.ben, 'sojusz', {}, { path: ['help'] });
    expect(r.initial.type).toBe(4);
    expect(r.initial.data).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
    expect(String(r.initial.data!.content)).toContain('/sojusz');
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.callsTo('PATCH', /messages\/(%40|@)original$/)).toHaveLength(0);
  });

  it('opens a form as the HTTP answer (a modal) and accepts the submit', async () => {
    const r = await h.slash(h.anna, 'probe', {}, { path: ['open'] });
    expect(r.initial.type).toBe(9);
    const s = await h.submitModal(h.anna, r.initial.data!.custom_id, { mood: '2' });
    const answers = await h.answers(s);
    expect(answers.map((a) => a.content)).toContain('mood 2');
  });
});
