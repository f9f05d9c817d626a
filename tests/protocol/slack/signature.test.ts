// Request signatures through the real HTTP entry: a changed body is refused, and Slack's 5-minute replay window holds
// to the second on both sides (Bolt checks the past, receive/http.ts the future).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FORM_CONTENT_TYPE, signSlackRequest, slashCommandBody } from '../../fakes/slack/index.js';
import { SIGNING_SECRET, startSlackHarness, type SlackHarness } from '../../helpers/slack.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => h?.close());
afterEach(() => vi.useRealTimers());

const quiet = (ms = 300) => h.quiet(ms);

const helpBody = () =>
  slashCommandBody({ command: '/sojusz', text: 'help', user_id: 'U_ANNA', team_id: h.team, channel_id: 'C_GENERAL', response_url: h.fake.responseUrl() });

/** POST `body` with the signature headers given, as Slack would; the bot's clock (Date) stands still at `nowSeconds`. */
async function send(body: string, headers: Record<string, string>, nowSeconds: number): Promise<number> {
  // Only Date is frozen (timers run), so "exactly 300 seconds" cannot slip by a second while the request travels.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(nowSeconds * 1000);
  try {
    const res = await fetch(h.url, { method: 'POST', headers: { 'content-type': FORM_CONTENT_TYPE, ...headers }, body });
    await res.text();
    return res.status;
  } finally {
    vi.useRealTimers();
  }
}

describe('Slack request signatures', () => {
  it('refuses a signed body changed on the way: 401 and no Slack call at all', async () => {
    await quiet();
    const now = Math.floor(Date.now() / 1000);
    const body = helpBody();
    const status = await send(body.replace('U_ANNA', 'U_EVE'), { ...signSlackRequest(SIGNING_SECRET, body, now) }, now);
    expect(status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.calls).toHaveLength(0);
  });

  it.each([
    ['exactly five minutes old', -300],
    ['exactly five minutes in the future', 300],
  ])('answers a request signed %s', async (_label, skew) => {
    await quiet();
    const now = Math.floor(Date.now() / 1000);
    const body = helpBody();
    expect(await send(body, { ...signSlackRequest(SIGNING_SECRET, body, now + skew) }, now)).toBe(200);
    await h.fake.waitFor('response_url', (c) => JSON.stringify(c.args).includes('/sojusz'));
  });

  it.each([
    ['five minutes and a second old', -301],
    ['five minutes and a second in the future', 301],
  ])('refuses a request signed %s: 401 and no Slack call', async (_label, skew) => {
    await quiet();
    const now = Math.floor(Date.now() / 1000);
    const body = helpBody();
    expect(await send(body, { ...signSlackRequest(SIGNING_SECRET, body, now + skew) }, now)).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.calls).toHaveLength(0);
  });
});
