// /reflect me <weekday> <HH:MM> and /reflect me off: a member's own weekly prompt by DM, in their zone.
import { parseTime, parseWeekday } from '../../src/core/parse.js';
import { missingOption } from '../../src/core/args.js';
import type { Subcommand } from '../../src/core/registry.js';
import { rhythmText } from '../../src/features/prompts/describe.js';
import { eq } from 'drizzle-orm';
import { members, schedules } from '../../src/db/schema/index.js';
import type { Tx } from '../../src/db/client.js';
import { insertSchedule, nextUnrepeatedAt, PERSONAL_KIND, personalSchedule, weeklyRule, type PersonalPayload } from '../../src/features/prompts/schedules.js';
import { l10n } from '../../src/i18n/index.js';
import { message, textBlock } from '../../src/core/message.js';
import { personalLine } from '../../src/features/prompts/home.js';
import { DAY_TIME_FILLERS } from '../../src/core/rhythm.js';
import { formatLocal } from '../../src/schedule/occurrence.js';

export const me: Subcommand = {
  description: l10n('prompts.cmd.me'),
  aliases: ['ja'],
  example: { en: 'me friday 08:30', pl: 'ja piątek 08:30' },
  fillers: DAY_TIME_FILLERS,
  // Both or neither: with neither, the member is shown their personal prompt as it is (paused, and why).
  options: {
    weekday: { kind: 'string', description: l10n('prompts.opt.weekday') },
    time: { kind: 'string', description: l10n('prompts.opt.time') },
  },
  async run(ctx, opts) {
    if (opts.weekday === undefined) {
      const line = await personalLine(ctx);
      return line ? ctx.reply(message(textBlock(line))) : ctx.reply('prompts.me.none');
    }
    if (opts.time === undefined) throw missingOption(me.options!.time!);
    const weekday = parseWeekday(String(opts.weekday));
    const time = parseTime(String(opts.time));
    const zone = ctx.zone;
    const { rule, first } = weeklyRule(weekday, time, 1, zone, ctx.now);
    const payload: PersonalPayload = { memberId: ctx.member.id, lang: ctx.lang };
    // One personal schedule per member: a new time changes it in place, keeping what it has sent (a new row would
    // forget it). If this week's question came already, the new time starts next week, as when the member changes zone.
    const next = await ctx.db.transaction(async (tx) => {
      await lockMember(tx, ctx.member.id);
      // Held too: a tick firing it this minute finishes first, so the week's prompt it sends is seen below.
      const old = await personalSchedule(tx, ctx.team.id, ctx.member.id, true);
      const at = (await nextUnrepeatedAt(tx, old?.id, rule, zone, ctx.now)) ?? first;
      if (old) await tx.update(schedules).set({ zone, rule, nextDueAt: at, payload: payload as unknown as Record<string, unknown>, paused: false }).where(eq(schedules.id, old.id));
      else await insertSchedule(tx, ctx.team.id, PERSONAL_KIND, zone, rule, at, payload);
      return at;
    });
    await ctx.reply('prompts.me.set', { rhythm: rhythmText(rule, ctx.lang), zone, next: formatLocal(next, zone, ctx.lang) });
  },
};

export const meOff: Subcommand = {
  description: l10n('prompts.cmd.meOff'),
  aliases: ['ja wyłącz', 'ja off', 'ja wylacz', 'me stop'],
  async run(ctx) {
    // After a /reflect me still being saved, not beside it: off stops what that one made.
    const had = await ctx.db.transaction(async (tx) => {
      await lockMember(tx, ctx.member.id);
      const old = await personalSchedule(tx, ctx.team.id, ctx.member.id, true);
      // Paused already (by the member, or because their DMs were refused): off is what they asked for, so say it is.
      // Paused, not deleted: turned on again, it still knows whether this week's question came.
      if (old && !old.paused) await tx.update(schedules).set({ paused: true, nextDueAt: null }).where(eq(schedules.id, old.id));
      return Boolean(old);
    });
    await ctx.reply(had ? 'prompts.me.off' : 'prompts.me.none');
  },
};

/**
 * Holds the member's row until the transaction ends: two /reflect me at once take turns, so the second finds the
 * schedule the first made and changes it, instead of adding a twin that /reflect me off would never stop.
 */
async function lockMember(tx: Tx, memberId: number): Promise<void> {
  await tx.select({ id: members.id }).from(members).where(eq(members.id, memberId)).for('update');
}
