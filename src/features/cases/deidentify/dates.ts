// Finds exact dates (numeric with or without a year, ISO, Polish and English month names, a holiday with its year);
// a bare year, month or holiday is not.

import { collect, type Finding } from './types.js';

const PL_MONTHS = 'stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia';
const ROMAN_MONTHS = 'XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I';
// Full names first so that "January" is not cut at "Jan"; only abbreviations take a period ("Apr.").
const EN_MONTHS =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![\\p{L}])\\.?)';
const ORD = '(?:st|nd|rd|th)?';

const DMY_RE = /(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d]|[./-]\d)/g;
const YMD_RE = /(?<![\d./-])(\d{4})([./-])(\d{1,2})\2(\d{1,2})(?![\d]|[./-]\d)/g;
// "12.03", "3.02": a day and a two-digit month without a year, as Polish notes write them. Not part of a longer
// number or date ("12.03.2024", "1.03.4", "12.035"); see DAY_MONTH_NOT_AFTER and NOT_A_DATE_AFTER for times and decimals.
const DAY_MONTH_RE = /(?<![\p{L}\p{N}.,:/-])(\d{1,2})\.(\d{2})(?![\p{N}]|[.,:/-]\p{N})/gu;
// "o 10.05", "godz. 10.05", "at 10.05": a time, not a date.
const DAY_MONTH_NOT_AFTER = /(?:^|[^\p{L}])(?:o|godz\.?|godzinie|godzina|około|ok\.|at|by|until|till)\s+$/iu;
// "1.10 mg", "12.05 zł", "3.02 pkt": a decimal with a unit.
const NOT_A_DATE_AFTER = /^\s?(?:%|zł|PLN|€|\$|£|EUR|USD|GBP|mg|g|kg|ml|l|km|m|cm|pkt|h|min|godz)(?![\p{L}])/u;
const PL_NAMED_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(\d{1,2})\.?\s+(?:${PL_MONTHS})(?:\s+\d{4}(?:\s*r\.|\s+roku)?)?(?![\p{L}])`,
  'gu',
);
const PL_ROMAN_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])(\d{1,2})\.?\s+(?:${ROMAN_MONTHS})\.?\s+\d{4}(?![\p{N}])`, 'gu');
const EN_DAY_MONTH_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(\d{1,2})${ORD}\s+(?:of\s+)?${EN_MONTHS}(?![\p{L}])(?:,?\s+\d{4})?(?![\p{N}])`,
  'gu',
);
const EN_MONTH_DAY_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${EN_MONTHS}(?![\p{L}])\s+(\d{1,2})${ORD}(?![\p{L}\p{N}])(?:,?\s+\d{4}(?![\p{N}]))?`,
  'gu',
);

// A holiday on a fixed day is a date once its year is given ("w Wigilię 2024", "Christmas Eve 2022"), and so is one
// that moves (Easter 2023): "na Wigilię" alone is every year's.
const SP = String.raw`[ \u00a0]+`;
const PL_HOLIDAY = String.raw`[Ww]igili[aęii]|[Ww]igilią|[Ss]ylwest(?:er|ra|rze)|Now(?:y|ego|ym)${SP}Rok(?:u|iem)?|Boże(?:go|m)?${SP}Narodzeni(?:e|a|u)|[Ww]ielkan(?:oc|ocy|ocą)|Wszystki(?:ch|m)${SP}Święt(?:ych|ymi)|Zaduszk(?:i|ach)|Trzech${SP}Króli|[Ww]alentynk(?:i|ach)|Dzie(?:ń|nia|niu)${SP}(?:Matki|Ojca|Dziecka)|[Aa]ndrzejk(?:i|ach)|[Mm]ikołajk(?:i|ach)|Tłust(?:y|ym)${SP}Czwart(?:ek|ku)|Wielk(?:i|im)${SP}Piąt(?:ek|ku)`;
const EN_HOLIDAY = String.raw`Christmas(?:${SP}(?:Eve|Day))?|Boxing${SP}Day|New${SP}Year['’]s(?:${SP}(?:Eve|Day))?|Easter(?:${SP}(?:Sunday|Monday))?|Good${SP}Friday|Valentine['’]s(?:${SP}Day)?|Halloween|Bonfire${SP}Night|Mother['’]s${SP}Day|Father['’]s${SP}Day|Thanksgiving`;
const HOLIDAY_YEAR_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${PL_HOLIDAY}|${EN_HOLIDAY})(?:,?${SP}(?:of${SP})?)(?:19|20)\d{2}(?:${SP}r\.|${SP}roku)?(?![\p{N}])`,
  'gu',
);

function isDay(s: string): boolean {
  const n = Number(s);
  return n >= 1 && n <= 31;
}
function isMonth(s: string): boolean {
  const n = Number(s);
  return n >= 1 && n <= 12;
}

export function findDates(text: string): Finding[] {
  return [
    // 12.03.2024 (day first) or 03/12/2024 (month first, as written in the US).
    ...collect(DMY_RE, text, 'date', (m) => (isDay(m[1]) && isMonth(m[3])) || (isMonth(m[1]) && isDay(m[3]))),
    ...collect(YMD_RE, text, 'date', (m) => isMonth(m[3]) && isDay(m[4])),
    ...collect(
      DAY_MONTH_RE,
      text,
      'date',
      (m) =>
        isDay(m[1]) &&
        isMonth(m[2]) &&
        !DAY_MONTH_NOT_AFTER.test(text.slice(Math.max(0, m.index - 12), m.index)) &&
        !NOT_A_DATE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6)),
    ),
    ...collect(PL_NAMED_RE, text, 'date', (m) => isDay(m[1])),
    ...collect(PL_ROMAN_RE, text, 'date', (m) => isDay(m[1])),
    ...collect(EN_DAY_MONTH_RE, text, 'date', (m) => isDay(m[1])),
    ...collect(EN_MONTH_DAY_RE, text, 'date', (m) => isDay(m[1])),
    ...collect(HOLIDAY_YEAR_RE, text, 'date'),
  ];
}
