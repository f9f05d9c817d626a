// A session channel that refuses the bot's reminders for good (deleted, archived, the bot removed, or posting not allowed): say so once.
//
// Sessions are not paused: the group meets anyway, members who chose DMs still get their reminders, and once the bot
// is back in the channel the next reminder simply goes out. What must not happen is silence week after week: whoever
// planned the series (else every named facilitator) hears it once per series and channel (once per one-off session),
// and /supervision list flags it while the channel still refuses.
import { and, eq, sql } from 'drizzle-orm';
import type { Context } from '../../core/context.js';
import type { RefusalReason } from '../../core/errors.js';
import { message, textBlock } from '../../core/message.js';
import { teamLang } from '../../core/teams.js';
import { schedules, supervisionSessions, teams } from '../../db/schema/index.js';
import { t } from '../../i18n/index.js';
import type { ScheduleRow, Undelivered } from '../../schedule/kinds.js';
import { payloadFor, payloadOf } from '../../schedule/payload.js';
import { enqueue } from '../../schedule/outbox.js';
import { facilitatorsToTell } from '../onboarding/facilitators.js';
import { parseReminderKey, REMINDER_KIND } from './reminders.js';
import { SERIES_KIND } from './sessions.js';
import type { Session } from './store.js';
import { sessionWhen } from './when.js';

/** The mark left on a series (or a one-off session's reminder row) whose channel refused. */
export interface Unavailable {
  channel: string;
  since: string;
  code: string;
  /** Why, when the platform said: a channel that lets nobody post (restricted) needs other words than one without me. */
  why?: RefusalReason;
}

/** The delivery hook for `sup-rem:` rows: a channel copy refused for good marks its series (or session) and tells once. */
export async function reminderUndelivered({ tx, key, code, gone, why, now }: Undelivered): Promise<void> {
  const k = parseReminderKey(key);
  // A member's DM refused: their own setting; the channel copy still reaches them.
  if (gone !== 'place' || !k || k.dmMember) return;
  const [session] = await tx.select().from(supervisionSessions).where(eq(supervisionSessions.id, k.sessionId));
  if (!session) return;
  const mark: Unavailable = { channel: session.channel, since: now.toISOString(), code, ...(why ? { why } : {}) };
  // The series' row (or, for a one-off, the session's reminder row) carries the mark; locked, so two failing
  // reminders at once tell once.
  const [row] = session.seriesId
    ? await tx.select().from(schedules).where(eq(schedules.id, session.seriesId)).for('update')
    : await tx
        .select()
        .from(schedules)
        .where(and(eq(schedules.kind, REMINDER_KIND), sql`${schedules.payload}->>'sessionId' = ${String(session.id)}`))
        .for('update');
  if (!row) return;
  const series = session.seriesId ? payloadOf(row, SERIES_KIND) : undefined;
  const p = series ?? payloadOf(row, REMINDER_KIND);
  // The series posts elsewhere now: that channel may well work. Marked for this channel already: told already.
  if (series && series.channel !== session.channel) return;
  if (p.unavailable?.channel === session.channel) return;
  const payload = series ? payloadFor(SERIES_KIND, { ...series, unavailable: mark }) : payloadFor(REMINDER_KIND, { ...payloadOf(row, REMINDER_KIND), unavailable: mark });
  await tx.update(schedules).set({ payload }).where(eq(schedules.id, row.id));
  const [team] = await tx.select().from(teams).where(eq(teams.id, session.teamId));
  if (!team) return;
  for (const m of await facilitatorsToTell(tx, team.id, p.creator)) {
    const lang = teamLang(team, m);
    const restricted = why === 'restricted';
    const text = session.seriesId
      ? t(lang, restricted ? 'supervision.unavailable.seriesRestricted' : 'supervision.unavailable.series', { series: `S${row.number}`, channel: { channel: session.channel } })
      : t(lang, restricted ? 'supervision.unavailable.sessionRestricted' : 'supervision.unavailable.session', {
          id: session.number,
          when: sessionWhen(lang, session, { zone: m.zone ?? team.zone, member: true }),
          channel: { channel: session.channel },
        });
    await enqueue(tx, now, {
      teamId: team.id,
      key: `sup-unavailable:${session.seriesId ? `S${session.seriesId}` : session.id}:${session.channel}:${m.externalId}`,
      target: { kind: 'dm', member: m.externalId },
      message: message(textBlock(text)),
    });
  }
}

/** The mark of a series (its payload) or one-off reminder row refused in its current channel, if any. */
export function refusedMark(payload: { unavailable?: Unavailable }, channel: string): Unavailable | undefined {
  const mark = payload.unavailable;
  return mark?.channel === channel ? mark : undefined;
}

/**
 * Channels of these series and sessions marked as refusing the reminders that still refuse, with why (the words
 * differ: invite me, or let me post). Asked again of the platform, so the flag goes as soon as the bot is back in; a
 * platform that cannot say keeps the mark. For /supervision list.
 */
export async function refusingChannels(ctx: Context, series: ScheduleRow[], sessions: Session[]): Promise<Map<string, RefusalReason | undefined>> {
  const marked = new Map<string, RefusalReason | undefined>();
  for (const s of series) {
    const p = payloadOf(s, SERIES_KIND);
    const mark = refusedMark(p, p.channel);
    if (mark) marked.set(p.channel, mark.why);
  }
  // A one-off session carries its mark on its reminder row (reminderUndelivered).
  const oneOffs = sessions.filter((s) => s.seriesId === null);
  if (oneOffs.length) {
    const rows = await ctx.db
      .select({ id: schedules.id, kind: schedules.kind, payload: schedules.payload })
      .from(schedules)
      .where(and(eq(schedules.teamId, ctx.team.id), eq(schedules.kind, REMINDER_KIND), sql`${schedules.payload} ? 'unavailable'`));
    for (const r of rows) {
      const p = payloadOf(r, REMINDER_KIND);
      const s = oneOffs.find((x) => String(x.id) === String(p.sessionId));
      const mark = s && refusedMark(p, s.channel);
      if (mark) marked.set(s.channel, mark.why);
    }
  }
  const out = new Map<string, RefusalReason | undefined>();
  for (const [channel, why] of marked) {
    const can = await Promise.resolve(ctx.port.canPost?.(ctx.team.externalId, channel)).catch(() => undefined);
    if (can !== true) out.set(channel, why);
  }
  return out;
}
