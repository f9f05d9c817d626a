// HTTP interactions when Discord takes our HTTP response a moment after it left: answers ready in time travel in the
// response, later ones wait out the moment instead of being lost or replaced by an apology.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tx } from '../../../src/i18n/index.js';
import { startDiscordHarness, type DiscordHarness } from '../../helpers/discord.js';
import { testRegistry } from './registry.js';

let h: DiscordHarness;
beforeAll(async () => {
  // Discord knows the token only 200 ms after our response arrived; a handler slower than 250 ms is deferred.
  h = await startDiscordHarness({ mode: 'http', registry: testRegistry(), deferAfterMs: 250, fake: { httpResponseLagMs: 200 } });
}, 120_000);
afterAll(() => h?.close());

const json = (x: unknown) => JSON.stringify(x);
const apology = tx('en', 'core.bug', { ref: 'REF' }).split('REF')[0]!.slice(0, 30);
const refused = (token: string) => h.fake.calls.filter((c) => c.path.includes(token) && c.status === 404);

describe('Discord HTTP interactions while Discord is still taking the response', () => {
  it('gives a member’s first command its privacy note and its answer, each once, with no apology', async () => {
    const r = await h.slash(h.ben, 'sojusz', {}, { path: ['help'] });
    expect(r.initial.type).toBe(4); // ready in time: the answer is the response
    expect(r.initial.data!.flags).toBe(64);
    const answers = await h.answers(r, 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(await h.answers(r)).toHaveLength(2);
    expect(json(answers)).toContain('/sojusz');
    expect(json(answers)).not.toContain(apology);
    // The follow-up went out before Discord knew the token, was refused, and was sent again.
    expect(refused(r.payload.token).length).toBeGreaterThan(0);
    expect(answers.every((a) => (a.flags ?? 64) & 64)).toBe(true);
  });

  it('fills in a deferred answer that is ready just after the deferral, instead of an apology', async () => {
    const r = await h.slash(h.ben, 'probe', {}, { path: ['slow'] });
    expect(r.initial).toEqual({ type: 5, data: { flags: 64 } });
    const [answer] = await h.answers(r);
    await new Promise((r) => setTimeout(r, 300));
    const all = await h.answers(r);
    expect(all).toHaveLength(1);
    expect(answer!.content).toBe('late');
    expect(h.fake.callsTo('POST', new RegExp(`/webhooks/\\d+/${r.payload.token}$`))).toHaveLength(0);
    expect(refused(r.payload.token).length).toBeGreaterThan(0);
  });

  it('opens a form as the response itself, and answers its submit in the response too', async () => {
    const r = await h.slash(h.ben, 'probe', {}, { path: ['open'] });
    expect(r.initial.type).toBe(9);
    const s = await h.submitModal(h.ben, r.initial.data!.custom_id, { mood: '1' });
    expect(s.initial.type).toBe(4);
    expect(s.initial.data!.content).toBe('mood 1');
  });
});
