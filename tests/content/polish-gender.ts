// Finds Polish forms that fix the speaker's or the reader's gender, for the content tests.
//
// Past tense and conditional carry gender in Polish ("byłem/byłam", "zrobiłeś/zrobiłaś",
// "mógłbyś/mogłabyś", "poszliśmy/poszłyśmy"), and so do a detached conditional ("gdybyś chciał",
// "ja bym to przemyślał"), the compound future ("będziesz mógł"), a predicate adjective ("jesteś pewien",
// "czy jestem ciekawy?", "zrobisz to sama") and a hedged form ("zrobiłe(a)m", "zrobił/a"). Our texts
// address every member, and guide phrases are said by any therapist to any client, so none of these may
// appear. Some nouns and present-tense verbs share the endings (instrumental "ciałem", "kanałem"; plural
// "liście"; "wysyłam", "odwołam") and are listed, not guessed, below.

const GENDERED_ENDING = /(?:łem|łam|łeś|łaś|łbym|łabym|łbyś|łabyś|liśmy|łyśmy|liście|łyście)$/u;

/** Words with a gendered-looking ending that are not past-tense verbs. Add here only with a dictionary check. */
const NOT_VERBS = new Set([
  'ciałem', 'działem', 'udziałem', 'zapałem', 'stołem', 'kołem', 'wałem', 'szałem', 'upałem', 'tłem',
  'czołem', 'dołem', 'orłem', 'aniołem', 'kościołem', 'popiołem', 'mułem', 'węzłem', 'światłem',
  'źródłem', 'masłem', 'hasłem', 'krzesłem', 'wiosłem', 'rzemiosłem', 'pomysłem', 'zmysłem',
  'przemysłem', 'namysłem', 'zamysłem', 'liście',
  'kanałem', 'materiałem', 'rozdziałem', 'sygnałem', 'ideałem', 'potencjałem', 'kapitałem', 'interwałem',
]);

/** Present and simple future of -łać verbs end like a feminine past: "wysyłam", "przysyłam", "działam", "odwołam". */
const LAC_VERB = /(?:sy|dzia|wo)łam$/u;

/** An l-participle: the past stem that a conditional particle or "będę/będziesz" is built with. */
const PARTICIPLE = /(?:ł|ła|ło|ły|li)$/u;
const PARTICIPLE_SINGULAR = /(?:ł|ła)$/u;

/** Predicate adjectives that are said of a person, in the forms that show a gender. */
const PREDICATIVES = new Set([
  'pewien', 'pewny', 'pewna', 'pewni', 'pewne', 'ciekawy', 'ciekawa', 'ciekawi', 'ciekawe',
  'gotowy', 'gotowa', 'gotowi', 'gotowe', 'sam', 'sama', 'sami', 'same',
  'zmęczony', 'zmęczona', 'zmęczeni', 'zmęczone', 'przekonany', 'przekonana', 'zadowolony', 'zadowolona',
  'zdenerwowany', 'zdenerwowana', 'spokojny', 'spokojna', 'samotny', 'samotna', 'smutny', 'smutna',
  'zły', 'zła', 'wdzięczny', 'wdzięczna', 'zaskoczony', 'zaskoczona', 'rozczarowany', 'rozczarowana',
]);
const ALONE = new Set(['sam', 'sama', 'sami', 'same']);
/** "ten sam", "ta sama", "ci sami", "te same": the same one, not "alone". */
const DEMONSTRATIVES = new Set(['ten', 'ta', 'ci', 'te']);

const WORD = /\p{L}+/gu;
/** A conditional particle standing on its own: "bym", "byś", "gdybyś", "żebyśmy", "abyście". */
const PARTICLE = /^(?:gdy|że|a|czy)?by(?:m|ś|śmy|ście)$/u;
const FUTURE = new Set(['będę', 'będziesz']);
const BE_OR_FEEL = /^(?:jestem|jesteś|jesteśmy|jesteście|bywam|bywasz|zostaję|zostajesz|czuję się|czujesz się|czujemy się|czujecie się|wydaję się|wydajesz się)$/u;
/** "zrobiłe(a)m", "zrobił(a)", "zrobił/a": both genders at once, still a gendered verb. */
const HEDGED = /\p{L}*ł[ae]?[(/](?:a|e|am|em|aś|eś|ła|łam|łaś)\)?\p{L}*/gu;

interface Word {
  text: string;
  at: number;
  /** Whether only spaces separate this word from the one before (no comma, full stop or dash). */
  joined: boolean;
}

/** Every gendered form in `text`, lower-cased, in order of appearance (a detached one with the words that make it). */
export function genderedForms(text: string): string[] {
  const lower = text.toLowerCase();
  const words: Word[] = [...lower.matchAll(WORD)].map((m, i, all) => {
    const prev = all[i - 1];
    return { text: m[0], at: m.index, joined: !!prev && /^\s+$/u.test(lower.slice(prev.index + prev[0].length, m.index)) };
  });
  const found: { at: number; form: string }[] = [];
  /** The words from `i` up to the first of the next `span` (in the same clause) that `fits`, if any. */
  const upTo = (i: number, span: number, fits: (w: string) => boolean): string | undefined => {
    for (let k = i + 1; k < words.length && k <= i + span && words[k]!.joined; k++) {
      if (fits(words[k]!.text)) return words.slice(i, k + 1).map((w) => w.text).join(' ');
    }
    return undefined;
  };

  words.forEach((w, i) => {
    if (GENDERED_ENDING.test(w.text) && !NOT_VERBS.has(w.text) && !LAC_VERB.test(w.text)) found.push({ at: w.at, form: w.text });
    // A conditional always takes an l-participle, and every one of those shows a gender.
    if (PARTICLE.test(w.text)) found.push({ at: w.at, form: upTo(i, 3, (x) => PARTICIPLE.test(x)) ?? w.text });
    if (FUTURE.has(w.text)) {
      const form = upTo(i, 2, (x) => PARTICIPLE_SINGULAR.test(x) && !NOT_VERBS.has(x));
      if (form) found.push({ at: w.at, form });
    }
    const trigger = BE_OR_FEEL.test(w.text) ? i : words[i + 1]?.text === 'się' && words[i + 1]!.joined && BE_OR_FEEL.test(`${w.text} się`) ? i + 1 : -1;
    if (trigger >= 0) {
      const form = upTo(trigger, 3, (x) => PREDICATIVES.has(x));
      if (form) found.push({ at: w.at, form: trigger === i ? form : `${w.text} ${form}` });
    }
    // "Zrobisz to sama?": "sam" after a verb in the second person, unless it means "the same".
    else if (w.text.endsWith('sz')) {
      const form = upTo(i, 3, (x) => ALONE.has(x));
      const last = form ? i + form.split(' ').length - 1 : -1;
      if (form && !DEMONSTRATIVES.has(words[last - 1]!.text)) found.push({ at: w.at, form });
    }
  });
  for (const m of lower.matchAll(HEDGED)) found.push({ at: m.index, form: m[0] });
  return found.sort((a, b) => a.at - b.at).map((f) => f.form);
}
