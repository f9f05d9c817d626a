// Registry → Discord application commands: subcommands, groups, typed options, Polish localizations.
import { subcommandDescription, type Command, type OptionSpec, type Subcommand } from '../../../src/core/registry.js';
import { hasKey, tx, type Lang } from '../../../src/i18n/index.js';
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

/**
 * An option's Polish name: the first Polish alias the text parser knows it by, else the word our usage lines call it
 * in Polish (`args.placeholder.*`, "kanał", "godzina"), so a Polish picker shows no English name among Polish ones.
 */
export function optionPlName(name: string, spec: OptionSpec): string | undefined {
  const own = discordName(name) ?? name;
  const key = `args.placeholder.${name}`;
  const words = [...(spec.aliases ?? []), ...(hasKey(key) ? [tx('pl', key)] : [])];
  return words.map(discordName).find((a): a is string => Boolean(a) && a !== own);
}

/** A subcommand's description: "(facilitators only)" goes when the two do not fit together (running it says so). */
function subDescription(sub: Subcommand, lang: Lang): string {
  const full = subcommandDescription(sub, lang);
  return full.length <= L.commandDescription ? full : truncate(sub.description[lang], L.commandDescription);
}

function option(name: string, spec: OptionSpec, pl: string | undefined): OptionJson {
  const base = { name: discordName(name) ?? name, ...desc(spec.description), ...(pl ? { name_localizations: { pl } } : {}), ...(spec.required ? { required: true } : {}) };
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
  const entries = Object.entries(sub.options ?? {});
  // Discord refuses two options of one name in a language: a Polish name another option already shows is not given.
  const taken = new Set(entries.map(([n]) => discordName(n) ?? n));
  const list = entries.map(([n, s]) => {
    const pl = optionPlName(n, s);
    const free = pl && !taken.has(pl) ? pl : undefined;
    if (free) taken.add(free);
    return option(n, s, free);
  });
  return [...list.filter((o) => o.required), ...list.filter((o) => !o.required)].slice(0, L.options);
}

/**
 * Where a registry path sits in Discord's two levels (group → subcommand): one word is a subcommand; more are
 * a group named by the first word and a subcommand named by the rest, joined by '-' ("team facilitator add"
 * → team › facilitator-add). A Polish alias of as many words names both the same way.
 *
 * Discord refuses two options of one name at one level, in any language. So a group whose first word is also a
 * one-word subcommand ("topic" beside "topic anon") is not made: its paths become dashed subcommands beside it
 * (`topic-anon`); and a Polish alias whose first word is a one-word subcommand's Polish name ("wolne" for both
 * "holidays" and "holiday add") gives way to the next alias ("święto dodaj").
 */
export function discordShape(cmd: Command, path: string): { group?: { name: string; pl?: string }; leaf: { name: string; pl?: string } } {
  if (path === '') return { leaf: { name: DEFAULT_SUBCOMMAND.name, pl: DEFAULT_SUBCOMMAND.pl } };
  const words = path.split(' ');
  const name = (ws: string[]) => discordName(ws.join('-')) ?? ws.join('-');
  const aliases = (cmd.subcommands[path]?.aliases ?? []).map((a) => a.split(' '));
  if (words.length === 1) {
    const alias = aliases.find((a) => name(a) !== name(words));
    return { leaf: { name: name(words), ...(alias ? { pl: name(alias) } : {}) } };
  }
  const single = Object.keys(cmd.subcommands).filter((p) => p !== '' && !p.includes(' '));
  const sameLength = aliases.filter((a) => a.length === words.length && name(a) !== name(words));
  if (single.some((p) => name([p]) === name(words.slice(0, 1)))) {
    return { leaf: { name: name(words), ...(sameLength[0] ? { pl: name(sameLength[0]) } : {}) } };
  }
  const singlePl = new Set(single.map((p) => discordShape(cmd, p).leaf.pl).filter(Boolean));
  const alias = sameLength.find((a) => !singlePl.has(name(a.slice(0, 1))));
  const rest = (ws: string[]) => name(ws.slice(1));
  return {
    group: { name: name(words.slice(0, 1)), ...(alias && name(alias.slice(0, 1)) !== name(words.slice(0, 1)) ? { pl: name(alias.slice(0, 1)) } : {}) },
    leaf: { name: rest(words), ...(alias && rest(alias) !== rest(words) ? { pl: rest(alias) } : {}) },
  };
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
    const shape = discordShape(cmd, path);
    const leaf: OptionJson = {
      type: OptionType.SubCommand,
      name: shape.leaf.name,
      ...desc({ en: subDescription(sub, 'en'), pl: subDescription(sub, 'pl') }),
      ...(shape.leaf.pl ? { name_localizations: { pl: shape.leaf.pl } } : {}),
    };
    const opts = options(sub);
    if (opts.length) leaf.options = opts;
    if (!shape.group) top.push(leaf);
    else {
      let group = groups.get(shape.group.name);
      if (!group) {
        group = { type: OptionType.SubCommandGroup, name: shape.group.name, description: shape.group.name, options: [] };
        groups.set(shape.group.name, group);
        top.push(group);
      }
      // The group takes its Polish name from the first of its subcommands that has one.
      if (shape.group.pl && !group.name_localizations) group.name_localizations = { pl: shape.group.pl };
      group.options!.push(leaf);
    }
  }
  for (const group of groups.values()) {
    // A group has no description of its own in the registry: list what it holds, in both languages.
    const names = group.options!.map((o) => o.name);
    const plNames = group.options!.map((o) => o.name_localizations?.pl ?? o.name);
    group.description = truncate(`${group.name}: ${names.join(', ')}`, L.commandDescription);
    group.description_localizations = { pl: truncate(`${group.name_localizations?.pl ?? group.name}: ${plNames.join(', ')}`, L.commandDescription) };
  }
  return { ...base, options: top.slice(0, L.options) };
}

/**
 * Back from Discord's subcommand path to the registry's (Discord sends the canonical names): the path whose
 * shape it is; `/x open` is the bare command when x has no `open`. An unknown path is passed on as it came,
 * for the core to answer.
 */
export function registryPath(cmd: Command, discordPath: string[]): string[] {
  const joined = discordPath.join(' ');
  if (cmd.subcommands[joined] && discordPath.length < 3) return discordPath;
  for (const path of Object.keys(cmd.subcommands)) {
    const { group, leaf } = discordShape(cmd, path);
    if ((group ? `${group.name} ${leaf.name}` : leaf.name) === joined) return path === '' ? [] : path.split(' ');
  }
  return discordPath;
}
