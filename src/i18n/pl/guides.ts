// Krótkie prywatne przewodniki otwierane komendą `/guide <temat>` (wersja polska).
//
// Shape and topics come from en/guides.ts. Polish phrases to clients avoid gendered forms (no
// "-łem/-łam", no "Pan/Pani"), so any therapist can say them to any client as written.
import type { Guide, GuideTopic } from '../en/guides.js';

/** The word a Polish member types for each guide (one of GUIDE_ALIASES), shown in the list of guides. */
export const guideWordsPl: Record<GuideTopic, string> = {
  repair: 'naprawa',
  'warning-signs': 'sygnały',
  'micro-habits': 'mikronawyki',
  structure: 'struktura',
  'self-disclosure': 'ujawnianie',
  silence: 'cisza',
  endings: 'zakończenia',
};

export const guidesPl: Record<GuideTopic, Guide> = {
  repair: {
    title: 'Naprawa sojuszu w pięciu krokach',
    intro: 'Napięcie w relacji to nie porażka, tylko informacja. Naprawa to nawyk, a nie jednorazowy gest.',
    steps: [
      '*Nazwij* napięcie spokojnie, bez postawy obronnej — jako obserwację, nie zarzut.',
      '*Uznaj* uczucia klienta, zanim zaczniesz cokolwiek wyjaśniać.',
      '*Zapytaj*, co pomogłoby bardziej, a co było za dużo lub za mało.',
      '*Uzgodnijcie* jedną małą zmianę: tempo, strukturę, proporcję rozmowy i zadań.',
      '*Wróć* do tematu sesję lub dwie później i sprawdź, czy zmiana działa.',
    ],
    phrases: [
      'Mam wrażenie, że coś w naszej ostatniej rozmowie nie zagrało. Możemy się temu razem przyjrzeć?',
      'To zrozumiałe, że to było frustrujące.',
      'Czego w naszej pracy jest za dużo, a czego brakuje?',
      'Może przez kilka najbliższych spotkań zwolnimy i zrobimy mniej ćwiczeń?',
      'Wracam do naszej rozmowy sprzed dwóch tygodni: jak jest teraz z tempem sesji?',
    ],
    note: 'Jeśli naprawa utyka, to dobry temat na superwizję.',
  },

  'warning-signs': {
    title: 'Sygnały ostrzegawcze pęknięcia sojuszu',
    intro: 'Pęknięcie rzadko zaczyna się od otwartego konfliktu. Zwykle najpierw coś cichnie.',
    steps: [
      '*Wczesne sygnały*: mniej kontaktu wzrokowego, krótsze odpowiedzi, spóźnienia, odwołane sesje, „zapomniane” zadanie, ironia, częste „nie wiem”.',
      '*Późniejsze*: otwarta frustracja, chłodne milczenie, inne rozumienie celu, wycofanie z pracy.',
      'Szukaj źródła: rozjazd celów, niezaspokojona potrzeba (ktoś chce wsparcia, a dostaje zadania), pośpiech przy trudnych emocjach, powtórka z innych relacji.',
      'Traktuj sygnał jak _hipotezę_: sprawdź ją z klientem, zamiast interpretować w pojedynkę.',
    ],
    phrases: [
      'Zauważam, że ostatnio odpowiedzi są krótsze. Jak jest teraz w naszych sesjach?',
      'Kilka spotkań ostatnio wypadło. Czy coś w naszej pracy się zmieniło?',
      'Jeśli coś w tym, jak pracujemy, nie pasuje, bardzo chcę o tym wiedzieć.',
    ],
    note: 'Pojedynczy sygnał niewiele znaczy; powtarzający się wzór warto nazwać. Zobacz /guide naprawa.',
  },

  'micro-habits': {
    title: 'Mikronawyki sojuszu',
    intro: 'Małe, powtarzalne ruchy, które budują sojusz w każdej sesji — zanim pojawi się problem.',
    steps: [
      '*Minikontrakt* na początku i co kilka sesji: cel, sposób pracy, spodziewany efekt.',
      '*Sprawdzenie w połowie sesji*: czy idziemy w dobrą stronę?',
      'Odrobinę więcej ciekawości niż pewności.',
      '*Minuta podsumowania* na koniec i zakończenie o czasie, z empatią.',
      'Po sesji 30-sekundowy przegląd (/autocheck), a superwizja jako higiena pracy, nie tylko na kryzys.',
    ],
    phrases: [
      'Nad czym chcemy dziś popracować i po czym poznamy, że to pomaga?',
      'Jesteśmy mniej więcej w połowie. Czy to, co robimy, idzie w dobrą stronę?',
      'Mogę się mylić, więc zapytam: jak to wygląda od środka?',
      'Zanim skończymy: co dziś było najważniejsze, w jednym zdaniu?',
    ],
  },

  structure: {
    title: 'Struktura: ani za dużo, ani za mało',
    intro: 'Za dużo struktury bywa odbierane jako kontrola, za mało — jako błądzenie. Dobra struktura jest wspólna i elastyczna.',
    steps: [
      'Ustal ramę na początku: po co się spotykacie, co robicie w sesjach, po czym poznacie, że to działa.',
      'Obserwuj reakcje: wycofanie i krótkie odpowiedzi mogą znaczyć _za ciasno_, a pytanie „po co to?” — _za luźno_.',
      'Zmiany formy pracy proponuj i pytaj o zgodę, zamiast je ogłaszać.',
      'Co kilka sesji sprawdzajcie razem proporcję rozmowy i zadań.',
    ],
    phrases: [
      'Mam pomysł na ćwiczenie. Najpierw powiem, czemu ma służyć, a potem razem zdecydujemy, czy go spróbować.',
      'Czy dziś lepsza będzie swobodna rozmowa, czy raczej konkretny plan?',
      'Czy takie tempo jest w porządku, czy coś trzeba zmienić?',
    ],
  },

  'self-disclosure': {
    title: 'Ujawnianie siebie',
    intro: 'Mówienie o sobie pomaga tylko wtedy, gdy jest krótkie i służy klientowi.',
    steps: [
      'Zanim coś powiesz, zapytaj siebie: *komu to posłuży?*',
      'Mów krótko — zdanie, najwyżej dwa.',
      'Od razu oddaj przestrzeń i wróć do doświadczenia klienta.',
      'Obserwuj reakcję. Jeśli rozmowa skręciła w Twoją stronę, nazwij to i zawróć.',
    ],
    phrases: [
      'Też znam takie chwile zwątpienia. A jak jest teraz, kiedy o tym mówimy?',
      'Kiedy tego słucham, robi mi się smutno. Co się teraz dzieje w środku?',
      'Odpowiem krótko, a potem chętnie wrócę do tego, skąd to pytanie.',
    ],
    note: 'Silna chęć, żeby powiedzieć o sobie więcej, to dobry temat na superwizję.',
  },

  silence: {
    title: 'Cisza jako narzędzie',
    intro: 'Milczenie może dać uczuciom miejsce — albo zostać odebrane jako chłód czy kara. O różnicy decydują nazwany cel i zgoda.',
    steps: [
      'Nazwij, czemu cisza ma służyć, zanim ją zaproponujesz.',
      'Zaproponuj ją zamiast ogłaszać i zostaw miejsce na _nie_.',
      'Obserwuj: czy to cisza, w której coś się dzieje, czy już napięcie?',
      'Potem zapytaj, jak było w tej ciszy.',
    ],
    phrases: [
      'Może zatrzymamy się na chwilę w ciszy, żeby to mogło wybrzmieć? Czy tak może być?',
      'Nie musimy od razu nic mówić. Jeśli cisza zrobi się niewygodna, proszę dać znać.',
      'Jak było w tej ciszy?',
    ],
    note: 'Długie milczenie ogłoszone jednostronnie może zerwać sojusz, nawet jeśli ma dobry cel.',
  },

  endings: {
    title: 'Zakończenia',
    intro: 'To, jak kończy się sesja — i jak kończy się terapia — zostaje z klientem na długo.',
    steps: [
      'Zostaw minutę na podsumowanie: co dziś było ważne, co dalej.',
      'Kończ o czasie, z empatią — także wtedy, gdy temat jest gorący.',
      'W ostatnich minutach nie otwieraj nowych wątków ani interpretacji przeniesienia; zanotuj je na następny raz.',
      'Koniec terapii planujcie razem, w odniesieniu do celów ustalonych na początku lub w trakcie.',
      'Gdy ktoś kończy terapię wiadomością, odpowiedz ciepło i zostaw otwarte drzwi.',
    ],
    phrases: [
      'Zostały nam trzy minuty. Co z dzisiejszej rozmowy warto zabrać ze sobą?',
      'Widzę, że to ważne i że trudno teraz przerwać. Zacznijmy od tego następnym razem.',
      'Wróćmy do celów z początku naszej pracy: co się zmieniło, a co jeszcze zostało?',
      'Dziękuję za wiadomość i szanuję tę decyzję. Jeśli kiedyś pojawi się potrzeba rozmowy, drzwi są otwarte.',
    ],
  },
};
