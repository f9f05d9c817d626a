// Personal prompts: one question a week by DM, in the member's own zone, rotating per member.
import { eq } from 'drizzle-orm';
import { message, noteBlock, textBlock } from '../../core/message.js';
import { members } from '../../db/schema/index.js';
import { isLang, t } from '../../i18n/index.js';
import type { ScheduleKind } from '../../schedule/kinds.js';
import { enqueue } from '../../schedule/outbox.js';
import { promptPool, takeNext } from './rotation.js';
import { PERSONAL_KIND, type PersonalPayload } from './schedules.js';
import { questionSpans, themeLabel } from './starter.js';

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
        summary: themeLabel(prompt, lang),
      },
    });
  },
};
