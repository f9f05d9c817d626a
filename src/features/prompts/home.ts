// The member's home view: their personal prompt and the team's prompt schedules, with the next dates.
import type { Context } from '../../core/context.js';
import { textBlock, type Block } from '../../core/message.js';
import type { Hooks } from '../../core/hooks.js';
import { formatLocal } from '../../schedule/occurrence.js';
import { teamHolidays } from '../../core/settings.js';
import { rhythmText, themesText } from './describe.js';
import { nextPromptAt, personalSchedule, teamPromptSchedules, type PromptPayload, type WeeklyRule } from './schedules.js';
import { countThreadReply } from './replies.js';

export async function promptsHome(ctx: Context): Promise<Block[]> {
  const blocks: Block[] = [textBlock(ctx.t('prompts.home.title'))];
  const mine = await personalSchedule(ctx.db, ctx.team.id, ctx.member.id);
  blocks.push(
    textBlock(
      mine?.nextDueAt
        ? ctx.t('prompts.list.personal', { rhythm: rhythmText(mine.rule as WeeklyRule, ctx.lang), next: formatLocal(mine.nextDueAt, mine.zone, ctx.lang) })
        : ctx.t('prompts.home.personalNone'),
    ),
  );
  const items = (await teamPromptSchedules(ctx.db, ctx.team.id)).map((s) => scheduleLine(ctx, s));
  blocks.push(items.length ? { type: 'list', items } : textBlock(ctx.t('prompts.list.empty')));
  return blocks;
}

export function scheduleLine(ctx: Context, s: Awaited<ReturnType<typeof teamPromptSchedules>>[number]) {
  const p = s.payload as unknown as PromptPayload;
  const params = { id: s.id, rhythm: rhythmText(s.rule as WeeklyRule, ctx.lang), themes: themesText(p.themes ?? [], ctx.lang) };
  const next = s.nextDueAt && nextPromptAt(s.rule, s.zone, new Date(s.nextDueAt.getTime() - 1), teamHolidays(ctx.team));
  return s.paused || !next
    ? ctx.t('prompts.list.paused', { ...params, channel: { channel: p.channel } })
    : ctx.t('prompts.list.item', { ...params, channel: { channel: p.channel }, next: formatLocal(next, s.zone, ctx.lang) });
}

export const promptHooks: Hooks = {
  home: promptsHome,
  onThreadReply: countThreadReply,
};
