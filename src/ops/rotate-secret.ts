// Move every secret-made value to a new SOJUSZ_SECRET in one transaction: re-seal the encrypted columns and re-key
// the keyed MACs (the command: rotate-secret.ts).
import { Secrets } from '../core/secrets.js';
import type { Database } from '../db/client.js';
import { members, teams } from '../db/schema/index.js';
import type { PrivacyContributor, Rekeyed } from '../core/privacy.js';

export interface RotationReport {
  /** Rows re-sealed, per area. */
  areas: Record<string, number>;
  /** Keyed MACs carried over (or, standing for nobody, made random; or, counters, deleted), per area. */
  macs: Record<string, Rekeyed>;
}

/**
 * All or nothing: one undecryptable row (wrong old secret) rolls the whole rotation back. So does an old secret
 * that recognises nothing at all — no sealed value opens, no MAC stands for a member — while there are MACs to
 * replace: they would all be made random, and every author would lose their posts for good.
 */
export async function rotateSecret(database: Database, contributors: readonly PrivacyContributor[], oldSecret: string, newSecret: string): Promise<RotationReport> {
  const from = new Secrets(oldSecret);
  const to = new Secrets(newSecret);
  const areas: Record<string, number> = {};
  const macs: Record<string, Rekeyed> = {};
  await database.db.transaction(async (tx) => {
    for (const c of contributors) {
      if (c.reencrypt) areas[c.area] = await c.reencrypt(tx, (s) => from.decrypt(s), (p) => to.encrypt(p));
    }
    const rosters = new Map<number, string[]>((await tx.select({ id: teams.id }).from(teams)).map((t) => [t.id, []]));
    for (const m of await tx.select({ team: members.teamId, id: members.externalId }).from(members)) rosters.get(m.team)?.push(m.id);
    for (const c of contributors) {
      if (c.rekey) macs[c.area] = await c.rekey(tx, rosters, from, to);
    }
    const sum = (f: (r: Rekeyed) => number | undefined) => Object.values(macs).reduce((n, r) => n + (f(r) ?? 0), 0);
    const recognised = Object.values(areas).reduce((n, x) => n + x, 0) + sum((r) => r.rekeyed) + sum((r) => r.opened);
    if (!recognised && sum((r) => r.unlinked)) {
      throw new Error('the old secret recognises nothing in the database (no sealed value opens with it, no keyed MAC stands for a member): is it the right one?');
    }
  });
  return { areas, macs };
}
