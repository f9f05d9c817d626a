// Finds people's names: dictionary first names in any Polish case form, and capitalised words that read as
// names from their context (after "pani", "Mr", "klientka", "mąż", "brother"; "Capitalised Capitalised" mid-sentence;
// "Anna K."; "Tom and Priya"; "Priya (35)"; an initial that does not end a sentence, "K., 29 l.").

import { AMBIGUOUS_AT_SENTENCE_START, ENGLISH_FIRST_NAMES, POLISH_FIRST_NAMES } from './names.js';
import { polishNameForms, tenderForms } from './polish-forms.js';
import { ABBREVIATIONS } from './sentences.js';
import { makeFinding, type Finding } from './types.js';

const NAME_FORMS: ReadonlySet<string> = new Set(
  [
    ...POLISH_FIRST_NAMES.flatMap((n) => [n, ...tenderForms(n)]).flatMap(polishNameForms),
    ...ENGLISH_FIRST_NAMES,
  ].map((n) => n.toLowerCase()),
);

/**
 * Words that introduce a person; only the name after them is highlighted. Family words count too ("mąż Zdzisiek",
 * "her brother Kwame"): a name the dictionary lacks is still named by them. Not "mama", "tata": "mama Kasi" is a name,
 * but "Mama" opens too many sentences about a client's own mother.
 */
const WORD_TITLES: ReadonlySet<string> = new Set(
  `pan pani pana panu panem panią panie państwo
   pacjent pacjenta pacjentowi pacjentem pacjencie pacjentka pacjentki pacjentce pacjentkę pacjentką
   klient klienta klientowi klientem kliencie klientka klientki klientce klientkę klientką
   mecenas mecenasa mecenasowi mecenasem mecenasie doktor doktora doktorowi doktorem doktorze
   profesor profesora profesorowi profesorem profesorze ksiądz księdza księdzu księdzem
   dyrektor dyrektora dyrektorowi dyrektorem dyrektorze dyrektorka dyrektorki dyrektorce dyrektorkę dyrektorką
   client patient mister
   mąż męża mężowi mężem mężu żona żony żonie żonę żoną syn syna synowi synem synu córka córki córce córkę córką
   brat brata bratu bratem bracie siostra siostry siostrze siostrę siostrą partner partnera partnerem partnerka
   partnerki partnerką narzeczony narzeczonego narzeczona narzeczonej chłopak chłopaka chłopakiem
   husband wife son daughter brother sister partner boyfriend girlfriend fiancé fiancée stepdad stepmum stepson
   stepdaughter cousin`
    .split(/\s+/)
    .filter(Boolean),
);
/**
 * Words that open a sentence and are never a surname: after a capital letter and a period they show that the letter
 * ended a sentence ("mamy plan B. Potem…", "wariant A. Then…"), not that it is an initial before a surname.
 */
const SENTENCE_OPENERS: ReadonlySet<string> = new Set(
  `potem później następnie wtedy teraz dziś jutro wczoraj ale lecz jednak więc dlatego zatem także też również
   i a oraz to ten ta te tego tej ja ty on ona ono my wy oni one mi mu jej jego ich nie tak czy gdy kiedy jeśli
   jeżeli bo żeby w na z do po od przy za pod nad przed
   then later next now today tomorrow yesterday but so and or also this that these those i you he she it we they
   his her their not yes when if because after before in on at with for`
    .split(/\s+/)
    .filter(Boolean),
);
/** Abbreviated titles belong to the name they precede ("Mr Smith", "p. K."), so they are highlighted with it. */
const ABBREVIATED_TITLES: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'mgr', 'p', 'ks', 'mec']);
/** Titles that are ordinary letters or words without their period. */
const TITLES_NEEDING_PERIOD: ReadonlySet<string> = new Set(['p', 'ks', 'mec']);

/**
 * Capitalised words that are not names even mid-sentence: calendar, holidays, roles, instruments, methods, peoples,
 * and the words of institutions and countries written in capitals ("Poradni Zdrowia Psychicznego", "Wielkiej
 * Brytanii", "Anonimowych Alkoholików"), which would otherwise read as a first name and surname. A numbered or
 * named school is still flagged by the workplace detector.
 */
const NOT_NAMES: ReadonlySet<string> = new Set(
  `january february march april may june july august september october november december
   monday tuesday wednesday thursday friday saturday sunday
   christmas easter eve new year years day
   boże bożego narodzenie narodzenia wielkanoc wielkanocy wigilia wigilii nowy rok roku sylwester sylwestra
   bóg boga bogu bogiem boży boża bożej god lord
   polak polka polką ukrainiec ukrainka ukrainką niemiec niemka niemką rosjanin rosjanka anglik angielka białorusin
   białorusinka czech czeszka francuz francuzka włoch włoszka hiszpan hiszpanka amerykanin amerykanka żyd żydówka
   doktor doktora doktorze doktorem doktorem profesor profesora profesorze dyrektor dyrektora dyrektorze prezes prezesa
   doctor professor director
   working alliance inventory session sessions rating scale outcome feedback informed treatment cognitive behavioral
   behavioural therapy disorder personality borderline questionnaire short revised health mental national service
   polish english british american ukrainian german french catholic jewish muslim
   dialectical behavior behaviour motivational interviewing acceptance commitment schema focused emotion compassion
   interpersonal psychodynamic mindfulness based exposure response prevention
   internet google zoom teams skype facebook instagram whatsapp messenger
   szkoła szkoły szkole szkołę szkołą szkół podstawowa podstawowej podstawową podstawowe
   poradnia poradni poradnię poradnią przychodnia przychodni przychodnię przychodnią
   zdrowia psychicznego psychiatrycznego psychologiczno pedagogiczna pedagogicznej pedagogiczną
   leczenia terapii uzależnień interwencji kryzysowej narodowy narodowego fundusz funduszu funduszem
   wielki wielkim wielkiego wielkiemu post poście postu piątek piątku sobota soboty sobocie tydzień tygodnia tygodniu
   wielka wielkiej wielką brytania brytanii brytanię brytanią stany stanów stanach stanami zjednoczone zjednoczonych
   unia unii unię unią europejska europejskiej europejską
   anonimowi anonimowych anonimowym anonimowymi alkoholicy alkoholików alkoholikom alkoholikami narkomani narkomanów
   dorosłe dorosłych`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Whether a capitalised word is a dictionary first name in some case form ("Markiem", "Ani", "Dave"): a place or an
 * employer detector that reads "z Markiem" or "przy Ani" leaves the word to the name detector.
 */
export function isFirstNameForm(word: string): boolean {
  return NAME_FORMS.has(word.replace(/['’]s$/u, '').toLowerCase());
}

interface Token {
  word: string;
  /** Lowercased, possessive "'s" dropped: the dictionary key. */
  key: string;
  start: number;
  /** For an initial, includes its period. */
  end: number;
  cap: boolean;
  initial: boolean;
  periodAfter: boolean;
  sentenceStart: boolean;
}

const WORD_RE = /\p{L}+(?:['’]\p{L}+)*/gu;
const CAP_RE = /^\p{Lu}(?:['’]\p{Lu})?\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:['’]s)?$/u;
const SKIPPED_BEFORE_WORD = /[\s"'„“”«»‚‘’()[\]\-–—•*]/u;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m !== null; m = WORD_RE.exec(text)) {
    const word = m[0];
    const start = m.index;
    const periodAfter = text[start + word.length] === '.';
    const initial = /^\p{Lu}$/u.test(word) && periodAfter;
    const token: Token = {
      word,
      key: word.replace(/['’]s$/u, '').toLowerCase(),
      start,
      end: start + word.length + (initial ? 1 : 0),
      cap: CAP_RE.test(word),
      initial,
      periodAfter,
      sentenceStart: false,
    };
    token.sentenceStart = startsSentence(text, token, tokens[tokens.length - 1]);
    tokens.push(token);
  }
  return tokens;
}

function startsSentence(text: string, token: Token, previous: Token | undefined): boolean {
  let j = token.start - 1;
  while (j >= 0 && SKIPPED_BEFORE_WORD.test(text[j])) {
    if (text[j] === '\n') return true;
    j--;
  }
  if (j < 0) return true;
  const c = text[j];
  if (!'.!?…:'.includes(c)) return false;
  // "Anna K. Nowak", "dr. Nowak", "np. Marek": the period closes an abbreviation, not a sentence.
  if (c === '.' && previous !== undefined) {
    if (previous.initial && previous.end === j + 1) return false;
    if (previous.end === j && ABBREVIATIONS.has(previous.key)) return false;
  }
  return true;
}

/** Only spaces (or a hyphen in a double name) between two tokens; initials may touch ("A.K."). */
function adjacent(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return /^(?:[ \t\u00a0]+|-)$/.test(gap) || (a.initial && gap === '');
}

function isNameWord(t: Token): boolean {
  return t.cap && !NOT_NAMES.has(t.key) && !WORD_TITLES.has(t.key) && !ABBREVIATED_TITLES.has(t.key);
}

/**
 * Kuba is a first name and, in Polish, Cuba: "na Kubie" (in Cuba) is the island, since a person there would be
 * "o Kubie" or "Kubie" alone; "na Kubę" and "z Kuby" are the island only after a journey ("wyjechała na Kubę",
 * "wróciła z Kuby"), and stay a name otherwise ("zła na Kubę", "śmiała się z Kuby"). A flag is only a suggestion,
 * so when in doubt the form is kept as a name.
 */
const CUBA_BEFORE: Readonly<Record<string, RegExp>> = {
  kubie: /(?:^|[^\p{L}])na\s+$/iu,
  kubę: /(?:jecha|jedzie|jadą|jadę|jeżdż|leci|lecą|lecę|lot|wyjaz|wyjeżdża|podróż|wycieczk|wakacj|urlop|emigr|przeprowadz)\p{L}*\s+(?:\p{L}+\s+){0,3}na\s+$/iu,
  kuby: /(?:wróci|wraca|powr[oó]|przyjecha|przylecia|pochodz|przywi|uciek|emigr)\p{L}*\s+(?:\p{L}+\s+){0,3}z\s+$/iu,
};

function isCuba(text: string, t: Token): boolean {
  const before = CUBA_BEFORE[t.key];
  if (before === undefined) return false;
  // Within the clause only: a journey in an earlier sentence says nothing about this one.
  const clause = text.slice(Math.max(0, t.start - 80), t.start).split(/[.!?;\n]/).pop() ?? '';
  return before.test(clause);
}

function isDictionaryName(text: string, t: Token): boolean {
  return (
    t.cap &&
    NAME_FORMS.has(t.key) &&
    !NOT_NAMES.has(t.key) &&
    !(t.sentenceStart && AMBIGUOUS_AT_SENTENCE_START.has(t.key)) &&
    !isCuba(text, t)
  );
}

export function findNames(text: string): Finding[] {
  const tokens = tokenize(text);
  const out: Finding[] = [];

  /** Grows a name to the surname and initial that follow it ("Anna Kowalska", "Anna K.", "Anna Maria K."). */
  const emit = (first: number, last: number, spanStart = tokens[first].start): void => {
    while (last + 1 < tokens.length && last - first < 3 && adjacent(text, tokens[last], tokens[last + 1])) {
      const next = tokens[last + 1];
      if (tokens[last].initial && !next.initial) break;
      if (!next.initial && !isNameWord(next)) break;
      last++;
    }
    out.push(makeFinding('name', text, spanStart, tokens[last].end));
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    const nextIsAdjacent = next !== undefined && adjacent(text, t, next);

    if (isDictionaryName(text, t)) emit(i, i);

    // "pani Kowalska", "klientka A.", "Mr Smith", "p. K."
    if (next !== undefined && (next.initial || isNameWord(next))) {
      const gap = text.slice(t.end, next.start);
      if (WORD_TITLES.has(t.key) && /^[ \t\u00a0]+$/.test(gap)) emit(i + 1, i + 1);
      if (
        ABBREVIATED_TITLES.has(t.key) &&
        /^\.?[ \t\u00a0]+$/.test(gap) &&
        (t.periodAfter || !TITLES_NEEDING_PERIOD.has(t.key))
      ) {
        emit(i + 1, i + 1, t.start);
      }
    }

    // "Priya (35)", "Tom, 38, and": a capitalised word right before an age, in the middle of a sentence.
    if (isNameWord(t) && !t.sentenceStart && AGE_AFTER.test(text.slice(t.end, t.end + 6))) emit(i, i);
    // "K., 29 l.", "J. from the Glasgow branch": an initial followed by a comma or a preposition ends no sentence.
    if (t.initial && !(t.sentenceStart && /^[IVX]$/.test(t.word)) && INITIAL_GOES_ON.test(text.slice(t.end, t.end + 8))) {
      emit(i, i);
    }

    if (!nextIsAdjacent) continue;
    // Two capitalised words in the middle of a sentence: a full name (or an employer, which is as telling).
    if (isNameWord(t) && isNameWord(next) && !t.sentenceStart) emit(i, i + 1);
    // "A.K.", "A. K.", "J. Kowalski" (but not a Roman-numbered heading such as "I. Wstęp").
    if (t.initial && (next.initial || (isNameWord(next) && !SENTENCE_OPENERS.has(next.key))) && !(t.sentenceStart && /^[IVX]$/.test(t.word))) {
      emit(i, i + 1);
    }
  }
  return withRepeats(text, tokens, withPartners(text, tokens, out));
}

/**
 * A word found as a name once is that name wherever else it stands capitalised, also opening a sentence ("Tom and
 * Priya came. Priya is pregnant."): the context that revealed it is said only once.
 */
function withRepeats(text: string, tokens: readonly Token[], found: readonly Finding[]): Finding[] {
  const covered = (t: Token) => found.some((f) => f.start < t.end && t.start < f.end);
  const names = new Set(tokens.filter((t) => isNameWord(t) && covered(t)).map((t) => t.key));
  const out = [...found];
  for (const t of tokens) {
    if (t.cap && names.has(t.key) && !covered(t)) out.push(makeFinding('name', text, t.start, t.end));
  }
  return out;
}

/** A number of years right after a name: " (35)", ", 38,". */
const AGE_AFTER = /^(?:[ \u00a0]\(\d{1,2}\)|,[ \u00a0]\d{1,2},)/u;
/** After an initial: a comma, or a preposition ("pani M. z księgowości", "J. from the branch"), but not "A. ustalenie celu". */
const INITIAL_GOES_ON = /^(?:,|[ \u00a0]+(?:z|ze|w|we|u|od|from|of|at|in|with)[ \u00a0])/u;
const AND = /^[ \u00a0]+(?:i|oraz|and|&)[ \u00a0]+$/u;

/**
 * "Tom and Priya", "Beata i Zbyszek": a capitalised word joined by "and" to a name found already is a name too; before
 * the name only in the middle of a sentence ("Potem i Tomek" starts with an adverb).
 */
function withPartners(text: string, tokens: readonly Token[], found: readonly Finding[]): Finding[] {
  const named = (t: Token) => found.some((f) => f.start <= t.start && t.end <= f.end);
  const out = [...found];
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [a, b] = [tokens[i]!, tokens[i + 2]!];
    if (!AND.test(text.slice(a.end, b.start))) continue;
    if (named(a) && isNameWord(b) && !named(b)) out.push(makeFinding('name', text, b.start, b.end));
    if (named(b) && isNameWord(a) && !named(a) && !a.sentenceStart) out.push(makeFinding('name', text, a.start, a.end));
  }
  return out;
}
