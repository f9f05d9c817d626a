// An anonymous agenda topic comes and goes at a random moment, by the scheduler, never when its author acts: from an
// /autocheck, the check is saved with its member's id, and a topic row written in the same transaction (or the next
// one) could be matched to it by the database's own bookkeeping; from `/supervision topic anon`, anyone polling the
// agenda (or a reminder that an RSVP rewrites) would see it appear the minute its author typed. Until it is written,
// the topic waits sealed in a one-off schedule. Its removal waits the same way (by its author, or withdrawn by their
// erasure, each topic at its own moment), the topic meanwhile unlinked from them and still on the agenda.
import { randomInt } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import { onceRule } from '../../schedule/occurrence.js';
import { dayOf } from '../../core/day.js';
import { newSalt, type Secrets } from '../../core/secrets.js';
import type { Team } from '../../core/teams.js';
import type { Bot } from '../../core/bot.js';
import type { Tx } from '../../db/client.js';
import { nextTeamNumber } from '../../db/numbers.js';
import { schedules, supervisionSessions, supervisionTopics } from '../../db/schema/index.js';
import type { ScheduleKind } from '../../schedule/kinds.js';
import { payloadOf, scheduleKindName } from '../../schedule/payload.js';
import { maskMandatory } from '../cases/deidentify/index.js';
import { topicAuthorMac } from './agenda.js';
import { refreshSentReminders } from './reminders.js';
import { nextSession, sessionById } from './store.js';
import { safeError } from '../../log.js';

/** What its schedule carries: the topic waiting, sealed (see Waiting), or the row id of a topic to take off the agenda. */
type AnonTopicPayload = { sealed: string } | { remove: number };
export const ANON_TOPIC = scheduleKindName<AnonTopicPayload>()('anon-topic');
/** The topic appears on the agenda (or leaves it, when its author removes it) this many minutes later, drawn at random. */
export const ANON_TOPIC_DELAY_MINUTES: readonly [number, number] = [2, 20];
const MINUTE = 60_000;

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
  const due = randomMoment(o.now, ANON_TOPIC_DELAY_MINUTES, o.startsAt);
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

/**
 * A random moment `window` minutes from now. When the session the topic is on starts sooner, it is drawn again
 * within what is left before it (up to a minute before it, never sooner than a minute from now): the agenda and the
 * reminders are read before a session, and several topics clamped to the same last minute would leave together.
 */
export function randomMoment(now: Date, [min, max]: readonly [number, number], startsAt?: Date): Date {
  const t = now.getTime();
  let lo = t + min * MINUTE;
  let hi = t + max * MINUTE;
  const last = startsAt ? startsAt.getTime() - MINUTE : undefined;
  // A session already under way shows its agenda nowhere: the usual window then.
  if (last !== undefined && startsAt!.getTime() > t && last < hi) {
    hi = Math.max(last, t + MINUTE);
    if (lo > hi) lo = t + MINUTE;
  }
  return new Date(lo + randomInt(0, Math.floor((hi - lo) / 1000) + 1) * 1000);
}

/**
 * Take an anonymous topic off the agenda at a random moment within `window` minutes (before its session, see
 * randomMoment): the caller has unlinked it from its author already, so it is nobody's meanwhile. The schedule
 * holds the topic's row id only, and keeps only the day it is due.
 */
export async function queueTopicRemoval(tx: Tx, team: Pick<Team, 'id' | 'zone'>, topicId: number, now: Date, o: { window?: readonly [number, number]; startsAt?: Date } = {}): Promise<void> {
  const due = randomMoment(now, o.window ?? ANON_TOPIC_DELAY_MINUTES, o.startsAt);
  await tx.insert(schedules).values({
    teamId: team.id,
    kind: ANON_TOPIC,
    zone: team.zone,
    rule: onceRule(due, team.zone),
    nextDueAt: due,
    payload: { remove: topicId },
    // Not the moment of the removal or the erasure: several pieces of one erasure must not share it.
    createdAt: dayOf(due),
  });
}

/** The topics still waiting (of one team, or all), sealed as they are: for export, erasure and secret rotation. */
export async function waitingTopics(tx: Tx, teamId?: number, o: { lock?: boolean } = {}): Promise<{ id: number; teamId: number; payload: Record<string, unknown> }[]> {
  // Removals waiting (queueTopicRemoval) hold no text and no author.
  const waiting = and(eq(schedules.kind, ANON_TOPIC), sql`${schedules.payload} ? 'sealed'`);
  const q = tx
    .select({ id: schedules.id, teamId: schedules.teamId, payload: schedules.payload })
    .from(schedules)
    .where(teamId === undefined ? waiting : and(waiting, eq(schedules.teamId, teamId)));
  return o.lock ? q.for('update') : q;
}

export const anonTopicKind: ScheduleKind = {
  kind: ANON_TOPIC,
  hidden: true,
  // However late (downtime), the topic is still written: it is the member's, and nothing else would bring it.
  graceMs: Number.POSITIVE_INFINITY,
  next: () => null,
  async fire({ tx, bot, schedule, team, now, afterCommit }) {
    const payload = payloadOf(schedule, ANON_TOPIC);
    if ('remove' in payload) {
      const removal = payload.remove;
      // Its moment to leave: gone from the agenda, and from the reminders already sent that show it.
      const [gone] = await tx
        .delete(supervisionTopics)
        .where(and(eq(supervisionTopics.id, removal), eq(supervisionTopics.teamId, schedule.teamId)))
        .returning({ sessionId: supervisionTopics.sessionId });
      const session = gone?.sessionId ? await sessionById(tx, schedule.teamId, gone.sessionId) : undefined;
      if (session) afterCommit(() => refreshSentReminders(bot, team, session));
      await tx.delete(schedules).where(eq(schedules.id, schedule.id));
      return;
    }
    let topic: Waiting | undefined;
    try {
      topic = openWaiting(bot.secrets, payload);
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
        // Numbered only now: its author sees the number in `/supervision topics`, never at the check (see deidentify.ts).
        number: await nextTeamNumber(tx, supervisionTopics, schedule.teamId),
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
