// People and channels as a member types them in a command ("@Tomasz", "#refleksja"), turned into the playground's ids.
import { matchSubcommand, tokenize } from '../../src/core/args.js';
import { findCommand, type Registry } from '../../src/core/registry.js';
import { channelNamed, memberNamed } from './workspace.js';

/** "@" and a name: one word, or two for a whole name ("@Tomasz Wiśniewski"), up to a space or the end. */
const MENTION = /(^|\s)@([\p{L}\p{N}_.-]+)(\s+[\p{L}-]+)?(?=\s|$)/gu;
const CHANNEL = /(^|\s)#([\p{L}\p{N}_-]+)(?=\s|$)/gu;

/**
 * The command line the core should read. Slack and Discord turn a person picked after "@" into their id; the
 * playground has no such list, so a name its people are known by (workspace.ts memberNamed) stands for them. A
 * channel typed by its Polish name (the Polish examples say `#refleksja`) becomes the channel's id. Only for a
 * subcommand that takes a person or a channel: anywhere else the words are the member's own and stay as typed.
 */
export function withIds(registry: Registry, command: string, text: string): string {
  const cmd = findCommand(registry, command);
  const sub = cmd && matchSubcommand(cmd, tokenize(text))?.sub;
  const kinds = new Set(Object.values(sub?.options ?? {}).map((o) => o.kind));
  let out = text;
  if (kinds.has('member')) {
    out = out.replace(MENTION, (all, before: string, first: string, second: string | undefined) => {
      // The whole name first ("@Tomasz Wiśniewski"), then the one word with whatever followed it left alone.
      const whole = second ? memberNamed(`${first} ${second.trim()}`) : undefined;
      if (whole) return `${before}@${whole.id}`;
      const one = memberNamed(first);
      return one ? `${before}@${one.id}${second ?? ''}` : all;
    });
  }
  if (kinds.has('channel')) out = out.replace(CHANNEL, (all, before: string, name: string) => (channelNamed(name) ? `${before}#${channelNamed(name)}` : all));
  return out;
}
