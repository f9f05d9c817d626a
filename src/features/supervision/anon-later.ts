// An anonymous agenda topic taken from an /autocheck is written later, by the scheduler: the check is saved with
// its member's id, and a topic row written in the same transaction (or the next one) could be matched to it by
// the database's own bookkeeping. Until it is written, the topic waits sealed in a one-off schedule.
import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { newSalt } from '../../core/secrets.js';
import type { Team } from '../../core/teams.js';
import type { Bot } from '../../core/bot.js';
import type { Tx } from '../../db/client.js';
import { schedules, supervisionTopics } from '../../db/schema/index.js';
import type { ScheduleKind } from '../../schedule/kinds.js';
import { dayOf, topicAuthorMac } from './agenda.js';
import { nextSession } from './store.js';
import { safeError } from '../../log.js';

export const ANON_TOPIC = 'anon-topic';
/** The topic appears on the agenda this many minutes after the check, drawn at random. */
export const ANON_TOPIC_DELAY_MINUTES: readonly [number, number] = [2, 20];

/** What the schedule keeps, sealed: the text and the author's salted MAC (so they can still remove it). */
interface Waiting {
  text: string;
  salt: string;
  mac: string;
}

/** Queue the topic; it joins the next session's agenda when the schedule fires. */
export async function queueAnonymousTopic(tx: Tx, bot: Bot, o: { team: Team; memberExternalId: string; text: string; now: Date }): Promise<void> {
  const salt = newSalt();
  const waiting: Waiting = { text: o.text, salt, mac: topicAuthorMac(bot.secrets, o.team.id, salt, o.memberExternalId) };
  const [min, max] = ANON_TOPIC_DELAY_MINUTES;
  const at = new Date(o.now.getTime() + randomInt(min * 60, max * 60 + 1) * 1000);
  const local = DateTime.fromJSDate(at, { zone: o.team.zone });
  await tx.insert(schedules).values({
    teamId: o.team.id,
    kind: ANON_TOPIC,
    zone: o.team.zone,
    rule: { type: 'once', date: local.toISODate()!, time: local.toFormat('HH:mm') },
    nextDueAt: at,
    payload: { sealed: bot.secrets.encrypt(JSON.stringify(waiting)) },
  });
}

/** The waiting topics of a team, opened (for erasure and secret rotation). */
export async function waitingTopics(tx: Tx, bot: Bot, teamId: number): Promise<{ id: number; topic: Waiting }[]> {
  const rows = await tx.select({ id: schedules.id, payload: schedules.payload }).from(schedules).where(and(eq(schedules.kind, ANON_TOPIC), eq(schedules.teamId, teamId)));
  return rows.map((r) => ({ id: r.id, topic: JSON.parse(bot.secrets.decrypt(String(r.payload.sealed))) as Waiting }));
}

export const anonTopicKind: ScheduleKind = {
  kind: ANON_TOPIC,
  // However late (downtime), the topic is still written: it is the member's, and nothing else would bring it.
  graceMs: Number.POSITIVE_INFINITY,
  next: () => null,
  async fire({ tx, bot, schedule, now }) {
    let topic: Waiting | undefined;
    try {
      topic = JSON.parse(bot.secrets.decrypt(String(schedule.payload.sealed))) as Waiting;
    } catch (e) {
      bot.log.warn({ schedule: schedule.id, error: safeError(e) }, 'a waiting anonymous topic could not be opened; dropped');
    }
    if (topic) {
      // The next session now (the one named to the member may have been called off: then the one after, or none yet).
      const session = await nextSession(tx, schedule.teamId, now);
      await tx.insert(supervisionTopics).values({
        teamId: schedule.teamId,
        sessionId: session?.id ?? null,
        memberId: null,
        authorHmac: topic.mac,
        authorSalt: topic.salt,
        text: topic.text,
        visibility: 'anonymous',
        source: null,
        createdAt: dayOf(now),
      });
    }
    // Nothing of the waiting topic stays behind (its occurrence row goes with it).
    await tx.delete(schedules).where(eq(schedules.id, schedule.id));
  },
};
