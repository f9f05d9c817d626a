// Registry → Discord application commands: subcommands, groups, typed options, Polish localizations.
import type { Command, OptionSpec, Subcommand } from '../../../src/core/registry.js';
import { DISCORD_LIMITS as L, truncate } from '../render/limits.js';

/** Discord cannot have a bare command beside subcommands: the '' subcommand is offered as `/x open`. */
export const DEFAULT_SUBCOMMAND = { name: 'open', pl: 'otwórz' } as const;

export const OptionType = { SubCommand: 1, SubCommandGroup: 2, String: 3, Integer: 4, User: 6, Channel: 7, Number: 10 } as const;
/** Manage Server: who Discord shows facilitator-only commands to by default. */
export const MANAGE_GUILD = String(1n << 5n);

/** The JSON Discord takes for one chat-input command (and echoes back, with ids, on GET). */
export interface CommandJson {
  type: 1;
  name: string;
  description: string;
  name_localizations?: Record<string, string>;
  description_localizations?: Record<string, string>;
  options?: OptionJson[];
  default_member_permissions?: string | null;
  contexts?: number[];
}

export interface OptionJson {
  type: number;
  name: string;
  description: string;
  name_localizations?: Record<string, string>;
  description_localizations?: Record<string, string>;
  required?: boolean;
  choices?: { name: string; value: string; name_localizations?: Record<string, string> }[];
  min_value?: number;
  max_value?: number;
  max_length?: number;
  channel_types?: number[];
  options?: OptionJson[];
}

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

/** A valid Discord name (lowercase, ≤32, no spaces) or undefined. */
export function discordName(s: string): string | undefined {
  const n = s.toLowerCase().replace(/\s+/g, '-').slice(0, L.commandName);
  return NAME.test(n) ? n : undefined;
}

const desc = (d: { en: string; pl: string }) => ({
  description: truncate(d.en, L.commandDescription),
  description_localizations: { pl: truncate(d.pl, L.commandDescription) },
});

function plName(name: string, aliases: string[] | undefined): { name_localizations?: Record<string, string> } {
  const pl = (aliases ?? []).map(discordName).find((a): a is string => Boolean(a) && a !== name);
  return pl ? { name_localizations: { pl } } : {};
}

function option(name: string, spec: OptionSpec): OptionJson {
  const base = { name: discordName(name) ?? name, ...desc(spec.description), ...plName(name, spec.aliases), ...(spec.required ? { required: true } : {}) };
  switch (spec.kind) {
    case 'string':
      return {
        type: OptionType.String,
        ...base,
        ...(spec.choices?.length
          ? { choices: spec.choices.slice(0, L.choices).map((c) => ({ name: truncate(c.name.en, 100), value: c.value, name_localizations: { pl: truncate(c.name.pl, 100) } })) }
          : {}),
        ...(spec.maxLength ? { max_length: Math.min(spec.maxLength, 6000) } : {}),
      };
    case 'text':
      return { type: OptionType.String, ...base, ...(spec.maxLength ? { max_length: Math.min(spec.maxLength, 6000) } : {}) };
    case 'int':
      return { type: OptionType.Integer, ...base, ...(spec.min !== undefined ? { min_value: spec.min } : {}), ...(spec.max !== undefined ? { max_value: spec.max } : {}) };
    case 'number':
      return { type: OptionType.Number, ...base, ...(spec.min !== undefined ? { min_value: spec.min } : {}), ...(spec.max !== undefined ? { max_value: spec.max } : {}) };
    case 'channel':
      return { type: OptionType.Channel, ...base, channel_types: [0, 5] };
    case 'member':
      return { type: OptionType.User, ...base };
  }
}

/** Discord wants required options first; the core reads options by name, so order is free. */
function options(sub: Subcommand): OptionJson[] {
  const list = Object.entries(sub.options ?? {}).map(([n, s]) => option(n, s));
  return [...list.filter((o) => o.required), ...list.filter((o) => !o.required)].slice(0, L.options);
}

/** The '' subcommand repeats another one (as /sojusz '' = help): Discord need not offer it twice. */
function duplicatesNamed(cmd: Command): boolean {
  const bare = cmd.subcommands[''];
  return Boolean(bare && Object.entries(cmd.subcommands).some(([p, s]) => p !== '' && s.run === bare.run));
}

/** One registry command as a Discord chat-input command. */
export function toDiscordCommand(cmd: Command): CommandJson {
  const name = discordName(cmd.name) ?? cmd.name;
  const paths = Object.keys(cmd.subcommands);
  const base: CommandJson = { type: 1, name, ...desc(cmd.description), contexts: [0] };
  const subs = Object.values(cmd.subcommands);
  if (subs.length && subs.every((s) => s.facilitator)) base.default_member_permissions = MANAGE_GUILD;
  if (paths.length === 1 && paths[0] === '') {
    const opts = options(cmd.subcommands['']!);
    return opts.length ? { ...base, options: opts } : base;
  }
  const top: OptionJson[] = [];
  const groups = new Map<string, OptionJson>();
  for (const [path, sub] of Object.entries(cmd.subcommands)) {
    if (path === '' && duplicatesNamed(cmd)) continue;
    const words = path === '' ? [DEFAULT_SUBCOMMAND.name] : path.split(' ');
    const leafName = words[words.length - 1]!;
    const leaf: OptionJson = {
      type: OptionType.SubCommand,
      name: discordName(leafName) ?? leafName,
      ...desc(sub.description),
      ...(path === '' ? { name_localizations: { pl: DEFAULT_SUBCOMMAND.pl } } : plName(leafName, sub.aliases)),
    };
    const opts = options(sub);
    if (opts.length) leaf.options = opts;
    if (words.length === 1) top.push(leaf);
    else {
      const g = words[0]!;
      let group = groups.get(g);
      if (!group) {
        group = { type: OptionType.SubCommandGroup, name: discordName(g) ?? g, description: g, options: [] };
        groups.set(g, group);
        top.push(group);
      }
      group.options!.push(leaf);
    }
  }
  for (const group of groups.values()) {
    // A group has no description of its own in the registry: list what it holds, in both languages.
    const names = group.options!.map((o) => o.name);
    const plNames = group.options!.map((o) => o.name_localizations?.pl ?? o.name);
    group.description = truncate(`${group.name}: ${names.join(', ')}`, L.commandDescription);
    group.description_localizations = { pl: truncate(`${group.name}: ${plNames.join(', ')}`, L.commandDescription) };
  }
  return { ...base, options: top.slice(0, L.options) };
}

/** Back from Discord's subcommand path to the registry's: `/x open` is the bare command when x has no `open`. */
export function registryPath(cmd: Command, discordPath: string[]): string[] {
  const joined = discordPath.join(' ');
  if (cmd.subcommands[joined]) return discordPath;
  if (joined === DEFAULT_SUBCOMMAND.name && cmd.subcommands['']) return [];
  return discordPath;
}
