// /supervision calendar: the team's sessions as an .ics file, and a private subscription link when served over HTTP.
import { UserError } from '../../src/core/errors.js';
import { message, textBlock } from '../../src/core/message.js';
import type { Subcommand } from '../../src/core/registry.js';
import { l10n } from '../../src/i18n/index.js';
import { calendarToken, publicUrl, teamCalendar } from '../../src/features/supervision/calendar.js';

export const calendar: Subcommand = {
  description: l10n('supervision.calendar'),
  aliases: ['kalendarz'],
  async run(ctx) {
    if (!ctx.canSendFiles) throw new UserError('supervision.noFiles');
    const ics = await teamCalendar(ctx.db, ctx.team, ctx.lang, ctx.now);
    await ctx.sendFile({ name: 'supervision.ics', mime: 'text/calendar', bytes: new TextEncoder().encode(ics) }, message(textBlock(ctx.t('supervision.calendar.dm'))));
    const base = publicUrl(ctx.bot);
    if (!base) return ctx.reply('supervision.calendar.file');
    const token = await calendarToken(ctx.db, ctx.bot, ctx.team, ctx.member.id, ctx.inv.member.id);
    await ctx.reply('supervision.calendar.link', { url: `${base}/calendar/${token}.ics` });
  },
};
