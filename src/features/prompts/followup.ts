// Follow-ups: who answered a prompt thread (counted by keyed HMAC only), and one gentle reminder N days later.
import { and, count, eq, or, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Secrets } from '../../core/secrets.js';
import { message, textBlock } from '../../core/message.js';
import { DEFAULTS, SETTINGS } from '../../core/settings.js';
import { setting, teamLang, type Team } from '../../core/teams.js';
import type { Tx } from '../../db/client.js';
import { outbox, promptPosts, promptReplies, schedules, teams } from '../../db/schema/index.js';
import { t } from '../../i18n/index.js';
import type { ScheduleKind } from '../../schedule/kinds.js';
import { payloadFor, payloadOf } from '../../schedule/payload.js';
import { localToInstant } from '../../schedule/occurrence.js';
import { enqueue } from '../../schedule/outbox.js';
import { FOLLOWUP_KIND } from './schedules.js';

type Post = typeof promptPosts.$inferSelect;

export function followUpDays(team: Team): number {
  return setting<number>(team, SETTINGS.promptFollowUpDays, DEFAULTS.promptFollowUpDays);
}

/** N days after the post, at the same local time in the zone. */
function followUpAt(post: Post, zone: string, days: number) {
  const at = DateTime.fromJSDate(post.postedAt, { zone }).plus({ days });
  const rule = { type: 'once' as const, date: at.toISODate()!, time: at.toFormat('HH:mm') };
  return { rule, instant: localToInstant(rule.date, rule.time, zone) };
}

/** When the team wants follow-ups: a one-off schedule N days after the post, at the same local time. */
export async function scheduleFollowUp(db: Tx, team: Team, post: Post, zone: string): Promise<void> {
  await scheduleFollowUps(db, [{ team, post, zone }]);
}

/** The same for a whole fan-out: one insert for every team that asked for follow-ups. */
export async function scheduleFollowUps(db: Tx, items: readonly { team: Team; post: Post; zone: string }[]): Promise<void> {
  const rows = items.flatMap(({ team, post, zone }) => {
    const days = followUpDays(team);
    if (!days) return [];
    const { rule, instant } = followUpAt(post, zone, days);
    return [{ teamId: team.id, kind: FOLLOWUP_KIND, zone, rule, nextDueAt: instant, payload: payloadFor(FOLLOWUP_KIND, { postId: post.id }) }];
  });
  for (let i = 0; i < rows.length; i += 500) await db.insert(schedules).values(rows.slice(i, i + 500));
}

/** How a member answered in a thread: by name, or under the thread's pseudonym. */
export type ReplyWay = 'named' | 'pseudonym';

/**
 * The MAC that stands for one member in one post's count, named nowhere. A named answer and a pseudonymous
 * one count apart: were they one, "1 person answered" under a named reply and a pseudonymous one would tell
 * the group who the pseudonym is. The count is then what anyone reading the thread can count.
 */
export function replyMac(secrets: Secrets, teamId: number, postId: number, memberExternalId: string, way: ReplyWay = 'named'): string {
  return way === 'named' ? secrets.hmac('anon-reply', teamId, postId, memberExternalId) : secrets.hmac('anon-reply', teamId, postId, memberExternalId, way);
}

export async function recordReply(db: Tx, secrets: Secrets, post: Post, memberExternalId: string, way: ReplyWay = 'named'): Promise<void> {
  await db.insert(promptReplies).values({ postId: post.id, memberMac: replyMac(secrets, post.teamId, post.id, memberExternalId, way) }).onConflictDoNothing();
}

export async function replyCount(db: Tx, postId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(promptReplies).where(eq(promptReplies.postId, postId));
  return Number(row?.n ?? 0);
}

/** The prompt post whose delivered thread is this (platform channel + thread reference), if any. */
export async function postByThread(db: Tx, teamId: number, channel: string, thread: string): Promise<Post | undefined> {
  const [row] = await db
    .select({ post: promptPosts })
    .from(promptPosts)
    .innerJoin(outbox, eq(outbox.key, promptPosts.outboxKey))
    .where(
      and(
        eq(promptPosts.teamId, teamId),
        sql`${outbox.sentRef}->>'channel' = ${channel}`,
        // Any part of a prompt the platform split (Discord's 2,000 characters) can start the thread.
        or(sql`${outbox.sentRef}->>'thread' = ${thread}`, sql`${outbox.sentRef}->>'id' = ${thread}`, sql`coalesce(${outbox.sentRef}->'more', '[]'::jsonb) @> jsonb_build_array(${thread}::text)`),
      ),
    )
    .limit(1);
  return row?.post;
}

/**
 * The follow-up was scheduled with the team's setting at posting time; the setting is read again here, so
 * `/reflect followup off` also stops those already planned, and a new number of days moves them: later
 * (a fresh one-off at the new date; the outbox key keeps it to one) or, if shorter, now.
 */
export const followUpKind: ScheduleKind = {
  kind: FOLLOWUP_KIND,
  async fire({ tx, schedule, dueAt, now }) {
    const postId = Number(payloadOf(schedule, FOLLOWUP_KIND).postId);
    const [post] = await tx.select().from(promptPosts).where(eq(promptPosts.id, postId));
    const [team] = await tx.select().from(teams).where(eq(teams.id, schedule.teamId));
    if (!post || !team) return;
    const days = followUpDays(team);
    if (!days) return;
    const wanted = followUpAt(post, schedule.zone, days);
    if (wanted.instant > dueAt && wanted.instant > now) {
      await tx.insert(schedules).values({ teamId: team.id, kind: FOLLOWUP_KIND, zone: schedule.zone, rule: wanted.rule, nextDueAt: wanted.instant, payload: payloadFor(FOLLOWUP_KIND, { postId: post.id }) });
      return;
    }
    const n = await replyCount(tx, post.id);
    const lang = teamLang(team);
    const text = n > 0 ? t(lang, 'prompts.followup.count', { count: n }) : t(lang, 'prompts.followup.none');
    // Keyed by the post: a second follow-up for the same thread can never be queued.
    await enqueue(tx, now, {
      teamId: team.id,
      key: `prompt-followup:${post.id}`,
      target: { kind: 'channel', channel: post.channel, threadOfKey: post.outboxKey },
      message: message(textBlock(text)),
    });
  },
};
