// Personal prompts: one question a week by DM, in the member's own zone, rotating per member.
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { message, noteBlock, textBlock } from '../../core/message.js';
import { members, schedules } from '../../db/schema/index.js';
import { isLang, t, tx as plain, type Lang } from '../../i18n/index.js';
import type { ScheduleKind } from '../../schedule/kinds.js';
import { payloadFor, payloadOf } from '../../schedule/payload.js';
import type { WeeklyRule } from '../../schedule/occurrence.js';
import { enqueue } from '../../schedule/outbox.js';
import { promptPool, takeNext } from './rotation.js';
import { insertSchedule, nextUnrepeatedAt, PERSONAL_KIND, personalSchedule, weeklyRule, type PersonalPayload } from './schedules.js';
import { questionSpans, themeLabel } from './starter.js';
import { personalPromptUndelivered } from './unavailable.js';

/** Each member has their own rotation, so their questions don't repeat before they've seen them all. */
export const personalScope = (memberId: number) => `member:${memberId}`;

export const personalPromptKind: ScheduleKind = {
  kind: PERSONAL_KIND,
  async fire({ bot, tx, schedule, dueAt, now }) {
    const payload = payloadOf(schedule, PERSONAL_KIND);
    const [member] = await tx.select().from(members).where(eq(members.id, payload.memberId));
    if (!member) return;
    const lang = isLang(member.lang) ? member.lang : payload.lang;
    const prompt = await takeNext(tx, bot.secrets, schedule.teamId, personalScope(member.id), await promptPool(tx, schedule.teamId, []));
    if (!prompt) return;
    await enqueue(tx, now, {
      teamId: schedule.teamId,
      key: `personal-prompt:${schedule.id}:${dueAt.toISOString()}`,
      target: { kind: 'dm', member: member.externalId },
      message: {
        ...message(textBlock(t(lang, 'prompts.personal.title', { theme: themeLabel(prompt, lang) })), textBlock(questionSpans(prompt, lang)), noteBlock(t(lang, 'prompts.personal.how'))),
        summary: plain(lang, 'prompts.personal.title', { theme: themeLabel(prompt, lang) }),
      },
    });
  },
  undelivered: { keyPrefix: `${PERSONAL_KIND}:`, handle: personalPromptUndelivered },
};

/**
 * Set the member's personal prompt (`/reflect me friday 08:30`), in their zone. One schedule per member: a new time
 * changes it in place, keeping what it has sent (a new row would forget it). If this week's question came already,
 * the new time starts next week, as when the member changes zone. Returns the rule and when the first one comes.
 */
export async function setPersonalPrompt(
  tx: Tx,
  teamId: number,
  member: { id: number; lang: Lang },
  when: { weekday: number; time: string; zone: string },
  now: Date,
): Promise<{ rule: WeeklyRule; next: Date }> {
  const { weekday, time, zone } = when;
  const { rule, first } = weeklyRule(weekday, time, 1, zone, now);
  const payload: PersonalPayload = { memberId: member.id, lang: member.lang };
  await lockMember(tx, member.id);
  // Held too: a tick firing it this minute finishes first, so the week's prompt it sends is seen below.
  const old = await personalSchedule(tx, teamId, member.id, true);
  const next = (await nextUnrepeatedAt(tx, old?.id, rule, zone, now)) ?? first;
  if (old) await tx.update(schedules).set({ zone, rule, nextDueAt: next, payload: payloadFor(PERSONAL_KIND, payload), paused: false }).where(eq(schedules.id, old.id));
  else await insertSchedule(tx, teamId, PERSONAL_KIND, zone, rule, next, payload);
  return { rule, next };
}

/**
 * Turn the member's personal prompt off (`/reflect me off`): paused, not deleted, so that turned on again it still
 * knows whether this week's question came. Returns whether they had one.
 */
export async function stopPersonalPrompt(tx: Tx, teamId: number, memberId: number): Promise<boolean> {
  // After a /reflect me still being saved, not beside it: off stops what that one made.
  await lockMember(tx, memberId);
  const old = await personalSchedule(tx, teamId, memberId, true);
  // Paused already (by the member, or because their DMs were refused): off is what they asked for, so say it is.
  if (old && !old.paused) await tx.update(schedules).set({ paused: true, nextDueAt: null }).where(eq(schedules.id, old.id));
  return Boolean(old);
}

/**
 * Holds the member's row until the transaction ends: two /reflect me at once take turns, so the second finds the
 * schedule the first made and changes it, instead of adding a twin that /reflect me off would never stop.
 */
async function lockMember(tx: Tx, memberId: number): Promise<void> {
  await tx.select({ id: members.id }).from(members).where(eq(members.id, memberId)).for('update');
}

/**
 * The member moved to another zone: their personal prompt keeps its local weekday and time, now in the new zone
 * ("Friday 08:30" stays Friday 08:30 where they are, not 02:30 because it was set in Warsaw). The rule is only
 * weekday, time and an anchor date, all zone-free, so only the zone and the next instant change. Returns the
 * schedule as it now is, or undefined when the member has none (or it was already in that zone).
 */
export async function movePersonalSchedule(tx: Tx, teamId: number, memberId: number, zone: string, now: Date): Promise<{ rule: WeeklyRule; next: Date | null } | undefined> {
  const mine = await personalSchedule(tx, teamId, memberId);
  // A paused one (turned off) keeps its old zone; turned on again, it takes the member's zone of that moment.
  if (!mine || mine.paused || mine.zone === zone || mine.rule.type !== 'weekly') return undefined;
  // Moving west the same day would bring that week's question a second time, hours after the first.
  const next = await nextUnrepeatedAt(tx, mine.id, mine.rule, zone, now);
  await tx.update(schedules).set({ zone, nextDueAt: next }).where(eq(schedules.id, mine.id));
  return { rule: mine.rule, next };
}

/**
 * The team's zone changed: members who never chose their own live by the team's, and so do their personal prompts
 * (same weekday and hour, in the new zone). Returns how many moved.
 */
export async function followTeamZone(tx: Tx, teamId: number, zone: string, now: Date): Promise<number> {
  const ownZoneless = await tx.select({ id: members.id }).from(members).where(and(eq(members.teamId, teamId), isNull(members.zone)));
  let moved = 0;
  for (const m of ownZoneless) if (await movePersonalSchedule(tx, teamId, m.id, zone, now)) moved++;
  return moved;
}
