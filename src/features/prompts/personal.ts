// Personal prompts: one question a week by DM, in the member's own zone, rotating per member.
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { message, noteBlock, textBlock } from '../../core/message.js';
import { members, schedules } from '../../db/schema/index.js';
import { isLang, t, tx as plain } from '../../i18n/index.js';
import type { ScheduleKind } from '../../schedule/kinds.js';
import type { WeeklyRule } from '../../schedule/occurrence.js';
import { enqueue } from '../../schedule/outbox.js';
import { promptPool, takeNext } from './rotation.js';
import { nextUnrepeatedAt, PERSONAL_KIND, personalSchedule, type PersonalPayload } from './schedules.js';
import { questionSpans, themeLabel } from './starter.js';
import { personalPromptUndelivered } from './unavailable.js';

/** Each member has their own rotation, so their questions don't repeat before they've seen them all. */
export const personalScope = (memberId: number) => `member:${memberId}`;

export const personalPromptKind: ScheduleKind = {
  kind: PERSONAL_KIND,
  async fire({ bot, tx, schedule, dueAt, now }) {
    const payload = schedule.payload as unknown as PersonalPayload;
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
