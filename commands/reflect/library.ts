// /reflect now, add, remove, prompts: posting at once, the team's own prompts, and browsing the library.
import { UserError } from '../../src/core/errors.js';
import { message, noteBlock, textBlock, untrusted, type Rich } from '../../src/core/message.js';
import type { Subcommand } from '../../src/core/registry.js';
import { addCustomPrompt, customPromptsByNumber, removeCustomPrompt } from '../../src/features/prompts/custom.js';
import { PROMPT_LIBRARY, THEME_NAMES } from '../../src/features/prompts/library.js';
import { PROMPT_KIND, promptSchedulesIn } from '../../src/features/prompts/schedules.js';
import { openPromptThread } from '../../src/features/prompts/starter.js';
import { l10n } from '../../src/i18n/index.js';
import { payloadOf } from '../../src/schedule/payload.js';
import { parseThemes } from './schedule.js';

export const CUSTOM_MAX = 280;
const PAGE = 15;

export const now: Subcommand = {
  description: l10n('prompts.cmd.now'),
  aliases: ['teraz'],
  facilitator: true,
  example: { en: 'now #reflection', pl: 'teraz #refleksja' },
  options: { channel: { kind: 'channel', required: true, description: l10n('prompts.opt.channel') } },
  async run(ctx, opts) {
    const channel = String(opts.channel);
    await ctx.requireCanPost(channel);
    // The channel's own schedule decides the themes (and so the rotation); otherwise every theme.
    const [sched] = await promptSchedulesIn(ctx.db, ctx.team.id, channel);
    const themes = sched ? (payloadOf(sched, PROMPT_KIND).themes ?? []) : [];
    await ctx.db.transaction((tx) =>
      openPromptThread(tx, ctx.bot.secrets, { teamId: ctx.team.id, channel, themes, scheduleId: sched?.id, zone: sched?.zone ?? ctx.team.zone, now: ctx.now }),
    );
    await ctx.reply(message(textBlock(ctx.t('prompts.postedNow', { channel: { channel } }))));
  },
};

export const add: Subcommand = {
  description: l10n('prompts.cmd.add'),
  aliases: ['dodaj'],
  facilitator: true,
  example: { en: 'add What helped you stay curious this week?', pl: 'dodaj Co w tym tygodniu pomogło Ci zachować ciekawość?' },
  // One limit, the one its label names, declared so every platform refuses alike (Discord stops the typing there); a
  // separate cap of 2000 used to answer "up to 280 characters: too long (2500/2000)".
  options: { text: { kind: 'text', required: true, maxLength: CUSTOM_MAX, description: l10n('prompts.opt.text') } },
  async run(ctx, opts) {
    const text = String(opts.text ?? '').trim();
    if (!text) throw new UserError('prompts.err.empty');
    const row = await ctx.db.transaction((tx) => addCustomPrompt(tx, ctx.team.id, text, ctx.now));
    await ctx.reply('prompts.added', { id: row.number });
  },
};

export const remove: Subcommand = {
  description: l10n('prompts.cmd.remove'),
  aliases: ['usuń', 'usun'],
  facilitator: true,
  example: 'remove 2',
  options: { id: { kind: 'int', required: true, min: 1, description: l10n('prompts.opt.promptId') } },
  async run(ctx, opts) {
    // The number shown in `/reflect prompts`, within this team only.
    const number = Number(opts.id);
    if (!(await removeCustomPrompt(ctx.db, ctx.team.id, number))) throw new UserError('prompts.err.unknownCustom', { id: number });
    await ctx.reply('prompts.removed', { id: number });
  },
};

export const browse: Subcommand = {
  description: l10n('prompts.cmd.prompts'),
  aliases: ['pytania'],
  example: { en: 'prompts bond', pl: 'pytania więź' },
  options: {
    // Text: several themes, as "więź, naprawa" or "bond repair" (a page number after them is still read).
    theme: { kind: 'text', maxLength: 200, description: l10n('prompts.opt.theme') },
    page: { kind: 'int', named: true, min: 1, aliases: ['strona'], description: l10n('prompts.opt.page') },
  },
  async run(ctx, opts) {
    const themes = parseThemes(opts.theme as string | undefined);
    const items: Rich[] = PROMPT_LIBRARY.filter((p) => !themes.length || themes.includes(p.theme)).map((p) => [
      { text: `${THEME_NAMES[p.theme][ctx.lang]}: `, style: 'italic' },
      { text: p[ctx.lang] },
    ]);
    if (!themes.length) {
      const own = await customPromptsByNumber(ctx.db, ctx.team.id);
      items.push(...own.map((c): Rich => [{ text: `${ctx.tx('prompts.browse.custom')} #${c.number}: `, style: 'italic' }, untrusted(c.text)]));
    }
    const page = Number(opts.page ?? 1);
    const pages = Math.max(1, Math.ceil(items.length / PAGE));
    // Past the last page: say how many there are rather than show a heading over nothing.
    if (page > pages) throw new UserError('prompts.err.pastLastPage', { page, count: pages });
    const from = (page - 1) * PAGE;
    const shown = items.slice(from, from + PAGE);
    const theme = themes.length ? themes.map((t) => THEME_NAMES[t][ctx.lang]).join(', ') : ctx.tx('prompts.allThemes');
    const more = from + PAGE < items.length;
    // The next page in the words the member reads: "strona 2" in Polish, "page 2" in English.
    const pageWord = ctx.lang === 'pl' ? browse.options!.page!.aliases![0]! : 'page';
    const next = `${opts.theme ? `${String(opts.theme)} ` : ''}${pageWord} ${page + 1}`;
    await ctx.reply(
      message(
        textBlock(ctx.t('prompts.browse.title', { theme, count: items.length })),
        shown.length ? { type: 'list', items: shown } : null,
        more ? noteBlock(ctx.t('prompts.browse.more', { from: from + 1, to: from + shown.length, total: items.length, next })) : null,
      ),
    );
  },
};
