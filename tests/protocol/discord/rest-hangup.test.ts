// A send Discord never answers (a proxy that swallowed it): the call gives up at the REST bound, the outbox tries it
// again and it is posted once, and other channels' messages go out meanwhile.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../../src/db/schema/index.js';
import { defaultGuild } from '../../fakes/discord/index.js';
import { startDiscordHarness, type DiscordHarness } from '../../helpers/discord.js';

/** The bound on a REST call (30 s in production), short so that the unanswered send gives up quickly here. */
const BOUND_MS = 1500;
const OTHER_CHANNEL = '1100000000000000201';

let h: DiscordHarness;
beforeAll(async () => {
  const guild = defaultGuild();
  guild.channels = [...guild.channels!, { id: OTHER_CHANNEL, type: 0, name: 'superwizja' }];
  // Monday 2 March 2026, 09:00 in Warsaw.
  h = await startDiscordHarness({ mode: 'http', start: '2026-03-02T08:00:00Z', restBoundMs: BOUND_MS, fake: { guilds: [guild] } });
}, 120_000);
afterAll(() => h?.close());

const json = (x: unknown) => JSON.stringify(x);
const prompts = (channel: string) => h.fake.messagesIn(channel).filter((m) => json(m).includes('prompts.anonReply'));

async function schedule(channel: string, time: string) {
  await h.answers(await h.slash(h.owner, 'reflect', { channel, weekday: 'tuesday', time }, { path: ['schedule'] }));
}

describe('a Discord request that is never answered', () => {
  it('gives the send up at the bound, posts the prompt once on the retry, and holds no other channel back', async () => {
    await schedule(h.channel, '09:00');
    await schedule(OTHER_CHANNEL, '09:01');
    await h.bot.runDueWork(); // nothing due yet

    const swallowed = h.fake.neverAnswerNext('POST', new RegExp(`^/channels/${h.channel}/messages$`));
    h.clock.set('2026-03-03T08:00:30Z');
    let settled = false;
    const first = h.bot.runDueWork().finally(() => (settled = true));
    await swallowed;

    // While that send still waits for an answer that will not come, the other channel's prompt goes out.
    h.clock.set('2026-03-03T08:01:30Z');
    await h.bot.runDueWork();
    expect(prompts(OTHER_CHANNEL)).toHaveLength(1);
    expect(settled).toBe(false);

    // The unanswered send gives up at the bound (before, only after @discordjs/rest's four 15-second tries; and a
    // connection closed before the request was written never settled at all): tried again later, not given up.
    await first;
    expect(prompts(h.channel)).toHaveLength(0);
    const row = (await h.bot.db.select().from(outbox)).find((r) => json(r.target).includes(h.channel));
    expect(row).toMatchObject({ status: 'pending', lastError: 'timeout' });

    h.clock.set('2026-03-03T08:01:50Z'); // past its backoff, within Discord's nonce window
    await h.bot.runDueWork();
    expect(prompts(h.channel)).toHaveLength(1);
    expect(prompts(OTHER_CHANNEL)).toHaveLength(1);
    const [after] = await h.bot.db.select().from(outbox).where(eq(outbox.id, row!.id));
    expect(after!.status).toBe('sent');
  }, 20_000);
});
