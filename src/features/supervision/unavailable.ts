// A session channel that refuses the bot's reminders for good (deleted, archived, the bot removed): say so once.
//
// Sessions are not paused: the group meets anyway, members who chose DMs still get their reminders, and once the bot
// is back in the channel the next reminder simply goes out. What must not happen is silence week after week: whoever
// planned the series (else every named facilitator) hears it once per series and channel (once per one-off session),
// and /supervision list flags it while the channel still refuses.
import { and, eq, sql } from 'drizzle-orm';
import { message, textBlock } from '../../core/message.js';
import type { Tx } from '../../db/client.js';
import { members, schedules, supervisionSessions, teams } from '../../db/schema/index.js';
import { isLang, t } from '../../i18n/index.js';
import type { Undelivered } from '../../schedule/kinds.js';
import { enqueue } from '../../schedule/outbox.js';
import { asLang, parseReminderKey, REMINDER_KIND } from './reminders.js';
import { sessionWhen } from './when.js';

/** The mark left on a series (or a one-off session's reminder row) whose channel refused. */
export interface Unavailable {
  channel: string;
  since: string;
  code: string;
}

type Member = typeof members.$inferSelect;

async function whoToTell(tx: Tx, teamId: number, creator: string | undefined): Promise<Member[]> {
  if (creator) {
    const [c] = await tx.select().from(members).where(and(eq(members.teamId, teamId), eq(members.externalId, creator)));
    if (c && !c.facilitatorRevoked) return [c];
  }
  return tx.select().from(members).where(and(eq(members.teamId, teamId), eq(members.facilitator, true), eq(members.facilitatorRevoked, false)));
}

/** The delivery hook for `sup-rem:` rows: a channel copy refused for good marks its series (or session) and tells once. */
export async function reminderUndelivered({ tx, key, code, gone, now }: Undelivered): Promise<void> {
  const k = parseReminderKey(key);
  // A member's DM refused: their own setting; the channel copy still reaches them.
  if (gone !== 'place' || !k || k.dmMember) return;
  const [session] = await tx.select().from(supervisionSessions).where(eq(supervisionSessions.id, k.sessionId));
  if (!session) return;
  const mark: Unavailable = { channel: session.channel, since: now.toISOString(), code };
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
  const p = row.payload as { channel?: string; creator?: string; unavailable?: Unavailable };
  // The series posts elsewhere now: that channel may well work. Marked for this channel already: told already.
  if (session.seriesId && p.channel !== session.channel) return;
  if (p.unavailable?.channel === session.channel) return;
  await tx.update(schedules).set({ payload: { ...p, unavailable: mark } as Record<string, unknown> }).where(eq(schedules.id, row.id));
  const [team] = await tx.select().from(teams).where(eq(teams.id, session.teamId));
  if (!team) return;
  for (const m of await whoToTell(tx, team.id, p.creator)) {
    const lang = isLang(m.lang) ? m.lang : asLang(team.lang);
    const text = session.seriesId
      ? t(lang, 'supervision.unavailable.series', { series: `S${session.seriesId}`, channel: { channel: session.channel } })
      : t(lang, 'supervision.unavailable.session', {
          id: session.id,
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

/** Whether this series (its payload) or one-off reminder row is marked as refused in its current channel. */
export function markedUnavailable(payload: unknown, channel: string): boolean {
  return (payload as { unavailable?: Unavailable } | null)?.unavailable?.channel === channel;
}
