// The playground's clock: it keeps its time across a restart, and never moves other platforms' teams.
import { desc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { PlaygroundRefused } from '../../../adapters/web/index.js';
import { nextEventAt } from '../../../adapters/web/time.js';
import { SETTINGS } from '../../../src/core/settings.js';
import { ensureTeam, findTeam, updateSettings } from '../../../src/core/teams.js';
import { TEAM } from '../../../adapters/web/workspace.js';
import { occurrences, outbox, schedules, webMessages } from '../../../src/db/schema/index.js';
import { insertSchedule, PROMPT_KIND, weeklyRule } from '../../../src/features/prompts/schedules.js';
import { tx } from '../../../src/i18n/index.js';
import { DAY } from '../../../src/schedule/clock.js';
import { testDatabase } from '../../helpers/db.js';
import { startTestPlayground, type Playground } from './harness.js';

const open: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const x of open.reverse()) await x.close();
});

async function playground(database?: Awaited<ReturnType<typeof testDatabase>>): Promise<Playground> {
  const pg = await startTestPlayground({ database });
  open.push(pg);
  return pg;
}

describe('the playground’s clock', () => {
  it('is where it was left after a restart, not back at real time', async () => {
    const database = await testDatabase();
    open.push(database);
    const first = await playground(database);
    await first.post('/api/time', { step: 'day' });
    await first.post('/api/time', { step: 'hour' });
    const left = new Date((await first.view('magda')).now).getTime();
    await first.close();
    open.splice(open.indexOf(first), 1);

    const second = await playground(database);
    const back = await second.view('magda');
    expect(new Date(back.now).getTime() - Date.now()).toBeGreaterThanOrEqual(25 * 60 * 60 * 1000 - 60_000);
    expect(new Date(back.now).getTime()).toBeGreaterThanOrEqual(left);
  });

  it('does not move while the database holds a Slack team, and fires none of its schedules early', async () => {
    const pg = await playground();
    const db = pg.app.bot.db;
    // Another process, serving a real Slack workspace, shares the database.
    const slack = await ensureTeam(db, 'slack', 'T0REAL', 'Real team');
    const weekday = ((new Date().getUTCDay() + 2) % 7) || 7;
    const { rule, first } = weeklyRule(weekday, '09:00', 1, 'Europe/Warsaw', new Date());
    const s = await insertSchedule(db, slack.id, PROMPT_KIND, 'Europe/Warsaw', rule, first, { channel: 'C123', themes: [], creator: 'U1' });
    const before = pg.clock.now().getTime();

    for (const step of ['day', 'next', 'hour']) {
      const r = await pg.post('/api/time', { step });
      expect(r.status).toBe(409);
      expect(r.body.say).toBe('web.timeShared');
    }
    // The member reads why, in their language.
    expect((await pg.view('magda')).chrome['web.timeShared']).toBe(tx('pl', 'web.timeShared'));
    expect(pg.clock.now().getTime() - before).toBeLessThan(DAY / 24);
    const [row] = await db.select().from(schedules).where(eq(schedules.id, s.id));
    expect(row!.nextDueAt!.getTime()).toBe(first.getTime());
    expect(await db.select().from(occurrences).where(eq(occurrences.scheduleId, s.id))).toEqual([]);
    expect(await db.select().from(outbox).where(eq(outbox.teamId, slack.id))).toEqual([]);
  });

  it('goes “to the next event” only where something appears, running the silent ones (a series planning its session) on the way', async () => {
    const pg = await playground();
    const db = pg.app.bot.db;
    const newest = async () => (await db.select({ id: webMessages.id }).from(webMessages).orderBy(desc(webMessages.id)).limit(1))[0]?.id ?? 0;
    // The sample team has a Friday prompt, Monday supervision and the series' own silent event 15 days before each
    // session. With reminders only an hour before (none already armed), that event is on a Sunday, alone: every
    // press must still bring a message someone can read.
    const team = (await findTeam(db, 'web', TEAM))!;
    await updateSettings(db, team.id, { [SETTINGS.reminderOffsets]: [60] });
    await db.delete(schedules).where(eq(schedules.kind, 'supervision-reminder'));
    const kinds = new Set<string>();
    for (let press = 0; press < 6; press++) {
      const before = await newest();
      const due = await db.select({ kind: schedules.kind, at: schedules.nextDueAt }).from(schedules);
      const first = due.filter((d) => d.at).sort((a, b) => a.at!.getTime() - b.at!.getTime())[0];
      if (first) kinds.add(first.kind);
      const r = await pg.post('/api/time', { step: 'next' });
      expect(r.body.moved).toBe(true);
      expect(await newest(), `press ${press + 1} showed nothing`).toBeGreaterThan(before);
    }
    // The walk passed at least one silent event as the very next one, so the test covers it.
    expect(kinds).toContain('supervision');
  });

  it('takes a failing occurrence that is backing off as due when its back-off ends, not at its past due time', async () => {
    const pg = await playground();
    const db = pg.app.bot.db;
    const team = (await findTeam(db, 'web', TEAM))!;
    const now = pg.clock.now().getTime();
    // Every sample schedule far ahead; one prompt failed a minute ago and waits until ten minutes from now.
    await db.update(schedules).set({ nextDueAt: new Date(now + 30 * DAY) }).where(eq(schedules.teamId, team.id));
    const failedAt = new Date(now - 60_000);
    const [row] = await db.select().from(schedules).where(eq(schedules.kind, PROMPT_KIND)).limit(1);
    await db.update(schedules).set({ nextDueAt: failedAt, retryOf: failedAt, retryAt: new Date(now + 10 * 60_000), failures: 1 }).where(eq(schedules.id, row!.id));
    await db.delete(outbox).where(eq(outbox.teamId, team.id));
    expect((await nextEventAt(pg.app.bot, team.id))!.getTime()).toBe(now + 10 * 60_000);
    // Moved by a facilitator since, it is due at its new time, whatever the old back-off said.
    await db.update(schedules).set({ nextDueAt: new Date(now + 5 * 60_000) }).where(eq(schedules.id, row!.id));
    expect((await nextEventAt(pg.app.bot, team.id))!.getTime()).toBe(now + 5 * 60_000);
  });

  it('will not start on a database that already holds Slack or Discord teams', async () => {
    const database = await testDatabase();
    open.push(database);
    await ensureTeam(database.db, 'discord', '123456789012345678', 'Real guild');
    const err = await startTestPlayground({ database }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlaygroundRefused);
    expect((err as Error).message).toMatch(/discord teams.*database of its own/);
  });
});

