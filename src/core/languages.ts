// The language each member was last answered in, remembered in memory so that an answer given without the database
// (PostgreSQL out of reach, or the lookup itself failed) is still in the language they chose, not their platform's.
import { pickLanguage, type Lang } from '../i18n/index.js';
import type { Invocation } from './port.js';

/** How many members one process remembers: the oldest is forgotten first. A language code each, no more. */
const MAX_MEMBERS = 10_000;

export class RecentLanguages {
  private readonly known = new Map<string, Lang>();

  private static key(platform: string, team: string, member: string): string {
    return `${platform}\u0000${team}\u0000${member}`;
  }

  /** What a member's answer was just given in (their choice, else the team's, else the platform's locale). */
  remember(inv: Invocation, lang: Lang): void {
    const k = RecentLanguages.key(inv.platform, inv.team, inv.member.id);
    this.known.delete(k); // set again: now the most recent
    this.known.set(k, lang);
    if (this.known.size > MAX_MEMBERS) this.known.delete(this.known.keys().next().value!);
  }

  /** A member who erased their data is not remembered either. */
  forget(platform: string, team: string, member: string): void {
    this.known.delete(RecentLanguages.key(platform, team, member));
  }

  /** The language remembered for the member who acted, else the one their platform reports. */
  of(inv: Invocation): Lang {
    return this.known.get(RecentLanguages.key(inv.platform, inv.team, inv.member.id)) ?? pickLanguage(null, null, inv.member.locale);
  }
}
