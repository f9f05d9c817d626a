// Small word helpers for supervision answers: lists joined the way each language joins them ("a, b i c").
import { tx, type Lang } from '../../i18n/index.js';

const LOCALE: Record<Lang, string> = { pl: 'pl', en: 'en-GB' };

/** "2 dni i 2 godziny", "2 days, 2 hours and 30 minutes": Intl knows each language's conjunction and commas. */
export function andList(lang: Lang, items: readonly string[]): string {
  return new Intl.ListFormat(LOCALE[lang], { type: 'conjunction', style: 'long' }).format(items);
}

/**
 * Reminder offsets as separate moments: "2 days before and again 2 hours before", "na 2 dni oraz na 2 godziny".
 * Joined as a plain list ("2 dni i 2 godziny") they read as one reminder fifty hours ahead.
 */
export function offsetsList(lang: Lang, labels: readonly string[]): string {
  const each = labels.map((offset) => tx(lang, 'supervision.remind.offset', { offset }));
  if (each.length < 2) return each.join('');
  return `${each.slice(0, -1).join(', ')} ${tx(lang, 'supervision.remind.last')} ${each.at(-1)}`;
}
