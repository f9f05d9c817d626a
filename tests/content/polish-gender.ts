// Finds Polish verb forms that fix the speaker's or the reader's gender, for the content tests.
//
// Past tense and conditional carry gender in Polish ("byłem/byłam", "zrobiłeś/zrobiłaś",
// "mógłbyś/mogłabyś", "poszliśmy/poszłyśmy"). Our texts address every member, and guide phrases are
// said by any therapist to any client, so none of these may appear. A few common nouns share the
// endings (instrumental "ciałem", "pomysłem"; plural "liście") and are listed, not guessed, below.

const GENDERED_ENDING = /(?:łem|łam|łeś|łaś|łbym|łabym|łbyś|łabyś|liśmy|łyśmy|liście|łyście)$/u;

/** Words with a gendered-looking ending that are not verbs. Add here only with a dictionary check. */
const NOT_VERBS = new Set([
  'ciałem', 'działem', 'udziałem', 'zapałem', 'stołem', 'kołem', 'wałem', 'szałem', 'upałem', 'tłem',
  'czołem', 'dołem', 'orłem', 'aniołem', 'kościołem', 'popiołem', 'mułem', 'węzłem', 'światłem',
  'źródłem', 'masłem', 'hasłem', 'krzesłem', 'wiosłem', 'rzemiosłem', 'pomysłem', 'zmysłem',
  'przemysłem', 'namysłem', 'zamysłem', 'liście',
]);

/** Every gendered verb form in `text`, lower-cased, in order of appearance. */
export function genderedForms(text: string): string[] {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.filter((w) => GENDERED_ENDING.test(w) && !NOT_VERBS.has(w));
}
