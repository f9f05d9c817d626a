// The built-in library of reflection prompts about the therapeutic alliance, in Polish and English.
//
// Each prompt is one open question about the member's own recent practice, answerable in a few
// sentences. None asks for anything that could identify a client. Polish is written with "Ty" and
// without gendered past-tense forms (no "-łem/-łam", "-łeś/-łaś"), so it fits every member.
// Ids are stable: schedules and history refer to them, so never renumber — only append.
import { wordLookup } from '../../i18n/lookup.js';

export const THEMES = [
  'goals',
  'tasks',
  'bond',
  'qualities',
  'technique',
  'disclosure-silence',
  'ruptures',
  'repair',
  'micro-habits',
  'success-failure',
  'shared-responsibility',
  'self-care',
] as const;

export type Theme = (typeof THEMES)[number];

export interface LibraryPrompt {
  id: string;
  theme: Theme;
  pl: string;
  en: string;
}

export const PROMPT_LIBRARY: readonly LibraryPrompt[] = [
  // Goals: Bordin's "why we meet" — is the goal shared, named, still current?
  {
    id: 'goals-01',
    theme: 'goals',
    pl: 'Wybierz jedną osobę, z którą teraz pracujesz. Gdyby każde z was opisało wasz wspólny cel jednym zdaniem, jak brzmiałyby te dwa zdania i gdzie mogłyby się rozjechać?',
    en: 'Pick one person you’re working with now. If each of you described your shared goal in a single sentence, what would the two sentences say — and where might they part ways?',
  },
  {
    id: 'goals-02',
    theme: 'goals',
    pl: 'Kiedy ostatnio w Twojej pracy wróciła rozmowa o celu terapii — nie na początku, tylko w trakcie? Co się w tym celu zmieniło od pierwszych spotkań?',
    en: 'When did a conversation about the goal of therapy last come up in your work — not at the start, but along the way? How has the goal changed since the first sessions?',
  },
  {
    id: 'goals-03',
    theme: 'goals',
    pl: 'Czy jest ktoś, z kim pracujesz od dłuższego czasu bez wyraźnie nazwanego celu? Co podtrzymuje tę pracę i jak można by ten cel wspólnie nazwać na najbliższej sesji?',
    en: 'Is there someone you’ve been seeing for a while without a clearly named goal? What keeps the work going, and how might the two of you put a goal into words at your next session?',
  },
  {
    id: 'goals-04',
    theme: 'goals',
    pl: 'Pomyśl o kimś, dla kogo masz w głowie inny cel niż ten, z którym ta osoba przychodzi. Po czym tę różnicę widać w sesjach i co z nią robisz?',
    en: 'Think of a client for whom you quietly hold a different goal than the one they came with. How does that gap show in sessions, and what do you do with it?',
  },
  {
    id: 'goals-05',
    theme: 'goals',
    pl: 'Jak w Twojej praktyce wygląda rozmowa o celu na pierwszych konsultacjach? Co w niej działa, a co chcesz robić inaczej?',
    en: 'What does the conversation about goals look like in your first consultations? What works in it, and what would you like to do differently?',
  },
  {
    id: 'goals-06',
    theme: 'goals',
    pl: 'Po czym klient może poznać, że zbliża się do celu? Przy jednej osobie, z którą pracujesz: czy jest między wami umowa, po czym oboje to rozpoznacie?',
    en: 'How would a client know they’re getting closer to their goal? With one person you see: is there an agreement between you about how you’ll both recognise it?',
  },
  {
    id: 'goals-07',
    theme: 'goals',
    pl: 'Czy w ostatnich tygodniach cel którejś z Twoich terapii po cichu się przesunął? Czy ta zmiana została już nazwana na głos, czy jeszcze na to czeka?',
    en: 'Has the goal of one of your therapies quietly shifted in recent weeks? Has the shift been said out loud yet, or is it still waiting to be?',
  },

  // Tasks: what we do in sessions to get there, and whether it was agreed (micro-contracts).
  {
    id: 'tasks-01',
    theme: 'tasks',
    pl: 'Weź ostatnią interwencję, z którą wychodzisz do klienta: ćwiczenie, zadanie domowe, zmianę kierunku rozmowy. Czy ta osoba wiedziała, czemu to ma służyć, i czy mogła realnie odmówić?',
    en: 'Take the last intervention you offered a client — an exercise, homework, a change of direction. Did they know what it was for, and could they really have said no?',
  },
  {
    id: 'tasks-02',
    theme: 'tasks',
    pl: 'Skąd Twoi klienci wiedzą, na czym polega praca w sesjach? Co z tego mówisz wprost, a co zakładasz, że jest oczywiste?',
    en: 'How do your clients find out what the work in sessions involves? What do you say explicitly, and what do you assume is obvious?',
  },
  {
    id: 'tasks-03',
    theme: 'tasks',
    pl: 'Czy w którejś terapii zadania domowe wracają niezrobione? Co to może mówić o waszej umowie co do sposobu pracy — a nie tylko o motywacji klienta?',
    en: 'In any of your therapies, does homework keep coming back undone? What might that say about your agreement on how you work — not just about the client’s motivation?',
  },
  {
    id: 'tasks-04',
    theme: 'tasks',
    pl: 'Czy Twoi klienci wiedzą, że mogą powiedzieć: „to mi nie pomaga”? Skąd mieliby to wiedzieć?',
    en: 'Do your clients know they can say “this isn’t helping me”? How would they know?',
  },
  {
    id: 'tasks-05',
    theme: 'tasks',
    pl: 'Jakie jedno zdanie mogłoby w Twojej sesji zamienić narzuconą interwencję w zaproszenie? Wypróbuj je na przykładzie z ostatnich dni.',
    en: 'What one sentence could turn an imposed intervention into an invitation in your sessions? Try it out on an example from the past few days.',
  },
  {
    id: 'tasks-06',
    theme: 'tasks',
    pl: 'Rozmowa czy zadania — czego jest teraz więcej w Twojej pracy z jedną wybraną osobą? Czy ta proporcja jest ustalona razem, czy raczej sama się ułożyła?',
    en: 'Talking or tasks — which is there more of in your work with one particular client right now? Was that balance agreed together, or did it just happen?',
  },

  // Bond: trust, warmth, being on the same side.
  {
    id: 'bond-01',
    theme: 'bond',
    pl: 'Przy kim jest Ci teraz w sesjach najtrudniej o ciepło? Co się w Tobie dzieje, kiedy ta osoba siada naprzeciwko?',
    en: 'With which client is warmth hardest for you at the moment? What happens in you when they sit down across from you?',
  },
  {
    id: 'bond-02',
    theme: 'bond',
    pl: 'Po czym poznajesz, że ktoś ufa Ci trochę bardziej niż miesiąc temu? Jakie drobne oznaki zaufania widać ostatnio w Twoich sesjach?',
    en: 'How can you tell a client trusts you a little more than they did a month ago? What small signs of trust have you noticed in your sessions lately?',
  },
  {
    id: 'bond-03',
    theme: 'bond',
    pl: 'Czy jest ktoś, z kim masz poczucie, że stoicie po dwóch stronach stołu, a nie po jednej? Co mogłoby was przesunąć na tę samą stronę?',
    en: 'Is there a client with whom it feels like you’re on opposite sides of the table rather than the same side? What might move you both onto the same side?',
  },
  {
    id: 'bond-04',
    theme: 'bond',
    pl: 'Jakie jedno drobne zachowanie w sesji najlepiej pokazuje klientom, że są dla Ciebie ważni? Czy robisz to równie często przy wszystkich?',
    en: 'What one small thing you do in sessions shows clients most clearly that they matter to you? Do you do it as often with everyone?',
  },
  {
    id: 'bond-05',
    theme: 'bond',
    pl: 'Pomyśl o kimś, kto Cię ostatnio irytuje albo nudzi. Co ta reakcja może mówić o waszej relacji — i co z nią robisz, zanim trafi do sesji?',
    en: 'Think of a client who has been irritating or boring you lately. What might that reaction say about your relationship, and what do you do with it before it reaches the session?',
  },
  {
    id: 'bond-06',
    theme: 'bond',
    pl: 'Jak przewidywalna rama — punktualność, stałe godziny, jasne zasady odwoływania — wpływa na więź z osobami, z którymi pracujesz? Gdzie ta rama ostatnio się zachwiała?',
    en: 'How does a predictable frame — starting on time, regular slots, clear cancellation rules — shape the bond with your clients? Where has that frame wobbled lately?',
  },

  // Qualities: the therapist traits research ties to stronger or weaker alliances.
  {
    id: 'qualities-01',
    theme: 'qualities',
    pl: 'Czy w ostatniej sesji była w Tobie ciekawość? W którym momencie było jej najwięcej, a kiedy jej miejsce zajęła pewność?',
    en: 'Was there curiosity in you during your last session? When was it strongest, and when did certainty take its place?',
  },
  {
    id: 'qualities-02',
    theme: 'qualities',
    pl: 'Kiedy ostatnio dopasowanie tempa albo stylu do klienta przyszło Ci łatwo, a kiedy z trudem? Od czego zależała ta różnica?',
    en: 'When did adapting your pace or style to a client come easily recently, and when was it a struggle? What made the difference?',
  },
  {
    id: 'qualities-03',
    theme: 'qualities',
    pl: 'Czy w którejś z ostatnich sesji pośpiech albo napięcie mogły być widoczne dla klienta? Jak to mogło wyglądać z drugiego fotela?',
    en: 'In any recent session, might your hurry or tension have been visible to the client? What might it have looked like from the other chair?',
  },
  {
    id: 'qualities-04',
    theme: 'qualities',
    pl: 'Kiedy teoria pomaga Ci myśleć, a kiedy staje się miejscem, w którym chowa się niepewność? Masz przykład z ostatnich tygodni?',
    en: 'When does theory help you think, and when does it become a place for uncertainty to hide? Is there an example from the past few weeks?',
  },
  {
    id: 'qualities-05',
    theme: 'qualities',
    pl: 'Czy któreś z Twoich zdań w tym tygodniu mogło zabrzmieć oceniająco albo umniejszająco, nawet jeśli nie takie było zamierzenie? Jak można by je powiedzieć inaczej?',
    en: 'Could anything you said this week have sounded judging or belittling, even if that wasn’t the intent? How could it be said differently?',
  },
  {
    id: 'qualities-06',
    theme: 'qualities',
    pl: 'Co pomaga Ci przyznać się przed klientem do pomyłki? A co sprawia, że to trudne?',
    en: 'What helps you admit a mistake to a client? And what makes it hard?',
  },
  {
    id: 'qualities-07',
    theme: 'qualities',
    pl: 'Gdzie przebiega u Ciebie granica między konsekwencją a sztywnością? Po czym poznajesz, że trzymanie się planu przestało służyć klientowi?',
    en: 'Where is the line for you between consistency and rigidity? How do you know that sticking to the plan has stopped serving the client?',
  },

  // Technique: how structure, interpretations and wording can help or hurt the alliance.
  {
    id: 'technique-01',
    theme: 'technique',
    pl: 'W której z Twoich terapii jest teraz za dużo struktury, a w której za mało? Po czym klient daje Ci to poznać?',
    en: 'In which of your therapies is there too much structure right now, and in which too little? How does the client let you know?',
  },
  {
    id: 'technique-02',
    theme: 'technique',
    pl: 'Przypomnij sobie interpretację, która trafiła w zły moment — za wcześnie, w ostatnich minutach sesji albo w środku silnych emocji. Jak wyglądałby lepszy moment?',
    en: 'Recall an interpretation that landed at the wrong moment — too early, in the last minutes of a session, or in the middle of strong feelings. What would a better moment have looked like?',
  },
  {
    id: 'technique-03',
    theme: 'technique',
    pl: 'Czy zdarza Ci się powiedzieć coś w rodzaju „to nic takiego” albo „każdy tak ma”? W jakich chwilach takie zdania się pojawiają i co mogłoby je zastąpić?',
    en: 'Do phrases like “it’s nothing” or “everyone feels that way” ever slip out? When do they tend to come up, and what could you say instead?',
  },
  {
    id: 'technique-04',
    theme: 'technique',
    pl: 'Wybierz technikę, po którą sięgasz najczęściej. Komu ostatnio nie posłużyła i co podpowiedziało Ci, że czas coś zmienić?',
    en: 'Pick the technique you reach for most often. Who has it not served lately, and what told you it was time to change something?',
  },
  {
    id: 'technique-05',
    theme: 'technique',
    pl: 'Jak zapowiadasz klientowi zmianę sposobu pracy — nowe ćwiczenie, inną formę sesji, dłuższą pauzę? Co w tej zapowiedzi pomaga, a czego w niej brakuje?',
    en: 'How do you introduce a change of approach to a client — a new exercise, a different format, a longer pause? What in the way you introduce it helps, and what’s missing?',
  },
  {
    id: 'technique-06',
    theme: 'technique',
    pl: 'Czy w którejś z ostatnich sesji technika prowadziła bardziej niż klient? Jak ta osoba na to reagowała?',
    en: 'Was there a recent session where the technique led more than the client did? How did they respond?',
  },

  // Self-disclosure and silence: short and for the client; silence with a named purpose.
  {
    id: 'disclosure-silence-01',
    theme: 'disclosure-silence',
    pl: 'Kiedy ostatnio w sesji pojawiło się coś z Twojego życia? Komu to służyło — klientowi czy Tobie?',
    en: 'When did something from your own life last come up in a session? Whom did it serve — the client or you?',
  },
  {
    id: 'disclosure-silence-02',
    theme: 'disclosure-silence',
    pl: 'Jaką masz osobistą zasadę mówienia o sobie w gabinecie? Czy coś w ostatnich tygodniach wystawiło ją na próbę?',
    en: 'What’s your personal rule about talking about yourself in the room? Has anything put it to the test in recent weeks?',
  },
  {
    id: 'disclosure-silence-03',
    theme: 'disclosure-silence',
    pl: 'Jak krótko potrafisz powiedzieć coś o sobie, żeby od razu oddać przestrzeń klientowi? Przypomnij sobie przykład, który się udał.',
    en: 'How briefly can you share something about yourself and hand the space straight back to the client? Recall an example that worked.',
  },
  {
    id: 'disclosure-silence-04',
    theme: 'disclosure-silence',
    pl: 'Czy cisza w Twoich sesjach ma nazwany cel? Skąd klient wie, po co milczycie?',
    en: 'Does silence in your sessions have a named purpose? How does the client know what the silence is for?',
  },
  {
    id: 'disclosure-silence-05',
    theme: 'disclosure-silence',
    pl: 'Przypomnij sobie milczenie, które przestało być pracą i zamieniło się w napięcie. Co mogłoby pomóc je nazwać albo przerwać?',
    en: 'Recall a silence that stopped being work and turned into tension. What might have helped to name it or break it?',
  },
  {
    id: 'disclosure-silence-06',
    theme: 'disclosure-silence',
    pl: 'Kiedy cisza w sesji jest dla Ciebie najtrudniejsza do wytrzymania? Czym ją wtedy wypełniasz i komu to pomaga?',
    en: 'When is silence in a session hardest for you to sit with? What do you fill it with, and who does that help?',
  },

  // Ruptures: where strain comes from and its early and late signs.
  {
    id: 'ruptures-01',
    theme: 'ruptures',
    pl: 'Czy ktoś w ostatnich tygodniach zaczął się spóźniać, odwoływać sesje albo zapominać o ustaleniach? Jaką hipotezę o waszej relacji to podsuwa?',
    en: 'Has a client started arriving late, cancelling, or forgetting what you agreed in recent weeks? What hypothesis about your relationship does that suggest?',
  },
  {
    id: 'ruptures-02',
    theme: 'ruptures',
    pl: 'Krótsze odpowiedzi, ironia, coraz częstsze „nie wiem” — który z tych drobnych sygnałów najłatwiej Ci przeoczyć? Co pomogłoby go wyłapać?',
    en: 'Shorter answers, irony, more and more “I don’t know” — which of these small signs are you most likely to miss? What would help you catch it?',
  },
  {
    id: 'ruptures-03',
    theme: 'ruptures',
    pl: 'Pomyśl o sesji, po której coś zostało niedomknięte. Skąd mogło wziąć się to napięcie: z rozjazdu celów, z niezaspokojonej potrzeby, z pośpiechu przy trudnych emocjach?',
    en: 'Think of a session that left something unresolved. Where might the tension have come from: diverging goals, an unmet need, or rushing past hard feelings?',
  },
  {
    id: 'ruptures-04',
    theme: 'ruptures',
    pl: 'Czy w którejś relacji terapeutycznej powtarza się scenariusz, który klient zna z innych relacji? Jaka rola przypada w nim Tobie?',
    en: 'Is a pattern the client knows from other relationships replaying itself between the two of you? What role does it hand to you?',
  },
  {
    id: 'ruptures-05',
    theme: 'ruptures',
    pl: 'Jak to wygląda, kiedy ktoś potrzebuje przede wszystkim wysłuchania, a dostaje zadania? Czy rozpoznajesz taki moment z ostatnich sesji?',
    en: 'What does it look like when a client mostly needs to be heard and gets tasks instead? Do you recognise a moment like that from recent sessions?',
  },
  {
    id: 'ruptures-06',
    theme: 'ruptures',
    pl: 'Jaki sygnał ostrzegawczy dostrzegasz dopiero teraz, z perspektywy czasu? Co wtedy zajmowało Twoją uwagę?',
    en: 'What warning sign can you only see now, looking back? What had your attention at the time?',
  },
  {
    id: 'ruptures-07',
    theme: 'ruptures',
    pl: 'Złość, wstyd, żal — przy której z tych emocji najłatwiej Ci przyspieszyć sesję? Co się wtedy w Tobie dzieje?',
    en: 'Anger, shame, grief — which of these makes you most likely to hurry a session along? What’s going on in you at that point?',
  },

  // Repair: the five-step habit — name, validate, ask, agree a change, follow up.
  {
    id: 'repair-01',
    theme: 'repair',
    pl: 'Jak brzmi Twoje zdanie na spokojne, niedefensywne nazwanie napięcia w sesji? Zapisz je tak, jak naprawdę mogłoby paść.',
    en: 'What’s your sentence for naming tension in a session calmly and without getting defensive? Write it the way you’d actually say it.',
  },
  {
    id: 'repair-02',
    theme: 'repair',
    pl: 'Kiedy ostatnio udało Ci się uznać niezadowolenie klienta, zanim pojawiły się wyjaśnienia? Co w tym pomogło?',
    en: 'When did you last manage to acknowledge a client’s dissatisfaction before any explaining started? What helped?',
  },
  {
    id: 'repair-03',
    theme: 'repair',
    pl: 'Czy pytasz klientów, co w pracy było dla nich za dużo, a czego za mało? Jak to pytanie brzmi w Twoich ustach?',
    en: 'Do you ask clients what in the work has been too much for them, and what too little? How does that question sound in your own words?',
  },
  {
    id: 'repair-04',
    theme: 'repair',
    pl: 'Jaka mała zmiana została uzgodniona po ostatniej rozmowie o napięciu — tempo, struktura, proporcja rozmowy i zadań? Czy widać ją w kolejnych sesjach?',
    en: 'After the last conversation about tension, what small change was agreed — pace, structure, the balance of talk and tasks? Can you see it in the sessions since?',
  },
  {
    id: 'repair-05',
    theme: 'repair',
    pl: 'Czy wracasz do naprawy sesję lub dwie później? Jak mogłoby brzmieć takie pytanie kontrolne na Twojej najbliższej sesji?',
    en: 'Do you come back to a repair a session or two later? What might that follow-up question sound like in your next session?',
  },
  {
    id: 'repair-06',
    theme: 'repair',
    pl: 'Który krok naprawy jest dla Ciebie najtrudniejszy: nazwanie napięcia, uznanie uczuć, pytanie o potrzeby, uzgodnienie zmiany czy powrót do tematu? Dlaczego właśnie ten?',
    en: 'Which step of repair is hardest for you: naming the tension, validating the feeling, asking what’s needed, agreeing a change, or following up? Why that one?',
  },
  {
    id: 'repair-07',
    theme: 'repair',
    pl: 'Czy jest napięcie, które wciąż czeka na nazwanie? Co musiałoby się wydarzyć, żeby poruszyć je na najbliższej sesji?',
    en: 'Is there a tension still waiting to be named? What would need to happen for you to raise it at the next session?',
  },

  // Micro-habits: small repeated moves — mini-contract, mid-session check-in, summary, ending on time.
  {
    id: 'micro-habits-01',
    theme: 'micro-habits',
    pl: 'Czy na początku sesji umawiasz się z klientem, nad czym dziś pracujecie i po co? Jak taki minikontrakt wyglądał ostatnio?',
    en: 'Do you agree with the client at the start of a session what you’ll work on today, and why? What did that mini-contract look like recently?',
  },
  {
    id: 'micro-habits-02',
    theme: 'micro-habits',
    pl: 'Czy w połowie sesji pada u Ciebie pytanie w rodzaju „czy idziemy w dobrą stronę?”? Co się dzieje, kiedy je zadajesz?',
    en: 'Do you ask something like “are we heading the right way?” halfway through a session? What happens when you do?',
  },
  {
    id: 'micro-habits-03',
    theme: 'micro-habits',
    pl: 'Jak kończą się Twoje sesje: krótkim podsumowaniem, w biegu, po czasie? Co chcesz zmienić w ostatniej minucie spotkania?',
    en: 'How do your sessions end: with a short summary, in a rush, running over? What would you like to change about the last minute?',
  },
  {
    id: 'micro-habits-04',
    theme: 'micro-habits',
    pl: 'Który drobny nawyk sesyjny wypadł Ci ostatnio z rutyny? Co pomogłoby go przywrócić?',
    en: 'Which small in-session habit has slipped out of your routine lately? What would help bring it back?',
  },
  {
    id: 'micro-habits-05',
    theme: 'micro-habits',
    pl: 'Jak często odnawiasz z klientami umowę co do celu i sposobu pracy — co kilka sesji czy dopiero wtedy, gdy coś zgrzyta?',
    en: 'How often do you renew the agreement on goals and ways of working with clients — every few sessions, or only when something starts to grate?',
  },
  {
    id: 'micro-habits-06',
    theme: 'micro-habits',
    pl: 'Jeden mikronawyk na przyszły tydzień: który wybierasz i przy kim chcesz go wypróbować najpierw?',
    en: 'One micro-habit for next week: which do you choose, and with whom will you try it first?',
  },
  {
    id: 'micro-habits-07',
    theme: 'micro-habits',
    pl: 'Co robisz w pierwszej minucie po sesji? Czy jest w niej miejsce na krótki przegląd: ciekawość, elastyczność, coś oceniającego, temat na superwizję?',
    en: 'What do you do in the first minute after a session? Is there room in it for a quick check: curiosity, flexibility, anything judging, something for supervision?',
  },

  // Success and failure: measured against agreed goals; dips, dropouts, the failures rarely told.
  {
    id: 'success-failure-01',
    theme: 'success-failure',
    pl: 'Po czym w Twojej pracy poznajesz, że terapia się udaje? Czy to miara uzgodniona z klientem, czy raczej Twoja własna?',
    en: 'How do you tell that a therapy is going well? Is that a measure agreed with the client, or more your own?',
  },
  {
    id: 'success-failure-02',
    theme: 'success-failure',
    pl: 'Czy ktoś, z kim pracujesz, czuje się teraz gorzej? Co pomaga Ci odróżnić przejściowe pogorszenie przy trudnych uczuciach od sygnału, że coś idzie nie tak?',
    en: 'Is someone you work with feeling worse right now? What helps you tell a passing dip while facing hard feelings from a sign that something is going wrong?',
  },
  {
    id: 'success-failure-03',
    theme: 'success-failure',
    pl: 'Pomyśl o terapii, która skończyła się przedwcześnie. Jakie przyczyny widzisz dziś: impas, przeniesienie, błędy na pierwszych konsultacjach, słabe dopasowanie? Co z tego zabierasz dalej?',
    en: 'Think of a therapy that ended too early. What causes can you see now: a deadlock, transference, mistakes in the first consultations, a poor fit? What do you take forward from it?',
  },
  {
    id: 'success-failure-04',
    theme: 'success-failure',
    pl: 'O której zawodowej porażce najtrudniej byłoby Ci opowiedzieć w grupie? Nie musisz jej opisywać — co sprawia, że tak trudno ją przynieść?',
    en: 'Which professional failure would be hardest for you to bring to the group? You don’t need to describe it — what makes it so hard to bring?',
  },
  {
    id: 'success-failure-05',
    theme: 'success-failure',
    pl: 'Jak reagujesz, gdy ktoś kończy terapię wiadomością tekstową? Co chcesz wtedy powiedzieć, a co faktycznie piszesz?',
    en: 'How do you respond when someone ends therapy by text message? What do you want to say, and what do you actually write?',
  },
  {
    id: 'success-failure-06',
    theme: 'success-failure',
    pl: 'Jaki mały sukces z ostatnich tygodni łatwo przeoczyć? Ile w nim zasługi klienta, a ile waszej wspólnej pracy?',
    en: 'What small success from recent weeks is easy to overlook? How much of it is the client’s doing, and how much your shared work?',
  },

  // Shared responsibility: therapy as a relationship where the client participates and carries part.
  {
    id: 'shared-responsibility-01',
    theme: 'shared-responsibility',
    pl: 'Czy jest ktoś, o czyjej terapii myślisz między sesjami więcej niż ta osoba? Co to mówi o podziale pracy między wami?',
    en: 'Is there someone whose therapy you think about between sessions more than they seem to? What does that say about how the work is shared?',
  },
  {
    id: 'shared-responsibility-02',
    theme: 'shared-responsibility',
    pl: 'W której terapii niesiesz teraz więcej, niż do Ciebie należy? Co mogłoby wrócić do klienta — z szacunkiem i bez odbierania wsparcia?',
    en: 'In which therapy are you carrying more than your share right now? What could go back to the client — respectfully, and without taking support away?',
  },
  {
    id: 'shared-responsibility-03',
    theme: 'shared-responsibility',
    pl: 'Jak brzmi w Twoich sesjach zaproszenie klienta do współdecydowania o tempie, tematach i sposobie pracy? Kiedy ostatnio padło?',
    en: 'What does inviting a client to co-decide pace, topics and ways of working sound like in your sessions? When did you last make that invitation?',
  },
  {
    id: 'shared-responsibility-04',
    theme: 'shared-responsibility',
    pl: 'Gdzie w jednej z Twoich obecnych terapii przebiega granica między wspieraniem a wyręczaniem? Po czym poznajesz, że została przekroczona?',
    en: 'In one of your current therapies, where is the line between supporting the client and doing it for them? How do you know when it’s been crossed?',
  },
  {
    id: 'shared-responsibility-05',
    theme: 'shared-responsibility',
    pl: 'Jakie prośby o kontakt między sesjami pojawiają się u Ciebie ostatnio? Co w Twojej odpowiedzi wzmacnia samodzielność klienta?',
    en: 'What requests for contact between sessions have come your way lately? What in your response strengthens the client’s own agency?',
  },
  {
    id: 'shared-responsibility-06',
    theme: 'shared-responsibility',
    pl: 'Co wnosi do terapii osoba, z którą pracujesz, czego nikt inny by nie wniósł? Czy czasem słyszy to od Ciebie?',
    en: 'What does a client bring to the work that no one else could? Do they ever hear that from you?',
  },

  // Self-care: the therapist's own load, rhythm, and supervision as routine hygiene.
  {
    id: 'self-care-01',
    theme: 'self-care',
    pl: 'Z czym z ostatnich tygodni chcesz pójść na superwizję — zanim zrobi się z tego kryzys?',
    en: 'What from the past few weeks would you like to take to supervision — before it turns into a crisis?',
  },
  {
    id: 'self-care-02',
    theme: 'self-care',
    pl: 'Co pozwala Ci zostawić sesje w gabinecie, kiedy kończysz dzień? Co ostatnio wracało z Tobą do domu?',
    en: 'What lets you leave sessions in the room at the end of the day? What has been coming home with you lately?',
  },
  {
    id: 'self-care-03',
    theme: 'self-care',
    pl: 'Po czym poznajesz, że zmęczenie zaczyna wpływać na Twoją pracę z klientami? Jak to wygląda w tym tygodniu?',
    en: 'How do you know when tiredness is starting to affect your work with clients? How is that this week?',
  },
  {
    id: 'self-care-04',
    theme: 'self-care',
    pl: 'Jak wygląda Twoja przerwa między sesjami? To prawdziwy oddech czy raczej nadrabianie zaległości?',
    en: 'What does the gap between your sessions look like? A real breather, or catching up on everything else?',
  },
  {
    id: 'self-care-05',
    theme: 'self-care',
    pl: 'Czy superwizja ma w Twoim kalendarzu stałe miejsce, czy pojawia się dopiero wtedy, gdy coś się sypie? Co pomogłoby zrobić z niej rutynę?',
    en: 'Does supervision have a fixed place in your calendar, or does it only appear when things fall apart? What would help make it routine?',
  },
  {
    id: 'self-care-06',
    theme: 'self-care',
    pl: 'Co w ostatnim czasie dawało Ci w pracy radość albo satysfakcję? Gdzie można by szukać tego częściej?',
    en: 'What has given you joy or satisfaction in your work recently? Where could you find more of it?',
  },
  {
    id: 'self-care-07',
    theme: 'self-care',
    pl: 'Praca w pojedynkę bywa samotna. Z kim możesz porozmawiać o trudnej sesji jeszcze tego samego dnia albo następnego?',
    en: 'Working on your own can be lonely. Who could you talk to about a hard session the same day or the next?',
  },
];

/** Short display names for each theme, e.g. in a facilitator's theme picker. */
export const THEME_NAMES: Record<Theme, { pl: string; en: string }> = {
  goals: { pl: 'Cele', en: 'Goals' },
  tasks: { pl: 'Zadania i sposób pracy', en: 'Tasks' },
  bond: { pl: 'Więź', en: 'Bond' },
  qualities: { pl: 'Cechy terapeuty', en: 'Therapist qualities' },
  technique: { pl: 'Technika', en: 'Technique' },
  'disclosure-silence': { pl: 'Ujawnianie siebie i cisza', en: 'Self-disclosure and silence' },
  ruptures: { pl: 'Pęknięcia sojuszu', en: 'Ruptures' },
  repair: { pl: 'Naprawa', en: 'Repair' },
  'micro-habits': { pl: 'Mikronawyki', en: 'Micro-habits' },
  'success-failure': { pl: 'Sukces i porażka', en: 'Success and failure' },
  'shared-responsibility': { pl: 'Wspólna odpowiedzialność', en: 'Shared responsibility' },
  'self-care': { pl: 'Dbanie o siebie', en: 'Self-care' },
};

/**
 * Words a member may type to pick a theme. Keys may carry Polish diacritics; lookup folds them,
 * so "więź", "wiez" and "WIĘŹ" all work. Multi-word keys use hyphens (spaces are folded to hyphens).
 */
export const THEME_ALIASES: Record<string, Theme> = {
  goals: 'goals', goal: 'goals', cele: 'goals', cel: 'goals',
  tasks: 'tasks', task: 'tasks', zadania: 'tasks', zadanie: 'tasks',
  bond: 'bond', 'więź': 'bond', wiez: 'bond', 'więzi': 'bond', wiezi: 'bond',
  qualities: 'qualities', traits: 'qualities', cechy: 'qualities', 'cechy-terapeuty': 'qualities', postawa: 'qualities',
  technique: 'technique', techniques: 'technique', technika: 'technique', techniki: 'technique',
  'disclosure-silence': 'disclosure-silence', disclosure: 'disclosure-silence', 'self-disclosure': 'disclosure-silence',
  silence: 'disclosure-silence', ujawnianie: 'disclosure-silence', 'ujawnianie-siebie': 'disclosure-silence',
  samoujawnianie: 'disclosure-silence', cisza: 'disclosure-silence', milczenie: 'disclosure-silence',
  ruptures: 'ruptures', rupture: 'ruptures', 'pęknięcia': 'ruptures', 'pęknięcie': 'ruptures', 'pęknięcia-sojuszu': 'ruptures',
  // "zerwania" was the theme's first Polish name: still taken.
  zerwania: 'ruptures', zerwanie: 'ruptures',
  repair: 'repair', naprawa: 'repair', naprawianie: 'repair', 'naprawa-sojuszu': 'repair',
  'micro-habits': 'micro-habits', microhabits: 'micro-habits', habits: 'micro-habits',
  mikronawyki: 'micro-habits', 'mikro-nawyki': 'micro-habits', nawyki: 'micro-habits',
  'success-failure': 'success-failure', success: 'success-failure', failure: 'success-failure', dropout: 'success-failure',
  sukces: 'success-failure', 'porażka': 'success-failure', porazka: 'success-failure', 'porażki': 'success-failure',
  niepowodzenie: 'success-failure', 'sukces-i-porażka': 'success-failure',
  'shared-responsibility': 'shared-responsibility', responsibility: 'shared-responsibility',
  collaboration: 'shared-responsibility', 'odpowiedzialność': 'shared-responsibility',
  'wspólna-odpowiedzialność': 'shared-responsibility', 'współpraca': 'shared-responsibility',
  'self-care': 'self-care', selfcare: 'self-care', supervision: 'self-care', 'dbanie-o-siebie': 'self-care',
  'troska-o-siebie': 'self-care', superwizja: 'self-care',
};

/** The word to type for each theme, as a list shows it to a Polish member (each is one of THEME_ALIASES). */
const THEME_WORDS_PL: Record<Theme, string> = {
  goals: 'cele',
  tasks: 'zadania',
  bond: 'więź',
  qualities: 'cechy',
  technique: 'technika',
  'disclosure-silence': 'ujawnianie',
  ruptures: 'pęknięcia',
  repair: 'naprawa',
  'micro-habits': 'mikronawyki',
  'success-failure': 'sukces',
  'shared-responsibility': 'odpowiedzialność',
  'self-care': 'dbanie-o-siebie',
};

/** Every theme as a word to type, in both languages (for "Themes: …" in answers). */
export function themeWords(): { pl: string; en: string } {
  return { pl: THEMES.map((th) => THEME_WORDS_PL[th]).join(', '), en: THEMES.join(', ') };
}

const lookupTheme = wordLookup(THEMES, THEME_ALIASES);

export function parseTheme(word: string): Theme | undefined {
  return lookupTheme(word);
}
