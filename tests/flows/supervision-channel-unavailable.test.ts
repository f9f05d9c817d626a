// A session channel that no longer takes the bot's reminders: the facilitator hears it once, and the list says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError } from '../../src/core/errors.js';
import { anna, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let t: TestBot;
const dmsTo = (id: string) => t.mem.dms(id).map((d) => d.text);

beforeAll(async () => {
  t = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [facilitator, anna]) await t.mem.command(m, '/sojusz help');
});
afterAll(() => t.close());

async function tick(at: string): Promise<void> {
  t.clock.set(at);
  await t.bot.runDueWork();
}

describe('a supervision channel the bot can no longer post in', () => {
  it('tells the facilitator who planned the series once, however many reminders fail, and says how to go on', async () => {
    await t.mem.command(facilitator, '/supervision schedule #supervision monday 18:00');
    await t.mem.command(anna, '/supervision dm on');
    t.mem.closedChannels.add('supervision');
    // Two weeks of reminders (24 h and 1 h before each Monday).
    for (const at of ['2026-03-08T17:00:30Z', '2026-03-09T16:00:30Z', '2026-03-15T17:00:30Z', '2026-03-16T16:00:30Z']) await tick(at);
    const told = dmsTo(facilitator.id).filter((d) => d.includes('supervision'));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('Nie udało mi się wysłać przypomnienia');
    expect(told[0]).toContain('(na Slacku: /invite @Sojusz)');
    expect(told[0]).toContain('/sojusz konfiguracja');
    // Members who chose DMs still got theirs.
    expect(dmsTo(anna.id).filter((d) => d.includes('Superwizja za'))).toHaveLength(4);
  });

  it('flags the series and its sessions in /supervision list while the channel refuses', async () => {
    await t.mem.command(facilitator, '/supervision list');
    const list = t.mem.lastPrivate(facilitator.id)!;
    expect(list).toContain('przypomnienia nie docierają');
    expect(list).toContain('(na Slacku: `/invite @Sojusz`)');
  });

  it('stops flagging once the bot is back in the channel', async () => {
    t.mem.closedChannels.delete('supervision');
    await t.mem.command(facilitator, '/supervision list');
    expect(t.mem.lastPrivate(facilitator.id)!).not.toContain('przypomnienia nie docierają');
    await tick('2026-03-22T17:00:30Z');
    expect(t.mem.posts('supervision').filter((p) => p.text.includes('Superwizja za 24 godziny'))).toHaveLength(1);
  });

  it('tells about a one-off session in a channel that refuses, in the facilitator’s words', async () => {
    await t.mem.command(facilitator, '/supervision add 2026-04-01 18:00 #elsewhere');
    t.mem.closedChannels.add('elsewhere');
    await tick('2026-03-31T16:00:30Z');
    await tick('2026-04-01T15:00:30Z');
    const told = dmsTo(facilitator.id).filter((d) => d.includes('elsewhere'));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/\/supervision odwołaj \d+/);
  });
});

describe('a supervision channel that does not let the bot post (read-only, posting restricted)', () => {
  it('tells the facilitator to let the bot post there, not to invite it, and the list says the same', async () => {
    // The bot is in the channel, and the platform can tell it may not post there.
    const post = t.mem.post.bind(t.mem);
    t.mem.post = async (to, m, opts) => {
      if (to.channel === 'readonly') throw new PlatformError('memory', 'restricted_action_read_only_channel', undefined, undefined, false, 'channel', 'place', 'restricted');
      return post(to, m, opts);
    };
    await t.mem.command(facilitator, '/supervision add 2026-04-08 18:00 #readonly');
    // Asked again for the list: a platform that can check posting rights (Discord) says no.
    const canPost = t.mem.canPost.bind(t.mem);
    t.mem.canPost = async (team, channel) => channel !== 'readonly' && canPost(team, channel);
    await tick('2026-04-07T16:00:30Z');
    await tick('2026-04-07T16:01:30Z');
    const told = dmsTo(facilitator.id).filter((d) => d.includes('readonly'));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('kanał nie pozwala mi pisać (jest tylko do odczytu albo pisanie jest tam ograniczone)');
    expect(told[0]).toContain('pozwól mi tam pisać');
    expect(told[0]).not.toContain('/invite');
    expect(told[0]).not.toContain('nie jestem już jego członkiem');
    await t.mem.command(facilitator, '/supervision list');
    const list = t.mem.lastPrivate(facilitator.id)!;
    expect(list).toContain('Pozwól mi tam pisać');
    expect(list).not.toContain('/invite');
    t.mem.post = post;
    t.mem.canPost = canPost;
  });
});
