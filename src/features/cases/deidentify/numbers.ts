// Finds numeric identifiers: PESEL and NIP (only when their checksums validate) and phone numbers.

import { isValidNip, isValidPesel } from './checksums.js';
import { collect, type Finding } from './types.js';

// A number must not be the middle of a longer digit run ("1 2 3" grouping included), or a bank account
// or a longer id would be cut into look-alike pieces.
const NOT_AFTER_DIGITS = String.raw`(?<![\d+][- ]?)`;
const NOT_BEFORE_DIGITS = String.raw`(?![- ]?\d)`;

// 11 digits, bare or split by single spaces or dashes anywhere ("850312 12343", "85 03 12 12343", "8503121234-3").
const PESEL_RE = /(?<!\d[- ]?)\d(?:[- ]?\d){10}(?![- ]?\d)/g;
// A number written right after the word PESEL is one even with a typo in it, so a failed checksum there is still
// worth showing the author ("PESEL: 850312 12344"); it is not masked, as a look-alike elsewhere is left alone too.
const LABELLED_PESEL_RE = /(?<=(?<![\p{L}\p{N}])(?:PESEL|[Pp]esel)[ \u00a0]*:?[ \u00a0]*)\d(?:[- ]?\d){10}(?![- ]?\d)/gu;

const NIP_RE = new RegExp(
  NOT_AFTER_DIGITS +
    String.raw`(?:\d{10}|\d{3}([- ])\d{3}\1\d{2}\1\d{2}|\d{3}([- ])\d{2}\2\d{2}\2\d{3})` +
    NOT_BEFORE_DIGITS,
  'g',
);

// Polish numbers: 9 digits, bare or grouped 3-3-3 / 3-2-2-2 / 2-3-2-2 / 2-7 / (22) 123 45 67, with a country
// code (+48, 0048, (48), or a bare 48 as phones print it) or the old trunk zero ("0 601 234 567", "022 123 45 67",
// "(0-22) 123-45-67"). Separators are single spaces or dashes.
const PL_NINE = [
  String.raw`[1-9]\d{2}[ -]?\d{3}[ -]?\d{3}`,
  String.raw`[1-9]\d{2}[ -]\d{2}[ -]\d{2}[ -]\d{2}`,
  String.raw`[1-9]\d[ -]\d{3}[ -]\d{2}[ -]\d{2}`,
  String.raw`[1-9]\d[ -]\d{7}`,
].join('|');
const PL_PREFIX = String.raw`(?:(?:\+|00)?48[ -]?|\(\+?48\)[ -]?|0[ -]?)`;
const PL_AREA_IN_BRACKETS = String.raw`\((?:0[ -]?)?[1-9]\d\)[ -]?\d{3}[ -]?\d{2}[ -]?\d{2}`;
// An amount is grouped like a phone ("300 000 000 zł"), so a currency right after the digits rules a phone out.
const NOT_MONEY = String.raw`(?![ \u00a0]?(?:zł|PLN|złotych|EUR|euro|USD|GBP|€|\$|£))`;
const PL_PHONE_RE = new RegExp(
  NOT_AFTER_DIGITS +
    String.raw`(?:(?:(?:\+|00)48[ -]?|\(\+?48\)[ -]?)?${PL_AREA_IN_BRACKETS}|${PL_PREFIX}?(?:${PL_NINE}))` +
    NOT_BEFORE_DIGITS +
    NOT_MONEY,
  'g',
);
// "601.234.567": dotted only as 3-3-3, and not inside a longer dotted run (a version or an amount "1.601.234.567").
const PL_DOTTED_PHONE_RE = new RegExp(String.raw`(?<![\d.])[1-9]\d{2}\.\d{3}\.\d{3}(?!\.?\d)` + NOT_MONEY, 'g');

// International: a plus, a country code and groups separated by at most one space or dash.
const INTL_PHONE_RE = /(?<![\p{L}\p{N}+])\+\d{1,3}(?:[ -]?\(\d{1,4}\)|[ -]?\d{1,5}){1,6}(?!\d)/gu;

// Domestic formats common in English texts: UK 0xxxx xxxxxx and US (212) 555-0100.
const UK_PHONE_RE = new RegExp(
  NOT_AFTER_DIGITS + String.raw`0(?:\d{4} ?\d{6}|\d{3} ?\d{3} ?\d{4}|\d{2} ?\d{4} ?\d{4})` + NOT_BEFORE_DIGITS,
  'g',
);
const US_PHONE_RE = /(?<![\d)])\(\d{3}\) ?\d{3}-\d{4}(?!\d)/g;

function digitCount(s: string): number {
  return s.replace(/\D/g, '').length;
}

export function findPesels(text: string): Finding[] {
  return [
    ...collect(PESEL_RE, text, 'pesel', (m) => isValidPesel(m[0])),
    ...collect(LABELLED_PESEL_RE, text, 'pesel', (m) => !isValidPesel(m[0])).map((f) => ({ ...f, mandatoryMask: false })),
  ];
}

export function findNips(text: string): Finding[] {
  return collect(NIP_RE, text, 'nip', (m) => isValidNip(m[0]));
}

export function findPhones(text: string): Finding[] {
  return [
    // "100 000 000 osób", "300 000 000" without a currency: round thousands are a count or an amount, not a phone.
    ...collect(PL_PHONE_RE, text, 'phone', (m) => !/[ -]000[ -]000$/.test(m[0])),
    ...collect(PL_DOTTED_PHONE_RE, text, 'phone'),
    ...collect(INTL_PHONE_RE, text, 'phone', (m) => {
      const n = digitCount(m[0]);
      return n >= 8 && n <= 15;
    }),
    ...collect(UK_PHONE_RE, text, 'phone'),
    ...collect(US_PHONE_RE, text, 'phone'),
  ];
}
