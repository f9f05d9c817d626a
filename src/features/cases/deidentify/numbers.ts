// Finds numeric identifiers: PESEL and NIP (only when their checksums validate) and phone numbers.

import { isValidNip, isValidPesel } from './checksums.js';
import { collect, type Finding } from './types.js';

// A number must not be the middle of a longer digit run ("1 2 3" grouping included), or a bank account
// or a longer id would be cut into look-alike pieces.
const NOT_AFTER_DIGITS = String.raw`(?<![\d+][- ]?)`;
const NOT_BEFORE_DIGITS = String.raw`(?![- ]?\d)`;

const PESEL_RE = /(?<!\d[- ]?)\d{11}(?![- ]?\d)/g;

const NIP_RE = new RegExp(
  NOT_AFTER_DIGITS +
    String.raw`(?:\d{10}|\d{3}([- ])\d{3}\1\d{2}\1\d{2}|\d{3}([- ])\d{2}\2\d{2}\2\d{3})` +
    NOT_BEFORE_DIGITS,
  'g',
);

// Polish numbers: 9 digits (no trunk zero), bare or grouped 3-3-3 / 2-3-2-2 / (22) 123 45 67, optional +48 or 0048.
const PL_PHONE_RE = new RegExp(
  NOT_AFTER_DIGITS +
    String.raw`(?:(?:\+|00)48[ -]?|\(\+?48\)[ -]?)?` +
    String.raw`(?:[1-9]\d{2}[ -]?\d{3}[ -]?\d{3}|[1-9]\d[ -]\d{3}[ -]\d{2}[ -]\d{2}|\([1-9]\d\)[ -]?\d{3}[ -]?\d{2}[ -]?\d{2})` +
    NOT_BEFORE_DIGITS,
  'g',
);

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
  return collect(PESEL_RE, text, 'pesel', (m) => isValidPesel(m[0]));
}

export function findNips(text: string): Finding[] {
  return collect(NIP_RE, text, 'nip', (m) => isValidNip(m[0]));
}

export function findPhones(text: string): Finding[] {
  return [
    ...collect(PL_PHONE_RE, text, 'phone'),
    ...collect(INTL_PHONE_RE, text, 'phone', (m) => {
      const n = digitCount(m[0]);
      return n >= 8 && n <= 15;
    }),
    ...collect(UK_PHONE_RE, text, 'phone'),
    ...collect(US_PHONE_RE, text, 'phone'),
  ];
}
