// Finds workplaces and schools: a numbered or named school ("SP nr 3", "Szkoła Podstawowa nr 12", "V LO",
// "liceum im. Kopernika", "przedszkole nr 5"), a named employer ("pracuje w PKO", "firma Krzak", "works at Tesco").
// A bare "w szkole", "w liceum", "w pracy" or "w korporacji" is ordinary clinical prose and is left alone.

import { TOWN_FORMS } from './towns.js';
import { collect, type Finding } from './types.js';

const START = String.raw`(?<![\p{L}\p{N}])`;
const END = String.raw`(?![\p{L}\p{N}])`;
const SP = String.raw`[ \u00a0]+`;
const CAP = String.raw`\p{Lu}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)?`;
const ROMAN = String.raw`[IVXL]{1,6}`;

// Institutions in the case forms a sentence puts them in; a name or number must follow before they count.
const INSTITUTION = [
  String.raw`[Ss]zk(?:oła|oły|ole|ołę|ołą)`,
  String.raw`[Pp]rzedszkol(?:e|a|u|em)`,
  String.raw`[Żż]łob(?:ek|ka|ku|kiem)`,
  String.raw`[Ll]iceum`,
  String.raw`[Gg]imnazjum`,
  String.raw`[Tt]echnikum`,
  String.raw`[Zz]esp(?:ół|ołu|ole|ołem)${SP}[Ss]zkół`,
  String.raw`[Ss]zpital(?:a|u|em)?`,
  String.raw`[Pp]rzychodni(?:a|ę|ą)?`,
  String.raw`[Pp]oradni(?:a|ę|ą)?`,
].join('|');
// "podstawowa", "ogólnokształcące", "miejskie", "specjalnej": up to two words between the institution and its number.
const QUALIFIERS = String.raw`(?:${SP}[\p{Ll}\p{Lu}][\p{Ll}]+){0,2}`;
const NUMBER = String.raw`(?:nr\.?|numer|no\.?)${SP}?\d{1,3}${END}`;
const PATRON = String.raw`im\.${SP}?(?:(?:św|gen|ks|prof|dr|kard|bł)\.${SP}?)*${CAP}(?:${SP}${CAP}){0,2}`;
// A Roman-numbered school is named by its number alone: "XIV Liceum Ogólnokształcące", "II Gimnazjum".
const ROMAN_SCHOOL = String.raw`[Ll]iceum|[Gg]imnazjum|[Tt]echnikum|[Zz]esp(?:ół|ołu|ole|ołem)${SP}[Ss]zkół`;
const PL_INSTITUTION_RE = new RegExp(
  String.raw`${START}(?:${ROMAN}${SP}(?:${ROMAN_SCHOOL})(?:${SP}\p{Lu}\p{Ll}+){0,2}(?:${SP}${PATRON})?${END}|(?:${INSTITUTION})${QUALIFIERS}${SP}(?:${NUMBER}|${PATRON}))`,
  'gu',
);
// The usual Polish abbreviations: "SP nr 3", "SP 3", "SP3", "LO nr 5", "ZSO nr 2", "V LO", "XIV LO im. Kopernika".
const PL_ABBREVIATED_RE = new RegExp(
  String.raw`${START}(?:(?:SP|LO|ZSO|ZSP|ZSZ|ZS)[ \u00a0]*(?:(?:nr\.?|numer)[ \u00a0]*)?\d{1,3}${END}|${ROMAN}${SP}LO${END}(?:${SP}${PATRON})?|(?:SP|LO)${SP}${PATRON})`,
  'gu',
);
// "Lincoln High School", "St Mary's School", "Leeds General Infirmary": capitalised words and a capitalised institution.
const EN_INSTITUTION_RE = new RegExp(
  String.raw`${START}(?:St\.?${SP})?(?:${CAP}${SP}){1,3}(?:School|Academy|College|Hospital|Infirmary|Clinic|Nursery|University)${END}`,
  'gu',
);

/** Words that make "The School", "Primary School" or "A Hospital" generic rather than a named place. */
const GENERIC_EN: ReadonlySet<string> = new Set(
  `the a an my her his their our your this that primary secondary high grammar junior middle elementary medical art
   music community general local private public state sixth form day boarding special catholic new old st`
    .split(/\s+/)
    .filter(Boolean),
);

function isNamedInstitution(m: RegExpExecArray): boolean {
  const words = m[0].split(/[ \u00a0]+/).slice(0, -1);
  return words.some((w) => !GENERIC_EN.has(w.replace(/\.$/, '').toLowerCase()));
}

// An employer named after working there: "pracuje w PKO", "pracowała w banku Pekao", "works at Tesco". Only the
// employer is highlighted; it must be capitalised (a lowercase "w korporacji" is ordinary prose).
const EMPLOYER = String.raw`\p{Lu}[\p{L}\p{N}&'’]*(?:[ \u00a0-]+\p{Lu}[\p{L}\p{N}&'’]*){0,2}`;
const PL_WORKS = String.raw`(?:[Pp]racuj(?:e|ę|esz|emy|ecie|ą|ąc|ący|ąca)|[Pp]racował(?:a|am|aś|o|em|eś|y|i)?|[Zz]atrudnion(?:y|a|e|i)|[Zz]atrudnia${SP}się|[Ss]taż${SP}odbywa)`;
const PL_GENERIC = String.raw`(?:firmie|spółce|korporacji|banku|sklepie|sieci|fabryce|urzędzie|agencji|hurtowni|restauracji|hotelu|kancelarii|redakcji|fundacji|stowarzyszeniu)`;
const PL_EMPLOYER_RE = new RegExp(
  String.raw`(?<=${START}${PL_WORKS}${SP}(?:w|we|u|dla)${SP}(?:${PL_GENERIC}${SP})?[„"“]?)${EMPLOYER}${END}`,
  'gu',
);
const EN_EMPLOYER_RE = new RegExp(
  String.raw`(?<=${START}(?:[Ww]orks?|[Ww]orked|[Ww]orking|[Ee]mployed|[Ii]nterning)${SP}(?:at|for|in|by)${SP}(?:the${SP})?[„"“]?)${EMPLOYER}${END}`,
  'gu',
);
// "firma Krzak", "w firmie Comarch", "spółka Orlen", "the company Acme".
const FIRM_RE = new RegExp(
  String.raw`(?<=${START}(?:[Ff]irm(?:a|y|ie|ę|ą)|[Ss]półk(?:a|i|ę|ą)|[Cc]ompany|[Ff]irm)${SP}[„"“]?)${EMPLOYER}${END}`,
  'gu',
);

/**
 * Capitalised words after "pracuje w" / "works in" that are not employers: countries, departments, times.
 * (Towns are towns: they are flagged by the town detector instead.)
 */
const NOT_EMPLOYERS: ReadonlySet<string> = new Set(
  `polsce niemczech anglii irlandii szkocji holandii norwegii szwecji francji hiszpanii włoszech ukrainie usa uk europie
   poland germany england ireland scotland wales britain europe america canada
   it hr pr ai nhs nfz cbt dbt act emdr tsr mbt ipt
   wigilię wigilia boże święta sylwestra wielkanoc niedziele soboty weekendy
   christmas easter sundays saturdays weekends monday mondays january february march april may june july august
   september october november december`
    .split(/\s+/)
    .filter(Boolean),
);

function isEmployer(m: RegExpExecArray): boolean {
  const name = m[0];
  const first = name.split(/[ \u00a0-]+/)[0]!;
  return !NOT_EMPLOYERS.has(first.toLowerCase()) && !TOWN_FORMS.has(name) && !TOWN_FORMS.has(first);
}

export function findWorkplaces(text: string): Finding[] {
  return [
    ...collect(PL_INSTITUTION_RE, text, 'workplace'),
    ...collect(PL_ABBREVIATED_RE, text, 'workplace'),
    ...collect(EN_INSTITUTION_RE, text, 'workplace', isNamedInstitution),
    ...collect(PL_EMPLOYER_RE, text, 'workplace', isEmployer),
    ...collect(EN_EMPLOYER_RE, text, 'workplace', isEmployer),
    ...collect(FIRM_RE, text, 'workplace', isEmployer),
  ];
}
