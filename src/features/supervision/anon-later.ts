// An anonymous agenda topic taken from an /autocheck is written later, by the scheduler: the check is saved with
// its member's id, and a topic row written in the same transaction (or the next one) could be matched to it by
// the database's own bookkeeping. Until it is written, the topic waits sealed in a one-off schedule.
import { randomInt } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { onceRule } from '../../schedule/occurrence.js';
import { newSalt, type Secrets } from '../../core/secrets.js';
import type { Team } from '../../core/teams.js';
import type { Bot } from '../../core/bot.js';
import type { Tx } from '../../db/client.js';
import { schedules, supervisionSessions, supervisionTopics } from '../../db/schema/index.js';
import type { ScheduleKind } from '../../schedule/kinds.js';
import { maskMandatory } from '../cases/deidentify/index.js';
import { dayOf, topicAuthorMac } from './agenda.js';
import { refreshSentReminders } from './reminders.js';
import { nextSession, sessionById } from './store.js';
import { safeError } from '../../log.js';

export const ANON_TOPIC = 'anon-topic';
/** The topic appears on the agenda this many minutes after the check, drawn at random. */
export const ANON_TOPIC_DELAY_MINUTES: readonly [number, number] = [2, 20];

/** What the schedule keeps, sealed: the text and the author's salted MAC (so they can still remove it); no MAC
 *  once its author erased their data leaving their anonymous posts up. */
export interface Waiting {
  text: string;
  /** The session the member was told it joins; another one only if that one is gone by then. */
  sessionId?: number;
  salt: string | null;
  mac: string | null;
}

export const sealWaiting = (secrets: Secrets, w: Waiting) => ({ sealed: secrets.encrypt(JSON.stringify(w)) });
export const openWaiting = (secrets: Secrets, payload: Record<string, unknown>) => JSON.parse(secrets.decrypt(String(payload.sealed))) as Waiting;

/** Queue the topic; it joins the next session's agenda when the schedule fires. */
export async function queueAnonymousTopic(tx: Tx, bot: Bot, o: { team: Team; memberExternalId: string; text: string; sessionId?: number; startsAt?: Date; now: Date }): Promise<void> {
  const salt = newSalt();
  // Masked before it is sealed: the group reads it, and nothing unmasked should wait anywhere (the caller masks too).
  const waiting: Waiting = { text: maskMandatory(o.text), sessionId: o.sessionId, salt, mac: topicAuthorMac(bot.secrets, o.team.id, salt, o.memberExternalId) };
  const [min, max] = ANON_TOPIC_DELAY_MINUTES;
  let at = o.now.getTime() + randomInt(min * 60, max * 60 + 1) * 1000;
  // Before the session it was meant for, if that is sooner (a minute before it, but never sooner than a minute from now).
  if (o.startsAt) at = Math.max(o.now.getTime() + 60_000, Math.min(at, o.startsAt.getTime() - 60_000));
  const due = new Date(at);
  await tx.insert(schedules).values({
    teamId: o.team.id,
    kind: ANON_TOPIC,
    zone: o.team.zone,
    rule: onceRule(due, o.team.zone),
    nextDueAt: due,
    payload: sealWaiting(bot.secrets, waiting),
    // Not the moment of the check: only its day.
    createdAt: dayOf(o.now),
  });
}

/** The topics still waiting (of one team, or all), sealed as they are: for export, erasure and secret rotation. */
export async function waitingTopics(tx: Tx, teamId?: number, o: { lock?: boolean } = {}): Promise<{ id: number; teamId: number; payload: Record<string, unknown> }[]> {
  const q = tx
    .select({ id: schedules.id, teamId: schedules.teamId, payload: schedules.payload })
    .from(schedules)
    .where(teamId === undefined ? eq(schedules.kind, ANON_TOPIC) : and(eq(schedules.kind, ANON_TOPIC), eq(schedules.teamId, teamId)));
  return o.lock ? q.for('update') : q;
}

export const anonTopicKind: ScheduleKind = {
  kind: ANON_TOPIC,
  hidden: true,
  // However late (downtime), the topic is still written: it is the member's, and nothing else would bring it.
  graceMs: Number.POSITIVE_INFINITY,
  next: () => null,
  async fire({ tx, bot, schedule, team, now, afterCommit }) {
    let topic: Waiting | undefined;
    try {
      topic = openWaiting(bot.secrets, schedule.payload);
    } catch (e) {
      bot.log.warn({ schedule: schedule.id, error: safeError(e) }, 'a waiting anonymous topic could not be opened; dropped');
    }
    if (topic) {
      // The session the member was told, unless it was called off or has begun meanwhile (the topic was due a
      // minute before it, but the bot may have been down): then the next one (or none yet: the topic joins the
      // next session planned, as a cancelled session's topics do). A started session's agenda is shown nowhere.
      const [told] = topic.sessionId
        ? await tx
            .select({ id: supervisionSessions.id })
            .from(supervisionSessions)
            .where(and(eq(supervisionSessions.id, topic.sessionId), eq(supervisionSessions.status, 'scheduled'), gt(supervisionSessions.startsAt, now)))
        : [];
      const session = told ? await sessionById(tx, schedule.teamId, told.id) : await nextSession(tx, schedule.teamId, now);
      await tx.insert(supervisionTopics).values({
        teamId: schedule.teamId,
        sessionId: session?.id ?? null,
        memberId: null,
        authorHmac: topic.mac,
        authorSalt: topic.salt,
        // Masked again: a topic sealed before group topics were de-identified reaches the agenda masked as well.
        text: maskMandatory(topic.text),
        visibility: 'anonymous',
        source: null,
        createdAt: dayOf(now),
      });
      // A reminder already sent shows the agenda: the topic joins it there too.
      if (session) afterCommit(() => refreshSentReminders(bot, team, session));
    }
    // Nothing of the waiting topic stays behind (its occurrence row goes with it).
    await tx.delete(schedules).where(eq(schedules.id, schedule.id));
  },
};
