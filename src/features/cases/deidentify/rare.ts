// Finds rare details that fit one person where they live or work: "the only X" in a place ("jedynym weterynarzem w
// gminie", "the only female firefighter in the village", and the village itself: "jedyną piekarnię w Pcimiu"), being
// known there ("znany w okolicy"), and a one-person public office next to a place ("żoną wójta gminy Stare Babice",
// "the vicar of St John's in Hexham").

import { NOT_PLACE_WORDS } from './not-places.js';
import { sameSentenceIn } from './sentences.js';
import { collect, type Finding } from './types.js';

const SP = String.raw`[ \u00a0]+`;

// Where being the only one is telling: a municipality, a town, a workplace; not a family or a class ("jedyną osobą w
// rodzinie", "the only one at home" say nothing to a stranger).
const PL_WHERE = String.raw`(?:(?:całej|całym|tej|tym|naszej|naszym|swojej|swoim|małej|małym)${SP})?(?:gmin(?:ie|y)|wsi|miasteczku|mieście|okolicy|powiecie|parafii|regionie|województwie|kraju|Polsce|Europie|firmie|zakładzie|wydziale|zarządzie|szpitalu|sądzie|komendzie|urzędzie|\p{Lu}\p{Ll}+)(?![\p{L}])`;
const EN_WHERE = String.raw`(?:(?:the|this|her|his|their|our|a)${SP})?(?:(?:small|tiny|whole|entire|local)${SP})?(?:village|town|county|island|parish|area|valley|region|city|country|firm|company|department|practice|force|\p{Lu}\p{Ll}+)(?![\p{L}])`;
// "jedynym weterynarzem", "jedyną kobietą", "jedyną piekarnię": the noun (and an adjective before it) is highlighted.
const PL_ONLY_RE = new RegExp(
  String.raw`(?<![\p{L}])[Jj]edyn(?:y|a|e|ym|ą|ego|ej|emu)(?:${SP}\p{Ll}+)?${SP}\p{Ll}+(?=${SP}(?:w|we|na)${SP}${PL_WHERE})`,
  'gu',
);
// The place a "jedyny" / "the only" names with a capital ("jedyną piekarnię w Pcimiu", "the only GP in Inverness"): a
// village the towns list cannot know.
const PL_ONLY_PLACE_RE = new RegExp(
  String.raw`(?<=(?<![\p{L}])[Jj]edyn(?:y|a|e|ym|ą|ego|ej|emu)(?:${SP}\p{Ll}+){1,2}${SP}(?:w|we|na)${SP})\p{Lu}\p{Ll}+(?:${SP}\p{Lu}\p{Ll}+)?(?![\p{L}])`,
  'gu',
);
const EN_ONLY_RE = new RegExp(
  String.raw`(?<![\p{L}])[Tt]he${SP}only(?:${SP}[\p{L}&-]+){1,3}?(?=${SP}(?:in|on|at|for)${SP}${EN_WHERE})`,
  'gu',
);
const EN_ONLY_PLACE_RE = new RegExp(
  String.raw`(?<=(?<![\p{L}])[Tt]he${SP}only(?:${SP}[\p{L}&-]+){1,3}?${SP}(?:in|on|at)${SP})\p{Lu}\p{Ll}+(?:${SP}\p{Lu}\p{Ll}+)?(?![\p{L}])`,
  'gu',
);
// Known to everyone around: "znany w okolicy", "znana w całym mieście", "well known in the village".
const KNOWN_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:[Zz]nan(?:y|a|ym|ą|ego|ej|e|i)${SP}(?:w|we|na)${SP}(?:(?:całej|całym)${SP})?(?:okolicy|mieście|miasteczku|wsi|gminie|powiecie|regionie|parafii|\p{Lu}\p{Ll}+)|(?:[Ww]ell[ -])?[Kk]nown${SP}(?:locally|(?:in|around)${SP}(?:the${SP})?(?:village|town|area|parish|county|\p{Lu}\p{Ll}+)))(?![\p{L}])`,
  'gu',
);
// Nouns that make "the only" a thing or a moment, not a person ("jedyna rzecz w Krakowie", "the only way in").
const NOT_PEOPLE = /(?:^|[ \u00a0])(?:rzecz\p{Ll}*|sposob\p{Ll}*|sposób|szans\p{Ll}*|nadziej\p{Ll}*|opcj\p{Ll}*|wyjści\p{Ll}*|miejsc\p{Ll}*|moment\p{Ll}*|raz|razem|czas\p{Ll}*|okazj\p{Ll}*|dzień|dni\p{Ll}*|thing|things|way|time|times|option|chance|place|reason|day|night)$/u;

// Offices held by one person in a place: a mayor, a parish priest, a councillor, a member of parliament.
const PL_OFFICE = String.raw`[Ww]ójt(?:a|em|owi|ów)?|[Bb]urmistrz(?:a|em|owi|u)?|[Ss]tarost(?:a|y|ą|ę|ie)|[Ss]ołtys(?:a|em|owi|ie|ka|ki|ką)?|[Pp]robosz(?:cz|cza|czem|czowi|czu)|[Rr]adn(?:y|a|ego|ej|ym|ą|emu)|[Pp]os(?:eł|ła|łem|łowi|łanka|łanki|łanką|łance|łankę)|[Pp]ośle|[Ss]enator(?:a|em|owi|ze|ka|ki|ką)?|[Kk]omendant(?:a|em|owi|ka|ki|ką)?`;
const EN_OFFICE = String.raw`[Mm]ayor|[Vv]icar|[Hh]eadteacher|[Hh]ead${SP}teacher|[Hh]eadmaster|[Hh]eadmistress|[Cc]ouncillor|[Ll]ocal${SP}MP`;
const OFFICE_RE = new RegExp(String.raw`(?<![\p{L}])(?:${PL_OFFICE}|${EN_OFFICE})(?![\p{L}])`, 'gu');

/** The place after "the only X in": a place name, and X a person ("jedyna rzecz w Biblii" names no village). */
function onlyPlace(text: string, m: RegExpExecArray): boolean {
  const before = text.slice(Math.max(0, m.index - 60), m.index).replace(/[ \u00a0]+(?:w|we|na|in|on|at)[ \u00a0]+$/u, '');
  return !NOT_PLACE_WORDS.has(m[0].split(/[ \u00a0]/u)[0]!.toLowerCase()) && !NOT_PEOPLE.test(before);
}

/**
 * `places` are the other detectors' findings of where someone lives or works: an office counts only with one of them
 * in the same sentence ("wójt" alone could be anywhere in the country).
 */
export function findRareDetails(text: string, places: readonly Finding[]): Finding[] {
  const sameSentence = sameSentenceIn(text);
  return [
    ...collect(PL_ONLY_RE, text, 'rare-detail', (m) => !NOT_PEOPLE.test(m[0])),
    ...collect(PL_ONLY_PLACE_RE, text, 'town', (m) => onlyPlace(text, m)),
    ...collect(EN_ONLY_RE, text, 'rare-detail', (m) => !NOT_PEOPLE.test(m[0])),
    ...collect(EN_ONLY_PLACE_RE, text, 'town', (m) => onlyPlace(text, m)),
    ...collect(KNOWN_RE, text, 'rare-detail', (m) => !NOT_PLACE_WORDS.has(m[0].split(/[ \u00a0]/u).pop()!.toLowerCase())),
    ...collect(OFFICE_RE, text, 'rare-detail', (m) => places.some((p) => sameSentence(m.index, p.start))),
  ];
}
