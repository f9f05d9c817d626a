// Words: typed pl/en catalogues, plural forms, and rendering of entries into rich text.
import type { Rich, Span } from '../core/message.js';
import { en } from './en/index.js';
import { pl } from './pl/index.js';
import type { Entry, Plural } from './types.js';

export type Lang = 'pl' | 'en';
export const LANGS: readonly Lang[] = ['pl', 'en'];
export type MessageKey = Extract<keyof typeof en, string>;
/** A value for a `{param}`; words known in both languages (an option's name) are chosen at rendering, and a
 *  channel of the team (`{ channel: id }`) becomes the platform's own channel link. */
export type Param = string | number | undefined | { pl: string; en: string } | { channel: string };
export type Params = Record<string, Param>;

const catalogues: Record<Lang, Record<MessageKey, Entry>> = { en, pl };

export function isLang(x: unknown): x is Lang {
  return x === 'pl' || x === 'en';
}

/** Person's choice, else the team's, else the platform locale ("pl-PL", "en-US"), else Polish. */
export function pickLanguage(member?: string | null, team?: string | null, locale?: string | null): Lang {
  if (isLang(member)) return member;
  if (isLang(team)) return team;
  const l = (locale ?? '').slice(0, 2).toLowerCase();
  if (isLang(l)) return l;
  return 'pl';
}

function choosePlural(lang: Lang, forms: Plural, count: number): string {
  const cat = new Intl.PluralRules(lang).select(count) as keyof Plural;
  return forms[cat] ?? forms.other;
}

function entryText(lang: Lang, key: MessageKey, params: Params): string {
  const entry = catalogues[lang][key] ?? catalogues.en[key];
  if (entry === undefined) throw new Error(`missing catalogue key ${String(key)}`);
  if (typeof entry === 'string') return entry;
  return choosePlural(lang, entry, Number(params.count ?? 0));
}

const MARKUP = /\*([^*\n]+)\*|_([^_\n]+)_|`([^`\n]+)`/g;

/** A piece of template in one style: its words as they are, every `{param}` as an untrusted span of that style. */
function fill(lang: Lang, text: string, params: Params, style?: Span['style']): Span[] {
  const out: Span[] = [];
  let last = 0;
  for (const m of text.matchAll(/\{(\w+)\}/g)) {
    if (m.index! > last) out.push({ text: text.slice(last, m.index), ...(style ? { style } : {}) });
    const v = params[m[1]!];
    if (v && typeof v === 'object' && 'channel' in v) out.push({ text: `#${v.channel}`, channel: v.channel });
    else out.push({ text: v === undefined ? '' : typeof v === 'object' ? v[lang] : String(v), untrusted: true, ...(style ? { style } : {}) });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), ...(style ? { style } : {}) });
  return out;
}

/**
 * Render a catalogue entry as rich text. Markup is read from the template first, so a `{param}` inside
 * `*…*` or backticks takes that style; every `{param}` becomes an untrusted span, so a value that came from
 * a member can never become markup or a mention.
 */
export function t(lang: Lang, key: MessageKey, params: Params = {}): Rich {
  const template = entryText(lang, key, params);
  const out: Span[] = [];
  let last = 0;
  for (const m of template.matchAll(MARKUP)) {
    if (m.index! > last) out.push(...fill(lang, template.slice(last, m.index), params));
    if (m[1] !== undefined) out.push(...fill(lang, m[1], params, 'bold'));
    else if (m[2] !== undefined) out.push(...fill(lang, m[2], params, 'italic'));
    else out.push(...fill(lang, m[3]!, params, 'code'));
    last = m.index! + m[0].length;
  }
  if (last < template.length) out.push(...fill(lang, template.slice(last), params));
  return out.filter((s) => s.text !== '');
}

/** The same entry as plain text (labels, titles, button texts): markup characters dropped. */
export function tx(lang: Lang, key: MessageKey, params: Params = {}): string {
  return t(lang, key, params).map((s) => s.text).join('');
}

/**
 * One entry in Polish, then English, as plain text on two lines: for an answer given before the member's language can
 * be known (looking it up is the work being spared, or the database holding it is out of reach).
 */
export function inBothLanguages(key: MessageKey, params: Params = {}): string {
  return `${tx('pl', key, params)}\n${tx('en', key, params)}`;
}

/** A weekday's name as it stands inside a sentence (1 = Monday … 7 = Sunday): "Friday", "piątek". */
export function weekdayName(lang: Lang, weekday: number): string {
  return tx(lang, `weekday.${weekday}` as MessageKey);
}

export function hasKey(key: string): key is MessageKey {
  return key in catalogues.en;
}

/** Both languages of one entry, for declarations that platforms localize themselves (command descriptions). */
export function l10n(key: MessageKey): { pl: string; en: string } {
  return { pl: tx('pl', key), en: tx('en', key) };
}
