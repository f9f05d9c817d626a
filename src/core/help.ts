// A command's help: every subcommand as it is typed in the reader's language, with what it does.
import type { Context } from './context.js';
import { message, textBlock, type Message } from './message.js';
import { subcommandDescription, type Command } from './registry.js';
import { usageLine } from './args.js';
import { foldWord } from '../i18n/lookup.js';

export function commandHelp(ctx: Context, cmd: Command): Message {
  const lines = Object.entries(cmd.subcommands).map(([path, sub]) => [
    { text: usageLine(cmd, path, sub)[ctx.lang], style: 'code' as const },
    { text: ` — ${subcommandDescription(sub, ctx.lang)}` },
  ]);
  return message(textBlock(ctx.t('help.commandTitle', { command: cmd.name, description: cmd.description[ctx.lang] })), { type: 'list', items: lines });
}

/** "help", "pomoc" or "?" typed after a command that has no such subcommand: what people try first. */
export function asksForHelp(typed: string): boolean {
  const words = typed.trim().split(/\s+/);
  return words.length === 1 && ['help', 'pomoc', '?'].includes(foldWord(words[0]!));
}
