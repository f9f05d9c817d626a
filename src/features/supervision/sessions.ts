// Planning sessions: weekly series that materialize sessions ahead, one-off sessions, cancelling either
// (a cancelled session's agenda moves on to the next one).
//
// A series is a schedules row of kind 'supervision'. It fires HORIZON before each session start and
// inserts the session (unique per series and start), which arms that session's reminders. HORIZON is
// longer than the largest reminder offset allowed (14 days), so a session exists before its first reminder.
import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { UserError, type RefusalReason } from '../../core/errors.js';
import type { Team } from '../../core/teams.js';
import type { Tx } from '../../db/client.js';
import { nextTeamNumber } from '../../db/numbers.js';
import { schedules, supervisionRsvps, supervisionSessions, supervisionTopics, teams } from '../../db/schema/index.js';
import { DAY } from '../../schedule/clock.js';
import type { ScheduleKind, ScheduleRow } from '../../schedule/kinds.js';
import { payloadFor, payloadOf, scheduleKindName } from '../../schedule/payload.js';
import { localDate, localToInstant, nextOccurrence, sameWeekOn, weeklyRule } from '../../schedule/occurrence.js';
import { homeWaitingTopics } from './agenda.js';
import { armReminders, disarmReminders, handOverSentReminders, moveReminders } from './reminders.js';
import { nextSession, type Session } from './store.js';

export const HORIZON_MS = 15 * DAY;

/** What a series carries: where and how long its sessions are, who planned it, and what became of it. */
export type SeriesPayload = {
  channel: string;
  durationMinutes: number;
  where?: string | null;
  /** Who planned it: told first when its channel refuses the reminders (unavailable.ts). */
  creator?: string;
  /** Set when its channel refused a reminder for good (unavailable.ts). */
  unavailable?: { channel: string; since: string; code: string; why?: RefusalReason };
  /** When it was stopped (cancelled or replaced): the calendar keeps its dates as cancelled for a while after. */
  stoppedAt?: string;
  /** Counts changes to its sessions as a whole (moved, stopped): the calendar's SEQUENCE grows with it. */
  revision?: number;
};

export const SERIES_KIND = scheduleKindName<SeriesPayload>()('supervision');

function seriesNext(row: ScheduleRow, after: Date): Date | null {
  const start = nextOccurrence(row.rule, row.zone, new Date(after.getTime() + HORIZON_MS));
  return start ? new Date(start.getTime() - HORIZON_MS) : null;
}

/** Insert the series' session at `startsAt` (once) and arm its reminders. */
async function materialize(tx: Tx, team: Team, row: ScheduleRow, startsAt: Date, now: Date): Promise<Session | undefined> {
  const p = payloadOf(row, SERIES_KIND);
  // Already there (a date cancelled in advance, a second claim): nothing is inserted, and the number taken is not used.
  const number = await nextTeamNumber(tx, supervisionSessions, team.id);
  const [s] = await tx
    .insert(supervisionSessions)
    // createdAt on the bot's clock, as topics have it: homeWaitingTopics compares the two.
    .values({ teamId: team.id, number, seriesId: row.id, startsAt, zone: row.zone, durationMinutes: p.durationMinutes, place: p.where ?? null, channel: p.channel, createdAt: now })
    .onConflictDoNothing({ target: [supervisionSessions.seriesId, supervisionSessions.startsAt] })
    .returning();
  if (s && startsAt > now) {
    await armReminders(tx, team, s, now);
    await homeWaitingTopics(tx, team.id, now);
  }
  return s;
}

export const seriesKind: ScheduleKind = {
  kind: SERIES_KIND,
  // Firing early by HORIZON: any catch-up up to the session's start is still useful.
  graceMs: HORIZON_MS,
  next: seriesNext,
  async fire({ tx, schedule, dueAt, now }) {
    const [team] = await tx.select().from(teams).where(eq(teams.id, schedule.teamId));
    if (team) await materialize(tx, team, schedule, new Date(dueAt.getTime() + HORIZON_MS), now);
  },
};

export interface SeriesInput {
  channel: string;
  weekday: number;
  time: string;
  every: number;
  durationMinutes: number;
  where?: string;
  zone: string;
  /** Count "every N weeks" from this date's week rather than from the first date ahead: a fortnightly series whose
   *  day or hour changes keeps its own weeks. */
  weeksFrom?: string;
  /** The facilitator planning it (platform id). */
  creator?: string;
}

/** Plan a weekly series; sessions within the horizon exist at once, later ones appear as it moves on. */
export async function createSeries(tx: Tx, team: Team, i: SeriesInput, now: Date): Promise<{ series: ScheduleRow; first: Session }> {
  const fresh = weeklyRule(i.weekday, i.time, i.every, i.zone, now).rule;
  const rule = i.weeksFrom ? { ...fresh, anchor: sameWeekOn(i.weeksFrom, i.weekday) } : fresh;
  const payload: SeriesPayload = { channel: i.channel, durationMinutes: i.durationMinutes, where: i.where ?? null, ...(i.creator ? { creator: i.creator } : {}) };
  // "S1", "S2"… per team: the number members cancel it by.
  const number = await nextTeamNumber(tx, schedules, team.id, eq(schedules.kind, SERIES_KIND));
  const [series] = await tx
    .insert(schedules)
    .values({ teamId: team.id, kind: SERIES_KIND, number, zone: i.zone, rule, payload: payloadFor(SERIES_KIND, payload) })
    .returning();
  let first: Session | undefined;
  for (let at = nextOccurrence(rule, i.zone, now); at && at.getTime() <= now.getTime() + HORIZON_MS; at = nextOccurrence(rule, i.zone, at)) {
    const s = await materialize(tx, team, series!, at, now);
    first ??= s;
  }
  const nextDueAt = seriesNext(series!, now);
  await tx.update(schedules).set({ nextDueAt }).where(eq(schedules.id, series!.id));
  return { series: { ...series!, nextDueAt }, first: first! };
}

export interface OneOffInput {
  startsAt: Date;
  zone: string;
  channel: string;
  durationMinutes: number;
  where?: string;
  /** The facilitator planning it (platform id). */
  creator?: string;
}

export async function addSession(tx: Tx, team: Team, i: OneOffInput, now: Date): Promise<Session> {
  const number = await nextTeamNumber(tx, supervisionSessions, team.id);
  const [s] = await tx
    .insert(supervisionSessions)
    .values({ teamId: team.id, number, seriesId: null, startsAt: i.startsAt, zone: i.zone, durationMinutes: i.durationMinutes, place: i.where ?? null, channel: i.channel, createdAt: now })
    .returning();
  await armReminders(tx, team, s!, now, i.creator);
  await homeWaitingTopics(tx, team.id, now);
  return s!;
}

/** What cancelling one session did: whether it was still planned, and where its agenda went. */
export interface Cancelled {
  /** Shared (named or anonymous) topics that were on its agenda; private notes move too but are not counted. */
  topics: number;
  /** The session they now wait for; undefined: none is planned, they join the next one when it is. */
  movedTo?: Session;
}

/**
 * Cancel one session: it sends no reminder from now on, and its topics move on rather than vanish.
 * Returns undefined when it was not planned any more.
 *
 * Why move them: a topic is pinned to the session that was next when it was added, and an agenda shows
 * only its own session's topics, so a cancelled session would silently take members' topics (anonymous
 * ones included, which their author cannot re-add without noticing) with it. They go to the team's next
 * planned session, or become loose (session null) so homeWaitingTopics hands them to the next one planned.
 */
export async function cancelSession(tx: Tx, teamId: number, sessionId: number, now: Date): Promise<Cancelled | undefined> {
  const done = await tx
    .update(supervisionSessions)
    .set({ status: 'cancelled' })
    .where(and(eq(supervisionSessions.id, sessionId), eq(supervisionSessions.teamId, teamId), eq(supervisionSessions.status, 'scheduled')))
    .returning({ id: supervisionSessions.id });
  await disarmReminders(tx, teamId, sessionId);
  if (!done.length) return undefined;
  // Marked cancelled above, so it can no longer be its own "next session".
  const movedTo = await nextSession(tx, teamId, now);
  const moved = await tx
    .update(supervisionTopics)
    .set({ sessionId: movedTo?.id ?? null })
    .where(and(eq(supervisionTopics.teamId, teamId), eq(supervisionTopics.sessionId, sessionId)))
    .returning({ visibility: supervisionTopics.visibility });
  return { topics: moved.filter((t) => t.visibility !== 'private').length, movedTo };
}

export async function activeSeries(tx: Tx, teamId: number): Promise<ScheduleRow[]> {
  return tx
    .select()
    .from(schedules)
    .where(and(eq(schedules.teamId, teamId), eq(schedules.kind, SERIES_KIND), eq(schedules.paused, false)))
    .orderBy(asc(schedules.id));
}

/**
 * A team's active series by the number a member typed ("S2" in `/supervision list`), locked for the change that follows.
 * None of that number in this team (or stopped already) is "unknown" — never another team's series.
 */
export async function findSeriesByNumber(tx: Tx, teamId: number, number: number): Promise<ScheduleRow> {
  const [row] = await tx
    .select()
    .from(schedules)
    .where(and(eq(schedules.teamId, teamId), eq(schedules.kind, SERIES_KIND), eq(schedules.number, number), eq(schedules.paused, false)))
    .for('update');
  if (!row) throw new UserError('supervision.unknownSeries', { got: `S${number}` });
  return row;
}

/** The refusal for a series found by its id that is not active (any more): named as members know it, "S2". */
async function unknownSeries(tx: Tx, teamId: number, seriesId: number): Promise<UserError> {
  const [row] = await tx.select({ number: schedules.number }).from(schedules).where(and(eq(schedules.id, seriesId), eq(schedules.teamId, teamId)));
  return new UserError('supervision.unknownSeries', { got: row?.number ? `S${row.number}` : '' });
}

/** Series stopped (cancelled or replaced): the calendar still lists their dates as cancelled for a while. */
export async function stoppedSeries(tx: Tx, teamId: number): Promise<ScheduleRow[]> {
  return tx
    .select()
    .from(schedules)
    .where(and(eq(schedules.teamId, teamId), eq(schedules.kind, SERIES_KIND), eq(schedules.paused, true), sql`${schedules.payload} ? 'stoppedAt'`))
    .orderBy(asc(schedules.id));
}

/** Stop a series and cancel its sessions still ahead. Returns the sessions cancelled. */
export async function cancelSeries(tx: Tx, teamId: number, seriesId: number, now: Date): Promise<Session[]> {
  const stopped = await tx
    .update(schedules)
    .set({
      paused: true,
      nextDueAt: null,
      payload: sql`${schedules.payload} || jsonb_build_object('stoppedAt', ${now.toISOString()}::text, 'revision', coalesce((${schedules.payload}->>'revision')::int, 0) + 1)`,
    })
    .where(and(eq(schedules.id, seriesId), eq(schedules.teamId, teamId), eq(schedules.kind, SERIES_KIND), eq(schedules.paused, false)))
    .returning({ id: schedules.id });
  if (!stopped.length) throw await unknownSeries(tx, teamId, seriesId);
  const ahead = await tx
    .select()
    .from(supervisionSessions)
    .where(and(eq(supervisionSessions.seriesId, seriesId), eq(supervisionSessions.status, 'scheduled'), gt(supervisionSessions.startsAt, now)))
    .orderBy(asc(supervisionSessions.startsAt));
  // One by one: each cancelled session hands its topics to the next still planned (or leaves them loose).
  for (const s of ahead) await cancelSession(tx, teamId, s.id, now);
  return ahead;
}

/** What changing a series in place did: sessions that moved in time, and those that would now have begun. */
export interface SeriesMoved {
  retimed: Session[];
  cancelled: Session[];
}

/**
 * Move a series to another channel or zone, keeping it and its sessions: answers, topics and the reminders
 * already sent stay valid. A new zone keeps each session's day and hour on the clock, as the series' rule does;
 * a session that would thereby have begun already is cancelled (its topics move on).
 */
export async function moveSeries(tx: Tx, team: Team, seriesId: number, to: { channel: string; zone: string }, now: Date): Promise<SeriesMoved> {
  const [row] = await tx.select().from(schedules).where(and(eq(schedules.id, seriesId), eq(schedules.teamId, team.id), eq(schedules.kind, SERIES_KIND)));
  if (!row) throw await unknownSeries(tx, team.id, seriesId);
  const was = payloadOf(row, SERIES_KIND);
  // A new zone moves its sessions in time: calendars must take the new times (SEQUENCE, see calendar.ts).
  const revision = (was.revision ?? 0) + (to.zone !== row.zone ? 1 : 0);
  const payload = payloadFor(SERIES_KIND, { ...was, channel: to.channel, revision });
  const moved: ScheduleRow = { ...row, zone: to.zone, payload };
  // Cancelled ones too, so that a date cancelled in advance stays cancelled at its new time.
  const ahead = await tx
    .select()
    .from(supervisionSessions)
    .where(and(eq(supervisionSessions.seriesId, seriesId), gt(supervisionSessions.startsAt, now)))
    .orderBy(asc(supervisionSessions.startsAt));
  const out: SeriesMoved = { retimed: [], cancelled: [] };
  for (const s of ahead) {
    const local = DateTime.fromJSDate(s.startsAt, { zone: s.zone });
    const startsAt = localToInstant(local.toISODate()!, local.toFormat('HH:mm'), to.zone);
    const [u] = await tx.update(supervisionSessions).set({ startsAt, zone: to.zone, channel: to.channel }).where(eq(supervisionSessions.id, s.id)).returning();
    if (s.status !== 'scheduled' || (startsAt.getTime() === s.startsAt.getTime() && s.zone === to.zone)) continue;
    if (startsAt <= now) {
      await cancelSession(tx, team.id, s.id, now);
      out.cancelled.push({ ...u!, status: 'cancelled' });
    } else {
      await moveReminders(tx, team.id, u!, now);
      out.retimed.push(u!);
    }
  }
  // The horizon is counted in instants: occurrences the new zone brings into it are planned now (existing ones are kept).
  for (let at = nextOccurrence(row.rule, to.zone, now); at && at.getTime() <= now.getTime() + HORIZON_MS; at = nextOccurrence(row.rule, to.zone, at)) {
    await materialize(tx, team, moved, at, now);
  }
  await tx.update(schedules).set({ zone: to.zone, payload, nextDueAt: seriesNext(moved, now) }).where(eq(schedules.id, row.id));
  return out;
}

/** What replacing a series did: sessions called off, and new sessions that went on from old ones. */
export interface SeriesReplaced {
  series: ScheduleRow;
  cancelled: Session[];
  /** New sessions that went on from old ones, at the same moment or moved within the same week. */
  continued: Session[];
  /** Of those, the ones at another day or hour: where each was and where it is now. */
  moved: { from: Session; to: Session }[];
}

/** The Monday of a session's local week, in its own zone: "the same week" whatever the day or hour. */
function weekOf(s: Pick<Session, 'startsAt' | 'zone'>): string {
  return sameWeekOn(localDate(s.startsAt, s.zone), 1);
}

/**
 * Replace a series by one with another rhythm. A new session in the same week as a cancelled one (at the same moment,
 * or on another day or hour of that week) is that session going on, moved if need be: members' answers, topics and
 * the reminders they already have pass to it (setup then rewrites those reminders to show the new time). The other
 * cancelled sessions' topics go to the next session in time, which the new rhythm may well bring sooner.
 */
export async function replaceSeries(tx: Tx, team: Team, oldId: number, i: SeriesInput, now: Date): Promise<SeriesReplaced> {
  const ahead = await tx
    .select({ id: supervisionSessions.id })
    .from(supervisionSessions)
    .where(and(eq(supervisionSessions.seriesId, oldId), eq(supervisionSessions.status, 'scheduled'), gt(supervisionSessions.startsAt, now)));
  // Where each topic was before cancelling moved it on.
  const topics = ahead.length
    ? await tx
        .select({ id: supervisionTopics.id, sessionId: supervisionTopics.sessionId })
        .from(supervisionTopics)
        .where(inArray(supervisionTopics.sessionId, ahead.map((s) => s.id)))
    : [];
  const gone = await cancelSeries(tx, team.id, oldId, now);
  const { series } = await createSeries(tx, team, i, now);
  const fresh = await tx
    .select()
    .from(supervisionSessions)
    .where(and(eq(supervisionSessions.seriesId, series.id), eq(supervisionSessions.status, 'scheduled')));
  // The same moment first, then the same week: each new session goes on from one old session at most.
  const taken = new Set<number>();
  const twinOf = new Map<number, Session>();
  for (const old of gone) {
    const same = fresh.find((s) => !taken.has(s.id) && s.startsAt.getTime() === old.startsAt.getTime());
    if (same) (taken.add(same.id), twinOf.set(old.id, same));
  }
  for (const old of gone) {
    if (twinOf.has(old.id)) continue;
    const week = fresh.find((s) => !taken.has(s.id) && weekOf(s) === weekOf(old));
    if (week) (taken.add(week.id), twinOf.set(old.id, week));
  }
  const next = await nextSession(tx, team.id, now);
  const out: SeriesReplaced = { series, cancelled: [], continued: [], moved: [] };
  for (const old of gone) {
    const twin = twinOf.get(old.id);
    const ids = topics.filter((t) => t.sessionId === old.id).map((t) => t.id);
    if (ids.length) await tx.update(supervisionTopics).set({ sessionId: (twin ?? next)?.id ?? null }).where(inArray(supervisionTopics.id, ids));
    if (!twin) {
      out.cancelled.push({ ...old, status: 'cancelled' });
      continue;
    }
    // It keeps the old one's planning date too, so its topics do not look like waiting ones (homeWaitingTopics).
    await tx.update(supervisionSessions).set({ createdAt: old.createdAt }).where(eq(supervisionSessions.id, twin.id));
    await tx.update(supervisionRsvps).set({ sessionId: twin.id }).where(eq(supervisionRsvps.sessionId, old.id));
    await handOverSentReminders(tx, team.id, old.id, twin, now);
    out.continued.push(twin);
    if (twin.startsAt.getTime() !== old.startsAt.getTime()) out.moved.push({ from: old, to: twin });
  }
  return out;
}

/**
 * The session on a local date: a planned or held one first, else a cancelled one, so that the member hears it
 * was cancelled rather than that there is none. With `ahead`, a series session on that date beyond the horizon
 * is materialized now, so it can be cancelled in advance; a date cancelled in advance keeps its cancelled row,
 * which is the answer the second time (inserting it again inserts nothing).
 */
export async function sessionOnDate(tx: Tx, team: Team, date: string, now: Date, ahead = false, spanning = false): Promise<Session | undefined> {
  const midnight = localToInstant(date, '00:00', 'UTC').getTime();
  const rows = await tx
    .select()
    .from(supervisionSessions)
    .where(
      and(
        eq(supervisionSessions.teamId, team.id),
        gt(supervisionSessions.startsAt, new Date(midnight - DAY)),
        lt(supervisionSessions.startsAt, new Date(midnight + 2 * DAY)),
      ),
    )
    .orderBy(asc(supervisionSessions.startsAt));
  // With `spanning`, a session under way at that date's midnight counts too (31 Dec 23:00 for two hours is also
  // 1 Jan's): said of a session that has ended, "held" comes after midnight with the new date.
  const underWayAtMidnight = (x: Session) =>
    spanning && x.startsAt < localToInstant(date, '00:00', x.zone) && x.startsAt.getTime() + x.durationMinutes * 60_000 > localToInstant(date, '00:00', x.zone).getTime();
  // The date's own sessions first; one that ran into it comes before one of the date that has not begun yet.
  const rank = (x: Session) => (localDate(x.startsAt, x.zone) !== date ? 1 : spanning && x.startsAt > now ? 2 : 0);
  const onDate = rows.filter((x) => localDate(x.startsAt, x.zone) === date || underWayAtMidnight(x)).sort((a, b) => rank(a) - rank(b));
  const live = onDate.find((s) => s.status !== 'cancelled');
  if (live || !ahead) return live ?? onDate[0];
  for (const series of await activeSeries(tx, team.id)) {
    const dayStart = localToInstant(date, '00:00', series.zone);
    const at = nextOccurrence(series.rule, series.zone, new Date(dayStart.getTime() - 1));
    if (!at || localDate(at, series.zone) !== date || at <= now) continue;
    // Nothing comes back when the series' session on that date exists already, cancelled: that one is the answer.
    const made = await materialize(tx, team, series, at, now);
    if (made) return made;
  }
  return onDate[0];
}
