// Commands named in the bot's words, as a member types them on Discord: "/reflect me off" is "/reflect me-off" there.
import { findCommand, type Command, type Registry } from '../../../src/core/registry.js';
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

/** Which names a reader's Discord offers: Polish ones only in a Polish client, the registered (English) ones in any other. */
export type Names = 'pl' | 'en';

/** The names a Discord locale ("pl", "en-GB") is offered; undefined when no locale is known. */
export function namesFor(locale: string | undefined): Names | undefined {
  if (!locale) return undefined;
  return locale.toLowerCase().startsWith('pl') ? 'pl' : 'en';
}

/**
 * A function that respells one code span ("/supervision topic remove 3") in Discord's shape ("/supervision
 * topic-remove 3"), in the names the reader's Discord offers (`names`); with no reader known, in the language the
 * span was written in (a Polish alias becomes the Polish name). A bare command beside subcommands ("/case") becomes
 * the subcommand Discord offers for it (`/case open`, or `/sojusz help` where the bare command is help). Anything
 * that is not one of our commands comes back as it was.
 */
export function commandSpeller(registry: Registry): (code: string, names?: Names) => string {
  return (code, names) => {
    const m = /^\/(\S+)((?: \S+)*)$/.exec(code.trim());
    const cmd = m ? findCommand(registry, m[1]!) : undefined;
    if (!m || !cmd) return code;
    const words = m[2]!.trim() ? m[2]!.trim().split(' ') : [];
    const bare = bareAs(cmd);
    // Words after a bare command are its options only when it has any ("/sojusz foo" is no bare /sojusz).
    const asBare = bare !== undefined && (!words.length || Object.keys(cmd.subcommands['']!.options ?? {}).length > 0);
    const hit = matchPath(cmd.subcommands, words) ?? (asBare ? { path: bare, n: 0, pl: false } : undefined);
    if (!hit) return code;
    const { group, leaf } = discordShape(cmd, hit.path);
    const pl = names ? names === 'pl' : hit.pl;
    const spelled = pl ? [group && (group.pl ?? group.name), leaf.pl ?? leaf.name] : [group?.name, leaf.name];
    return [`/${cmd.name}`, ...spelled.filter((w): w is string => Boolean(w)), ...words.slice(hit.n)].join(' ');
  };
}

/** The path Discord offers a bare command as: '' (`open`) beside other subcommands, the one it repeats, or none. */
function bareAs(cmd: Command): string | undefined {
  const bare = cmd.subcommands[''];
  const paths = Object.keys(cmd.subcommands);
  if (!bare || paths.length === 1) return undefined;
  return paths.find((p) => p !== '' && cmd.subcommands[p]!.run === bare.run) ?? '';
}

/** Every code span (`…`) of rendered Discord markdown that names one of our commands, respelled. */
export function respellCommands(markdown: string, spell: (code: string) => string): string {
  return markdown.replace(/(?<!\\)`(\/[^`\n]+)`/g, (_all, code: string) => `\`${spell(code)}\``);
}
