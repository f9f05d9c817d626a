// Polskie słowa adaptera Discorda: kroki formularza, wybory do zaznaczenia, błędy pól, ponowne otwarcie formularza, zamknięte wiadomości prywatne, pytanie przed krokiem, którego nie da się cofnąć.
import type { discord as en } from '../en/discord.js';
import type { Translation } from '../types.js';

export const discord: Translation<typeof en> = {
  'discord.continue': 'Dalej',
  'discord.step': 'Przechowam część {step} z {steps} przez 6 godzin, ale nic nie zostanie zapisane, dopóki nie wyślesz ostatniej części. Przejdź dalej, kiedy zechcesz.',
  'discord.nextForm': 'Przechowam dotychczasowe odpowiedzi przez 6 godzin, ale nic nie zostanie zapisane, dopóki nie wyślesz kolejnej części.',
  'discord.errorsTitle': 'Kilka odpowiedzi trzeba jeszcze poprawić:',
  'discord.reopen': 'Otwórz formularz ponownie',
  'discord.saved': 'Zapisane.',
  'discord.draftExpired': 'Ten formularz jest już zamknięty — niewysłany formularz czeka najwyżej 6 godzin. Uruchom komendę jeszcze raz.',
  'discord.sentNote': 'Wysłane — ten formularz jest już zamknięty.',
  'discord.alreadySent': 'Ten formularz jest już wysłany i zapisany — nie trzeba nic więcej robić.',
  'discord.choicePlaceholder': 'Wpisz numer: {options}',
  'discord.choicesPlaceholder': 'Wpisz numery, np. 1, 3: {options}',
  'discord.markOne': 'postaw x przy jednej opcji',
  'discord.markAny': 'postaw x przy wybranych',
  'discord.labelHow': '{label} — {how}',
  'discord.scalePlaceholder': '{min}–{max}',
  'discord.scaleLabel': '{label} ({min}–{max})',
  'discord.channelPlaceholder': '#nazwa-kanału',
  'discord.example': 'np. {example}',
  'discord.dmsClosed':
    'Pliki wysyłam w wiadomości prywatnej, ale Twoje ustawienia Discorda nie dopuszczają wiadomości prywatnych od członków tego serwera. Aby to zmienić, kliknij nazwę serwera nad listą kanałów → *Ustawienia prywatności* → włącz *Wiadomości bezpośrednie*, a potem uruchom komendę jeszcze raz.',
  // Przed krokiem, którego nie da się cofnąć, gdy ten proces nie ma już słów samego pytania (po restarcie albo na innej replice lub shardzie).
  'discord.confirm.title': 'Czy na pewno?',
  'discord.confirm.text': 'Tego nie da się cofnąć.',
  'discord.confirm.yes': 'Tak, wykonaj',
  'discord.confirm.no': 'Anuluj',
  // Pytanie rozstrzygnięte: bez zmian albo zrobione, bez innej odpowiedzi.
  'discord.confirm.kept': 'Nic nie zostało zmienione.',
  'discord.confirm.done': 'Gotowe.',
};
