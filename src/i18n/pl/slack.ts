// Polish words of the Slack adapter: App Home frame, late form answers, the install result pages.
import type { slack as en } from '../en/slack.js';
import type { Translation } from '../types.js';

export const slack: Translation<typeof en> = {
  'slack.home.title': 'Sojusz — Twój kąt',
  'slack.home.empty': 'Na razie nic tu nie ma. Wpisz `/sojusz pomoc` na dowolnym kanale, żeby zobaczyć, co potrafi Sojusz.',
  'slack.home.refreshed': 'Odświeża się za każdym razem, gdy otwierasz tę kartę.',
  'slack.form.late': 'Formularz czekał dłużej, niż pozwala Slack, więc zamknął się, zanim udało się go sprawdzić. Nic nie zostało zapisane — otwórz go, proszę, jeszcze raz.',
  'slack.install.done': 'Sojusz jest zainstalowany. Możesz zamknąć tę kartę i wrócić do Slacka.',
  'slack.install.failed': 'Instalacja się nie zakończyła. Spróbuj, proszę, jeszcze raz od początku.',
};
