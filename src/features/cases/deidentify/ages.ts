// Finds an age written next to a place ("34-letnia nauczycielka z Radomia", "a 34-year-old from Leeds"):
// either alone is common, together they narrow a client down to a handful of people.

import { collect, type Finding } from './types.js';

const N = String.raw`\d{1,3}`;
const END = String.raw`(?![\p{L}\p{N}])`;

// Bare "34 lata" is usually a duration ("od 10 lat"), so Polish ages need an age-only shape.
const PL_AGE = [
  String.raw`${N}\s?-?\s?(?:letni(?:a|ego|ej|emu|m|ą|e)?|lat(?:ek|ka|kiem|kowi|ku|ki|ce|kę|ką))`,
  String.raw`lat\s+${N}`,
  String.raw`(?:w\s+wieku|wiek|wieku)\s+${N}(?:\s+lat)?`,
  String.raw`(?:ma|miał|miała|mając|mająca|mający|skończył|skończyła|skończyło)\s+${N}\s+(?:lat|lata)`,
  String.raw`${N}\s?l\.`,
].join('|');
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

const AGE = `(?:${PL_AGE}|${EN_AGE})`;
const PLACE = `(?:${PL_PLACE}|${EN_PLACE})`;
const AGE_THEN_PLACE_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])${AGE}${GAP}${PLACE}${END}`, 'gu');
const PLACE_THEN_AGE_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])${PLACE}${GAP}${AGE}${END}`, 'gu');

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

export function findAgesWithPlaces(text: string): Finding[] {
  return [
    ...collect(AGE_THEN_PLACE_RE, text, 'age-place', (m) => placeIsReal(m[0])),
    ...collect(PLACE_THEN_AGE_RE, text, 'age-place', (m) => placeIsReal(m[0])),
  ];
}
