// What /sojusz setup edits, as it is now: the team's prompt schedule and supervision series (setup's own, or those a
// command made), and both pages' values as the form shows them.
import { and, asc, eq } from 'drizzle-orm';
import { teamChannel } from '../../core/settings.js';
import { setting, teamLang, type Team } from '../../core/teams.js';
import type { Tx } from '../../db/client.js';
import { schedules } from '../../db/schema/index.js';
import type { ScheduleRow } from '../../schedule/kinds.js';
import { PROMPT_KIND, type WeeklyRule } from '../prompts/schedules.js';
import { SERIES_KIND } from '../supervision/sessions.js';
import { teamOffsets } from '../supervision/reminders.js';
import { NO_PROMPTS, type Shown1, type Shown2 } from './shown.js';

/** What setup itself created, so that running it again replaces only its own schedules. */
export const CREATED = { prompt: 'setup.promptSchedule', series: 'setup.supervisionSeries' } as const;

/**
 * The schedule of a kind that setup edits: the one it made, or — in a team first set up by commands
 * (/reflect schedule, /supervision schedule) — the oldest active one, so running setup never adds a twin.
 */
async function current(db: Tx, team: Team, kind: string, made: string) {
  const id = setting<number | undefined>(team, made, undefined);
  const [own] = id ? await db.select().from(schedules).where(and(eq(schedules.id, id), eq(schedules.kind, kind), eq(schedules.paused, false))) : [];
  if (own) return own;
  const [oldest] = await db
    .select()
    .from(schedules)
    .where(and(eq(schedules.teamId, team.id), eq(schedules.kind, kind), eq(schedules.paused, false)))
    .orderBy(asc(schedules.id))
    .limit(1);
  return oldest;
}
/**
 * The prompt schedule setup edits. Unlike `current`, a paused one counts when the team has no running one (setup's own
 * first) — it is shown as paused and changed in place, never doubled by a twin.
 */
export async function currentPrompt(db: Tx, team: Team, lock = false) {
  const id = setting<number | undefined>(team, CREATED.prompt, undefined);
  const ownQuery = db.select().from(schedules).where(and(eq(schedules.id, id ?? 0), eq(schedules.kind, PROMPT_KIND)));
  const [own] = id ? await (lock ? ownQuery.for('update') : ownQuery) : [];
  if (own && !own.paused) return own;
  // Its own paused and another running (made with /reflect schedule since): the running one is the team's rhythm;
  // resuming the paused one would give two prompts a week.
  const allQuery = db.select().from(schedules).where(and(eq(schedules.teamId, team.id), eq(schedules.kind, PROMPT_KIND))).orderBy(asc(schedules.id));
  const all = await (lock ? allQuery.for('update') : allQuery);
  return all.find((s) => !s.paused) ?? own ?? all[0];
}
export const currentSeries = (db: Tx, team: Team) => current(db, team, SERIES_KIND, CREATED.series);

/** Where a schedule posts. A team set up by commands has no channel settings, only this. */
export const postsIn = (row: ScheduleRow | undefined): string | undefined => (row?.payload as { channel?: string } | undefined)?.channel;
export const weekly = (row: ScheduleRow | undefined): WeeklyRule | undefined => (row?.rule.type === 'weekly' ? row.rule : undefined);

/** Page 1's values as the form shows them, from the team and its prompt schedule as they are now. */
export function view1(team: Team, prompt: ScheduleRow | undefined): Shown1 {
  const rule = weekly(prompt);
  return {
    lang: teamLang(team),
    zone: team.zone,
    promptChannel: teamChannel(team, 'promptChannel') ?? postsIn(prompt),
    promptDay: rule ? (prompt!.paused ? NO_PROMPTS : String(rule.weekday)) : undefined,
    promptTime: rule?.time,
  };
}

/** Page 2's values as the form shows them, likewise. */
export function view2(team: Team, series: ScheduleRow | undefined): Shown2 {
  const r = weekly(series);
  return {
    caseChannel: teamChannel(team, 'caseChannel'),
    modChannel: teamChannel(team, 'moderationChannel'),
    supChannel: teamChannel(team, 'supervisionChannel') ?? postsIn(series),
    rhythm: r ? { weekday: r.weekday, time: r.time, every: r.every } : undefined,
    offsets: teamOffsets(team),
  };
}
