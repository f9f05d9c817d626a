// The language of what the bot says in a team's shared channels (threads, follow-ups): the team's own.
import type { Team } from '../../core/teams.js';
import { isLang, type Lang } from '../../i18n/index.js';

export function teamLang(team: Team): Lang {
  return isLang(team.lang) ? team.lang : 'pl';
}
