// Finds an age written next to a place ("34-letnia nauczycielka z Radomia", "a 34-year-old from Leeds") or in the
// same sentence as one ("Tomek, lat 17, chodzi do LO im. Kopernika w Łodzi"): either alone is common, together they
// narrow a client down to a handful of people.

import { sameSentenceIn } from './sentences.js';
import { collect, type Finding } from './types.js';

const N = String.raw`\d{1,3}`;
const END = String.raw`(?![\p{L}\p{N}])`;

/** "siedemnasto", "czterdziesto", "dwudziestopięcio": the spelled-out numbers of "siedemnastolatka", "czterdziestolatek". */
const SPELLED_TENS = [
  'jedenasto', 'dwunasto', 'trzynasto', 'czternasto', 'piętnasto', 'szesnasto', 'siedemnasto', 'osiemnasto',
  'dziewiętnasto', 'dwudziesto', 'trzydziesto', 'czterdziesto', 'pięćdziesięcio', 'sześćdziesięcio',
  'siedemdziesięcio', 'osiemdziesięcio', 'dziewięćdziesięcio', 'dwu', 'trzy', 'cztero', 'pięcio', 'sześcio', 'siedmio',
  'ośmio', 'dziewięcio', 'dziesięcio',
]
  .map((p) => `[${p[0]}${p[0]!.toUpperCase()}]${p.slice(1)}`)
  .join('|');
const SPELLED_UNITS = 'paro|jedno|dwu|trzy|cztero|pięcio|sześcio|siedmio|ośmio|dziewięcio';
// The nouns always; the adjective only before a name or a person, since "dwudziestoletnie małżeństwo" is a duration
// and "szesnastoletni Kuba", "czterdziestoletnia kobieta" are ages.
const PERSON = String.raw`(?:\p{Lu}\p{Ll}+|(?:syn|córk|mężczyzn|kobiet|chłop|dziewczyn|dziewczy|klient|pacjent|ucz|brat|bra|siostr|wnu|nastolat|student|mam|matk|ojc|ojciec|tat|żon|mąż|męż|partner|dzieck|dziec)\p{Ll}*)`;
const SPELLED_AGE = String.raw`(?:${SPELLED_TENS})(?:${SPELLED_UNITS})?(?:lat(?:ek|ka|ki|ku|kiem|kowi|ce|kę|ką|kom|kami|kach|kowie|ków)|letn(?:i|ia|iego|iej|iemu|im|ią|ie)(?=[ \u00a0]+${PERSON}))`;

// Bare "34 lata" is usually a duration ("od 10 lat"), so Polish ages need an age-only shape; between commas or in
// brackets after a person it is an age ("Klientka, 34 lata, pracuje…", "Mirek (58 lat)").
// "20-letnim stażem", "10-letni związek": the numeric adjective before these is a duration, not an age.
const DURATION = String.raw`(?![ \u00a0]+(?:staż|małżeńst|związ|doświadcz|prac|kredyt|histori|przerw|okres|umow|leczeni|terapi|abstynencj|nałog|nałóg|uzależnieni|pobyt|wyrok|pożyczk)\p{L}*)`;
const PL_AGE = [
  String.raw`${N}\s?-?\s?(?:letni(?:a|ego|ej|emu|m|ą|e)?${DURATION}|lat(?:ek|ka|kiem|kowi|ku|ki|ce|kę|ką))`,
  SPELLED_AGE,
  String.raw`lat\s+${N}`,
  String.raw`(?:w\s+wieku|wiek|wieku)\s+${N}(?:\s+lat)?`,
  String.raw`(?:ma|miał|miała|mając|mająca|mający|skończył|skończyła|skończyło)\s+${N}\s+(?:lat|lata)`,
  String.raw`${N}\s?l\.`,
  String.raw`(?<=[,(][ \u00a0]?)${N}[ \u00a0]lata?(?=[ \u00a0]?[,)])`,
].join('|');
// "Mike (17)", "Liz, 38, a teacher", "D.K., 52,": a number right after a capitalised name or initials, in brackets or
// between commas.
const NAMED_AGE = String.raw`(?<=(?:\p{Lu}\p{Ll}+(?:['’]s)?|\p{Lu}\.(?:[ \u00a0]?\p{Lu}\.)?)(?:[ \u00a0]\(|,[ \u00a0]))\d{1,2}(?=\)|,[ \u00a0])`;
const EN_AGE = [
  String.raw`${N}[- ]years?[- ]old`,
  String.raw`${N}\s?(?:y\.\s?o\.|y\/o|yo|yrs?\.?\s+old)`,
  String.raw`aged?\s+${N}`,
].join('|');

const PLACE_NAME = String.raw`\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)?`;
// Prepositions are lowercase on purpose: a capitalised "W" opens a new sentence.
const PL_PLACE = String.raw`(?:z|ze|w|we|spod|spoza|koło|pod|niedaleko|okolic)\s+${PLACE_NAME}`;
const EN_PLACE = String.raw`(?:from|in|near|outside)\s+(?:the\s+)?${PLACE_NAME}`;

// Up to four words in between, without crossing a sentence end.
const GAP = String.raw`(?:[ \u00a0,;–—-]+[\p{L}'’-]+){0,4}?[ \u00a0,;–—-]+`;

const AGE = `(?:${PL_AGE}|${EN_AGE}|${NAMED_AGE})`;
const PLACE = `(?:${PL_PLACE}|${EN_PLACE})`;
const AGE_THEN_PLACE_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])${AGE}${GAP}${PLACE}${END}`, 'gu');
const PLACE_THEN_AGE_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])${PLACE}${GAP}${AGE}${END}`, 'gu');
const AGE_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])${AGE}${END}`, 'gu');

// Capitalised words after "in"/"w" that are times, not places.
const NOT_PLACES = new Set(
  (
    'January February March April May June July August September October November December ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter Advent Lent ' +
    'Wigilię Wigilia Wielkanoc Boże'
  )
    .toLowerCase()
    .split(' '),
);

function placeIsReal(match: string): boolean {
  const place = /(?:^|[\s,;])(?:z|ze|w|we|spod|spoza|koło|pod|niedaleko|okolic|from|in|near|outside)\s+(?:the\s+)?(\p{Lu}\p{Ll}+)/u.exec(
    match,
  );
  return place !== null && !NOT_PLACES.has(place[1].toLowerCase());
}

/**
 * Ages right beside a place, highlighted with it, and ages alone whose sentence holds one of `places` (the other
 * detectors' towns, addresses, schools and workplaces), highlighted alone: the place is shown as its own finding.
 */
export function findAgesWithPlaces(text: string, places: readonly Finding[] = []): Finding[] {
  const sameSentence = sameSentenceIn(text);
  return [
    ...collect(AGE_THEN_PLACE_RE, text, 'age-place', (m) => placeIsReal(m[0])),
    ...collect(PLACE_THEN_AGE_RE, text, 'age-place', (m) => placeIsReal(m[0])),
    ...collect(AGE_RE, text, 'age-place', (m) => places.some((p) => sameSentence(m.index, p.start))),
  ];
}
