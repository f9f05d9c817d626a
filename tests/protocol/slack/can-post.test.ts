// Whether the bot can post in a channel a facilitator names: "invite me" only when the channel is gone for the bot;
// a missing scope or a revoked token is a fault of the installation, answered with the apology and its reference.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedules, teams } from '../../../src/db/schema/index.js';
import type { RecordedCall } from '../../fakes/slack/server.js';
import { startSlackHarness, type SlackHarness } from '../../helpers/slack.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ start: '2026-03-02T08:00:00Z' });
  h.fake.setUser('U_FAC', { is_admin: true, locale: 'pl-PL' });
  // The team and its member exist before the first state is taken.
  await h.command('U_FAC', '/sojusz help');
  await h.fake.waitFor('response_url', undefined, 15_000);
}, 120_000);
afterAll(async () => h?.close());

const WAIT = 15_000;
const json = (x: unknown) => JSON.stringify(x);
/** What a refused setting could have changed: the Slack team's settings and every schedule. */
const teamState = async () =>
  json(await h.bot.db.select({ settings: teams.settings }).from(teams).where(and(eq(teams.platform, 'slack'), eq(teams.externalId, h.team)))) +
  json(await h.bot.db.select().from(schedules));

/** The reference of an error carrying `code` logged after the first `from` lines, as the member's apology quotes it. */
async function loggedRef(code: string, from: number): Promise<string> {
  let ref: string | undefined;
  const logged = () => h.logs.slice(from).map((l) => JSON.parse(l) as { msg?: string; ref?: string });
  await expect
    .poll(() => (ref = logged().find((l) => l.msg === 'unexpected error' && json(l).includes(code))?.ref), { timeout: WAIT })
    .toBeDefined();
  return ref!;
}

/** The member's private answer (by response_url, ephemeral or DM) saying `text`, among the calls after the first `from`. */
async function answerAfter(from: number, text: string): Promise<RecordedCall> {
  let found: RecordedCall | undefined;
  const privately = new Set(['response_url', 'chat.postEphemeral', 'chat.postMessage']);
  await expect.poll(() => (found = h.fake.calls.slice(from).find((c) => privately.has(c.method) && json(c.args).includes(text))), { timeout: WAIT }).toBeDefined();
  return found!;
}

describe('a channel named by a facilitator on Slack', () => {
  for (const code of ['missing_scope', 'invalid_auth']) {
    it(`answers /sojusz team case-channel with the apology, not "invite me", and changes nothing when Slack says ${code}`, async () => {
      const before = await teamState();
      const [from, logs] = [h.fake.calls.length, h.logs.length];
      h.fake.failNext('conversations.info', { error: code });
      await h.command('U_FAC', '/sojusz team case-channel <#C_CASES|przypadki>');
      const ref = await loggedRef(code, logs);
      const answer = await answerAfter(from, ref);
      expect(answer.method).toBe('response_url');
      expect(h.fake.calls.slice(from).some((c) => json(c.args).includes('/invite'))).toBe(false);
      expect(await teamState()).toBe(before);
    });
  }

  it('still says "invite me" when the channel is gone for the bot', async () => {
    const from = h.fake.calls.length;
    h.fake.failNext('conversations.info', { error: 'channel_not_found' });
    await h.command('U_FAC', '/sojusz team case-channel <#C_GONE|stary>');
    await answerAfter(from, '/invite');
  });

  it('answers setup with the apology and saves nothing when a channel cannot be checked for a missing scope', async () => {
    h.fake.clear();
    await h.command('U_FAC', '/sojusz setup', { channel: 'C_GENERAL' });
    const open = await h.fake.waitFor('views.open', undefined, WAIT);
    const next = (await h.submitView('U_FAC', open.args.view, { lang: 'pl', zone: 'Europe/Warsaw', promptChannel: 'C_REF', promptDay: '5', promptTime: '09:00' })) as {
      response_action: string;
      view: Record<string, unknown>;
    };
    expect(next.response_action).toBe('update');
    const before = await teamState();
    const [from, logs] = [h.fake.calls.length, h.logs.length];
    h.fake.failNext('conversations.info', { error: 'missing_scope' });
    const done = await h.submitView('U_FAC', next.view, { caseChannel: 'C_CASES', modChannel: 'C_MOD' });
    // Not a field error asking to invite the bot: the modal closes and the apology follows.
    expect(done).toBeUndefined();
    const ref = await loggedRef('missing_scope', logs);
    await expect.poll(() => h.fake.calls.slice(from).some((c) => json(c.args).includes(ref)), { timeout: WAIT }).toBe(true);
    expect(h.fake.calls.slice(from).some((c) => json(c.args).includes('/invite'))).toBe(false);
    expect(await teamState()).toBe(before);
  });
});
