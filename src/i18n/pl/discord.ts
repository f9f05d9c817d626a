// Polskie słowa adaptera Discorda: kroki formularza, błędy pól, ponowne otwarcie formularza.
import type { discord as en } from '../en/discord.js';
import type { Translation } from '../types.js';

export const discord: Translation<typeof en> = {
  'discord.continue': 'Dalej',
  'discord.step': 'Część {step} z {steps} zapisana. Przejdź do kolejnej, kiedy zechcesz.',
  'discord.errorsTitle': 'Kilka odpowiedzi wymaga jeszcze spojrzenia:',
  'discord.reopen': 'Otwórz formularz ponownie',
  'discord.saved': 'Zapisane.',
  'discord.draftExpired': 'Ten formularz wygasł (formularze czekają 15 minut). Uruchom komendę jeszcze raz.',
  'discord.choicePlaceholder': 'Wpisz numer: {options}',
  'discord.scalePlaceholder': '{min}–{max}',
};
