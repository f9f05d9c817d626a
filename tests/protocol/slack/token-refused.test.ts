// The single SLACK_BOT_TOKEN refused (revoked, the app reinstalled): nothing queued is lost — every send waits, the log
// says so once and names the variable, /healthz turns unhealthy; with OAuth the refusal stays one workspace's.
import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, schedules } from '../../../src/db/schema/index.js';
import { startSlackHarness, type SlackHarness } from '../../helpers/slack.js';

const WAIT = 15_000;
const json = (x: unknown) => JSON.stringify(x);

/** Schedules a prompt in `channel`; returns the schedule's row id, which its outbox keys carry (`prompt:<id>:…`). */
async function scheduledPrompt(h: SlackHarness, channel: string): Promise<number> {
  await h.command('U_FAC', `/reflect schedule <#${channel}|refleksja> tuesday 09:00`);
  const answer = await h.fake.waitFor('response_url', (c) => json(c.args).includes('Zaplanowane'), WAIT);
  await h.bot.runDueWork(); // nothing else waiting: what follows is the prompt's
  // The answer says "#N", the team's own number; the channel finds the row.
  expect(String(answer.args.text)).toMatch(/#\d+/);
  const [row] = await h.bot.db.select().from(schedules).where(and(eq(schedules.kind, 'prompt'), sql`${schedules.payload}->>'channel' = ${channel}`));
  return row!.id;
}

describe('a refused single bot token on Slack', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    // Monday 2 March 2026, 09:00 in Warsaw.
    h = await startSlackHarness({ start: '2026-03-02T08:00:00Z' });
    h.fake.setUser('U_FAC', { is_admin: true, locale: 'pl-PL' });
  }, 120_000);
  afterAll(async () => h?.close());

  it('keeps the prompt waiting instead of failing it, says so once, and sends it once the token works again', async () => {
    const id = await scheduledPrompt(h, 'C_REFLECT');
    const from = h.logs.length;
    h.fake.failNext('chat.postMessage', { error: 'token_revoked' });
    h.clock.set('2026-03-03T08:00:30Z');
    await h.bot.runDueWork();

    const [row] = await h.bot.db.select().from(outbox).where(like(outbox.key, `prompt:${id}:%`));
    expect([row!.status, row!.lastError, row!.attempts]).toEqual(['pending', 'token_revoked', 0]);
    const said = h.logs.slice(from).filter((l) => l.includes('SLACK_BOT_TOKEN'));
    expect(said).toHaveLength(1);
    expect(JSON.parse(said[0]!)).toMatchObject({ level: 50, code: 'token_revoked' });
    expect(h.slack.healthy()).toBe(false);

    // A restart with a good token is what the operator does; here the fake simply accepts the token again.
    h.clock.advance(61_000);
    await h.bot.runDueWork();
    const [sent] = await h.bot.db.select().from(outbox).where(like(outbox.key, `prompt:${id}:%`));
    expect(sent!.status).toBe('sent');
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C_REFLECT')).toHaveLength(2);
  });
});

describe('a refused workspace token with OAuth', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ start: '2026-03-02T08:00:00Z', oauth: true });
    h.fake.setUser('U_FAC', { is_admin: true, locale: 'pl-PL' });
    const start = await fetch(`${h.base}/slack/install`, { redirect: 'manual' });
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
    await fetch(`${h.base}/slack/oauth_redirect?code=fake-code&state=${encodeURIComponent(state)}`, { headers: { cookie } });
  }, 120_000);
  afterAll(async () => h?.close());

  it('stays that workspace’s: its prompt fails as before, the adapter stays healthy and no token line is logged', async () => {
    const id = await scheduledPrompt(h, 'C_OAUTH');
    const from = h.logs.length;
    h.fake.failNext('chat.postMessage', { error: 'token_revoked' });
    h.clock.set('2026-03-03T08:00:30Z');
    await h.bot.runDueWork();
    const [row] = await h.bot.db.select().from(outbox).where(like(outbox.key, `prompt:${id}:%`));
    expect([row!.status, row!.lastError]).toEqual(['failed', 'token_revoked']);
    expect(h.logs.slice(from).some((l) => l.includes('SLACK_BOT_TOKEN'))).toBe(false);
    expect(h.slack.healthy()).toBe(true);
  });
});
