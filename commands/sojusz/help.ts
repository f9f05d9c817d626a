// /sojusz help: every command in a list, or one command's help, found by any name it answers to.
import { UserError } from '../../src/core/errors.js';
import { message, noteBlock, textBlock } from '../../src/core/message.js';
import type { Subcommand } from '../../src/core/registry.js';
import { commandHelp } from '../../src/core/help.js';
import { nearest } from '../../src/core/suggest.js';
import { l10n } from '../../src/i18n/index.js';
import { foldWord } from '../../src/i18n/lookup.js';

export const help: Subcommand = {
  description: l10n('sojusz.help'),
  aliases: ['pomoc'],
  options: { command: { kind: 'string', description: l10n('sojusz.help.command') } },
  async run(ctx, opts) {
    const commands = ctx.bot.registry.commands;
    if (opts.command) {
      const name = String(opts.command).replace(/^\//, '').toLowerCase();
      // Any name the command answers to (/przypadek is /case); a slip gets the same "did you mean" as a command does.
      const names = commands.flatMap((c) => [c.name, ...(c.otherNames ?? [])].map((word) => ({ word, value: c })));
      const cmd = names.find((n) => foldWord(n.word) === foldWord(name))?.value;
      if (!cmd) {
        const guess = nearest(name, names)?.name;
        throw guess ? new UserError('help.unknownGuess', { got: name, guess }) : new UserError('help.unknown', { got: name });
      }
      await ctx.reply(commandHelp(ctx, cmd));
      return;
    }
    const items = commands.map((c) => [{ text: `/${c.name}`, style: 'bold' as const }, { text: ` — ${c.description[ctx.lang]}` }]);
    await ctx.reply(message(textBlock(ctx.t('help.title')), { type: 'list', items }, noteBlock(ctx.t('help.footer'))));
  },
};
