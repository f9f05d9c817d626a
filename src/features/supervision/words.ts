// Small word helpers for supervision answers: lists joined the way each language joins them ("a, b i c").
import type { Lang } from '../../i18n/index.js';

const LOCALE: Record<Lang, string> = { pl: 'pl', en: 'en-GB' };

/** "2 dni i 2 godziny", "2 days, 2 hours and 30 minutes": Intl knows each language's conjunction and commas. */
export function andList(lang: Lang, items: readonly string[]): string {
  return new Intl.ListFormat(LOCALE[lang], { type: 'conjunction', style: 'long' }).format(items);
}
