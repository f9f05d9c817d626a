// What a privacy contributor is: each area (a feature, or a platform's own tables) says what it keeps about a member
// or a team, and how to export, erase, purge and re-seal it. The features' list is src/features/privacy/registry.ts;
// the platforms' own is added by the composition root (platforms.ts).
import { randomBytes } from 'node:crypto';
import type { Bot } from './bot.js';
import type { Secrets } from './secrets.js';
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
  /**
   * Secret rotation, after every `reencrypt`, in the same transaction: carry each keyed MAC of this area (and each
   * sealed one) over to the new secret. A value made under `from` for a member of its team's roster gets that
   * member's value under `to`; one that stands for nobody — an erased member, an unlinked or outdated row — gets fresh
   * random bytes of the same shape, so that it stays unlinkable under either secret. Counters may be deleted instead.
   * Never leave a value the old secret can recompute: rotation is for a secret that leaked.
   */
  rekey?(tx: Tx, rosters: Rosters, from: Secrets, to: Secrets): Promise<Rekeyed>;
}

/** Every team's members (platform ids, from the `members` roster), by team id: whom a keyed MAC can stand for. */
export type Rosters = ReadonlyMap<number, readonly string[]>;

/** What an area's `rekey` did; counts only, never whose. */
export interface Rekeyed {
  /** Values that stood for a member and now stand for them under the new secret. */
  rekeyed: number;
  /** Values that stood for nobody and are random bytes now. */
  unlinked: number;
  /** Rows deleted instead (rate-limit counters: their windows start again). */
  dropped?: number;
  /** Sealed values that opened with the old secret (proof that it is the one the data was made with). */
  opened?: number;
}

/**
 * Which member a MAC made for one set of inputs stands for: old MAC → member, one HMAC per member. Build it once per
 * distinct input (a thread, a post, a team) and look every row of that input up in it.
 */
export function macsOf(roster: readonly string[], mac: (member: string) => string): Map<string, string> {
  return new Map(roster.map((m) => [mac(m), m]));
}

/** Rows grouped by the input their MACs were made from (a thread, a post), to build `macsOf` once per group. */
export function byInput<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const group = out.get(key(r));
    if (group) group.push(r);
    else out.set(key(r), [r]);
  }
  return out;
}

/** A stand-in for a MAC that stands for nobody: random bytes shaped like one (hex of 32 bytes). */
export function randomMac(): string {
  return randomBytes(32).toString('hex');
}
