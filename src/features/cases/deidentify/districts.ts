// Districts and estates of the big Polish cities ("na Mokotowie", "z Nowej Huty", "we Wrzeszczu"): read with the
// towns (towns.ts), since a district narrows a client down at least as much as a small town does.

/**
 * One district a line, forms separated by "|" as in towns.ts (nominative, genitive, locative, instrumental…, as far
 * as they differ). Left out on purpose: districts that are mostly everyday words or names even mid-sentence ("Wola",
 * "Wesoła", "Górna", "Polesie", "Kazimierz", "Łazarz", "Grunwald", "Czechów", "Włochy"); "Wola" still counts after
 * "mieszka na" (localities.ts).
 */
export const DISTRICTS = `
Mokotów|Mokotowa|Mokotowie|Mokotowem
Ursynów|Ursynowa|Ursynowie|Ursynowem
Wilanów|Wilanowa|Wilanowie|Wilanowem
Bemowo|Bemowa|Bemowie|Bemowem
Bielany|Bielan|Bielanach|Bielanami
Białołęka|Białołęki|Białołęce|Białołękę
Bródno|Bródna|Bródnie
Targówek|Targówka|Targówku|Targówkiem
Żoliborz|Żoliborza|Żoliborzu|Żoliborzem
Ochota|Ochoty|Ochocie|Ochotę
Wawer|Wawra|Wawrze
Rembertów|Rembertowa|Rembertowie
Ursus|Ursusa|Ursusie
Gocław|Gocławia|Gocławiu
Tarchomin|Tarchomina|Tarchominie
Kabaty|Kabat|Kabatach
Natolin|Natolina|Natolinie
Grochów|Grochowa|Grochowie
Saska Kępa|Saskiej Kępy|Saskiej Kępie|Saską Kępę
Powiśle|Powiśla|Powiślu
Muranów|Muranowa|Muranowie
Stegny|Stegien|Stegnach
Sadyba|Sadyby|Sadybie
Służewiec|Służewca|Służewcu
Chomiczówka|Chomiczówki|Chomiczówce
Jelonki|Jelonek|Jelonkach
Nowa Huta|Nowej Huty|Nowej Hucie|Nową Hutę|Nową Hutą
Krowodrza|Krowodrzy|Krowodrzę
Podgórze|Podgórza|Podgórzu
Prądnik|Prądnika|Prądniku
Bronowice|Bronowic|Bronowicach
Kurdwanów|Kurdwanowa|Kurdwanowie
Ruczaj|Ruczaju
Bieżanów|Bieżanowa|Bieżanowie
Salwator|Salwatora|Salwatorze
Zabłocie|Zabłocia|Zabłociu
Grzegórzki|Grzegórzek|Grzegórzkach
Łagiewniki|Łagiewnik|Łagiewnikach
Wrzeszcz|Wrzeszcza|Wrzeszczu
Oliwa|Oliwy|Oliwie
Przymorze|Przymorza|Przymorzu
Zaspa|Zaspy|Zaspie
Orunia|Orunii
Brzeźno|Brzeźna|Brzeźnie
Morena|Moreny|Morenie
Chylonia|Chyloni|Chylonii
Oksywie|Oksywia
Obłuże|Obłuża|Obłużu
Krzyki|Krzyków|Krzykach
Psie Pole|Psiego Pola|Psim Polu
Biskupin|Biskupina|Biskupinie
Nadodrze|Nadodrza|Nadodrzu
Karłowice|Karłowic|Karłowicach
Gądów|Gądowa|Gądowie
Kozanów|Kozanowa|Kozanowie
Jagodno|Jagodna|Jagodnie
Jeżyce|Jeżyc|Jeżycach
Wilda|Wildy|Wildzie
Rataje|Rataj|Ratajach
Winogrady|Winograd|Winogradach
Piątkowo|Piątkowa|Piątkowie
Bałuty|Bałut|Bałutach
Widzew|Widzewa|Widzewie
Retkinia|Retkini|Retkinię
Teofilów|Teofilowa|Teofilowie
Pogodno|Pogodna|Pogodnie
Ligota|Ligoty|Ligocie
Nikiszowiec|Nikiszowca|Nikiszowcu
Giszowiec|Giszowca|Giszowcu
Fordon|Fordonu|Fordonie
`;

/**
 * District forms that are also everyday words ("ochota" eagerness, "krzyki" shouts, "zaspa" a snowdrift, "pogodnie"
 * cheerfully, "podgórze" foothills): as with towns, these count only in the middle of a sentence.
 */
export const DISTRICTS_AMBIGUOUS_AT_SENTENCE_START: readonly string[] = [
  'Ochota', 'Ochoty', 'Ochocie', 'Ochotę', 'Podgórze', 'Oliwa', 'Oliwy', 'Zaspa', 'Zaspy', 'Zaspie', 'Krzyki',
  'Krzyków', 'Winogrady', 'Piątkowa', 'Pogodnie', 'Pogodna', 'Jelonki', 'Ruczaj', 'Morena',
];
