// The home view's supervision part: the next session and its agenda.
import type { Context } from '../../core/context.js';
import type { Hooks } from '../../core/hooks.js';
import type { Block } from '../../core/message.js';
import { agendaBlocks, sessionAgenda } from './agenda.js';
import { nextSession } from './store.js';
import { sessionWhen } from './when.js';

export const supervisionHome: Hooks = {
  async home(ctx: Context): Promise<Block[]> {
    const s = await nextSession(ctx.db, ctx.team.id, ctx.now);
    if (!s) return [{ type: 'note', text: ctx.t('supervision.home.none') }];
    return [
      { type: 'heading', text: ctx.tx('supervision.home.title') },
      { type: 'text', text: ctx.t('supervision.reminder.when', { when: sessionWhen(ctx.lang, s, { zone: ctx.zone, member: true }), duration: s.durationMinutes }) },
      ...agendaBlocks(ctx.lang, await sessionAgenda(ctx.db, s.id)),
    ];
  },
};
