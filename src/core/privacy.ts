// What a privacy contributor is: each area (a feature, or a platform's own tables) says what it keeps about a member
// or a team, and how to export, erase, purge and re-seal it. The features' list is src/features/privacy/registry.ts;
// the platforms' own is added by the composition root (platforms.ts).
import type { Bot } from './bot.js';
import type { Member, Team } from './teams.js';
import type { Tx } from '../db/client.js';

export type AnonymousChoice = 'withdraw' | 'unlink';

export interface PrivacyContributor {
  area: string;
  /** Everything this area keeps about the member, decrypted, as plain JSON; undefined: nothing of this kind here
   *  (e.g. a platform's own table, for a member of another platform), so the export leaves the area out. */
  exportMember(tx: Tx, bot: Bot, team: Team, member: Member): Promise<unknown>;
  /** Erase the member's data; `anonymous`: 'withdraw' removes their anonymous posts, 'unlink' leaves them fully unlinked. */
  deleteMember(tx: Tx, bot: Bot, team: Team, member: Member, anonymous: AnonymousChoice): Promise<void>;
  /** Retention: purge rows older than the team's limits. Returns how many rows went. */
  purge?(tx: Tx, bot: Bot, now: Date): Promise<number>;
  /** Offboarding: the team's portable data (prompts, schedules, supervision log). */
  exportTeam?(tx: Tx, bot: Bot, team: Team): Promise<unknown>;
  /** Secret rotation: re-seal every encrypted column of this area with the new key. Returns rows changed. */
  reencrypt?(tx: Tx, decrypt: (sealed: string) => string, encrypt: (plain: string) => string): Promise<number>;
}
