import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryMember } from '../../adapters/memory/index.js';
import { Secrets } from '../../src/core/secrets.js';
import { ensureTeam } from '../../src/core/teams.js';
import { customPrompts, promptPosts, promptRotations, schedules } from '../../src/db/schema/index.js';
import { PROMPT_LIBRARY } from '../../src/features/prompts/library.js';
import { customPromptId, cycleOrder, libraryPool, nextInRotation, seededShuffle, themeScope, type AnyPrompt } from '../../src/features/prompts/rotation.js';
import { facilitator, makeBot, TEST_SECRET, type TestBot } from '../helpers/bot.js';
import { secondConnection } from '../helpers/db.js';
import { DateTime } from 'luxon';

let a: TestBot;
let b: TestBot;
beforeAll(async () => {
  a = await makeBot({ start: '2026-03-20T10:00:00Z' });
  // A second replica: its own bot and connection pool on the same database.
  b = await makeBot({ start: '2026-03-20T10:00:00Z', database: await secondConnection(a.database) });
});
afterAll(async () => {
  if (b.database !== a.database) await b.database.close();
  await a.close();
});

const ask = (tb: TestBot, member: MemoryMember, line: string) => tb.mem.ask(member, line);
const startersIn = (channel: string) => [...a.mem.posts(channel), ...b.mem.posts(channel)].filter((p) => !p.place.thread);

/** Both replicas tick every `stepMinutes` from `from` to `to`; returns the instants at which a thread appeared. */
async function tickThrough(channel: string, from: string, to: string, stepMinutes: number): Promise<string[]> {
  const seenAt: string[] = [];
  for (let t = new Date(from).getTime(); t <= new Date(to).getTime(); t += stepMinutes * 60_000) {
    const before = startersIn(channel).length;
    a.clock.set(new Date(t));
    b.clock.set(new Date(t));
    await Promise.all([a.bot.runDueWork(), b.bot.runDueWork()]);
    for (let i = before; i < startersIn(channel).length; i++) seenAt.push(new Date(t).toISOString());
  }
  return seenAt;
}
const warsaw = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Warsaw' }).toFormat('yyyy-MM-dd HH:mm');

describe('prompt schedules across DST and replicas', () => {
  it('posts on the Sunday the clocks go forward (29 March 2026) at 09:00 Warsaw time, exactly once, with two replicas ticking', async () => {
    a.clock.set('2026-03-23T10:00:00Z');
    const answer = await ask(a, facilitator, '/reflect schedule #spring sunday 09:00 tz:Europe/Warsaw');
    expect(answer).toContain('29 marca 2026, 09:00');
    const seen = await tickThrough('spring', '2026-03-28T22:00:00Z', '2026-03-29T12:00:00Z', 15);
    expect(seen.map(warsaw)).toEqual(['2026-03-29 09:00']);
    expect(seen).toEqual(['2026-03-29T07:00:00.000Z']);
  });

  it('keeps 09:00 local the week after, and one post per occurrence for several weeks', async () => {
    const seen = await tickThrough('spring', '2026-04-05T06:00:00Z', '2026-04-05T09:00:00Z', 30);
    expect(seen.map(warsaw)).toEqual(['2026-04-05 09:00']);
    const posts = await a.bot.db.select().from(promptPosts);
    expect(posts).toHaveLength(2);
    await ask(a, facilitator, `/reflect pause ${posts[0]!.scheduleId}`);
  });

  it('posts on the Sunday the clocks go back (25 October 2026) at 09:00 Warsaw time, exactly once', async () => {
    a.clock.set('2026-10-20T10:00:00Z');
    await ask(a, facilitator, '/reflect schedule #autumn niedziela 9:00');
    const seen = await tickThrough('autumn', '2026-10-24T22:00:00Z', '2026-10-25T12:00:00Z', 15);
    expect(seen).toEqual(['2026-10-25T08:00:00.000Z']);
    expect(seen.map(warsaw)).toEqual(['2026-10-25 09:00']);
    const next = await tickThrough('autumn', '2026-11-01T06:00:00Z', '2026-11-01T10:00:00Z', 30);
    expect(next.map(warsaw)).toEqual(['2026-11-01 09:00']);
  });
});

describe('rotation', () => {
  const bondIds = PROMPT_LIBRARY.filter((p) => p.theme === 'bond').map((p) => p.id);

  async function postsOf(channel: string) {
    return (await a.bot.db.select().from(promptPosts).where(eq(promptPosts.channel, channel)).orderBy(promptPosts.id)).map((p) => p.promptId);
  }

  it('never repeats a prompt until the whole theme set was used, then starts a new cycle', async () => {
    await ask(a, facilitator, '/reflect schedule #bond-room monday 09:00 więź');
    for (let i = 0; i < bondIds.length * 2; i++) await ask(a, facilitator, '/reflect now #bond-room');
    const ids = await postsOf('bond-room');
    const first = ids.slice(0, bondIds.length);
    const second = ids.slice(bondIds.length);
    expect([...first].sort()).toEqual([...bondIds].sort());
    expect([...second].sort()).toEqual([...bondIds].sort());
    // A new cycle is shuffled anew.
    expect(second).not.toEqual(first);
  });

  it('lets the team’s own prompts join the rotation', async () => {
    const added = await ask(a, facilitator, '/reflect add Co w tym tygodniu pomogło Ci zachować ciekawość?');
    // The answer's "#N" is the team's number; the rotation knows the prompt by its row id.
    const number = Number(/#(\d+)/.exec(added)![1]);
    const [own] = await a.bot.db.select().from(customPrompts).where(eq(customPrompts.number, number));
    const customId = customPromptId(own!.id);
    for (let i = 0; i < bondIds.length + 1; i++) await ask(a, facilitator, '/reflect now #bond-room');
    const ids = (await postsOf('bond-room')).slice(bondIds.length * 2);
    expect([...ids].sort()).toEqual([...bondIds, customId].sort());
  });

  it('is reproducible for a team and differs between teams', async () => {
    const team = await ensureTeam(a.bot.db, 'memory', 'T1');
    const before = (await postsOf('bond-room')).slice(0, bondIds.length);
    // Starting the team's rotation over gives the very same order.
    await a.bot.db.delete(promptRotations).where(and(eq(promptRotations.teamId, team.id)));
    await a.bot.db.delete(schedules).where(eq(schedules.kind, 'prompt'));
    await ask(a, facilitator, '/reflect remove 1');
    await ask(a, facilitator, '/reflect schedule #again monday 09:00 bond');
    for (let i = 0; i < bondIds.length; i++) await ask(a, facilitator, '/reflect now #again');
    expect(await postsOf('again')).toEqual(before);
    const secrets = new Secrets(TEST_SECRET);
    const orders = [1, 2, 3, 4].map((teamId) => cycleOrder(secrets, teamId, 'themes:*', 0, PROMPT_LIBRARY.map((p) => p.id)).join());
    expect(new Set(orders).size).toBe(4);
    expect(cycleOrder(secrets, 2, 'themes:*', 0, PROMPT_LIBRARY.map((p) => p.id))).toEqual(cycleOrder(secrets, 2, 'themes:*', 0, PROMPT_LIBRARY.map((p) => p.id)));
  });

  it('never posts the same prompt two weeks in a row, also where one cycle ends and the next begins', () => {
    const secrets = new Secrets(TEST_SECRET);
    const bond = libraryPool(['bond']);
    const two = bond.slice(0, 2);
    for (const pool of [bond, two] as (readonly AnyPrompt[])[]) {
      let boundaries = 0;
      for (let team = 1; team <= 100; team++) {
        let state = { cycle: 0, seen: [] as string[] };
        let previous = '';
        for (let week = 0; week < pool.length * 10; week++) {
          const step = nextInRotation(secrets, team, themeScope(['bond']), state, pool);
          if (step.cycle !== state.cycle) boundaries++;
          expect(step.pick, `team ${team}, week ${week}`).not.toBe(previous);
          previous = step.pick;
          state = { cycle: step.cycle, seen: step.seen };
        }
      }
      // Every team crossed nine cycle boundaries.
      expect(boundaries).toBe(100 * 9);
    }
    // A pool of one can only repeat.
    const one = bond.slice(0, 1);
    const first = nextInRotation(secrets, 1, 'themes:bond', { cycle: 0, seen: [] }, one);
    expect(nextInRotation(secrets, 1, 'themes:bond', first, one).pick).toBe(one[0]!.id);
  });

  it('keeps the order of cycles already under way from one version of the bot to the next', () => {
    // Recorded from the first release: a team mid-cycle after an upgrade must not see prompts again or miss some.
    const items = Array.from({ length: 20 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    expect(seededShuffle(items, 'a-seed')).toEqual(
      ['p19', 'p10', 'p04', 'p18', 'p16', 'p13', 'p01', 'p07', 'p02', 'p09', 'p06', 'p11', 'p12', 'p05', 'p14', 'p03', 'p17', 'p00', 'p08', 'p15'],
    );
  });
});
