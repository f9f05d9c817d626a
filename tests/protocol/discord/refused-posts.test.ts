// A Discord channel that will not take the bot's prompt: Missing Permissions (50013) means the bot sees the channel
// but may not post there, so its creator is asked for posting rights; Unknown Channel (10003) asks to be let back in.
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, schedules } from '../../../src/db/schema/index.js';
import { startDiscordHarness, type DiscordHarness } from '../../helpers/discord.js';

let h: DiscordHarness;
beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw.
  h = await startDiscordHarness({ mode: 'http', start: '2026-03-02T08:00:00Z' });
}, 120_000);
afterAll(() => h?.close());

const json = (x: unknown) => JSON.stringify(x);
const POSTS = /^\/channels\/\d+\/messages$/;

async function scheduleOn(weekday: string) {
  await h.answers(await h.slash(h.owner, 'reflect', { channel: h.channel, weekday, time: '09:00' }, { path: ['schedule'] }));
  const [row] = await h.bot.db.select().from(schedules).where(eq(schedules.kind, 'prompt')).orderBy(desc(schedules.id)).limit(1);
  await h.bot.runDueWork(); // nothing else waiting: the one failure below is the prompt's
  return row!;
}

const toldOwner = () => {
  const dm = h.fake.store.dmChannelByUser.get(h.owner.id);
  return dm ? h.fake.messagesIn(dm).map((m) => json(m)) : [];
};

describe('a prompt channel that refuses the bot on Discord', () => {
  it('pauses the schedule after one Missing Permissions and asks its creator to let the bot post there', async () => {
    const schedule = await scheduleOn('tuesday');
    const before = toldOwner().length;
    h.fake.failNext('POST', POSTS, { status: 403, body: { message: 'Missing Permissions', code: 50013 } });
    h.clock.set('2026-03-03T08:00:30Z');
    await h.bot.runDueWork();
    await h.bot.runDueWork(); // the DM the refusal queued

    const rows = await h.bot.db.select().from(outbox).where(and(eq(outbox.status, 'failed'), eq(outbox.lastError, '50013')));
    expect(rows).toHaveLength(1);
    const [after] = await h.bot.db.select().from(schedules).where(eq(schedules.id, schedule.id));
    expect(after!.paused).toBe(true);
    const told = toldOwner().slice(before);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(`<#${h.channel}>`);
    expect(told[0]).toContain('kanał nie pozwala mi pisać');
    expect(told[0]).toContain('pozwól mi pisać na tym kanale');
    expect(told[0]).not.toContain('dodaj mnie do kanału');
    expect(h.fake.messagesIn(h.channel).filter((m) => json(m).includes('prompts.anonReply'))).toHaveLength(0);
  });

  it('asks to be let back in, not for posting rights, when the channel is gone', async () => {
    const schedule = await scheduleOn('wednesday');
    const before = toldOwner().length;
    h.fake.failNext('POST', POSTS, { status: 404, body: { message: 'Unknown Channel', code: 10003 } });
    h.clock.set('2026-03-04T08:00:30Z');
    await h.bot.runDueWork();
    await h.bot.runDueWork();

    const [after] = await h.bot.db.select().from(schedules).where(eq(schedules.id, schedule.id));
    expect(after!.paused).toBe(true);
    const told = toldOwner().slice(before);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('dodaj mnie do kanału');
    expect(told[0]).not.toContain('nie pozwala mi pisać');
  });
});
