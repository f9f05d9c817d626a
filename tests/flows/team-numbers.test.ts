// Per-team numbers: a team's first schedule is #1 and its first series S1 whatever other teams have, and a number typed
// in one team never reaches another team's schedule, series, session, topic or own prompt.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryMember } from '../../adapters/memory/index.js';
import { nextTeamNumber } from '../../src/db/numbers.js';
import { customPrompts, schedules, supervisionSessions, supervisionTopics, teams } from '../../src/db/schema/index.js';
import { ensureHousekeeping } from '../../src/features/privacy/housekeeping.js';
import { makeBot, type TestBot } from '../helpers/bot.js';
import { secondConnection } from '../helpers/db.js';

let tb: TestBot;
beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw.
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  // As on a fresh install: the start made the deployment's housekeeping schedule before any team had one.
  await ensureHousekeeping(tb.bot);
});
afterAll(() => tb.close());

// Two teams on one database, each with its own facilitator and member (English answers, to read the numbers easily).
const facA: MemoryMember = { id: 'U_FAC_A', isAdmin: true, locale: 'en-GB' };
const memberA: MemoryMember = { id: 'U_MEM_A', locale: 'en-GB' };
const facB: MemoryMember = { id: 'U_FAC_B', isAdmin: true, locale: 'en-GB' };
const memberB: MemoryMember = { id: 'U_MEM_B', locale: 'en-GB' };

/** A command in `team`, and what the member was told privately in answer. */
async function ask(team: 'TA' | 'TB', member: MemoryMember, line: string): Promise<string> {
  const before = tb.mem.privateTo(member.id).length;
  const [, command, text] = /^\/(\S+)\s*(.*)$/s.exec(line)!;
  await tb.bot.handle({ kind: 'command', inv: { platform: 'memory', team, member, channel: 'general' }, command: command!, text: text! });
  return tb.mem.privateTo(member.id).slice(before).join('\n');
}

async function teamId(externalId: string): Promise<number> {
  const [t] = await tb.bot.db.select({ id: teams.id }).from(teams).where(eq(teams.externalId, externalId));
  return t!.id;
}

describe('per-team numbers', () => {
  it('gives a fresh team its first prompt schedule as #1, its first series S1 and its first team prompt #1', async () => {
    // Schedules nobody refers to by number (housekeeping, reminders) take none, and prompts and series count apart.
    expect(await ask('TA', facA, '/reflect schedule #reflection friday 09:00')).toMatch(/Scheduled #1\b/);
    // A weekly series materializes the sessions of the next 15 days: 2, 9 and 16 March → sessions 1, 2, 3.
    const planned = await ask('TA', facA, '/supervision schedule #supervision monday 18:00');
    expect(planned).toContain('Planned series S1');
    expect(planned).toContain('First session (1)');
    expect(await ask('TA', facA, '/reflect schedule #circle monday 09:00')).toMatch(/Scheduled #2\b/);
    expect(await ask('TA', facA, '/reflect add What surprised you this week?')).toMatch(/prompt #1\b/);
  });

  it('gives a second team its own #1, not the next number in the database', async () => {
    expect(await ask('TB', facB, '/reflect schedule #reflection friday 10:00')).toMatch(/Scheduled #1\b/);
    expect(await ask('TB', facB, '/reflect add Where did you hurry today?')).toMatch(/prompt #1\b/);
    const listA = await ask('TA', memberA, '/reflect list');
    expect(listA).toMatch(/#1 · #reflection · every Friday at 09:00/);
    expect(listA).toMatch(/#2 · #circle/);
    const listB = await ask('TB', memberB, '/reflect list');
    expect(listB).toMatch(/#1 · #reflection · every Friday at 10:00/);
    expect(listB).not.toContain('#2');
    expect(listB).not.toContain('#circle');
  });

  it('pauses only its own team’s schedule: /reflect pause 1 in team B leaves team A’s #1 running', async () => {
    expect(await ask('TB', facB, '/reflect pause 1')).toContain('Schedule #1 is paused');
    const [a] = await tb.bot.db.select().from(schedules).where(and(eq(schedules.teamId, await teamId('TA')), eq(schedules.kind, 'prompt'), eq(schedules.number, 1)));
    const [b] = await tb.bot.db.select().from(schedules).where(and(eq(schedules.teamId, await teamId('TB')), eq(schedules.kind, 'prompt'), eq(schedules.number, 1)));
    expect(a!.paused).toBe(false);
    expect(b!.paused).toBe(true);
    expect(await ask('TA', memberA, '/reflect list')).toMatch(/#1 · #reflection · every Friday at 09:00 · all themes · next:/);
  });

  it('answers a number only another team has (or an old serial id) with “there is no schedule #N”, touching nothing', async () => {
    const [a2] = await tb.bot.db.select().from(schedules).where(and(eq(schedules.teamId, await teamId('TA')), eq(schedules.kind, 'prompt'), eq(schedules.number, 2)));
    for (const n of [2, a2!.id]) {
      const answer = await ask('TB', facB, `/reflect pause ${n}`);
      expect(answer).toContain(`There is no prompt schedule #${n} in this team`);
    }
    const [after] = await tb.bot.db.select().from(schedules).where(eq(schedules.id, a2!.id));
    expect(after!.paused).toBe(false);
    expect(await ask('TB', facB, '/reflect remove 2')).toContain('There is no team prompt #2');
    expect(await ask('TB', facB, '/reflect remove 1')).toContain('Removed the team’s prompt #1');
    const left = await tb.bot.db.select().from(customPrompts);
    expect(left.map((c) => [c.teamId, c.number])).toEqual([[await teamId('TA'), 1]]);
  });

  it('numbers supervision sessions and topics per team, and cancels only within the team', async () => {
    // Team B: one one-off session, its first (team A has its series S1 and sessions 1, 2, 3).
    expect(await ask('TB', facB, '/supervision add 2026-03-20 18:00 #supervision')).toContain('Planned session 1:');
    const listA = await ask('TA', memberA, '/supervision list');
    expect(listA).toMatch(/S1 — /);
    expect(listA).toMatch(/\b3 — /);
    expect(await ask('TB', memberB, '/supervision list')).not.toContain('S1');

    // Team B has no series S1 and no session 2: team A's stay planned.
    expect(await ask('TB', facB, '/supervision cancel S1')).toContain('There is no active series S1');
    expect(await ask('TB', facB, '/supervision cancel 2')).toContain('I can’t find a session “2”');
    const sessionsA = await tb.bot.db.select().from(supervisionSessions).where(eq(supervisionSessions.teamId, await teamId('TA')));
    expect(sessionsA.map((s) => [s.number, s.status])).toEqual([
      [1, 'scheduled'],
      [2, 'scheduled'],
      [3, 'scheduled'],
    ]);

    // Topics: each team's first is 1; removing 1 in team B leaves team A's topic 1.
    expect(await ask('TA', memberA, '/supervision topic a client who keeps cancelling')).toContain('Added topic 1 ');
    expect(await ask('TB', memberB, '/supervision topic long silences')).toContain('Added topic 1 ');
    expect(await ask('TB', memberB, '/supervision topic remove 1')).toContain('Removed topic 1');
    const topics = await tb.bot.db.select().from(supervisionTopics);
    expect(topics.map((t) => [t.teamId, t.number])).toEqual([[await teamId('TA'), 1]]);

    // Cancelling session 1 in team B cancels team B's session, and team A's session 1 stays planned.
    expect(await ask('TB', facB, '/supervision cancel 1')).toContain('Cancelled one session (1,');
    const [a1] = await tb.bot.db.select().from(supervisionSessions).where(and(eq(supervisionSessions.teamId, await teamId('TA')), eq(supervisionSessions.number, 1)));
    expect(a1!.status).toBe('scheduled');
    // And S1 in team A is team A's series.
    expect(await ask('TA', facA, '/supervision cancel S1')).toMatch(/Cancelled the whole series S1, with its 3 upcoming sessions/);
  });

  it('makes a second create wait for the first one’s number (two replicas at once) instead of taking the same', async () => {
    const team = await teamId('TB');
    const other = await secondConnection(tb.database);
    let taken!: () => void;
    const firstHasNumber = new Promise<void>((ok) => (taken = ok));
    const add = (number: number, text: string) => ({ teamId: team, number, text, createdAt: tb.clock.now() });
    try {
      const first = tb.bot.db.transaction(async (tx) => {
        const n = await nextTeamNumber(tx, customPrompts, team);
        taken();
        // Still inserting while the other replica asks for its number.
        await new Promise((ok) => setTimeout(ok, 200));
        await tx.insert(customPrompts).values(add(n, 'first'));
        return n;
      });
      await firstHasNumber;
      const second = other.db.transaction(async (tx) => {
        const n = await nextTeamNumber(tx, customPrompts, team);
        await tx.insert(customPrompts).values(add(n, 'second'));
        return n;
      });
      expect(await Promise.all([first, second])).toEqual([1, 2]);
    } finally {
      if (other !== tb.database) await other.close();
    }
  });
});
