// Session reminders: one 'supervision-reminder' schedule row per planned session, fired at each offset.
//
// Why this shape: the row's next() walks (session start − offset) from its payload, so the generic
// scheduler claims it with SKIP LOCKED and records each (row, instant) once; the outbox key
// `sup-rem:<session>:<offset>` (and `…:dm:<member>` for DMs) makes a second enqueue a no-op. Together:
// each reminder exactly once per session and offset, across restarts and replicas. Cancelling a session
// deletes its row and cancels pending outbox rows (see sessions.ts), so a cancelled session sends none.
import { and, eq, like, sql } from 'drizzle-orm';
import type { Bot } from '../../core/bot.js';
import { message, type Block, type Message } from '../../core/message.js';
import { SETTINGS, DEFAULTS } from '../../core/settings.js';
import { setting, type Team } from '../../core/teams.js';
import type { Tx } from '../../db/client.js';
import { members, outbox, schedules, supervisionPrefs, supervisionSessions, teams } from '../../db/schema/index.js';
import { t, tx as txt, type Lang } from '../../i18n/index.js';
import type { ScheduleKind, ScheduleRow } from '../../schedule/kinds.js';
import { formatLocal } from '../../schedule/occurrence.js';
import { enqueue } from '../../schedule/outbox.js';
import { DateTime } from 'luxon';
import { agendaBlocks, sessionAgenda } from './agenda.js';
import { rsvpCounts, type Session } from './store.js';

export const REMINDER_KIND = 'supervision-reminder';
export const RSVP_ACTION = 'supervision.rsvp';

interface ReminderPayload {
  sessionId: number;
  startsAt: string;
  offsets: number[];
}

export function asLang(x: string | null | undefined): Lang {
  return x === 'en' ? 'en' : 'pl';
}

/** The team's reminder offsets in minutes, largest first. */
export function teamOffsets(team: Team): number[] {
  return [...setting<number[]>(team, SETTINGS.reminderOffsets, DEFAULTS.reminderOffsets)].sort((a, b) => b - a);
}

/** The next reminder instant strictly after `after`, from the payload alone (the scheduler needs it synchronous). */
export function nextReminder(p: ReminderPayload, after: Date): Date | null {
  const start = new Date(p.startsAt).getTime();
  const instants = p.offsets.map((o) => start - o * 60_000).filter((t) => t > after.getTime() && t < start);
  return instants.length ? new Date(Math.min(...instants)) : null;
}

/** Give a freshly planned session its reminder row. */
export async function armReminders(tx: Tx, team: Team, session: Session, now: Date): Promise<void> {
  const payload: ReminderPayload = { sessionId: session.id, startsAt: session.startsAt.toISOString(), offsets: teamOffsets(team) };
  const local = DateTime.fromJSDate(session.startsAt, { zone: session.zone });
  await tx.insert(schedules).values({
    teamId: team.id,
    kind: REMINDER_KIND,
    zone: session.zone,
    rule: { type: 'once', date: local.toISODate()!, time: local.toFormat('HH:mm') },
    nextDueAt: nextReminder(payload, now),
    payload: payload as unknown as Record<string, unknown>,
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

/** New team offsets apply to every session still ahead; reminders already sent stay sent. */
export async function reschedule(tx: Tx, teamId: number, offsets: number[], now: Date): Promise<void> {
  const rows = await tx.select().from(schedules).where(and(eq(schedules.teamId, teamId), eq(schedules.kind, REMINDER_KIND)));
  for (const row of rows) {
    const p = { ...(row.payload as unknown as ReminderPayload), offsets };
    await tx.update(schedules).set({ payload: p as unknown as Record<string, unknown>, nextDueAt: nextReminder(p, now) }).where(eq(schedules.id, row.id));
  }
}

/** "24 hours", "2 days", "30 minutes" in the language. */
export function offsetLabel(lang: Lang, minutes: number): string {
  if (minutes % 1440 === 0 && minutes >= 2880) return txt(lang, 'supervision.unit.days', { count: minutes / 1440 });
  if (minutes % 60 === 0) return txt(lang, 'supervision.unit.hours', { count: minutes / 60 });
  return txt(lang, 'supervision.unit.minutes', { count: minutes });
}

/** The reminder as members see it; rebuilt with fresh counts whenever someone answers. */
export async function reminderMessage(tx: Tx, lang: Lang, session: Session, offset: number, withAgenda: boolean): Promise<Message> {
  const counts = await rsvpCounts(tx, session.id);
  const when = formatLocal(session.startsAt, session.zone, lang);
  const blocks: Block[] = [
    { type: 'heading', text: txt(lang, 'supervision.reminder.title', { in: offsetLabel(lang, offset) }) },
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
    blocks.push(...agendaBlocks(lang, await sessionAgenda(tx, session.id)));
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

export function reminderKey(sessionId: number, offset: number, dmMember?: string): string {
  return `sup-rem:${sessionId}:${offset}${dmMember ? `:dm:${dmMember}` : ''}`;
}

/** Parse a reminder key back: which offset, and for which DM member. */
export function parseReminderKey(key: string): { sessionId: number; offset: number; dmMember?: string } | undefined {
  const m = /^sup-rem:(\d+):(\d+)(?::dm:(.+))?$/.exec(key);
  return m ? { sessionId: Number(m[1]), offset: Number(m[2]), dmMember: m[3] } : undefined;
}

export const reminderKind: ScheduleKind = {
  kind: REMINDER_KIND,
  next(row: ScheduleRow, after: Date) {
    return nextReminder(row.payload as unknown as ReminderPayload, after);
  },
  async fire({ tx, schedule, dueAt, now }) {
    const p = schedule.payload as unknown as ReminderPayload;
    const [session] = await tx.select().from(supervisionSessions).where(eq(supervisionSessions.id, p.sessionId));
    if (!session || session.status !== 'scheduled') return;
    const [team] = await tx.select().from(teams).where(eq(teams.id, schedule.teamId));
    if (!team) return;
    const offset = Math.round((session.startsAt.getTime() - dueAt.getTime()) / 60_000);
    // The earliest (largest-offset) reminder carries the agenda, so members can still add topics after it.
    const withAgenda = offset === Math.max(...p.offsets);
    const lang = asLang(team.lang);
    await enqueue(tx, now, {
      teamId: team.id,
      key: reminderKey(session.id, offset),
      target: { kind: 'channel', channel: session.channel },
      message: await reminderMessage(tx, lang, session, offset, withAgenda),
    });
    const dmMembers = await tx
      .select({ externalId: members.externalId, lang: members.lang })
      .from(supervisionPrefs)
      .innerJoin(members, eq(members.id, supervisionPrefs.memberId))
      .where(and(eq(supervisionPrefs.teamId, team.id), eq(supervisionPrefs.dm, true)));
    for (const m of dmMembers) {
      const mlang = asLang(m.lang ?? team.lang);
      await enqueue(tx, now, {
        teamId: team.id,
        key: reminderKey(session.id, offset, m.externalId),
        target: { kind: 'dm', member: m.externalId },
        message: await reminderMessage(tx, mlang, session, offset, withAgenda),
      });
    }
  },
};

/** Rewrite every reminder of a session already sent (channel and DMs) with the current counts or status. */
export async function refreshSentReminders(bot: Bot, team: Team, session: Session): Promise<void> {
  const port = bot.ports.get(team.platform as never);
  if (!port) return;
  const rows = await bot.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.teamId, team.id), eq(outbox.status, 'sent'), like(outbox.key, `sup-rem:${session.id}:%`)));
  const offsets = rows.map((r) => parseReminderKey(r.key)?.offset ?? 0);
  const largest = Math.max(...teamOffsets(team), ...offsets);
  for (const row of rows) {
    const k = parseReminderKey(row.key);
    if (!k || !row.sentRef) continue;
    let lang = asLang(team.lang);
    if (k.dmMember) {
      const [m] = await bot.db.select({ lang: members.lang }).from(members).where(and(eq(members.teamId, team.id), eq(members.externalId, k.dmMember)));
      lang = asLang(m?.lang ?? team.lang);
    }
    const msg = await reminderMessage(bot.db, lang, session, k.offset, k.offset === largest);
    try {
      await port.update({ team: team.externalId, ...row.sentRef }, msg);
    } catch (e) {
      // A deleted reminder or a closed DM must not fail the member's answer; the counts are in the database.
      bot.log.warn({ outbox: row.id, err: { name: (e as Error).name } }, 'could not update a supervision reminder');
    }
  }
}
