// Commands named in the bot's words, as a member types them on Discord: "/reflect me off" is "/reflect me-off" there.
import { findCommand, type Registry } from '../../../src/core/registry.js';
import { discordShape } from './build.js';

/** The longest registry path (up to three words) that the typed words start with, and whether it was a Polish alias. */
function matchPath(subcommands: Record<string, { aliases?: readonly string[] }>, words: string[]): { path: string; n: number; pl: boolean } | undefined {
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    const typed = words.slice(0, n).join(' ').toLowerCase();
    for (const [path, sub] of Object.entries(subcommands)) {
      if (path === typed) return { path, n, pl: false };
      if (path && sub.aliases?.some((a) => a.toLowerCase() === typed)) return { path, n, pl: true };
    }
  }
  return undefined;
}

/**
 * A function that respells one code span ("/supervision topic remove 3") in Discord's shape ("/supervision
 * topic-remove 3"), keeping the language it was written in (a Polish alias becomes the Polish name). Anything
 * that is not one of our commands comes back as it was.
 */
export function commandSpeller(registry: Registry): (code: string) => string {
  return (code) => {
    const m = /^\/(\S+)((?: \S+)*)$/.exec(code.trim());
    const cmd = m ? findCommand(registry, m[1]!) : undefined;
    if (!m || !cmd) return code;
    const words = m[2]!.trim() ? m[2]!.trim().split(' ') : [];
    const hit = matchPath(cmd.subcommands, words);
    if (!hit) return code;
    const { group, leaf } = discordShape(cmd, hit.path);
    const spelled = hit.pl ? [group && (group.pl ?? group.name), leaf.pl ?? leaf.name] : [group?.name, leaf.name];
    return [`/${cmd.name}`, ...spelled.filter((w): w is string => Boolean(w)), ...words.slice(hit.n)].join(' ');
  };
}

/** Every code span (`…`) of rendered Discord markdown that names one of our commands, respelled. */
export function respellCommands(markdown: string, spell: (code: string) => string): string {
  return markdown.replace(/(?<!\\)`(\/[^`\n]+)`/g, (_all, code: string) => `\`${spell(code)}\``);
}
