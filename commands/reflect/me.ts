// /reflect me <weekday> <HH:MM> and /reflect me off: a member's own weekly prompt by DM, in their zone.
import { parseTime, parseWeekday } from '../../src/core/parse.js';
import { missingOption } from '../../src/core/args.js';
import type { Subcommand } from '../../src/core/registry.js';
import { rhythmText } from '../../src/features/prompts/describe.js';
import { setPersonalPrompt, stopPersonalPrompt } from '../../src/features/prompts/personal.js';
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
    const { rule, next } = await ctx.db.transaction((tx) => setPersonalPrompt(tx, ctx.team.id, { id: ctx.member.id, lang: ctx.lang }, { weekday, time, zone }, ctx.now));
    await ctx.reply('prompts.me.set', { rhythm: rhythmText(rule, ctx.lang), zone, next: formatLocal(next, zone, ctx.lang) });
  },
};

export const meOff: Subcommand = {
  description: l10n('prompts.cmd.meOff'),
  aliases: ['ja wyłącz', 'ja off', 'ja wylacz', 'me stop'],
  async run(ctx) {
    const had = await ctx.db.transaction((tx) => stopPersonalPrompt(tx, ctx.team.id, ctx.member.id));
    await ctx.reply(had ? 'prompts.me.off' : 'prompts.me.none');
  },
};
