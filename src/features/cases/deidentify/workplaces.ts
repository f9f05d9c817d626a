// Finds workplaces and schools: a numbered or named school ("SP nr 3", "Szkoła Podstawowa nr 12", "V LO",
// "liceum im. Kopernika", "przedszkole nr 5", "szpital Bielański", "klasa 6b", "Ola z 2c"), a named employer
// ("pracuje w PKO", "firma Krzak", "works at Tesco", "jest policjantką w …", "szef z Orlenu", "a nurse at St Mary's",
// "student na AGH", "kierowca MPK", "programistka w CD Projekt").
// A bare "w szkole", "w liceum", "w pracy" or "w korporacji" is ordinary clinical prose and is left alone.

import { NOT_EMPLOYER_WORDS } from './not-places.js';
import { isFirstNameForm } from './people.js';
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
// "szpitalu MSWiA", "szpital CZD": an institution named by an acronym (group 1; see NOT_EMPLOYERS for "poradni DDA").
const PL_INSTITUTION_ACRONYM_RE = new RegExp(
  String.raw`${START}(?:${INSTITUTION})${SP}(\p{Lu}{2,}(?:\p{Ll}?\p{Lu})*)${END}(?!-\d)`,
  'gu',
);
// "klasa 6b", "w klasie IIIa": a class with its letter is a handful of children.
const SCHOOL_CLASS_RE = new RegExp(
  String.raw`${START}(?:[Kk]las(?:a|y|ie|ę|ą)|[Kk]l\.)${SP}?(?:\d{1,2}|[IVX]{1,4})[ \u00a0]?[a-hA-H]${END}`,
  'gu',
);
// The class without the word, as counsellors write it: "chodzi do 3a", "Ola z 2c", "uczeń z 3b".
const BARE_CLASS_RE = new RegExp(
  String.raw`(?<=${START}(?:(?:[Cc]hodz\p{Ll}*|[Uu]częszcza\p{Ll}*|[Pp]rzeni\p{Ll}+|[Zz]apisa\p{Ll}+)(?:${SP}\p{Ll}+){0,2}?${SP}do|(?:\p{Lu}\p{Ll}+|ucz\p{Ll}+|dziewczyn\p{Ll}*|chłop\p{Ll}+)${SP}z)${SP})[1-8][a-h]${END}`,
  'gu',
);
// "szpitalu Bielańskim", "przychodni Praskiej": an institution named after its district or town.
const PL_INSTITUTION_PLACE_RE = new RegExp(
  String.raw`${START}(?:${INSTITUTION})${SP}\p{Lu}\p{Ll}+(?:sk|ck|dzk)(?:i|im|iego|iej|iemu|a|ą|ie)${END}`,
  'gu',
);
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
  String.raw`${START}(?:St\.?${SP})?(?:${CAP}${SP}){1,3}(?:School|Academy|College|Hospital|Infirmary|Clinic|Nursery|University|Primary|High|Grammar|Comprehensive|Church|Cathedral|Prison|Surgery)${END}`,
  'gu',
);
// "St Mary's", "St John's": a hospital, a school or a church named after its saint.
// "the Hillside surgery", "the Riverside practice": a named GP practice or clinic written with a lowercase head.
const EN_NAMED_PRACTICE_RE = new RegExp(
  String.raw`(?<=(?<![\p{L}])the${SP})(?:${CAP}${SP}){1,2}(?:surgery|practice|clinic|medical${SP}centre|health${SP}centre)${END}`,
  'gu',
);
const EN_SAINT_RE = new RegExp(String.raw`${START}St\.?${SP}\p{Lu}\p{Ll}+['’]s${END}`, 'gu');

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
const PL_GENERIC = String.raw`(?:firmie|spółce|korporacji|banku|sklepie|sieci|fabryce|urzędzie|agencji|hurtowni|restauracji|hotelu|kancelarii|redakcji|fundacji|stowarzyszeniu|szpitalu|sądzie|komendzie|przychodni|poradni|zakładzie|kopalni|hucie|ośrodku|jednostce|oddziale)`;
// A few words may stand between: "pracuje na recepcji w hotelu Marriott", "pracuje od lat w PKO".
const PL_EMPLOYER_RE = new RegExp(
  String.raw`(?<=${START}${PL_WORKS}(?:${SP}\p{Ll}+){0,3}?${SP}(?:w|we|u|dla)${SP}(?:${PL_GENERIC}${SP})?[„"“]?)${EMPLOYER}${END}`,
  'gu',
);
const EN_EMPLOYER_RE = new RegExp(
  String.raw`(?<=${START}(?:[Ww]orks?|[Ww]orked|[Ww]orking|[Ee]mployed|[Ii]nterning)(?:${SP}(?:nights|days|shifts|weekends|part-time|full-time|there|now))?${SP}(?:at|for|in|by)${SP}(?:the${SP})?[„"“]?)${EMPLOYER}${END}`,
  'gu',
);
// A job named before the employer: "jest policjantką w …", "była kierowniczką w Lidlu", "pracuje jako pielęgniarka w
// szpitalu MSWiA" (an occupation in the instrumental after "jest", or any words after "jako"); "boss at Deloitte",
// "szef z Orlenu"; "a nurse at St Mary's", "a bus driver for Stagecoach".
const PL_JOB = String.raw`(?:(?:[Jj]est|był|była|został|została|zostanie|będzie)${SP}(?:\p{Ll}+${SP})?\p{Ll}+(?:em|ą)|jako(?:${SP}\p{Ll}+){1,2}?)`;
const PL_JOB_RE = new RegExp(
  String.raw`(?<=${START}${PL_JOB}${SP}(?:w|we|u|dla)${SP}(?:${PL_GENERIC}${SP})?[„"“]?)${EMPLOYER}${END}`,
  'gu',
);
// The job alone before the employer, as terse notes write it: "programistka w CD Projekt", "maszynista z PKP",
// "barista at the Starbucks". The job is known by its ending (-istka, -arz, -erka, -ier, -yk, -nik, -ciel, -ent, -ant,
// -tor, -olog, -euta, -wca, -dca, -acz; in English -er, -or, -ist, -ista, -ian, -ant, -ent, -man), not "praca" or
// "uczennica", nor a client ("pacjentka z BPD"); the employer must still pass isEmployer ("inżynier w Polsce").
const PL_JOB_NOUN = String.raw`(?!pacjent|klient|student)\p{Ll}+(?:ist(?:a|ka)|yst(?:a|ka)|arz|arka|erka|ier|ierka|yk|nik|niczka|czyni|ciel|cielka|ent|entka|ant|antka|tor|torka|olog|ożka|euta|eutka|wca|dca|acz|strażak|rybak|księgowa)`;
const PL_BARE_JOB_RE = new RegExp(
  String.raw`(?<=${START}${PL_JOB_NOUN}${SP}(?:w|we|z|ze)${SP}(?:${PL_GENERIC}${SP})?[„"“]?)${EMPLOYER}${END}`,
  'gu',
);
const EN_JOB_NOUN = String.raw`[\p{Ll}-]+(?:er|or|ist|ista|ian|ant|ent|man|woman)`;
const EN_BARE_JOB_RE = new RegExp(
  String.raw`(?<=(?:^|[,;:(])[ \u00a0]*(?:\p{Ll}+${SP})?${EN_JOB_NOUN}${SP}(?:at|for|with)${SP}(?:the${SP})?)${EMPLOYER}${END}`,
  'gu',
);
const BOSS = String.raw`(?:[Ss]zef(?:a|em|owi|ie|owa|owej|ową)?|[Pp]rzełożon(?:y|a|ego|ej|ym|ą)|[Kk]ierowni(?:k|ka|kiem|kowi|czka|czki|czką|czce)|[Pp]racodawc(?:a|y|ą|ę)|[Bb]oss|[Mm]anager|[Ss]upervisor|[Cc]olleagues?|[Cc]o-?workers?)`;
const BOSS_RE = new RegExp(
  String.raw`(?<=${START}${BOSS}${SP}(?:z|ze|w|we|at|from)${SP}(?:the${SP})?[„"“]?)${EMPLOYER}${END}`,
  'gu',
);
// "for" only after a word shaped like a job ("driver", "counsellor", "cleaner"): "a day for Publish" is not a job.
const EN_JOB_RE = new RegExp(
  String.raw`(?<=${START}(?:[Aa]n?|[Tt]he)(?:(?:${SP}[\p{Ll}\p{N}-]+){1,3}?${SP}at|(?:${SP}[\p{Ll}\p{N}-]+){0,2}?${SP}[\p{Ll}-]+(?:er|or|ist|ian|ant|ent|man|woman)${SP}for)${SP}(?:the${SP})?)${EMPLOYER}${END}`,
  'gu',
);
// Studying somewhere: "student trzeciego roku na AGH", "studiuje psychologię na UW", "a student at Keele".
const STUDY = String.raw`(?:[Ss]tudiuj\p{Ll}*|[Ss]tudiowa\p{Ll}*|[Ss]tuden(?:t|ta|tem|towi|cie|tka|tki|tką|tce)|[Ss]tudies|[Ss]tudied|[Ss]tudying)`;
const STUDY_RE = new RegExp(
  String.raw`(?<=${START}${STUDY}(?:${SP}\p{Ll}+){0,3}?${SP}(?:na|w|we|at)${SP}(?:the${SP})?)${EMPLOYER}${END}`,
  'gu',
);
// A worker of a named employer, the employer in the genitive right after: "kierowca MPK", "górnik KGHM", "listonosz
// Poczty Polskiej", "kurier z InPostu".
const WORKER = String.raw`(?:[Kk]urier(?:a|em|ka|ką)?|[Kk]ierowc(?:a|y|ą|ę)|[Pp]racowni(?:k|ka|kiem|kowi|ca|cy|cą|cę)|[Kk]onduktor(?:a|em|ka|ką)?|[Mm]otornicz(?:y|ego|ym)|[Uu]rzędni(?:k|ka|kiem|czka|czką)|[Ff]unkcjonariusz(?:a|em|ka|ką)?|[Żż]ołnierz(?:a|em)?|[Gg]órni(?:k|ka|kiem)|[Hh]utni(?:k|ka|kiem)|[Kk]olejarz(?:a|em)?|[Ll]istonosz(?:a|em|ka|ką)?)`;
const WORKER_RE = new RegExp(String.raw`(?<=${START}${WORKER}${SP}(?:(?:z|ze)${SP})?)${EMPLOYER}${END}`, 'gu');
// "firma Krzak", "w firmie Comarch", "spółka Orlen", "the company Acme".
const FIRM_RE = new RegExp(
  String.raw`(?<=${START}(?:[Ff]irm(?:a|y|ie|ę|ą)|[Ss]półk(?:a|i|ę|ą)|[Cc]ompany|[Ff]irm)${SP}[„"“]?)${EMPLOYER}${END}`,
  'gu',
);

/**
 * Capitalised words after "pracuje w" / "works in" that are not employers: countries, departments, times, and the
 * acronyms of services every town has ("poradni DDA", "na SOR"). More countries, holidays, family words and pronouns
 * are in not-places.ts. (Towns are towns: they are flagged by the town detector instead.)
 */
const NOT_EMPLOYERS: ReadonlySet<string> = new Set(
  `polsce niemczech anglii irlandii szkocji holandii norwegii szwecji francji hiszpanii włoszech ukrainie usa uk europie
   poland germany england ireland scotland wales britain europe america canada
   it hr pr ai nhs nfz cbt dbt act emdr tsr mbt ipt
   wigilię wigilia boże święta sylwestra wielkanoc niedziele soboty weekendy
   christmas easter sundays saturdays weekends monday mondays january february march april may june july august
   september october november december
   aa dda sor oiom adhd ptsd ocd ue prl mops ops pcpr dps zol tir
   asd bpd chad fas ddd npd dsm icd`
    .split(/\s+/)
    .filter(Boolean),
);

function isEmployer(m: RegExpExecArray): boolean {
  const name = m[0];
  const first = name.split(/[ \u00a0-]+/)[0]!;
  return (
    !NOT_EMPLOYERS.has(first.toLowerCase()) &&
    !NOT_EMPLOYER_WORDS.has(first.toLowerCase()) &&
    !TOWN_FORMS.has(name) &&
    !TOWN_FORMS.has(first) &&
    // "pracuje u Marka", "szef z Anną": a person, left to the name detector.
    !(name === first && isFirstNameForm(first))
  );
}

export function findWorkplaces(text: string): Finding[] {
  return [
    ...collect(PL_INSTITUTION_RE, text, 'workplace'),
    ...collect(PL_INSTITUTION_ACRONYM_RE, text, 'workplace', (m) => !NOT_EMPLOYERS.has(m[1]!.toLowerCase())),
    ...collect(SCHOOL_CLASS_RE, text, 'workplace'),
    ...collect(BARE_CLASS_RE, text, 'workplace'),
    ...collect(PL_INSTITUTION_PLACE_RE, text, 'workplace'),
    ...collect(EN_SAINT_RE, text, 'workplace'),
    ...collect(PL_ABBREVIATED_RE, text, 'workplace'),
    ...collect(EN_INSTITUTION_RE, text, 'workplace', isNamedInstitution),
    ...collect(EN_NAMED_PRACTICE_RE, text, 'workplace', isNamedInstitution),
    ...collect(PL_EMPLOYER_RE, text, 'workplace', isEmployer),
    ...collect(EN_EMPLOYER_RE, text, 'workplace', isEmployer),
    ...collect(FIRM_RE, text, 'workplace', isEmployer),
    ...collect(PL_JOB_RE, text, 'workplace', isEmployer),
    ...collect(PL_BARE_JOB_RE, text, 'workplace', isEmployer),
    ...collect(EN_BARE_JOB_RE, text, 'workplace', isEmployer),
    ...collect(BOSS_RE, text, 'workplace', isEmployer),
    ...collect(EN_JOB_RE, text, 'workplace', isEmployer),
    ...collect(STUDY_RE, text, 'workplace', isEmployer),
    ...collect(WORKER_RE, text, 'workplace', isEmployer),
  ];
}
