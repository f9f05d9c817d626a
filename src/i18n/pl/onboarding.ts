// Polskie słowa pierwszego kontaktu: powitanie po instalacji, przedstawienie się na kanale, konfiguracja.
import type { onboarding as en } from '../en/onboarding.js';
import type { Translation } from '../types.js';

export const onboarding: Translation<typeof en> = {
  'onboarding.welcome.title': '*Dzień dobry — tu Sojusz.* 🌿',
  'onboarding.welcome.body':
    'Pomagam grupie utrzymać spokojny, refleksyjny rytm: cotygodniowe pytanie do namysłu, prywatny 30-sekundowy przegląd po sesji, bezpieczne miejsce na anonimowe omawianie przypadków i przypomnienia o superwizji.',
  'onboarding.welcome.next': 'Jeden następny krok: wpisz `/sojusz setup` — dwa krótkie formularze i grupa rusza.',
  'onboarding.intro.title': '*Cześć, jestem Sojusz.*',
  'onboarding.intro.body':
    'Wspieram praktykę refleksyjną: cotygodniowe pytania, anonimowe przypadki, przypomnienia o superwizji. Niczego tu nie czytam, jeśli nikt mnie o to nie poprosił, i nigdy nie pokazuję niczyich prywatnych odpowiedzi.',
  'onboarding.intro.roles':
    'Osoba prowadząca może nadać temu kanałowi rolę przez `/sojusz setup` albo bezpośrednio: `/reflect schedule #kanał piątek 09:00`, `/sojusz team case-channel #kanał`, `/supervision schedule #kanał poniedziałek 18:00`.',
};
