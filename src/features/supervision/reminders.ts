// Session reminders: one 'supervision-reminder' schedule row per planned session, fired at each offset.
//
// Why this shape: the row's next() walks (session start − offset) from its payload, so the generic
// scheduler claims it with SKIP LOCKED and records each (row, instant) once; the outbox key
// `sup-rem:<session>:<offset>` (and `…:dm:<member>` for DMs) makes a second enqueue a no-op. Together:
// each reminder exactly once per session and offset, across restarts and replicas. Cancelling a session
// deletes its row and cancels pending outbox rows (see sessions.ts), so a cancelled session sends none.
//
// After downtime the scheduler hands fire() every missed offset still within its grace window, oldest first,
// in one tick. Members should then get one reminder, not a burst, and never one for a session already under
// way: fire() sends only the latest of the due offsets, titles it by the time really left, and skips a
// session that has started. The key stays the nominal offset, so exactly-once is untouched.
import { randomInt } from 'node:crypto';
import { and, eq, like, notLike, sql } from 'drizzle-orm';
import type { Bot } from '../../core/bot.js';
import { UserError } from '../../core/errors.js';
import { type Block, type Message } from '../../core/message.js';
import { fold, parseOffsets } from '../../core/parse.js';
import { SETTINGS, DEFAULTS } from '../../core/settings.js';
import { portOf, setting, teamLang, type Team } from '../../core/teams.js';
import type { ChatPort } from '../../core/port.js';
import type { Tx } from '../../db/client.js';
import { members, outbox, schedules, supervisionPrefs, supervisionSessions, teams } from '../../db/schema/index.js';
import { t, tx as txt, type Lang } from '../../i18n/index.js';
import type { ScheduleKind, ScheduleRow } from '../../schedule/kinds.js';
import { payloadFor, payloadOf, scheduleKindName } from '../../schedule/payload.js';
import { enqueue } from '../../schedule/outbox.js';
import { onceRule } from '../../schedule/occurrence.js';
import { agendaBlocks, sessionAgenda, type AgendaItem } from './agenda.js';
import { rsvpCounts, type Answer, type Session } from './store.js';
import { reminderUndelivered, type Unavailable } from './unavailable.js';
import { sessionWhen, type Reader } from './when.js';

/** What a session's reminder row carries: the session, when it starts, and the offsets before it to remind at. */
type ReminderPayload = {
  sessionId: number;
  startsAt: string;
  offsets: number[];
  /** A rewrite of the reminders already sent, owed at this instant (an erasure took topics off the agenda). */
  refreshAt?: string;
  /** Who planned a one-off session (a series keeps its own): told if its channel refuses the reminders. */
  creator?: string;
  /** Set on a one-off session's row when its channel refused a reminder for good (a series' own row carries it). */
  unavailable?: Unavailable;
};

export const REMINDER_KIND = scheduleKindName<ReminderPayload>()('supervision-reminder');
export const RSVP_ACTION = 'supervision.rsvp';

/** Reminder offsets a team may choose, in minutes: 5 minutes to 14 days (sessions.ts plans 15 days ahead). */
export const OFFSET_MIN = 5;
export const OFFSET_MAX = 14 * 1440;

/**
 * Offsets as a facilitator types them ("48h,2h"). The core parser answers "not an offset I can read" for a
 * readable one out of range too; "20d" deserves to hear the range instead, so that case is told apart here.
 */
export function readOffsets(raw: string): number[] {
  for (const part of raw.split(/[,\s]+/).filter(Boolean)) {
    const m = /^(\d+)(d|h|m|min)$/.exec(fold(part));
    if (!m) continue;
    const minutes = Number(m[1]) * (m[2] === 'd' ? 1440 : m[2] === 'h' ? 60 : 1);
    if (minutes < OFFSET_MIN || minutes > OFFSET_MAX) throw new UserError('supervision.offsetOutOfRange', { got: part });
  }
  return parseOffsets(raw);
}

/** The team's reminder offsets in minutes, largest first. */
export function teamOffsets(team: Team): number[] {
  return [...setting<number[]>(team, SETTINGS.reminderOffsets, DEFAULTS.reminderOffsets)].sort((a, b) => b - a);
}

/** The next reminder to send strictly after `after` (an offset's instant), from the payload alone. */
function nextOffset(p: ReminderPayload, after: Date): Date | null {
  const start = new Date(p.startsAt).getTime();
  const instants = p.offsets.map((o) => start - o * 60_000).filter((t) => t > after.getTime() && t < start);
  return instants.length ? new Date(Math.min(...instants)) : null;
}

/**
 * The row's next instant strictly after `after` (the scheduler needs it synchronous): a reminder, a refresh owed, or
 * last the session's start, when whatever of its reminders the platform still holds back is called off (expire).
 */
export function nextReminder(p: ReminderPayload, after: Date): Date | null {
  const start = new Date(p.startsAt);
  const offset = nextOffset(p, after) ?? (start > after ? start : null);
  const refresh = p.refreshAt ? new Date(p.refreshAt) : null;
  if (!refresh || refresh <= after || refresh >= start) return offset;
  return !offset || refresh < offset ? refresh : offset;
}

/**
 * At the session's start: its reminders still waiting in the outbox (a 429, a paused platform, retries) are
 * cancelled, so none arrives once it is under way. Per session, in the scheduler's tick: delivery's hot path, which
 * also sends every prompt of a fan-out, asks nothing more of any row (it drops cancelled rows it holds already).
 */
async function expire(tx: Tx, sessionId: number): Promise<void> {
  await tx.update(outbox).set({ status: 'cancelled' }).where(and(eq(outbox.status, 'pending'), like(outbox.key, `sup-rem:${sessionId}:%`)));
}

/** How long after an erasure the reminders it changed are rewritten, in minutes, drawn at random (see refreshLater). */
export const REFRESH_DELAY_MINUTES: readonly [number, number] = [2, 30];

/**
 * Rewrite these sessions' sent reminders a little later, at a random moment, through their reminder rows. For an
 * erasure: its transaction cannot reach the platform, and an edit in the very minute a member was erased would
 * tell the group whose topics (the anonymous ones too) went with them.
 */
export async function refreshLater(tx: Tx, teamId: number, sessionIds: number[], now: Date): Promise<void> {
  const [min, max] = REFRESH_DELAY_MINUTES;
  for (const id of new Set(sessionIds)) {
    const rows = await tx
      .select()
      .from(schedules)
      .where(and(eq(schedules.teamId, teamId), eq(schedules.kind, REMINDER_KIND), sql`${schedules.payload}->>'sessionId' = ${String(id)}`));
    for (const row of rows) {
      const p = payloadOf(row, REMINDER_KIND);
      const start = new Date(p.startsAt).getTime();
      if (start <= now.getTime()) continue;
      const at = new Date(Math.min(now.getTime() + randomInt(min * 60, max * 60 + 1) * 1000, start - 1000));
      const payload: ReminderPayload = { ...p, refreshAt: at.toISOString() };
      await tx.update(schedules).set({ payload: payloadFor(REMINDER_KIND, payload), nextDueAt: nextReminder(payload, now) }).where(eq(schedules.id, row.id));
    }
  }
}

/** Give a freshly planned session its reminder row. */
export async function armReminders(tx: Tx, team: Team, session: Session, now: Date, creator?: string): Promise<void> {
  const payload: ReminderPayload = { sessionId: session.id, startsAt: session.startsAt.toISOString(), offsets: teamOffsets(team), ...(creator ? { creator } : {}) };
  await tx.insert(schedules).values({
    teamId: team.id,
    kind: REMINDER_KIND,
    zone: session.zone,
    rule: onceRule(session.startsAt, session.zone),
    nextDueAt: nextReminder(payload, now),
    payload: payloadFor(REMINDER_KIND, payload),
  });
}

/** Stop a session's reminders: the row goes, and anything queued but not yet sent is cancelled. */
export async function disarmReminders(tx: Tx, teamId: number, sessionId: number): Promise<void> {
  await tx
    .delete(schedules)
    .where(and(eq(schedules.teamId, teamId), eq(schedules.kind, REMINDER_KIND), sql`${schedules.payload}->>'sessionId' = ${String(sessionId)}`));
  await tx
    .update(outbox)
    .set({ status: 'cancelled' })
    .where(and(eq(outbox.status, 'pending'), like(outbox.key, `sup-rem:${sessionId}:%`)));
}

/**
 * A session moved in time (its series changed zone): its reminders follow it. Those already sent stay sent, and
 * their keys (session and nominal offset) keep an offset that comes round again from going out twice.
 */
export async function moveReminders(tx: Tx, teamId: number, session: Session, now: Date): Promise<void> {
  const rows = await tx
    .select()
    .from(schedules)
    .where(and(eq(schedules.teamId, teamId), eq(schedules.kind, REMINDER_KIND), sql`${schedules.payload}->>'sessionId' = ${String(session.id)}`));
  const rule = onceRule(session.startsAt, session.zone);
  for (const row of rows) {
    const p: ReminderPayload = { ...payloadOf(row, REMINDER_KIND), startsAt: session.startsAt.toISOString() };
    await tx
      .update(schedules)
      .set({ zone: session.zone, rule, payload: payloadFor(REMINDER_KIND, p), nextDueAt: nextReminder(p, now) })
      .where(eq(schedules.id, row.id));
  }
}

/**
 * A cancelled session goes on as another (setup replaced its series): the reminders members already got become that
 * session's, so refreshSentReminders rewrites them with live buttons instead of calling the session off.
 *
 * Only an offset whose instant for the new session has passed already keeps its key, so it is not sent again. One
 * still ahead (the session moved later in its week) must fire as usual: its sent reminder is handed over marked
 * `moved`, so it no longer takes that offset's key, and is rewritten with the new date and no countdown (a countdown
 * counted from its sending would be wrong for the new date).
 */
export async function handOverSentReminders(tx: Tx, teamId: number, fromSessionId: number, to: Pick<Session, 'id' | 'startsAt'>, now: Date): Promise<void> {
  const rows = await tx
    .select({ id: outbox.id, key: outbox.key })
    .from(outbox)
    .where(and(eq(outbox.teamId, teamId), eq(outbox.status, 'sent'), like(outbox.key, `sup-rem:${fromSessionId}:%`)));
  for (const r of rows) {
    const k = parseReminderKey(r.key);
    if (!k) continue;
    const moved = k.moved || to.startsAt.getTime() - k.offset * 60_000 > now.getTime();
    await tx.update(outbox).set({ key: reminderKey(to.id, k.offset, k.dmMember, moved) }).where(eq(outbox.id, r.id));
  }
}

/** New team offsets apply to every session still ahead; reminders already sent stay sent. */
export async function reschedule(tx: Tx, teamId: number, offsets: number[], now: Date): Promise<void> {
  const rows = await tx.select().from(schedules).where(and(eq(schedules.teamId, teamId), eq(schedules.kind, REMINDER_KIND)));
  for (const row of rows) {
    const p = { ...payloadOf(row, REMINDER_KIND), offsets };
    await tx.update(schedules).set({ payload: payloadFor(REMINDER_KIND, p), nextDueAt: nextReminder(p, now) }).where(eq(schedules.id, row.id));
  }
}

/** Whether a member also gets the team's session reminders by DM (`/supervision dm`); fire() reads it. */
export async function setReminderDm(tx: Tx, teamId: number, memberId: number, on: boolean): Promise<void> {
  await tx
    .insert(supervisionPrefs)
    .values({ memberId, teamId, dm: on })
    .onConflictDoUpdate({ target: supervisionPrefs.memberId, set: { dm: on } });
}

/** "24 hours", "2 days", "30 minutes" in the language. */
export function offsetLabel(lang: Lang, minutes: number): string {
  if (minutes % 1440 === 0 && minutes >= 2880) return txt(lang, 'supervision.unit.days', { count: minutes / 1440 });
  if (minutes % 60 === 0) return txt(lang, 'supervision.unit.hours', { count: minutes / 60 });
  return txt(lang, 'supervision.unit.minutes', { count: minutes });
}

/** A reminder queued this late after its instant (the tick is once a minute) still counts as on time. */
const ON_TIME_MS = 2 * 60_000;

/**
 * The minutes a reminder's title announces: its nominal offset when it was queued on time; else the time
 * really left when it was queued (or, for a session moved since, would have been): in minutes under 2 hours, then in whole hours, then whole days, rounded down.
 * Down, never to the nearest: "in 2 hours" with 100 minutes left would have members arrive late.
 */
export function titleMinutes(offset: number, startsAt: Date, queuedAt: Date): number {
  // Either way: a session moved later since (setup's new rhythm) is further off than the offset said.
  const late = queuedAt.getTime() - (startsAt.getTime() - offset * 60_000);
  if (Math.abs(late) < ON_TIME_MS) return offset;
  const left = Math.max(1, Math.round((startsAt.getTime() - queuedAt.getTime()) / 60_000));
  if (left < 120) return left;
  if (left < 2 * 1440) return Math.floor(left / 60) * 60;
  return Math.floor(left / 1440) * 1440;
}

/** The offset of the session's first channel reminder, the one that carries the agenda (undefined: none yet). */
async function firstReminderOffset(tx: Tx, sessionId: number, moved = false): Promise<number | undefined> {
  const rows = await tx
    .select({ key: outbox.key })
    .from(outbox)
    .where(and(like(outbox.key, `sup-rem:${sessionId}:%`), notLike(outbox.key, '%:dm:%')));
  // A reminder handed over from before a move counts only among its own kind: the moved session's own first
  // reminder still carries the agenda.
  const offsets = rows
    .map((r) => parseReminderKey(r.key))
    .filter((k) => k !== undefined && Boolean(k.moved) === moved)
    .map((k) => k!.offset);
  return offsets.length ? Math.max(...offsets) : undefined;
}

/** What a reminder shows that members change: the answers' counts and the agenda. */
interface Shown {
  counts: Record<Answer, number>;
  agenda: AgendaItem[];
}

async function whatRemindersShow(tx: Tx, sessionId: number): Promise<Shown> {
  return { counts: await rsvpCounts(tx, sessionId), agenda: await sessionAgenda(tx, sessionId) };
}

/**
 * How much of each topic a reminder shows. A reminder is a notice in the channel, read at a glance, and rewritten as
 * topics come: a dozen topics of up to 1,000 characters would fill several messages (Slack's and Discord's limits).
 * Whole topics are in `/supervision agenda` and the home view, which the reminder names when it shortened one.
 */
export const REMINDER_TOPIC_MAX = 300;

/**
 * The reminder as members see it; rebuilt with fresh counts whenever someone answers. `minutes` is what
 * its title announces (see titleMinutes), or 'moved' for one sent before its session moved later (no countdown);
 * `reader` is the team for the channel's copy, the member for a DM.
 */
export async function reminderMessage(tx: Tx, lang: Lang, session: Session, minutes: number | 'moved', withAgenda: boolean, reader: Reader, shown?: Shown): Promise<Message> {
  const { counts, agenda } = shown ?? (await whatRemindersShow(tx, session.id));
  const when = sessionWhen(lang, session, reader);
  const title = minutes === 'moved' ? txt(lang, 'supervision.reminder.titleMoved') : txt(lang, 'supervision.reminder.title', { in: offsetLabel(lang, minutes) });
  const blocks: Block[] = [
    { type: 'heading', text: title },
    { type: 'text', text: t(lang, 'supervision.reminder.when', { when, duration: session.durationMinutes }) },
  ];
  if (session.place) blocks.push({ type: 'text', text: t(lang, 'supervision.reminder.where', { where: session.place }) });
  if (session.status === 'cancelled') {
    blocks.push({ type: 'note', text: t(lang, 'supervision.reminder.cancelled') });
    return { blocks, summary: txt(lang, 'supervision.reminder.summary', { when }) };
  }
  blocks.push({ type: 'text', text: t(lang, 'supervision.reminder.counts', counts) });
  if (withAgenda) {
    blocks.push({ type: 'text', text: t(lang, 'supervision.reminder.agenda') });
    blocks.push(...agendaBlocks(lang, agenda, { topicMax: REMINDER_TOPIC_MAX }));
  }
  blocks.push({
    type: 'actions',
    buttons: [
      { action: RSVP_ACTION, value: `${session.id}:coming`, label: txt(lang, 'supervision.rsvp.coming'), style: 'primary' },
      { action: RSVP_ACTION, value: `${session.id}:not`, label: txt(lang, 'supervision.rsvp.not') },
      { action: RSVP_ACTION, value: `${session.id}:maybe`, label: txt(lang, 'supervision.rsvp.maybe') },
    ],
  });
  return { blocks, summary: txt(lang, 'supervision.reminder.summary', { when }) };
}

/** `moved`: sent before its session moved later, the offset still to come (see handOverSentReminders). */
export function reminderKey(sessionId: number, offset: number, dmMember?: string, moved = false): string {
  return `sup-rem:${sessionId}:${offset}${moved ? ':moved' : ''}${dmMember ? `:dm:${dmMember}` : ''}`;
}

/** Parse a reminder key back: which offset, for which DM member, and whether its session moved since. */
export function parseReminderKey(key: string): { sessionId: number; offset: number; dmMember?: string; moved?: true } | undefined {
  const m = /^sup-rem:(\d+):(\d+)(:moved)?(?::dm:(.+))?$/.exec(key);
  return m ? { sessionId: Number(m[1]), offset: Number(m[2]), dmMember: m[4], ...(m[3] ? { moved: true as const } : {}) } : undefined;
}

export const reminderKind: ScheduleKind = {
  kind: REMINDER_KIND,
  next(row: ScheduleRow, after: Date) {
    return nextReminder(payloadOf(row, REMINDER_KIND), after);
  },
  async fire({ tx, bot, schedule, team: scheduleTeam, dueAt, now, afterCommit }) {
    const p = payloadOf(schedule, REMINDER_KIND);
    if (dueAt.getTime() === new Date(p.startsAt).getTime()) return expire(tx, p.sessionId);
    const [session] = await tx.select().from(supervisionSessions).where(eq(supervisionSessions.id, p.sessionId));
    if (!session) return;
    // A refresh owed (refreshLater), not an offset: rewrite what was sent once this tick has committed.
    if (p.refreshAt && dueAt.getTime() === new Date(p.refreshAt).getTime() && !p.offsets.some((o) => session.startsAt.getTime() - o * 60_000 === dueAt.getTime())) {
      afterCommit(() => refreshSentReminders(bot, scheduleTeam, session));
      return;
    }
    if (session.status !== 'scheduled') return;
    // Under way already (a catch-up after downtime): "supervision in …" would be wrong and too late to help.
    if (session.startsAt <= now) return;
    // A later offset is due too, and the scheduler fires it next in this same tick (it walks next() the same
    // way): only that one goes out, so a catch-up brings one reminder, with the freshest counts.
    const later = nextOffset(p, dueAt);
    if (later && later <= now) return;
    const [team] = await tx.select().from(teams).where(eq(teams.id, schedule.teamId));
    if (!team) return;
    const offset = Math.round((session.startsAt.getTime() - dueAt.getTime()) / 60_000);
    const minutes = titleMinutes(offset, session.startsAt, now);
    // The first reminder members get carries the agenda, so they can still add topics after it. Usually the
    // largest offset; after a catch-up that skipped it, the one that did go out.
    const first = await firstReminderOffset(tx, session.id);
    const withAgenda = first === undefined || first <= offset;
    const lang = teamLang(team);
    await enqueue(tx, now, {
      teamId: team.id,
      key: reminderKey(session.id, offset),
      target: { kind: 'channel', channel: session.channel },
      message: await reminderMessage(tx, lang, session, minutes, withAgenda, { zone: team.zone, member: false, channel: true }),
    });
    const dmMembers = await tx
      .select({ externalId: members.externalId, lang: members.lang, zone: members.zone })
      .from(supervisionPrefs)
      .innerJoin(members, eq(members.id, supervisionPrefs.memberId))
      .where(and(eq(supervisionPrefs.teamId, team.id), eq(supervisionPrefs.dm, true)));
    for (const m of dmMembers) {
      const mlang = teamLang(team, m);
      await enqueue(tx, now, {
        teamId: team.id,
        key: reminderKey(session.id, offset, m.externalId),
        target: { kind: 'dm', member: m.externalId },
        message: await reminderMessage(tx, mlang, session, minutes, withAgenda, { zone: m.zone ?? team.zone, member: true }),
      });
    }
  },
  // Down past the start (beyond the grace window): the start's clean-up is still owed.
  async skipped({ tx, schedule, dueAt }) {
    const p = payloadOf(schedule, REMINDER_KIND);
    if (dueAt.getTime() === new Date(p.startsAt).getTime()) await expire(tx, p.sessionId);
  },
  // A channel that refuses for good: told once, flagged in /supervision list (unavailable.ts; a call, since it imports this module).
  undelivered: { keyPrefix: 'sup-rem:', handle: (u) => reminderUndelivered(u) },
};

/**
 * Rewrite every reminder of a session already sent (channel and DMs) with the current counts or status.
 *
 * Two members answering at once each start a rewrite, and the one that read the counts first may edit last, leaving
 * the older counts on show. So once its edits are done, a rewrite reads again: if what the reminders show changed
 * meanwhile, it edits again. The last rewrite to finish has then shown what is stored (every answer that committed
 * later brings a rewrite of its own).
 */
export async function refreshSentReminders(bot: Bot, team: Team, session: Session): Promise<void> {
  const port = portOf(bot, team);
  if (!port) return;
  let shown = await whatRemindersShow(bot.db, session.id);
  for (let pass = 0; pass < 3; pass++) {
    await rewriteSent(bot, port, team, session, shown);
    const now = await whatRemindersShow(bot.db, session.id);
    if (JSON.stringify(now) === JSON.stringify(shown)) return;
    shown = now;
  }
}

async function rewriteSent(bot: Bot, port: ChatPort, team: Team, session: Session, shown: Shown): Promise<void> {
  const rows = await bot.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.teamId, team.id), eq(outbox.status, 'sent'), like(outbox.key, `sup-rem:${session.id}:%`)));
  const first = await firstReminderOffset(bot.db, session.id);
  const firstMoved = await firstReminderOffset(bot.db, session.id, true);
  for (const row of rows) {
    const k = parseReminderKey(row.key);
    if (!k || !row.sentRef) continue;
    let lang = teamLang(team);
    let reader: Reader = { zone: team.zone, member: false, channel: true };
    if (k.dmMember) {
      const [m] = await bot.db.select({ lang: members.lang, zone: members.zone }).from(members).where(and(eq(members.teamId, team.id), eq(members.externalId, k.dmMember)));
      lang = teamLang(team, m);
      reader = { zone: m?.zone ?? team.zone, member: true };
    }
    // Same title and agenda as when it was queued: a late reminder keeps saying the time that was really left. One
    // sent before its session moved later says the new date without a countdown.
    const msg = k.moved
      ? await reminderMessage(bot.db, lang, session, 'moved', k.offset === firstMoved, reader, shown)
      : await reminderMessage(bot.db, lang, session, titleMinutes(k.offset, session.startsAt, row.createdAt), k.offset === first, reader, shown);
    try {
      await port.update({ team: team.externalId, ...row.sentRef }, msg);
    } catch (e) {
      // A deleted reminder or a closed DM must not fail the member's answer; the counts are in the database.
      bot.log.warn({ outbox: row.id, err: { name: (e as Error).name } }, 'could not update a supervision reminder');
    }
  }
}
