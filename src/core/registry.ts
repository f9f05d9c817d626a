// Commands, forms and buttons declared once: names, pl/en descriptions, typed options, who may run them.
import type { Context } from './context.js';
import type { FormOutcome } from './events.js';
import type { Form, FormValues } from './form.js';
import type { ButtonConfirm } from './message.js';
import type { MessageRef } from './port.js';
import type { ScheduleKind } from '../schedule/kinds.js';
import type { Hooks } from './hooks.js';
import type { PrivacyContributor } from './privacy.js';
import { tx, type Lang } from '../i18n/index.js';

export interface L10n {
  pl: string;
  en: string;
}

interface OptionBase {
  description: L10n;
  required?: boolean;
  /** Only by name (`every 2`, `tz:Europe/Warsaw`), never positional. */
  named?: boolean;
  /** Localized names a member may type for a named option (e.g. `co`, `strefa`). */
  aliases?: string[];
  /**
   * The one shape its value has (a zone, a duration): throws for a value of another. A declaration says only "a
   * string"; with a shape, the option's name inside a free text ("czas dojazdu") is told from the option given by
   * name ("czas 2h"), which ends the text before it.
   */
  shape?: (value: string) => unknown;
  /**
   * A phrase of the member's own words that gives this named option without its name ("co drugi tydzień" for every 2),
   * read from word `at`: its value and how many words it took, or undefined when none starts there.
   */
  phrase?: (words: readonly string[], at: number) => { value: number; used: number } | undefined;
}

export type OptionSpec =
  | (OptionBase & { kind: 'string'; choices?: { value: string; name: L10n }[]; maxLength?: number })
  /** The rest of the line (a note, a text); must be the last positional option. */
  | (OptionBase & { kind: 'text'; maxLength?: number })
  | (OptionBase & { kind: 'int'; min?: number; max?: number; /** words that may follow the number ("weeks") */ units?: string[] })
  | (OptionBase & { kind: 'number'; min?: number; max?: number })
  | (OptionBase & { kind: 'channel' })
  | (OptionBase & { kind: 'member' });

export type OptionValues = Record<string, string | number | undefined>;

export interface Subcommand {
  description: L10n;
  /** Options in positional order. */
  options?: Record<string, OptionSpec>;
  /** Only facilitators may run it. */
  facilitator?: boolean;
  /** Other words a member may type for this subcommand (Polish names). */
  aliases?: string[];
  /** An example invocation shown in usage answers, without the leading slash command: one string where it is
   *  command syntax only, a pl/en pair where it carries words (a question, a topic). A date in it is written
   *  `{+7d}` (or `{-7d}`): that many days from today, so an example never goes stale in the past. */
  example?: string | L10n;
  /** Small words a member may put before a day or an hour ("friday at 8:30", "w piątek o 8:30"), dropped in typed
   *  text while the options before a free text are read. */
  fillers?: readonly string[];
  run(ctx: Context, opts: OptionValues): Promise<void>;
}

export interface Command {
  name: string;
  description: L10n;
  /** Its name as a Polish member may type it out of habit (/przypadek). Platforms register only `name`, so these
   *  only lead to "did you mean /case?". */
  otherNames?: string[];
  /** '' is the bare command; 'team language' is a group and subcommand (Discord subcommand groups). */
  subcommands: Record<string, Subcommand>;
}

export interface FormHandler {
  id: string;
  /** The form's declaration (also used to validate a submission, so every platform rejects alike). */
  build(ctx: Context, state: string | undefined): Form | Promise<Form>;
  /** Called with values that passed the declaration's checks; throw FieldErrors for further ones. */
  submit(ctx: Context, values: FormValues, state: string | undefined): Promise<FormOutcome>;
}

export interface ActionHandler {
  /** Matches the button's `action`. */
  id: string;
  /**
   * Its buttons may be pressed by someone whose data was erased (the erasure's own question): the member is looked up,
   * never created again, and without a row `ctx.member` is an unsaved stand-in whose id is 0.
   */
  lookupOnly?: boolean;
  /**
   * The question its buttons ask before acting (see Button.confirm), in the presser's language. A platform that asks
   * only when the button is pressed (Discord) takes the words from here, so any process — after a restart, on
   * another replica — asks in them; the message's own `confirm` serves platforms that ask from the message (Slack).
   */
  confirm?(lang: Lang, value: string | undefined): ButtonConfirm;
  run(ctx: Context, value: string | undefined, source: MessageRef | undefined): Promise<void | FormOutcome>;
}

export function command(c: Command): Command {
  return c;
}
export function formHandler(f: FormHandler): FormHandler {
  return f;
}
export function actionHandler(a: ActionHandler): ActionHandler {
  return a;
}

/** Everything the bot can do, assembled once at start (commands/index.ts). */
export interface Registry {
  commands: Command[];
  forms: FormHandler[];
  actions: ActionHandler[];
  scheduleKinds: ScheduleKind[];
  hooks: Hooks[];
  /** What each area keeps about members and teams: export, erase, retention, re-encryption. */
  privacy: PrivacyContributor[];
}

export function findCommand(reg: Registry, name: string): Command | undefined {
  const n = name.replace(/^\//, '').toLowerCase();
  return reg.commands.find((c) => c.name === n);
}

/** A subcommand's description as members read it (help, completion, the platform's command list): a
 *  facilitator-only one says so, in one place rather than in every catalogue entry. */
export function subcommandDescription(sub: Subcommand, lang: Lang): string {
  return sub.facilitator ? `${sub.description[lang]} ${tx(lang, 'help.facilitatorOnly')}` : sub.description[lang];
}

/**
 * The subcommand's example as a whole command line in both languages, for usage answers. An example written once
 * (command syntax only) starts with the subcommand's words, which Polish replaces with its Polish name.
 */
export function exampleLine(cmd: Command, path: string, sub: Subcommand, now: Date = new Date()): L10n | undefined {
  if (sub.example === undefined) return undefined;
  const dated = (s: string) => s.replace(/\{([+-]\d+)d\}/g, (_, days: string) => new Date(now.getTime() + Number(days) * 86_400_000).toISOString().slice(0, 10));
  const ex = typeof sub.example === 'string' ? dated(sub.example) : { pl: dated(sub.example.pl), en: dated(sub.example.en) };
  if (typeof ex !== 'string') return { pl: `/${cmd.name} ${ex.pl}`, en: `/${cmd.name} ${ex.en}` };
  const words = path && sub.aliases?.length && (ex === path || ex.startsWith(`${path} `)) ? `${sub.aliases[0]}${ex.slice(path.length)}` : ex;
  // Named options by their Polish names too ("every 2" → "co 2", "tz:…" → "strefa:…").
  const polish = new Map(Object.entries(sub.options ?? {}).flatMap(([n, o]) => (o.named && o.aliases?.length ? [[n, o.aliases[0]!] as const] : [])));
  const pl = words.replace(/(^| )([a-z]+)(?=[: ]|$)/g, (all, sp: string, w: string) => (polish.has(w) ? `${sp}${polish.get(w)}` : all));
  return { pl: `/${cmd.name} ${pl}`, en: `/${cmd.name} ${ex}` };
}
