// How members say when a weekly thing comes: its rhythm ("co tydzień", "co drugi tydzień", "every other week",
// "biweekly") read into a number of weeks, and the small words around a day and an hour. One reader for /reflect,
// /supervision and /sojusz setup, so they all understand the same words alike.
import { fold } from './parse.js';

/** Words that stand for a rhythm alone. ("Biweekly" can mean twice a week, but in a schedule it is read, as usual, as
 *  every two weeks.) */
const ALONE: Record<string, number> = { weekly: 1, cotygodniowo: 1, biweekly: 2, fortnightly: 2, dwutygodniowo: 2 };

/** A week, in the forms people put after "every"/"co", a number, or "raz w"/"raz na"/"once a". */
const WEEK = new Set(['week', 'weeks', 'wk', 'wks', 'tydzien', 'tygodnie', 'tygodni', 'tygodnia', 'tygodniu', 'tyg']);

/** Counts said in words: numerals and ordinals ("co drugi tydzień", "co drugą środę", "every other week"), folded. */
const COUNTS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8,
  other: 2, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8,
  jeden: 1, dwa: 2, trzy: 3, cztery: 4, piec: 5, szesc: 6, siedem: 7, osiem: 8,
  drugi: 2, trzeci: 3, czwarty: 4, piaty: 5, szosty: 6, siodmy: 7, osmy: 8,
  // Feminine, for the days said in the accusative: "co drugą środę", "co trzecią sobotę".
  druga: 2, trzecia: 3, czwarta: 4, piata: 5, szosta: 6, siodma: 7, osma: 8,
};

/** A word as looked up: folded (see parse.ts), without the punctuation that ends it ("tyg.", "tydzień,"). */
const key = (w: string | undefined) => (w === undefined ? '' : fold(w).replace(/[.,;:]+$/, ''));

/** "2", "2nd", "2." (the Polish ordinal), or a count in words. */
function count(w: string | undefined): number | undefined {
  if (w === undefined) return undefined;
  const digits = /^(\d{1,3})(?:st|nd|rd|th|\.)?$/i.exec(w.trim());
  return digits ? Number(digits[1]) : COUNTS[key(w)];
}

/**
 * The rhythm said from `words[at]` on, as a number of weeks, and how many words it took; undefined when no rhythm
 * starts there. Read: "weekly", "biweekly"; "every week", "co tydzień", "every fortnight"; "every 2 weeks", "co 2 tyg.", "every 2";
 * "co drugi tydzień", "co dwa tygodnie", "every other week"; "raz w tygodniu", "raz na dwa tygodnie", "once a week".
 * "co drugi piątek" takes "co drugi" and leaves the day. The count is not range-checked: the caller says what it allows.
 */
export function rhythmAt(words: readonly string[], at: number): { weeks: number; used: number } | undefined {
  const first = key(words[at]);
  const alone = ALONE[first];
  if (alone) return { weeks: alone, used: 1 };
  // "raz w tygodniu", "raz na 2 tygodnie", "once a week", "once every 2 weeks": the week must be said.
  if ((first === 'raz' || first === 'once') && ['w', 'na', 'a', 'every'].includes(key(words[at + 1]))) {
    const n = count(words[at + 2]);
    const week = n === undefined ? at + 2 : at + 3;
    return WEEK.has(key(words[week])) ? { weeks: n ?? 1, used: week + 1 - at } : undefined;
  }
  if (first !== 'co' && first !== 'every') return undefined;
  const n = count(words[at + 1]);
  if (n !== undefined) return { weeks: n, used: WEEK.has(key(words[at + 2])) ? 3 : 2 };
  if (key(words[at + 1]) === 'fortnight') return { weeks: 2, used: 2 };
  return WEEK.has(key(words[at + 1])) ? { weeks: 1, used: 2 } : undefined;
}

/** A text that is nothing but a rhythm ("co drugi tydzień", "every 2 weeks", "weekly") → weeks; undefined otherwise. */
export function readRhythm(text: string): number | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const r = rhythmAt(words, 0);
  return r && r.used === words.length ? r.weeks : undefined;
}

/** Words members put before a day or an hour: "friday at 8:30", "every friday", "w piątek o 8:30", "co piątek". */
export const DAY_TIME_FILLERS = ['at', 'on', 'every', 'w', 'we', 'o', 'co'] as const;

/** A rhythm as the phrase of an `every` option (OptionSpec.phrase): its weeks and the words it took. */
export function rhythmPhrase(words: readonly string[], at: number): { value: number; used: number } | undefined {
  const r = rhythmAt(words, at);
  return r && { value: r.weeks, used: r.used };
}
