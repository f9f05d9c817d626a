// Finds place names by what stands before them, whether or not the towns list knows them: a village or a parish
// after "gmina", "wieś", "parafia" ("w gminie Wąchock"), the town a village is near or in ("a village near Ludlow",
// "a village of two hundred souls in Rutland", "rolnik spod Łowicza"), where someone lives or comes from ("mieszka z
// matką w Brzezinach", "grew up in Tonypandy"), and the town of a named institution or a business ("Sądzie Rejonowym
// w Sieradzu", "Holy Cross Academy in Bolton", "gospodarstwo w Zdunach"). Small places are the telling ones: a big
// city is one client among thousands.

import { NOT_PLACE_WORDS } from './not-places.js';
import { isFirstNameForm } from './people.js';
import { makeFinding, type Finding } from './types.js';

const SP = String.raw`[ \u00a0]+`;
// "Wąchock", "Stare Babice", "Koziej Wólki", "Bielsko-Biała", "św. Jadwigi".
const PLACE_NAME = String.raw`(?:(?:św|bł)\.[ \u00a0]*)?\p{Lu}\p{Ll}+(?:(?:[ \u00a0]+|-)\p{Lu}\p{Ll}+){0,2}`;

// The words for a municipality, a county, a village, a small town, a parish or a district, in every case.
const MARKER = [
  String.raw`[Gg]min(?:a|y|ie|ę|ą)`,
  String.raw`[Pp]owi(?:at|atu|ecie|atem)`,
  String.raw`wsi|wieś|wsią|[Ww]ios(?:ka|ki|ce|kę|ką)`,
  String.raw`[Mm]iejscowoś(?:ć|ci|cią)`,
  String.raw`[Mm]iasteczk(?:o|a|u|iem)`,
  String.raw`[Ss]ołectw(?:o|a|ie|em)`,
  String.raw`[Pp]arafi(?:a|i|ę|ą)`,
  String.raw`[Dd]zielnic(?:a|y|ę|ą)`,
  String.raw`(?:village|town|parish|hamlet)${SP}of`,
].join('|');
// A small place placed by the town it is near: "we wsi pod Radomiem", "a small village near Ludlow".
const SMALL_PLACE = String.raw`(?:wsi|wiosce|wsią|miasteczku|miejscowości|osadzie|village|hamlet|town)`;
const NEAR = String.raw`(?:pod|koło|niedaleko|obok|near|outside)`;
// A few words may stand between: "a village of two hundred souls in Rutland", "we wsi, którą zna każdy, pod Radomiem".
const SMALL_PLACE_IN = String.raw`${SMALL_PLACE}(?:${SP}[\p{Ll}\p{N}-]+){0,5}?${SP}(?:${NEAR}|in|w|we)`;
// Near a town, whoever is there: "rolnik spod Łowicza", "z okolic Radomia", "mieszkanie niedaleko Sieradza".
const NEAR_TOWN = String.raw`spod|spoza|nieopodal|niedaleko|(?:z|w)${SP}okolic(?:ach|y)?`;
const MARKED_RE = new RegExp(
  String.raw`(?<=(?<![\p{L}])(?:(?:${MARKER})|${SMALL_PLACE_IN}|${NEAR_TOWN})${SP})${PLACE_NAME}(?![\p{L}])`,
  'gu',
);

// Living, growing up, coming from, moving: the places named after these in the same clause are where a person is.
const PL_RESIDENCE = String.raw`(?:[Mm]ieszka(?:ją|ł|ła|li|łam|łem)?|[Zz]amieszka(?:ł|ła|li|łe)|[Zz]amieszkuj[eą]|[Ww]ychowa(?:ł|ła|li)${SP}się|[Ww]ychowywa(?:ł|ła|li)${SP}się|[Dd]orasta(?:ł|ła|li)|[Uu]rodzi(?:ł|ła|li)${SP}się|[Oo]siedli(?:ł|ła|li)${SP}się|[Pp]ochodz(?:i|ą|ę)|[Pp]ochodzi(?:ł|ła|li)|[Pp]rzyjecha(?:ł|ła|li)|[Pp]rzeprowadzi(?:ł|ła|li)${SP}się|[Pp]rzeprowadza(?:ją)?${SP}się|[Pp]rzenie(?:śli|sła|ósł)${SP}się|[Ww]yprowadzi(?:ł|ła|li)${SP}się|[Dd]ojeżdża(?:ją|ł|ła)?|[Ww]róci(?:ł|ła|li)|[Ww]raca(?:ją)?)`;
const EN_RESIDENCE = String.raw`(?:[Ll]ives|[Ll]ive|[Ll]ived|[Ll]iving|[Gg]rew${SP}up|[Gg]rowing${SP}up|[Ww]as${SP}born|[Ww]ere${SP}born|[Rr]aised|[Ss]ettled|[Mm]oved(?:${SP}back)?|[Mm]oving|[Rr]elocated|[Cc]omes|[Cc]ame|[Ii]s${SP}from|[Aa]re${SP}from|[Cc]ommutes?|[Cc]ommuted)`;
const RESIDENCE_RE = new RegExp(String.raw`(?<![\p{L}])(?:${PL_RESIDENCE}|${EN_RESIDENCE})(?![\p{L}])`, 'gu');
// Within the clause after the verb: a preposition and a capitalised name ("z matką w Brzezinach", "from Cardiff to Swansea").
const AFTER_RESIDENCE_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:w|we|z|ze|do|na|pod|koło|niedaleko|spod|in|from|to|near|outside)${SP}(${PLACE_NAME})(?![\p{L}])`,
  'gu',
);
/** How far after the verb a place may stand, and what ends the clause first. */
const CLAUSE_LENGTH = 60;
const CLAUSE_END = /[.,;:!?()\n–—]/u;

// The town of an institution or a workplace: an institution a few words before "w"/"in" ("komendzie policji w
// Radomiu", "Sądzie Rejonowym w Sieradzu", "Academy in Bolton"), or a workplace the other detectors found right before
// it ("Orlenu w Płocku", "SP 12 w Gdyni", "St John's in Hexham", "Nissan plant in Sunderland"; see findLocalities).
const INSTITUTION_HEAD = String.raw`(?:[Ss]ąd(?:u|zie|em)?|[Kk]omend(?:a|y|zie|ę|ą)|[Pp]osterun(?:ek|ku|kiem)|[Uu]rz(?:ąd|ędu|ędzie|ędem)|[Ss]zpital(?:a|u|em)?|[Pp]rzychodni(?:a|ę|ą)?|[Pp]oradni(?:a|ę|ą)?|[Ss]zk(?:oła|oły|ole|ołę|ołą)|[Pp]rzedszkol(?:e|a|u|em)|[Ll]iceum|[Tt]echnikum|[Gg]imnazjum|[Kk]oś(?:ciół|cioła|ciele)|[Zz]akład(?:u|zie|em)?|[Ff]abry(?:ka|ki|ce|kę)|[Kk]opalni(?:a|ę|ą)?|[Jj]ednost(?:ka|ki|ce|kę)|[Aa]resz(?:t|tu|cie)|[Ww]ięzieni(?:e|a|u)|[Hh]ospicjum|[Oo]środ(?:ek|ka|ku|kiem)|[Oo]ddzia(?:ł|łu|le)|[Ff]ili(?:a|i)|[Ss]chool|[Aa]cademy|[Cc]ollege|[Hh]ospital|[Cc]linic|[Cc]hurch|[Pp]lant|[Ff]actory|[Pp]rison|[Ss]urgery|[Pp]ractice|[Bb]ranch|[Dd]epot|[Mm]ine|[Mm]ill|[Uu]niversity|[Ss]tation|[Cc]ourt|[Cc]ouncil|[Ff]arm|[Ss]hop|[Pp]ub|[Gg]arage|[Gg]ospodarstw(?:o|a|ie|em)|[Ss]klep(?:u|ie|em)?|[Ww]arsztat(?:u|cie|em)?|[Gg]abinet(?:u|cie|em)?|[Ff]irm(?:a|y|ie|ę|ą)|[Hh]urtowni(?:a|ę|ą)?|[Pp]iekarni(?:a|ę|ą)?|[Aa]pte(?:ka|ki|ce|kę|ką)|[Pp]ensjonat(?:u|cie|em)?)`;
const OF_INSTITUTION_RE = new RegExp(
  String.raw`(?<=(?<![\p{L}])${INSTITUTION_HEAD}(?:${SP}[\p{L}\p{N}.'’]+){0,3}?${SP})(?:w|we|in)${SP}(${PLACE_NAME})(?![\p{L}])`,
  'gu',
);
// After a workplace: a few lowercase words at most ("plant", "na zmianie"), then "w"/"in" and the town.
const AFTER_WORKPLACE_RE = new RegExp(
  String.raw`^(?:${SP}\p{Ll}+){0,2}?${SP}(?:w|we|in)${SP}(${PLACE_NAME})(?![\p{L}])`,
  'u',
);

/** The first word decides: a country, a holiday, an institution or a first name is not a place here. */
function isPlaceName(name: string): boolean {
  const first = name.replace(/^(?:św|bł)\.[ \u00a0]*/u, '').split(/[ \u00a0-]+/u)[0]!;
  return !NOT_PLACE_WORDS.has(first.toLowerCase()) && (name !== first || !isFirstNameForm(first));
}

/** A finding for capture group 1 of `m`, which the patterns above put at the end of the match. */
function groupFinding(text: string, m: RegExpExecArray): Finding {
  const end = m.index + m[0].length;
  return makeFinding('town', text, end - m[1]!.length, end);
}

/** `workplaces` are the workplace detector's findings, whose towns are looked for right after them. */
export function findLocalities(text: string, workplaces: readonly Finding[] = []): Finding[] {
  const out: Finding[] = [];
  MARKED_RE.lastIndex = 0;
  for (let m = MARKED_RE.exec(text); m !== null; m = MARKED_RE.exec(text)) {
    if (!NOT_PLACE_WORDS.has(m[0].split(/[ \u00a0-]+/u)[0]!.toLowerCase())) {
      out.push(makeFinding('town', text, m.index, m.index + m[0].length));
    }
  }

  RESIDENCE_RE.lastIndex = 0;
  for (let m = RESIDENCE_RE.exec(text); m !== null; m = RESIDENCE_RE.exec(text)) {
    const from = m.index + m[0].length;
    let clause = text.slice(from, from + CLAUSE_LENGTH);
    const end = CLAUSE_END.exec(clause);
    if (end) clause = clause.slice(0, end.index);
    AFTER_RESIDENCE_RE.lastIndex = 0;
    for (let p = AFTER_RESIDENCE_RE.exec(clause); p !== null; p = AFTER_RESIDENCE_RE.exec(clause)) {
      if (!isPlaceName(p[1]!)) continue;
      const start = from + p.index + p[0].length - p[1]!.length;
      out.push(makeFinding('town', text, start, from + p.index + p[0].length));
    }
  }

  OF_INSTITUTION_RE.lastIndex = 0;
  for (let m = OF_INSTITUTION_RE.exec(text); m !== null; m = OF_INSTITUTION_RE.exec(text)) {
    if (isPlaceName(m[1]!)) out.push(groupFinding(text, m));
  }

  for (const w of workplaces) {
    const m = AFTER_WORKPLACE_RE.exec(text.slice(w.end, w.end + CLAUSE_LENGTH));
    if (m === null || !isPlaceName(m[1]!)) continue;
    const end = w.end + m[0].length;
    out.push(makeFinding('town', text, end - m[1]!.length, end));
  }
  return out;
}
