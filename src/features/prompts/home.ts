// The member's home view: their personal prompt and the team's prompt schedules, with the next dates.
import type { Context } from '../../core/context.js';
import { textBlock, type Block, type Rich } from '../../core/message.js';
import type { Hooks } from '../../core/hooks.js';
import { formatLocal } from '../../schedule/occurrence.js';
import { payloadOf } from '../../schedule/payload.js';
import { teamHolidays } from '../../core/settings.js';
import { weekdayName } from '../../i18n/index.js';
import { rhythmText, themesText, zonedRhythm } from './describe.js';
import { channelUnavailable, nextPromptAt, PERSONAL_KIND, personalSchedule, PROMPT_KIND, teamPromptSchedules, type WeeklyRule } from './schedules.js';
import { countThreadReply } from './replies.js';

export async function promptsHome(ctx: Context): Promise<Block[]> {
  const blocks: Block[] = [textBlock(ctx.t('prompts.home.title'))];
  blocks.push(textBlock((await personalLine(ctx)) ?? ctx.t('prompts.home.personalNone')));
  const items = (await teamPromptSchedules(ctx.db, ctx.team.id)).map((s) => scheduleLine(ctx, s));
  blocks.push(items.length ? { type: 'list', items } : textBlock(ctx.t('prompts.list.empty')));
  return blocks;
}

/**
 * The member's own personal prompt, for their eyes only (home view, `/reflect list`, a bare `/reflect me`): when
 * the next one comes, or that it is paused and why. Undefined when they never set one.
 */
export async function personalLine(ctx: Context): Promise<Rich | undefined> {
  const mine = await personalSchedule(ctx.db, ctx.team.id, ctx.member.id);
  if (!mine || mine.rule.type !== 'weekly') return undefined;
  const rule = mine.rule as WeeklyRule;
  const rhythm = rhythmText(rule, ctx.lang);
  if (!mine.paused && mine.nextDueAt) return ctx.t('prompts.list.personal', { rhythm, next: formatLocal(mine.nextDueAt, mine.zone, ctx.lang) });
  // "/reflect me friday 08:30" in the member's words, with their own day and hour, starts it again.
  const again = `${ctx.lang === 'pl' ? 'ja' : 'me'} ${weekdayName(ctx.lang, rule.weekday).toLowerCase()} ${rule.time}`;
  return payloadOf(mine, PERSONAL_KIND).unreachable
    ? ctx.t('prompts.list.personalUnreachable', { rhythm, again })
    : ctx.t('prompts.list.personalOff', { again });
}

export function scheduleLine(ctx: Context, s: Awaited<ReturnType<typeof teamPromptSchedules>>[number]) {
  const p = payloadOf(s, PROMPT_KIND);
  // The zone is named where it is not the team's: "09:00" alone would be read as the team's 09:00.
  const params = { id: s.number, rhythm: zonedRhythm(s.rule as WeeklyRule, s.zone, ctx.team.zone, ctx.lang), themes: themesText(p.themes ?? [], ctx.lang), channel: { channel: p.channel } };
  // Gone (invite me back) or restricted (let me post): what the facilitator must do differs.
  if (s.paused && channelUnavailable(p)) return ctx.t(p.unavailable?.why === 'restricted' ? 'prompts.list.unavailableRestricted' : 'prompts.list.unavailable', params);
  const next = s.nextDueAt && nextPromptAt(s.rule, s.zone, new Date(s.nextDueAt.getTime() - 1), teamHolidays(ctx.team));
  return s.paused || !next ? ctx.t('prompts.list.paused', params) : ctx.t('prompts.list.item', { ...params, next: formatLocal(next, s.zone, ctx.lang) });
}

export const promptHooks: Hooks = {
  home: promptsHome,
  onThreadReply: countThreadReply,
};
