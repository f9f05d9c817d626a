// Finds the numbers of documents, records and cars: a Polish ID card or passport number (by its check digit, wherever
// it stands), and any code right after what names it ("nr historii choroby 2024/05871", "NHS number 943 476 5919",
// "Paszport nr …", "plate SK19 XWZ", "autem WX 12345").

import { isValidPolishIdCard, isValidPolishPassport } from './checksums.js';
import { collect, makeFinding, type Finding } from './types.js';

const SP = String.raw`[ \u00a0]+`;
const ALONE_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const ALONE_AFTER = String.raw`(?![\p{L}\p{N}])`;

const ID_CARD_RE = new RegExp(String.raw`${ALONE_BEFORE}[A-Z]{3} ?\d{6}${ALONE_AFTER}`, 'gu');
const PASSPORT_RE = new RegExp(String.raw`${ALONE_BEFORE}[A-Z]{2} ?\d{7}${ALONE_AFTER}`, 'gu');

// What a document or record number is called, in Polish and English. "dowód" alone is also "proof", so it needs
// "nr"/"seria" after it; "case number" is left out, as a case here is the group's own post.
const NUMBER_WORD = String.raw`(?:nr|numer(?:em|u|ze)?|no|num)\.?`;
const PL_RECORD = String.raw`(?:historii${SP}choroby|karty(?:${SP}pacjenta)?|kartoteki|księgi${SP}głównej|ubezpieczenia|legitymacji|dowodu(?:${SP}osobistego)?|paszportu|prawa${SP}jazdy|rejestracyjn\p{Ll}+|rej\.|pacjenta|teczki|akt)`;
const PL_LABEL = String.raw`(?:[Nn]r|[Nn]umer(?:em|u|ze)?)\.?${SP}${PL_RECORD}|[Ss]ygn\.(?:${SP}akt)?|[Ss]ygnatur\p{Ll}*|[Pp]aszport(?:u|em)?(?:${SP}${NUMBER_WORD})?|[Dd]ow(?:ód|odu|odem)(?:${SP}osobist\p{Ll}+)?${SP}(?:${NUMBER_WORD}|seri[ai](?:${SP}i${SP}numer)?)`;
const EN_RECORD = String.raw`(?:NHS|NI|[Hh]ospital|[Pp]atient|[Mm]edical${SP}record|[Rr]ecords?|[Cc]hart|[Pp]assport|ID(?:${SP}card)?|[Ii]dentity${SP}card|[Nn]ational${SP}[Ii]nsurance|[Ii]nsurance|[Ss]ocial${SP}[Ss]ecurity|[Dd]riving${SP}licen[cs]e|[Ll]icen[cs]e|[Mm]embership)`;
const EN_LABEL = String.raw`${EN_RECORD}${SP}(?:number|no\.?|num\.?|#)|MRN|SSN`;
// Between the label and the code: a colon or a bracket, or a few lowercase words ("numer karty w naszej poradni …",
// "hospital number is …").
const GAP = String.raw`(?:[ \u00a0]*[:#]?[ \u00a0]*\(?|(?:${SP}\p{Ll}+){1,3}[ \u00a0]*:?[ \u00a0]*\(?)[ \u00a0]*`;
// Letters and digits, joined by single dashes, slashes or spaces; the number must hold at least three digits (see isCode).
const CODE = String.raw`[A-Z0-9](?:[A-Z0-9]|[-/](?=[A-Z0-9])|[ \u00a0](?=[A-Z0-9])){3,24}${ALONE_AFTER}`;
// Read forwards from the label, the code in group 1: a lookbehind this long would be tried at every character.
const LABELLED_RE = new RegExp(String.raw`(?<![\p{L}])(?:${PL_LABEL}|${EN_LABEL})${GAP}(${CODE})`, 'gu');

// A car: its registration right after the word for it ("autem WX 12345", "plate SK19 XWZ"), in the shapes plates
// have (Polish: two letters and five characters or three and four or five; British: AB12 CDE), so "BMW 320" is not one.
const VEHICLE = String.raw`(?:[Aa]ut(?:o|a|em|ka|kiem)|[Ss]amoch(?:ód|odu|odem)|[Tt]ablic\p{Ll}*(?:${SP}rejestracyjn\p{Ll}+)?|[Rr]ejestracj\p{Ll}+|[Nn]r${SP}rej\.|(?:[Nn]umber${SP})?[Pp]lates?|[Rr]eg(?:istration)?(?:${SP}number)?)`;
const PLATE = String.raw`(?:[A-Z]{2}[ \u00a0]?(?=[A-Z]*\d)[A-Z0-9]{5}|[A-Z]{3}[ \u00a0]?(?=[A-Z]*\d)[A-Z0-9]{4,5}|[A-Z]{2}\d{2}[ \u00a0]?[A-Z]{3})`;
const PLATE_RE = new RegExp(String.raw`(?<![\p{L}])${VEHICLE}[ \u00a0]*:?[ \u00a0]*(${PLATE})${ALONE_AFTER}`, 'gu');

/** A code, not a word in capitals or a short count: at least three digits among at least five characters. */
function isCode(code: string): boolean {
  const alnum = code.replace(/[^A-Z0-9]/g, '');
  return alnum.length >= 5 && alnum.replace(/\D/g, '').length >= 3;
}

/** The number (group 1, at the end of each match) after every label `re` finds. */
function numbersAfterLabels(re: RegExp, text: string, accept: (code: string) => boolean): Finding[] {
  const out: Finding[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (accept(m[1]!)) out.push(makeFinding('id-number', text, end - m[1]!.length, end));
  }
  return out;
}

export function findDocumentNumbers(text: string): Finding[] {
  return [
    ...collect(ID_CARD_RE, text, 'id-number', (m) => isValidPolishIdCard(m[0])),
    ...collect(PASSPORT_RE, text, 'id-number', (m) => isValidPolishPassport(m[0])),
    ...numbersAfterLabels(LABELLED_RE, text, isCode),
    ...numbersAfterLabels(PLATE_RE, text, () => true),
  ];
}
