// Finds street addresses (Polish and English, also without "ul." or a number: "na Wołoskiej", "przy Kościuszki",
// "on Elm Road") and postcodes (Polish, with the town that follows, and UK).

import { NOT_PLACE_WORDS } from './not-places.js';
import { isFirstNameForm } from './people.js';
import { TOWN_FORMS } from './towns.js';
import { collect, type Finding } from './types.js';

const CAP = String.raw`\p{Lu}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)?`;
const START = String.raw`(?<![\p{L}\p{N}.@/])`;

// "ul.", "al.", "pl.", "os." and the spelled-out words in the cases a sentence puts them in.
const PL_MARKER = String.raw`(?:[Uu]l\.|[Aa]l\.|[Pp]l\.|[Oo]s\.|[Uu]lic(?:a|y|ę|ą|zce)|[Aa]le(?:ja|i|ję|ją|je|jach|jami)|[Pp]lac(?:u|em)?|[Oo]siedl(?:e|a|u|em))`;
// Street names keep abbreviations of ranks and saints: "ul. gen. Andersa", "al. św. Jana".
const PL_ABBR = String.raw`(?:(?:gen|ks|św|marsz|prof|dr|im|kard|bp|abp|płk|hetm)\.\s*)`;
// "3 Maja", "Jana Pawła II", "Armii Krajowej".
const PL_STREET = String.raw`(?:\d{1,2}\s+)?${PL_ABBR}*${CAP}(?:[ \u00a0]+(?:${PL_ABBR}*${CAP}|[IVX]{1,4}(?![\p{L}])))?(?:[ \u00a0]+${CAP}){0,2}`;
const PL_NUMBER = String.raw`\d{1,4}[a-zA-Z]?(?![\p{L}])(?:\s?\/\s?\d{1,4}[a-zA-Z]?|\s*(?:m\.|lok\.|mieszk\.)\s*\d{1,4})?`;
const PL_ADDRESS_RE = new RegExp(
  String.raw`${START}(${PL_MARKER})\s*${PL_STREET}(?:,?[ \u00a0]+${PL_NUMBER})?`,
  'gu',
);

// A street named by the preposition alone, as people say it. After "przy" a capitalised name is a street ("przy
// Kościuszki", "przy Nowym Świecie"); after "na" only the adjectival street names ("na Wołoskiej", "na Piotrkowskiej",
// "na Długiej": an ulica implied) or a name with a house number ("na Kościuszki 5"). Not "na Ukrainie", "przy Ani",
// "na Wigilii": see isStreetName.
const NAMED_STREET = String.raw`${PL_ABBR}*${CAP}(?:[ \u00a0]+${CAP}){0,2}`;
const PRZY_STREET_RE = new RegExp(
  String.raw`(?<=(?<![\p{L}])przy[ \u00a0]+)${NAMED_STREET}(?:,?[ \u00a0]+${PL_NUMBER})?(?![\p{L}])`,
  'gu',
);
const NA_STREET_RE = new RegExp(
  String.raw`(?<=(?<![\p{L}])na[ \u00a0]+)(?:\p{Lu}\p{Ll}+ej(?![\p{L}])(?![ \u00a0]+\p{Lu})(?:,?[ \u00a0]+${PL_NUMBER})?|${NAMED_STREET},?[ \u00a0]+${PL_NUMBER})`,
  'gu',
);

function isStreetName(m: RegExpExecArray): boolean {
  const first = m[0].replace(/^(?:\p{L}+\.\s*)+/u, '').split(/[ \u00a0,]+/u)[0]!;
  return !NOT_PLACE_WORDS.has(first.toLowerCase()) && !TOWN_FORMS.has(first) && !isFirstNameForm(first);
}

const EN_SUFFIX = String.raw`(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Close|Crescent|Terrace|Gardens|Square|Boulevard|Blvd|Way|Grove|Mews|Row|Place)`;
const EN_ADDRESS_RE = new RegExp(
  String.raw`${START}\d{1,5}[A-Za-z]?,?[ \u00a0]+(?:${CAP}[ \u00a0]+){1,3}${EN_SUFFIX}(?![\p{L}])`,
  'gu',
);
// "lives on Elm Road", "off Church Lane": a street without a number, after the preposition that places someone on it.
const EN_STREET_RE = new RegExp(
  String.raw`(?<=(?<![\p{L}])(?:on|off|in|along|at)[ \u00a0]+)(?:${CAP}[ \u00a0]+){1,3}${EN_SUFFIX}(?![\p{L}])`,
  'gu',
);

const PL_POSTCODE_RE = new RegExp(
  String.raw`(?<![\d-])\d{2}-\d{3}(?![\d-])(?:[ \u00a0]+\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)?)?`,
  'gu',
);
const UK_POSTCODE_RE = /(?<![\p{L}\p{N}])[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}(?![\p{L}\p{N}])/gu;

// Short markers are common abbreviations elsewhere ("pl." for plural, "os." for "osoby"), so they count only
// with a house number; "ulica X" without a number still points at a place and is worth showing.
const NEEDS_NUMBER = /^(?:[Pp]l\.|[Oo]s\.)$/;

export function findAddresses(text: string): Finding[] {
  return [
    ...collect(PL_ADDRESS_RE, text, 'address', (m) => !NEEDS_NUMBER.test(m[1]) || /\d\s*$|\d[a-zA-Z]$/.test(m[0])),
    ...collect(EN_ADDRESS_RE, text, 'address'),
    ...collect(PRZY_STREET_RE, text, 'address', isStreetName),
    ...collect(NA_STREET_RE, text, 'address', isStreetName),
    ...collect(EN_STREET_RE, text, 'address'),
  ];
}

export function findPostcodes(text: string): Finding[] {
  return [...collect(PL_POSTCODE_RE, text, 'postcode'), ...collect(UK_POSTCODE_RE, text, 'postcode')];
}
