// Move every secret-made value to a new SOJUSZ_SECRET in one transaction: re-seal the encrypted columns and re-key
// the keyed MACs (the command: rotate-secret.ts).
import { Secrets } from '../core/secrets.js';
import type { Database } from '../db/client.js';
import { members, teams } from '../db/schema/index.js';
import type { PrivacyContributor, Rekeyed } from '../core/privacy.js';
import { SYSTEM_TEAM } from '../features/privacy/housekeeping.js';
import { keyCheckOf, storedKeyCheck, writeKeyCheck } from './key-check.js';

export interface RotationReport {
  /** Rows re-sealed, per area. */
  areas: Record<string, number>;
  /** Keyed MACs carried over (or, standing for nobody, made random; or, counters, deleted), per area. */
  macs: Record<string, Rekeyed>;
}

/**
 * All or nothing: one undecryptable row (wrong old secret) rolls the whole rotation back. So does an old secret
 * that recognises nothing at all — no sealed value opens, no MAC stands for a member — while there are MACs to
 * replace: they would all be made random, and every author would lose their posts for good. A database with no team
 * (a mistyped DATABASE_URL, a fresh one) is refused too: "done" there would send the operator to set a secret that
 * opens nothing in the real one. The database's key check follows the new secret. `database` must be opened alone
 * (openPostgres `running: 'alone'`, openPglite `alone`): a bot running meanwhile would seal new data under the old key.
 */
export async function rotateSecret(database: Database, contributors: readonly PrivacyContributor[], oldSecret: string, newSecret: string): Promise<RotationReport> {
  const from = new Secrets(oldSecret);
  const to = new Secrets(newSecret);
  const areas: Record<string, number> = {};
  const macs: Record<string, Rekeyed> = {};
  await database.db.transaction(async (tx) => {
    const all = await tx.select({ id: teams.id, platform: teams.platform }).from(teams);
    if (!all.some((t) => t.platform !== SYSTEM_TEAM.platform)) {
      throw new Error('this database holds no team: is DATABASE_URL or DATA_DIR the one the bot runs with?');
    }
    const check = await storedKeyCheck(tx);
    if (check && check !== keyCheckOf(from)) {
      throw new Error('SOJUSZ_SECRET_OLD does not match this database’s key check: the old secret must be the one the bot runs with');
    }
    for (const c of contributors) {
      if (!c.reencrypt) continue;
      const open = (s: string) => {
        try {
          return from.decrypt(s);
        } catch {
          throw new Error(`SOJUSZ_SECRET_OLD does not open the stored ${c.area} data: is the old secret the one the bot runs with?`);
        }
      };
      areas[c.area] = await c.reencrypt(tx, open, (p) => to.encrypt(p));
    }
    const rosters = new Map<number, string[]>(all.map((t) => [t.id, []]));
    for (const m of await tx.select({ team: members.teamId, id: members.externalId }).from(members)) rosters.get(m.team)?.push(m.id);
    for (const c of contributors) {
      if (c.rekey) macs[c.area] = await c.rekey(tx, rosters, from, to);
    }
    const sum = (f: (r: Rekeyed) => number | undefined) => Object.values(macs).reduce((n, r) => n + (f(r) ?? 0), 0);
    const recognised = Object.values(areas).reduce((n, x) => n + x, 0) + sum((r) => r.rekeyed) + sum((r) => r.opened);
    if (!recognised && sum((r) => r.unlinked)) {
      throw new Error('SOJUSZ_SECRET_OLD recognises nothing in the database (no sealed value opens with it, no keyed MAC stands for a member): is the old secret the one the bot runs with?');
    }
    await writeKeyCheck(tx, to);
  });
  return { areas, macs };
}
