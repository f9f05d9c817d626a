// Slash commands over signed HTTP: answered privately and fast, bad input explained, forged requests refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { FORM_CONTENT_TYPE, slashCommandBody } from '../../fakes/slack/index.js';
import { SIGNING_SECRET, startSlackHarness, type SlackHarness } from '../../helpers/slack.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(async () => h?.close());

const quiet = (ms = 500) => h.quiet(ms);

const textOf = (args: Record<string, unknown>) => JSON.stringify(args.blocks ?? '') + String(args.text ?? '');

describe('slash commands on Slack', () => {
  it('answers /sojusz help privately, only to the member who asked', async () => {
    h.fake.clear();
    const res = await h.command('U_ANNA', '/sojusz help', { channel: 'C_GENERAL' });
    expect(res.status).toBe(200);
    const answer = await h.fake.waitFor('response_url', (c) => textOf(c.args).includes('/sojusz'));
    expect(answer.args.response_type).toBe('ephemeral');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('explains bad arguments with the usage line and changes nothing', async () => {
    h.fake.clear();
    await h.command('U_BEN', '/sojusz language klingon', { channel: 'C_GENERAL' });
    const answer = await h.fake.waitFor('response_url', (c) => textOf(c.args).includes('/sojusz language'));
    expect(textOf(answer.args)).toContain('klingon');
    expect(answer.args.response_type).toBe('ephemeral');
  });

  it('reads the text as typed: Slack’s &amp; &lt; &gt; come back as & < > and are escaped once when quoted', async () => {
    h.fake.clear();
    // What Slack sends when a member types: /sojusz language <R&D>
    await h.command('U_BEN', '/sojusz language &lt;R&amp;D&gt;', { channel: 'C_GENERAL' });
    const answer = await h.fake.waitFor('response_url', (c) => textOf(c.args).includes('/sojusz language'));
    expect(textOf(answer.args)).toContain('“&lt;R&amp;D&gt;” isn’t one of the choices');
    expect(textOf(answer.args)).not.toMatch(/&amp;(amp|lt|gt);/);
  });

  it('offers a button that opens the form when Slack’s trigger expired before it could open — no bug report', async () => {
    await quiet();
    const logsBefore = h.logs.length;
    h.fake.failNext('views.open', { error: 'expired_trigger_id' });
    await h.command('U_ANNA', '/autocheck', { channel: 'C_GENERAL' });
    const answer = await h.fake.waitFor('response_url', (c) => textOf(c.args).includes('core.openForm'));
    expect(textOf(answer.args)).toMatch(/Otwórz go przyciskiem|Press the button to open it/);
    expect(h.logs.slice(logsBefore).filter((l) => /"level":50/.test(l))).toEqual([]);
    // The button is a fresh interaction with a fresh trigger: now the form opens.
    const blocks = answer.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
    const button = blocks.find((b) => b.type === 'actions')!.elements![0]!;
    const opened = h.fake.callsTo('views.open').length;
    await h.clickButton('U_ANNA', button.action_id, button.value);
    await h.fake.waitFor('views.open', () => h.fake.callsTo('views.open').length > opened);
  });

  it('answers "try again in a minute" when Slack rate-limits the answer itself, and logs no bug', async () => {
    await quiet();
    const logsBefore = h.logs.length;
    h.fake.failNext('views.open', { status: 429, retryAfter: 30 });
    await h.command('U_ANNA', '/autocheck', { channel: 'C_GENERAL' });
    const answer = await h.fake.waitFor('response_url', (c) => /zajęta|busy or out of reach/.test(textOf(c.args)));
    expect(textOf(answer.args)).toMatch(/Spróbuj proszę za minutę|try again in a minute/);
    expect(h.logs.slice(logsBefore).filter((l) => /"level":50/.test(l))).toEqual([]);
  });

  it('refuses a request signed with the wrong secret: 401 and no Slack call at all', async () => {
    await quiet();
    const body = slashCommandBody({ command: '/sojusz', text: 'help', user_id: 'U_EVE', team_id: h.team, channel_id: 'C_GENERAL', response_url: h.fake.responseUrl() });
    const ts = Math.floor(Date.now() / 1000);
    const sig = `v0=${createHmac('sha256', 'not-the-secret').update(`v0:${ts}:${body}`).digest('hex')}`;
    const res = await fetch(h.url, { method: 'POST', headers: { 'content-type': FORM_CONTENT_TYPE, 'x-slack-signature': sig, 'x-slack-request-timestamp': String(ts) }, body });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.calls).toHaveLength(0);
  });

  it.each([
    ['six minutes old', -360],
    ['six minutes in the future', 360],
  ])('refuses a correctly signed but %s request with 401', async (_label, skew) => {
    await quiet();
    const body = slashCommandBody({ command: '/sojusz', text: 'help', user_id: 'U_EVE', team_id: h.team, channel_id: 'C_GENERAL', response_url: h.fake.responseUrl() });
    const ts = Math.floor(Date.now() / 1000) + skew;
    const sig = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
    const res = await fetch(h.url, { method: 'POST', headers: { 'content-type': FORM_CONTENT_TYPE, 'x-slack-signature': sig, 'x-slack-request-timestamp': String(ts) }, body });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.calls).toHaveLength(0);
  });

  it('refuses an unsigned request', async () => {
    const res = await fetch(h.url, { method: 'POST', headers: { 'content-type': FORM_CONTENT_TYPE }, body: 'command=%2Fsojusz' });
    expect(res.status).toBe(401);
  });

  it('acknowledges within Slack’s 3 seconds even when the Web API is slow', async () => {
    h.fake.clear();
    h.fake.delay(1500);
    try {
      const started = Date.now();
      const res = await h.command('U_ANNA', '/sojusz help', { channel: 'C_GENERAL' });
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(1000);
      await h.fake.waitFor('response_url', () => true, 8000);
    } finally {
      h.fake.delay(0);
    }
  });
});
