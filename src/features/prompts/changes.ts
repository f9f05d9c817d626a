// A facilitator's changes to a team prompt schedule, in place: pause, resume, skip a date, edit day, hour, channel or themes.
import { eq } from 'drizzle-orm';
import { UserError } from '../../core/errors.js';
import { teamHolidays } from '../../core/settings.js';
import type { Team } from '../../core/teams.js';
import type { Tx } from '../../db/client.js';
import { schedules } from '../../db/schema/index.js';
import { nextOccurrence, sameWeekOn } from '../../schedule/occurrence.js';
import { payloadFor, payloadOf } from '../../schedule/payload.js';
import type { Theme } from './library.js';
import {
  channelUnavailable,
  findScheduleByNumber,
  nextPromptAt,
  nextPromptDates,
  nextUnrepeatedAt,
  occurrenceOn,
  PROMPT_KIND,
  weeklyRule,
  type PromptPayload,
  type PromptSchedule,
  type WeeklyRule,
} from './schedules.js';

/** Pause the team's schedule of that number; it keeps everything, and `resume` starts it again. */
export async function pausePromptSchedule(db: Tx, teamId: number, number: number): Promise<PromptSchedule> {
  const row = await findScheduleByNumber(db, teamId, number);
  await db.update(schedules).set({ paused: true }).where(eq(schedules.id, row.id));
  return row;
}

/**
 * Run a schedule again (the caller has checked that a channel which refused it takes posts now). Counted from now:
 * prompts missed while paused were meant to be missed, not reported — and never a second one in a week whose prompt
 * came before the pause. Returns its next due instant.
 */
export async function resumePromptSchedule(db: Tx, row: PromptSchedule, now: Date): Promise<Date | null> {
  const { unavailable: _, ...payload } = payloadOf(row, PROMPT_KIND);
  const next = row.rule.type === 'weekly' ? await nextUnrepeatedAt(db, row.id, row.rule, row.zone, now) : nextOccurrence(row.rule, row.zone, now);
  await db.update(schedules).set({ paused: false, nextDueAt: next, payload: payloadFor(PROMPT_KIND, payload) }).where(eq(schedules.id, row.id));
  return next;
}

/**
 * Leave one local date out of a schedule: a date it does not bring, or one already passed, is answered with the next
 * dates it does bring. Returns the next prompt members will see after it (team holidays left out).
 */
export async function skipPromptDate(tx: Tx, team: Team, number: number, date: string, now: Date): Promise<{ number: number; zone: string; next: Date | null }> {
  const row = await findScheduleByNumber(tx, team.id, number, true);
  const rule = row.rule as WeeklyRule;
  const at = occurrenceOn(rule, row.zone, date);
  const ahead = nextPromptDates(rule, row.zone, now, 4, teamHolidays(team));
  if (!at) throw new UserError('prompts.err.notOccurrence', { date, id: row.number, dates: ahead.join(', ') });
  if (at <= now) {
    // The answer carries its own example, with a date that can be skipped: no general usage and example under it.
    throw Object.assign(new UserError('prompts.err.datePassed', { date, id: row.number, example: ahead[0] ?? '', dates: ahead.join(', ') }), { usage: undefined });
  }
  const updated: WeeklyRule = { ...rule, skip: [...new Set([...(rule.skip ?? []), date])].sort() };
  const nextDueAt = row.nextDueAt && row.nextDueAt.getTime() === at.getTime() ? nextOccurrence(updated, row.zone, at) : row.nextDueAt;
  await tx.update(schedules).set({ rule: updated, nextDueAt }).where(eq(schedules.id, row.id));
  return { number: row.number, zone: row.zone, next: nextPromptAt(updated, row.zone, now, teamHolidays(team)) };
}

/** What `edit` was asked to change; what is left out stays as it is. */
export interface PromptChange {
  weekday?: number;
  time?: string;
  every?: number;
  zone?: string;
  channel?: string;
  themes?: Theme[];
}

export interface PromptEdited {
  number: number;
  rule: WeeklyRule;
  zone: string;
  payload: PromptPayload;
  paused: boolean;
  next: Date | null;
  /** A new day or hour in a week whose prompt came already starts next week: said, so nobody waits for it. */
  laterThanAsked: boolean;
}

/**
 * Change a team schedule in place: what it has sent stays with it, so a new day in a week whose prompt already came
 * starts next week (replacing it with a new schedule would post twice). The caller has checked a new channel.
 */
export async function editPromptSchedule(tx: Tx, teamId: number, number: number, change: PromptChange, now: Date): Promise<PromptEdited> {
  const row = await findScheduleByNumber(tx, teamId, number, true);
  const old = row.rule as WeeklyRule;
  const p = payloadOf(row, PROMPT_KIND);
  const zone = change.zone ?? row.zone;
  const timing = change.weekday !== undefined || change.time !== undefined || change.zone !== undefined || change.every !== undefined;
  const every = change.every ?? old.every;
  const { rule: fresh, first } = weeklyRule(change.weekday ?? old.weekday, change.time ?? old.time, every, zone, now);
  // A fortnightly schedule keeps its weeks when only its day or time moves (counted afresh, a Monday three days
  // after a Friday prompt would count as the same fortnight's); a new rhythm starts from now.
  const weeks = every === old.every && every > 1 ? { anchor: sameWeekOn(old.anchor, fresh.weekday) } : {};
  // Skipped dates stay: one that is no longer a date of the schedule simply never matches.
  const rule: WeeklyRule = timing ? { ...fresh, ...weeks, ...(old.skip?.length ? { skip: old.skip } : {}) } : old;
  // A new channel ends "channel unavailable": a schedule paused only for that runs again.
  const moved = change.channel !== undefined && change.channel !== p.channel;
  const wasUnavailable = channelUnavailable(p);
  const resumed = row.paused && moved && wasUnavailable;
  // Running again counts from now, as /reflect resume does: the weeks it was paused are not caught up.
  const next = timing || resumed ? ((await nextUnrepeatedAt(tx, row.id, rule, zone, now)) ?? first) : row.nextDueAt;
  const { unavailable, ...rest } = p;
  const payload: PromptPayload = { ...rest, channel: change.channel ?? p.channel, themes: change.themes ?? p.themes ?? [], ...(unavailable && !moved ? { unavailable } : {}) };
  const paused = row.paused && !resumed;
  await tx.update(schedules).set({ zone, rule, nextDueAt: next, paused, payload: payloadFor(PROMPT_KIND, payload) }).where(eq(schedules.id, row.id));
  return { number: row.number, rule, zone, payload, paused, next, laterThanAsked: timing && next !== null && next.getTime() > (nextOccurrence(rule, zone, now) ?? first).getTime() };
}
