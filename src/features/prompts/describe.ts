// Words for schedules in messages: the rhythm ("every Friday at 09:00"), weekday names, theme lists.
import { tx, weekdayName, type Lang } from '../../i18n/index.js';
import { formatLocal } from '../../schedule/occurrence.js';
import { THEME_NAMES, type Theme } from './library.js';
import type { WeeklyRule } from './schedules.js';

export function rhythmText(rule: WeeklyRule, lang: Lang): string {
  const p = { weekday: weekdayName(lang, rule.weekday), time: rule.time, every: rule.every };
  return rule.every > 1 ? tx(lang, 'prompts.rhythm.everyN', p) : tx(lang, 'prompts.rhythm.weekly', p);
}

export function themesText(themes: readonly Theme[], lang: Lang): string {
  return themes.length ? themes.map((t) => THEME_NAMES[t][lang]).join(', ') : tx(lang, 'prompts.allThemes');
}

/** The themes inside a sentence: "themes: Bond, Repair", or just "all themes" (never "themes: all themes"). */
export function themesPhrase(themes: readonly Theme[], lang: Lang): string {
  return themes.length ? tx(lang, 'prompts.someThemes', { list: themesText(themes, lang) }) : tx(lang, 'prompts.allThemes');
}

/** The rhythm with the schedule's zone when it is not the team's ("every Friday at 09:00 (America/New_York)"). */
export function zonedRhythm(rule: WeeklyRule, zone: string, teamZone: string, lang: Lang): string {
  const rhythm = rhythmText(rule, lang);
  return zone === teamZone ? rhythm : tx(lang, 'prompts.inZone', { what: rhythm, zone });
}

/** A date and hour in the schedule's zone, naming the zone when it is not the team's. */
export function zonedWhen(at: Date, zone: string, teamZone: string, lang: Lang): string {
  const when = formatLocal(at, zone, lang);
  return zone === teamZone ? when : tx(lang, 'prompts.inZone', { what: when, zone });
}
