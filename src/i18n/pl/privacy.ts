// Polskie słowa prywatności: role, eksport i usuwanie danych, retencja, wyjaśnienie.
import type { privacy as en } from '../en/privacy.js';
import type { Translation } from '../types.js';

export const privacy: Translation<typeof en> = {
  'privacy.roles.member': 'Osoba (@wzmianka)',
  'privacy.roles.add': 'Dodaj osobę prowadzącą',
  'privacy.roles.remove': 'Odbierz rolę osoby prowadzącej (także administracji platformy)',
  'privacy.roles.list': 'Kto prowadzi tę grupę',
  'privacy.roles.added': 'Gotowe — prowadzi teraz:',
  'privacy.roles.removed': 'Gotowe — już nie prowadzi:',
  'privacy.roles.listTitle': '*Osoby prowadzące dodane w Sojuszu:*',
  'privacy.roles.listEmpty': 'Nikt nie został jeszcze dodany jako osoba prowadząca.',
  'privacy.roles.adminsNote': 'Administracja przestrzeni roboczej i serwera też prowadzi, chyba że ktoś odebrał jej tę rolę przez `/sojusz zespół prowadzący usuń`.',

  'privacy.export.file': 'Wszystko, co Sojusz o Tobie przechowuje, w formacie JSON.',
  'privacy.export.sent': 'Plik czeka na Ciebie w prywatnej wiadomości. Widzisz go tylko Ty.',
  'privacy.export.inline': 'Tutaj nie da się przesłać pliku, więc oto Twoje dane jako tekst (widzisz je tylko Ty):',
  'privacy.export.truncated': 'Ucięte po {shown} z {total} znaków. Pełny plik dostaniesz, wpisując `/sojusz dane eksport` tam, gdzie działają pliki (np. w prywatnej rozmowie z botem).',

  'privacy.explain': 'Co Sojusz przechowuje, jak długo i kto to widzi',
  'privacy.explain.title': 'Twoje dane w Sojuszu',
  'privacy.explain.stored':
    '*Co przechowujemy.* Twój język i strefę czasową; to, czy prowadzisz grupę; Twoje autochecki (zaszyfrowane, odczyta je tylko bot); Twoje odpowiedzi na zaproszenia na superwizję, godziny i tematy; to, że odpowiedziano na wątek z pytaniem (nigdy treść — odpowiedzi w wątkach zostają na platformie czatu). Anonimowe przypadki i odpowiedzi zapisujemy bez Twojego imienia i identyfikatora.',
  'privacy.explain.retention':
    '*Jak długo.* W tym zespole: treść przypadków i anonimowe odpowiedzi {cases} dni, autochecki {autochecks} dni (razem z nimi tematy superwizji zachowane tylko dla siebie); potem nocne porządki je usuwają. Jeśli bot zostanie usunięty z przestrzeni roboczej, wszystkie dane zespołu znikają po {offboarding} dniach.',
  'privacy.explain.who':
    '*Kto co widzi.* Twoje autochecki i prywatne tematy: tylko Ty. Tematy z imieniem i odpowiedzi na zaproszenia: grupa. Osoby prowadzące zarządzają harmonogramami i ustawieniami, mogą wyeksportować pytania, harmonogramy i dziennik superwizji zespołu — nigdy Twoich autochecków. Moderacja kanału przypadków widzi przypadek tak jak grupa: numery PESEL i NIP, telefony i adresy e-mail są zawsze maskowane, a inne szczegóły, które mogą wskazać osobę klienta (imiona, miejsca, daty), bot pokazuje osobie piszącej, a ona decyduje, czy je zmienić. Osoba utrzymująca bota ma jego tajny klucz: mając klucz i bazę danych, mogłaby odczytać autochecki i ustalić, kto napisał anonimowe wpisy. Bot nikomu tego nie pokazuje, ale korzystając z niego, ufasz tej osobie.',
  'privacy.explain.anonymity':
    '*Anonimowość.* Anonimowy przypadek lub odpowiedź zapisujemy wyłącznie z kodami z kluczem, innymi w każdym wątku, a bot nikomu — także osobom prowadzącym — nie mówi, kto je napisał. Osoba prowadząca może wstrzymać publikowanie osobie, która przyniosła przypadek #N, nie wiedząc, kto to jest — mogłaby jednak sprawdzić swoje przypuszczenie, obserwując, czy konkretna osoba dostanie potem odmowę. Rozpoznawalny bywa też styl pisania. Publikacja następuje z losowym opóźnieniem.',
  'privacy.explain.rights':
    '*Twój wybór.* `/sojusz dane eksport` wyśle Ci wszystko, co Sojusz o Tobie wie. `/sojusz dane usuń` usunie to wszystko z dwoma wyjątkami: trwająca blokada publikowania przypadków, jeśli jest, zostaje do swojego końca, a dzienne liczniki przypadków (zakodowane, bez Twojego imienia i identyfikatora) zostają najwyżej dwa dni, żeby usunięcie danych nie zerowało limitu.',

  'privacy.mydata.export': 'Pobierz wszystko, co Sojusz o Tobie przechowuje (plik JSON)',
  'privacy.mydata.delete': 'Usuń wszystko, co Sojusz o Tobie przechowuje',
  'privacy.delete.confirm': '*Usunąć wszystkie Twoje dane z Sojuszu?* Ustawienia, autochecki, godziny superwizji, odpowiedzi na zaproszenia i tematy znikną na zawsze. Tego nie da się cofnąć.',
  'privacy.delete.choice': 'Twoje anonimowe wpisy mogą zniknąć albo zostać na miejscu, bez niczego, co łączyłoby je z Tobą. Wycofane wpisy znikają z kanałów po kolei, w ciągu kilku godzin, żeby nikt nie poznał, że pisała je jedna osoba.',
  'privacy.delete.withdraw': 'Usuń i wycofaj moje anonimowe wpisy',
  'privacy.delete.unlink': 'Usuń, wpisy zostaw bez powiązania',
  'privacy.delete.cancel': 'Anuluj',
  'privacy.delete.cancelled': 'Nic nie zostało usunięte.',
  'privacy.delete.doneWithdrawn':
    'Gotowe. Wszystko, co Sojusz o Tobie przechowywał, jest usunięte, a Twoje anonimowe wpisy wycofane: treści Twoich przypadków i odpowiedzi Sojusz już nie ma, a wpisy znikną z kanałów i z agendy superwizji po kolei w ciągu sześciu godzin. Dbaj o siebie.',
  'privacy.delete.doneUnlinked': 'Gotowe. Wszystko, co Sojusz o Tobie przechowywał, jest usunięte; anonimowe wpisy zostają, nie prowadzą do nikogo. Dbaj o siebie.',
  'privacy.delete.erasedNote': 'Usunięte.',
  'privacy.delete.already':
    'To już zrobione — Twoje dane zostały usunięte przy pierwszym wyborze, więc tutaj nic więcej się nie dzieje. Jeśli od tamtej pory znów korzystasz z Sojuszu i to też chcesz usunąć, wpisz jeszcze raz `/sojusz dane usuń`.',

  'privacy.retention.days': 'Ile dni przechowywać (7–3650)',
  'privacy.retention.cases': 'Jak długo przechowywać treść przypadków i anonimowe odpowiedzi',
  'privacy.retention.autochecks': 'Jak długo przechowywać autochecki',
  'privacy.retention.current': 'Obecnie: treść przypadków i anonimowe odpowiedzi {cases} dni, autochecki {autochecks} dni.',
  'privacy.retention.set': 'Zapisane. Treść przypadków i anonimowe odpowiedzi: {cases} dni; autochecki: {autochecks} dni. Starsze znikną podczas dzisiejszych nocnych porządków.',
  'privacy.teamExport': 'Wyeksportuj pytania, harmonogramy i dziennik superwizji zespołu (JSON)',
  'privacy.teamExport.file': 'Pytania, harmonogramy, sesje superwizji i godziny zespołu w formacie JSON. Plik wymienia członków zespołu, więc przechowuj go równie starannie jak dokumentację grupy.',
  'privacy.teamExport.inline': 'Tutaj nie da się przesłać pliku, więc oto eksport zespołu jako tekst (widzisz go tylko Ty):',
  'privacy.teamExport.truncated': 'Ucięte po {shown} z {total} znaków. Pełny plik dostaniesz, wpisując `/sojusz zespół eksport` tam, gdzie działają pliki (np. w prywatnej rozmowie z botem).',
};
