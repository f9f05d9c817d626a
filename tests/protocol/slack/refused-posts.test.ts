// A channel that will not take the bot's posts (read-only, thread-only, restricted, no permission): the scheduled
// prompt is refused once, its schedule pauses and its creator hears of it, instead of eight silent tries a week.
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, schedules } from '../../../src/db/schema/index.js';
import { startSlackHarness, type SlackHarness } from '../../helpers/slack.js';

let h: SlackHarness;
beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw.
  h = await startSlackHarness({ start: '2026-03-02T08:00:00Z' });
  h.fake.setUser('U_FAC', { is_admin: true, locale: 'pl-PL' });
}, 120_000);
afterAll(async () => h?.close());

const WAIT = 15_000;
const json = (x: unknown) => JSON.stringify(x);
/** The "#N" an answer names, and the schedule's row id that outbox keys carry (the harness has one team). */
async function scheduled(text: string): Promise<{ number: number; id: number }> {
  const number = Number(/#(\d+)/.exec(text)![1]);
  const [row] = await h.bot.db.select().from(schedules).where(and(eq(schedules.kind, 'prompt'), eq(schedules.number, number)));
  return { number, id: row!.id };
}

// Slack's refusals of chat.postMessage that mean "this conversation will not take the bot's messages", each tried on
// a schedule of its own, one day after the other (all before the change to summer time).
const REFUSALS = [
  ['restricted_action_read_only_channel', 'tuesday', '2026-03-03'],
  ['restricted_action_thread_only_channel', 'wednesday', '2026-03-04'],
  ['restricted_action_non_threadable_channel', 'thursday', '2026-03-05'],
  ['restricted_action', 'friday', '2026-03-06'],
  ['no_permission', 'saturday', '2026-03-07'],
] as const;

describe('a prompt channel that refuses the bot’s posts on Slack', () => {
  for (const [code, day, date] of REFUSALS) {
    it(`pauses the schedule and tells its creator after one refusal with ${code}`, async () => {
      const channel = `C_${code.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 12)}`;
      h.fake.clear();
      await h.command('U_FAC', `/reflect schedule <#${channel}|refused> ${day} 09:00`);
      const answer = await h.fake.waitFor('response_url', (c) => json(c.args).includes('Zaplanowane'), WAIT);
      const { number, id } = await scheduled(String(answer.args.text));
      await h.bot.runDueWork(); // nothing else waiting: the one failure below is the prompt's

      h.fake.failNext('chat.postMessage', { error: code });
      h.clock.set(`${date}T08:00:30Z`);
      await h.bot.runDueWork();
      // What the refusal queued (the DM to the creator) goes out on the next round.
      await h.bot.runDueWork();

      expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel)).toHaveLength(1);
      const rows = await h.bot.db.select().from(outbox).where(like(outbox.key, `prompt:${id}:%`));
      expect(rows.map((r) => [r.status, r.lastError, r.attempts])).toEqual([['failed', code, 1]]);
      const [schedule] = await h.bot.db.select().from(schedules).where(eq(schedules.id, id));
      expect(schedule!.paused).toBe(true);
      expect(json(schedule!.payload)).toContain(code);

      const told = h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === h.fake.dmChannelOf('U_FAC'));
      expect(told).toHaveLength(1);
      expect(String(told[0]!.args.text)).toContain(`#${number}`);
      expect(String(told[0]!.args.text)).toContain(`<#${channel}>`);
      // The bot is in the channel: its people must let it post, not invite it.
      expect(String(told[0]!.args.text)).toContain('kanał nie pozwala mi pisać (jest tylko do odczytu albo pisanie jest tam ograniczone)');
      expect(String(told[0]!.args.text)).toContain('pozwól mi pisać na tym kanale');
      expect(String(told[0]!.args.text)).not.toContain('dodaj mnie do kanału');
      expect(await h.bot.db.select().from(outbox).where(like(outbox.key, `prompt-unavailable:${id}:%`))).toHaveLength(1);
      // The list says the same: the channel refuses the bot, so let it post there (not "add the bot").
      await h.command('U_FAC', '/reflect list');
      const listed = await h.fake.waitFor('response_url', (c) => json(c.args).includes(` · <#${channel}> · `), WAIT);
      expect(json(listed.args)).toContain('kanał nie pozwala mi pisać — wstrzymany');
      expect(json(listed.args)).not.toContain('dodaj bota do kanału');
    });
  }

  it('still tries again, as before, when Slack fails for a moment', async () => {
    const channel = 'C_FLAKY';
    h.fake.clear();
    await h.command('U_FAC', `/reflect schedule <#${channel}|flaky> sunday 09:00`);
    const answer = await h.fake.waitFor('response_url', (c) => json(c.args).includes('Zaplanowane'), WAIT);
    const { id } = await scheduled(String(answer.args.text));
    await h.bot.runDueWork();

    h.fake.failNext('chat.postMessage', { error: 'internal_error' });
    h.clock.set('2026-03-08T08:00:30Z');
    await h.bot.runDueWork();
    const [row] = await h.bot.db.select().from(outbox).where(like(outbox.key, `prompt:${id}:%`));
    expect([row!.status, row!.lastError]).toEqual(['pending', 'internal_error']);
    const [schedule] = await h.bot.db.select().from(schedules).where(eq(schedules.id, id));
    expect(schedule!.paused).toBe(false);
  });

  it('asks to be added back, not for posting rights, when the bot is no longer in the channel', async () => {
    const channel = 'C_LEFT';
    h.fake.clear();
    await h.command('U_FAC', `/reflect schedule <#${channel}|left> monday 09:00`);
    const answer = await h.fake.waitFor('response_url', (c) => json(c.args).includes('Zaplanowane'), WAIT);
    const { number } = await scheduled(String(answer.args.text));
    await h.bot.runDueWork();

    h.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    h.clock.set('2026-03-09T08:00:30Z');
    await h.bot.runDueWork();
    await h.bot.runDueWork();
    const told = h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === h.fake.dmChannelOf('U_FAC') && String(c.args.text).includes(`#${number}`));
    expect(told).toHaveLength(1);
    expect(String(told[0]!.args.text)).toContain('dodaj mnie do kanału');
    expect(String(told[0]!.args.text)).not.toContain('nie pozwala mi pisać');
  });
});
