// Turns a slash command's typed text into a subcommand and typed option values (Slack, web playground).
import { UserError } from './errors.js';
import { decimal, fold, INT_MAX, INT_MIN } from './parse.js';
import type { Command, L10n, OptionSpec, OptionValues, Subcommand } from './registry.js';
import { tx, type Lang, type MessageKey } from '../i18n/index.js';

/** Where a tokenized line came from: its text and each token's place in it, so a free text can be taken as
 *  typed (quotes, line breaks, spacing) rather than re-joined from words. Kept beside the array, not in it, so a
 *  token list stays a plain list of strings for everyone else. */
interface Source {
  text: string;
  spans: { start: number; end: number }[];
}
const sources = new WeakMap<readonly string[], Source>();

/** Split on spaces, keeping "quoted phrases" and Slack's <…|…> tokens together. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const spans: Source['spans'] = [];
  const re = /"([^"]*)"|“([^”]*)”|(<[^>]*>)|(\S+)/g;
  for (const m of text.matchAll(re)) {
    out.push(m[1] ?? m[2] ?? m[3] ?? m[4]!);
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  sources.set(out, { text, spans });
  return out;
}

/** The tokens from `from` on, still knowing where they came from. */
function tokensFrom(tokens: string[], from: number): string[] {
  const out = tokens.slice(from);
  const src = sources.get(tokens);
  if (src) sources.set(out, { text: src.text, spans: src.spans.slice(from) });
  return out;
}

/** The words at these (ascending) indices as the member typed them: each unbroken run verbatim, runs that
 *  other options interrupted joined by a space. Words of unknown origin are joined by spaces. */
function verbatim(words: string[], at: number[]): string {
  const src = sources.get(words);
  if (!src) return at.map((i) => words[i]!).join(' ');
  const runs: string[] = [];
  for (let k = 0; k < at.length; ) {
    let j = k;
    while (j + 1 < at.length && at[j + 1] === at[j]! + 1) j++;
    runs.push(src.text.slice(src.spans[at[k]!]!.start, src.spans[at[j]!]!.end));
    k = j + 1;
  }
  return runs.join(' ').trim();
}

/** Find the subcommand named by the leading words (longest match), with the remaining words. */
export function matchSubcommand(cmd: Command, tokens: string[]): { path: string; sub: Subcommand; rest: string[] } | undefined {
  let best: { path: string; sub: Subcommand; rest: string[] } | undefined;
  for (const [path, sub] of Object.entries(cmd.subcommands)) {
    if (path === '') continue;
    const words = path.split(' ');
    const names = [words, ...(sub.aliases ?? []).map((a) => a.split(' '))];
    for (const w of names) {
      if (w.length > tokens.length) continue;
      if (w.every((x, i) => fold(tokens[i]!) === fold(x)) && (!best || w.length > best.path.split(' ').length)) {
        best = { path, sub, rest: tokensFrom(tokens, w.length) };
      }
    }
  }
  const bare = cmd.subcommands[''];
  // The bare command takes the words only if it has options for them; otherwise they name a subcommand.
  if (!best && bare && (tokens.length === 0 || Object.keys(bare.options ?? {}).length > 0)) best = { path: '', sub: bare, rest: tokens };
  return best;
}

/** A bare platform channel id (Slack C0123…, a Discord snowflake): the one place the core knows their shapes. */
const BARE_CHANNEL_ID = /^([CGD][A-Z0-9]{6,}|\d{15,22})$/;

export function channelId(token: string): string | undefined {
  const m = /^<#([A-Z0-9a-z_-]+)(?:\|[^>]*)?>$/.exec(token) ?? /^#([\p{L}\p{N}_-]+)$/u.exec(token) ?? BARE_CHANNEL_ID.exec(token);
  return m?.[1];
}

/** Whether a stored channel is a platform id, which means nothing to a person, rather than a name they would know. */
export function isBareChannelId(channel: string): boolean {
  return BARE_CHANNEL_ID.test(channel);
}

/** Names that stand for a whole channel, never for one person. */
const EVERYONE = /^(everyone|here|channel|all|wszyscy)$/i;

/**
 * A user id as only the platform writes it (a Slack id picked from the mention list, a Discord snowflake). A Slack id
 * always carries digits: "@WOJCIECH" typed in capitals is a name, not an id.
 */
export const PLATFORM_USER_ID = /^((?=[A-Z0-9]*\d)[UW][A-Z0-9]{6,}|\d{15,22})$/;

export function memberId(token: string): string | undefined {
  const m = /^<@!?([A-Z0-9a-z_-]+)(?:\|[^>]*)?>$/.exec(token) ?? /^@([\p{L}\p{N}_.-]+)$/u.exec(token) ?? PLATFORM_USER_ID.exec(token);
  return m?.[1] && !EVERYONE.test(m[1]) ? m[1] : undefined;
}

/** Convert one token to the option's type, or throw a UserError naming the option (in the member's words). */
export function coerce(spec: OptionSpec, raw: string | number): string | number {
  const s = String(raw).trim();
  const option = spec.description;
  switch (spec.kind) {
    case 'int':
    case 'number': {
      // "#3" is how posts number things ("Case #3", "Przypadek #3"), so a whole number may carry the sign; every
      // whole-number option is a positive id, count or number of days, where "#14" can only mean 14.
      const digits = spec.kind === 'int' ? s.replace(/^#(?=\d)/, '') : s;
      const n = decimal(digits);
      const ok = Number.isFinite(n) && (spec.kind === 'number' || Number.isInteger(n));
      // A whole number is always an id, a count or a number of days: never beyond the database's integer.
      const min = spec.min ?? (spec.kind === 'int' ? INT_MIN : undefined);
      const max = spec.max ?? (spec.kind === 'int' ? INT_MAX : undefined);
      if (!ok || (min !== undefined && n < min) || (max !== undefined && n > max)) {
        // The database's bound is no limit a member thinks of: only the limits the option declares are named.
        if (spec.min !== undefined && spec.max !== undefined) throw new UserError('args.badNumber', { option, got: s, min: spec.min, max: spec.max });
        if (spec.min !== undefined) throw new UserError('args.badNumberFrom', { option, got: s, min: spec.min });
        throw new UserError('args.badNumberAny', { option, got: s });
      }
      return n;
    }
    case 'channel': {
      const id = channelId(s);
      if (!id) throw new UserError('args.badChannel', { option, got: s });
      return id;
    }
    case 'member': {
      const id = memberId(s);
      if (!id) throw new UserError('args.badMember', { option, got: s });
      return id;
    }
    case 'string': {
      if (spec.choices) {
        const hit = spec.choices.find((c) => fold(c.value) === fold(s) || fold(c.name.pl) === fold(s) || fold(c.name.en) === fold(s));
        if (!hit) throw new UserError('args.badChoice', { option, got: s, choices: spec.choices.map((c) => c.value).join(' | ') });
        return hit.value;
      }
      if (spec.maxLength && s.length > spec.maxLength) throw new UserError('args.tooLong', { option, max: spec.maxLength, got: s.length });
      return s;
    }
    case 'text':
      if (spec.maxLength && s.length > spec.maxLength) throw new UserError('args.tooLong', { option, max: spec.maxLength, got: s.length });
      return s;
  }
}

/** A declared unit word ("14 days", "2 tygodnie") after a whole number. */
function isUnit(spec: OptionSpec, word: string | undefined): boolean {
  return spec.kind === 'int' && word !== undefined && !!spec.units?.some((u) => fold(u) === fold(word));
}

/** Lay left-over words on the positional options in order: a declared unit may follow its number, and a text
 *  option takes every word from its first one. `used` is how many words found a place. */
function layOut(positional: [string, OptionSpec][], rest: string[]): { at: [string, OptionSpec, number][]; text?: [string, OptionSpec, number]; used: number } {
  const at: [string, OptionSpec, number][] = [];
  let p = 0;
  for (const [n, spec] of positional) {
    if (p >= rest.length) break;
    if (spec.kind === 'text') return { at, text: [n, spec, p], used: rest.length };
    at.push([n, spec, p++]);
    if (isUnit(spec, rest[p])) p++;
  }
  return { at, used: p };
}

/** A declared filler word before a value ("at 8:30"), unless it names an option given its number or unit
 *  ("every 2 weeks", "co tydzień": those are the option's). Never the last word: it is nothing's filler then. */
function isFiller(sub: Subcommand, word: string, next: string | undefined): boolean {
  if (next === undefined || !sub.fillers?.some((f) => fold(f) === fold(word))) return false;
  const named = Object.entries(sub.options ?? {}).find(([n, s]) => [n, ...(s.aliases ?? [])].some((a) => fold(a) === fold(word)));
  return !named || !(Number.isFinite(decimal(next)) || isUnit(named[1], next));
}

/** Whether `value` is one the option takes: checked as coerce checks it, and by its shape where it has one. A free
 *  string with no known shape, or a text, takes anything, so it never counts as recognised. */
function fits(spec: OptionSpec, value: string | undefined): boolean {
  if (value === undefined || spec.kind === 'text') return false;
  if (spec.kind === 'string' && !spec.choices && !spec.shape) return false;
  try {
    coerce(spec, value);
    spec.shape?.(value);
    return true;
  } catch {
    return false;
  }
}

/** The option a `name:value` word names, with its value ("" for `name:` alone). Slack's <…> tokens name nothing. */
function byColonOf(specs: [string, OptionSpec][], word: string): { option: [string, OptionSpec]; value: string } | undefined {
  const m = /^([\p{L}_-]+):(.*)$/u.exec(word);
  const option = m && !word.startsWith('<') ? byNameOf(specs, m[1]!) : undefined;
  return option && { option, value: m![2]! };
}

function byNameOf(specs: [string, OptionSpec][], word: string): [string, OptionSpec] | undefined {
  return specs.find(([n, s]) => fold(n) === fold(word) || (s.aliases ?? []).some((a) => fold(a) === fold(word)));
}

/** As a member typed an option in a refusal: short enough to quote. */
function quoted(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** Assign words to options: `name:value` and `name value` for named ones, the rest by position. A free text
 *  (a `text` option by position, or `name:` with nothing after the colon) is the rest of the line as typed; a
 *  `name:` text ends where another named option of the subcommand begins. An option given twice is refused. */
export function parseOptions(sub: Subcommand, words: string[]): OptionValues {
  const specs = Object.entries(sub.options ?? {});
  const out: OptionValues = {};
  /** Each option given by name, as typed, to quote if it comes again. */
  const given: Record<string, string> = {};
  /** Indices of the words left for positional options. */
  const rest: number[] = [];
  const positional = () => specs.filter(([n, s]) => !s.named && out[n] === undefined);
  const byName = (w: string) => byNameOf(specs, w);
  /** Read option `n` from its value; `typed` is how it was given (quoted if it is given again). */
  const take = ([n, spec]: [string, OptionSpec], value: string, typed: string) => {
    if (given[n] !== undefined) throw new UserError('args.repeated', { option: spec.description, first: quoted(given[n]), got: quoted(typed) });
    out[n] = coerce(spec, value);
    given[n] = typed;
  };
  /** A named option given in a phrase at word `j` ("co drugi tydzień" for every), with its value and length. */
  const phraseAt = (j: number) => {
    for (const option of specs) {
      const got = option[1].named ? option[1].phrase?.(words, j) : undefined;
      if (got) return { option, ...got };
    }
    return undefined;
  };
  /** A word that gives another named option (`tz:…`, `duration 2h` with a value of its shape, a rhythm): the end of
   *  a `name:` text. Links and labels with a colon ("https://…", "Zoom: …") name no option and stay in it. */
  const givesNamed = (j: number) => {
    if (phraseAt(j)) return true;
    const c = byColonOf(specs, words[j]!);
    if (c) return !!c.option[1].named;
    const named = byName(words[j]!);
    return !!named?.[1].named && fits(named[1], words[j + 1]);
  };
  // Once a positional text has begun, its words are the member's: "number: 555" in a reply is text, not the
  // case number. Only options that are never positional (a trailing `tz:…` after themes) are still read: once, and
  // once more only to be refused as given twice when that is plainly what it is.
  let inText = false;
  const readable = (o: [string, OptionSpec] | undefined, byColon: boolean, next?: string) =>
    o && (!inText || (o[1].named && (given[o[0]] === undefined || byColon || fits(o[1], next))));
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const phrase = phraseAt(i);
    if (phrase) {
      take(phrase.option, String(phrase.value), words.slice(i, i + phrase.used).join(' '));
      i += phrase.used - 1;
      continue;
    }
    if (!inText && isFiller(sub, w, words[i + 1])) continue;
    const byColon = byColonOf(specs, w);
    if (byColon && readable(byColon.option, true)) {
      if (byColon.value !== '') {
        take(byColon.option, byColon.value, w);
      } else {
        // `where: room 3` → the words after it as typed, up to another named option ("… tz:America/New_York"); a
        // comma before that option is punctuation, not part of the place.
        let j = i + 1;
        while (j < words.length && !givesNamed(j)) j++;
        const at = [...words.keys()].slice(i + 1, j);
        const text = verbatim(words, at);
        take(byColon.option, j < words.length ? text.replace(/[,;]$/, '') : text, verbatim(words, [i, ...at]));
        i = j - 1;
      }
      continue;
    }
    const named = byName(w);
    // A named option, or a number given by its name as well as by place ("last 20" as well as "20").
    if (named && (named[1].named || named[1].kind === 'int') && readable(named, false, words[i + 1]) && i + 1 < words.length) {
      const unit = isUnit(named[1], words[i + 2]) ? 1 : 0;
      take(named, words[i + 1]!, words.slice(i, i + 2 + unit).join(' '));
      i += 1 + unit;
      continue;
    }
    rest.push(i);
    if (!inText) inText = layOut(positional(), rest.map((k) => words[k]!)).text !== undefined;
  }
  const laid = layOut(positional(), rest.map((k) => words[k]!));
  for (const [n, spec, p] of laid.at) out[n] = coerce(spec, words[rest[p]!]!);
  if (laid.text) {
    const [n, spec, p] = laid.text;
    out[n] = coerce(spec, verbatim(words, rest.slice(p)));
  }
  if (laid.used < rest.length) throw new UserError('args.unexpected', { got: rest.slice(laid.used).map((k) => words[k]!).join(' ') });
  for (const [n, spec] of specs) {
    if (spec.required && out[n] === undefined) throw missingOption(spec);
  }
  return out;
}

/**
 * "Still missing: <the option's description>." The description is written as a label (capital first); inside the Polish
 * sentence, after its colon, it goes on in lower case ("Brakuje jeszcze: godzina …").
 */
export function missingOption(spec: OptionSpec): UserError {
  const { pl, en } = spec.description;
  return new UserError('args.missing', { option: { pl: pl.charAt(0).toLocaleLowerCase('pl') + pl.slice(1), en } });
}

/**
 * Options that arrived already typed (Discord): same checks as typed text. A whole line typed into one field
 * ("1.5 group 2026-03-02" as the hours, "friday 08:30" as the weekday), the other fields left empty, is what a member
 * types who follows an example written as one line: it is read as that line, as Slack reads it, when it reads so.
 */
export function checkOptions(sub: Subcommand, given: Record<string, string | number | boolean>): OptionValues {
  const line = wholeLine(sub, given);
  if (line) {
    try {
      return parseOptions(sub, tokenize(line));
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
    }
  }
  return checkTyped(sub, given);
}

/** The one field's text when it holds several words, is no free text, and the subcommand has other options left empty. */
function wholeLine(sub: Subcommand, given: Record<string, string | number | boolean>): string | undefined {
  const specs = Object.entries(sub.options ?? {});
  const filled = specs.filter(([n]) => given[n] !== undefined && given[n] !== '');
  if (filled.length !== 1 || specs.length < 2) return undefined;
  const [n, spec] = filled[0]!;
  const v = given[n];
  if (typeof v !== 'string' || spec.kind === 'text' || spec.named || !/\S\s+\S/.test(v.trim())) return undefined;
  return v.trim();
}

function checkTyped(sub: Subcommand, given: Record<string, string | number | boolean>): OptionValues {
  const out: OptionValues = {};
  for (const [n, spec] of Object.entries(sub.options ?? {})) {
    const v = given[n];
    if (v === undefined || v === '') {
      if (spec.required) throw missingOption(spec);
      continue;
    }
    out[n] = coerce(spec, typeof v === 'boolean' ? String(v) : withoutOwnName(n, spec, v));
  }
  return out;
}

/**
 * A named option's field whose value repeats the name, as a typed line carries it ("where: room 3" in the field
 * already called where): the name goes, so it is not stored as part of the place.
 */
function withoutOwnName(name: string, spec: OptionSpec, v: string | number): string | number {
  if (!spec.named || typeof v !== 'string') return v;
  const names = [name, ...(spec.aliases ?? [])].map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const m = new RegExp(`^\\s*(?:${names.join('|')})\\s*:\\s*`, 'iu').exec(v);
  return m ? v.slice(m[0].length) : v;
}

/**
 * The words a member types for a subcommand in `lang`: its Polish name where it has one. The bare command ('') is
 * typed as nothing in either language, even when it borrows another subcommand's declaration (/sojusz is help).
 */
export function subcommandWords(path: string, sub: Subcommand, lang: Lang): string {
  return lang === 'pl' && path && sub.aliases?.length ? sub.aliases[0]! : path;
}

/**
 * "/reflect schedule <channel> <weekday> <time> [every <N>] …" — from the declaration, in both languages: Polish
 * gets the Polish subcommand and option names and placeholders ("/reflect zaplanuj <kanał> <dzień> <godzina>").
 */
export function usageLine(cmd: Command, path: string, sub: Subcommand): L10n {
  const line = (lang: Lang) => {
    const parts = [`/${cmd.name}`];
    const words = subcommandWords(path, sub, lang);
    if (words) parts.push(words);
    for (const [n, s] of Object.entries(sub.options ?? {})) {
      const label = tx(lang, `args.placeholder.${n}` as MessageKey);
      const shape = s.kind === 'string' && s.choices ? s.choices.map((c) => c.value).join('|') : s.kind === 'text' ? `${label}…` : label;
      const name = lang === 'pl' && s.aliases?.length ? s.aliases[0]! : n;
      const inner = s.named ? `${name} <${s.kind === 'int' ? 'N' : label}>` : `<${shape}>`;
      parts.push(s.required ? inner : `[${inner}]`);
    }
    return parts.join(' ');
  };
  return { pl: line('pl'), en: line('en') };
}
