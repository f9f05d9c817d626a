// The member's autocheck trend in their home view (Slack App Home, playground side panel).
import type { Hooks } from '../../core/hooks.js';
import { textBlock, type Block } from '../../core/message.js';
import { t } from '../../i18n/index.js';
import { listAutochecks } from './store.js';
import { computeTrend, windowStart } from './trend.js';
import { trendLines } from './views.js';

export const HOME_WEEKS = 8;

export const autocheckHooks: Hooks = {
  async home(ctx): Promise<Block[]> {
    const entries = await listAutochecks(ctx.db, ctx.bot.secrets, { memberId: ctx.member.id, since: windowStart(ctx.now, HOME_WEEKS, ctx.zone) });
    const view = computeTrend(entries, ctx.now, HOME_WEEKS, ctx.zone);
    const title: Block = { type: 'heading', text: ctx.tx('autocheck.home.title') };
    if (!view.checks) return [title, textBlock(t(ctx.lang, 'autocheck.history.empty'))];
    return [title, { type: 'list', items: trendLines(ctx.lang, view) }];
  },
};
