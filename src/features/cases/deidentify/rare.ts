// Finds rare details that fit one person where they live or work: "the only X" in a place ("jedynym weterynarzem w
// gminie", "the only female firefighter in the village", and the village itself: "jedyną piekarnię w Pcimiu"), being
// known there ("znany w okolicy"), a one-person public office next to a place ("żoną wójta gminy Stare Babice",
// "the vicar of St John's in Hexham"), a national office anywhere ("ojciec był posłem"), a show or a contest someone
// was on ("wygrał w Milionerach", "a contestant on Mastermind") and a record ("the youngest partner ever").

import { NOT_PLACE_WORDS } from './not-places.js';
import { sameSentenceIn } from './sentences.js';
import { TOWN_FORMS } from './towns.js';
import { collect, type Finding } from './types.js';

const SP = String.raw`[ \u00a0]+`;

// Where being the only one is telling: a municipality, a town, a workplace; not a family or a class ("jedyną osobą w
// rodzinie", "the only one at home" say nothing to a stranger).
const PL_WHERE = String.raw`(?:(?:całej|całym|tej|tym|naszej|naszym|swojej|swoim|małej|małym)${SP})?(?:gmin(?:ie|y)|wsi|miasteczku|mieście|okolicy|powiecie|parafii|regionie|województwie|kraju|Polsce|Europie|firmie|zakładzie|wydziale|zarządzie|szpitalu|sądzie|komendzie|urzędzie|porcie|stoczni|kopalni|hucie|jednostce|remizie|straży|komisariacie|klinice|oddziale|banku|kancelarii|redakcji|\p{Lu}\p{Ll}+)(?![\p{L}])`;
const EN_WHERE = String.raw`(?:(?:the|this|her|his|their|our|a)${SP})?(?:(?:small|tiny|whole|entire|local)${SP})?(?:village|town|county|island|parish|area|valley|region|city|country|firm|company|department|practice|force|station|base|port|mine|plant|factory|hospital|ward|unit|crew|court|\p{Lu}\p{Ll}+)(?![\p{L}])`;
// "jedynym weterynarzem", "jedyną kobietą", "jedyną piekarnię": the noun (and an adjective before it) is highlighted.
const PL_ONLY_RE = new RegExp(
  String.raw`(?<![\p{L}])[Jj]edyn(?:y|a|e|ym|ą|ego|ej|emu)(?:${SP}\p{Ll}+)?${SP}\p{Ll}+(?:-\p{Ll}+)?(?=${SP}(?:w|we|na)${SP}${PL_WHERE})`,
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
const NOT_PEOPLE = /(?:^|[ \u00a0])(?:rzecz\p{Ll}*|sposob\p{Ll}*|sposób|szans\p{Ll}*|nadziej\p{Ll}*|opcj\p{Ll}*|wyjści\p{Ll}*|miejsc\p{Ll}*|moment\p{Ll}*|raz|razem|czas\p{Ll}*|okazj\p{Ll}*|dzień|dni\p{Ll}*|sesj\p{Ll}*|thing|things|way|time|times|option|chance|place|reason|day|night|session)$/u;

// Offices held by one person in a place: a mayor, a parish priest, a councillor, a member of parliament.
const PL_OFFICE = String.raw`[Ww]ójt(?:a|em|owi|ów)?|[Bb]urmistrz(?:a|em|owi|u)?|[Ss]tarost(?:a|y|ą|ę|ie)|[Ss]ołtys(?:a|em|owi|ie|ka|ki|ką)?|[Pp]robosz(?:cz|cza|czem|czowi|czu)|[Rr]adn(?:y|a|ego|ej|ym|ą|emu)|[Pp]os(?:eł|ła|łem|łowi|łanka|łanki|łanką|łance|łankę)|[Pp]ośle|[Ss]enator(?:a|em|owi|ze|ka|ki|ką)?|[Kk]omendant(?:a|em|owi|ka|ki|ką)?`;
const EN_OFFICE = String.raw`[Mm]ayor|[Vv]icar|[Hh]eadteacher|[Hh]ead${SP}teacher|[Hh]eadmaster|[Hh]eadmistress|[Cc]ouncillor|[Ll]ocal${SP}MP|[Jj]udge`;
// A court has a handful of judges: with the court's town, being one of them is telling.
const JUDGE = String.raw`[Ss]ędzi(?:a|ą|ego|emu|ę)?`;
const OFFICE_RE = new RegExp(String.raw`(?<![\p{L}])(?:${PL_OFFICE}|${EN_OFFICE}|${JUDGE})(?![\p{L}])`, 'gu');
// Offices a few hundred people in the country ever held: telling with no place, once someone holds them ("ojciec był
// posłem trzech kadencji", "her mother was an MP"); "rozmawiała z posłem" says nothing about the client.
const PL_NATIONAL = String.raw`pos(?:łem|łanką)|senator(?:em|ką)|ministr(?:em|ą)|wojewodą|ambasador(?:em|ką)|prezydent(?:em|ką)${SP}miasta`;
const EN_NATIONAL = String.raw`(?:an${SP})?MP|(?:a${SP})?(?:senator|minister|ambassador|member${SP}of${SP}parliament)`;
const NATIONAL_RE = new RegExp(
  String.raw`(?<=(?<![\p{L}])(?:jest|był|była|było|został|została|zostanie|is|was|became|had${SP}been)(?:${SP}\p{Ll}+)?${SP})(?:${PL_NATIONAL}|${EN_NATIONAL})(?![\p{L}])`,
  'gu',
);

// A show, a contest or a game someone was on, named with a capital: "wygrał w Milionerach", "startowała w Mistrzostwach
// Polski", "a contestant on Mastermind", "appeared on Love Island". The verb and the name are highlighted together.
const PL_APPEARED = String.raw`(?:[Ww]ygra\p{Ll}*|[Ww]ystąpi\p{Ll}*|[Ww]ystępowa\p{Ll}*|[Ss]tartowa\p{Ll}*|[Uu]czestnicz\p{Ll}*|[Bb]ra\p{Ll}*${SP}udział)${SP}(?:w|we|na)`;
const EN_APPEARED = String.raw`(?:[Cc]ontestants?|[Aa]ppeared|[Cc]ompeted|[Ww]on|[Ss]tarred|[Ff]eatured)(?:${SP}\p{Ll}+){0,2}?${SP}(?:on|in)(?:${SP}the)?`;
const APPEARED_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:${PL_APPEARED}|${EN_APPEARED})${SP}(\p{Lu}\p{Ll}+(?:${SP}\p{Lu}\p{Ll}+)?)(?![\p{L}])`,
  'gu',
);
// A record that fits one person: "the youngest partner ever", "najmłodszą ordynatorką w historii szpitala".
const RECORD_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:[Tt]he${SP})?(?:youngest|oldest|first)(?:${SP}[\p{Ll}-]+){1,3}?${SP}ever|(?:[Nn]ajmłodsz|[Nn]ajstarsz|[Pp]ierwsz)\p{Ll}+(?:${SP}\p{Ll}+){1,2}?${SP}w${SP}historii)(?![\p{L}])`,
  'gu',
);

/** The place after "the only X in": a place name, and X a person ("jedyna rzecz w Biblii" names no village). */
function onlyPlace(text: string, m: RegExpExecArray): boolean {
  const before = text.slice(Math.max(0, m.index - 60), m.index).replace(/[ \u00a0]+(?:w|we|na|in|on|at)[ \u00a0]+$/u, '');
  return !NOT_PLACE_WORDS.has(m[0].split(/[ \u00a0]/u)[0]!.toLowerCase()) && !NOT_PEOPLE.test(before);
}

/** A show or a contest, not a place ("wygrała w Warszawie"), a country or a holiday ("won in Poland", "w Wigilię"). */
function isShowName(name: string): boolean {
  const first = name.split(/[ \u00a0]/u)[0]!;
  return !NOT_PLACE_WORDS.has(first.toLowerCase()) && !TOWN_FORMS.has(name) && !TOWN_FORMS.has(first);
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
    ...collect(NATIONAL_RE, text, 'rare-detail'),
    ...collect(APPEARED_RE, text, 'rare-detail', (m) => isShowName(m[1]!)),
    ...collect(RECORD_RE, text, 'rare-detail', (m) => !NOT_PEOPLE.test(m[0].replace(/[ \u00a0]+(?:ever|w[ \u00a0]+historii)$/u, ''))),
  ];
}
