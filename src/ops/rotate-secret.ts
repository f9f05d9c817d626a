// Re-seal every encrypted column with a new SOJUSZ_SECRET, in one transaction (the command: rotate-secret.ts).
import { Secrets } from '../core/secrets.js';
import type { Database } from '../db/client.js';
import type { PrivacyContributor } from '../core/privacy.js';

export interface RotationReport {
  /** Rows re-sealed, per area. */
  areas: Record<string, number>;
}

/** All or nothing: one undecryptable row (wrong old secret) rolls the whole rotation back. */
export async function rotateSecret(database: Database, contributors: readonly PrivacyContributor[], oldSecret: string, newSecret: string): Promise<RotationReport> {
  const from = new Secrets(oldSecret);
  const to = new Secrets(newSecret);
  const areas: Record<string, number> = {};
  await database.db.transaction(async (tx) => {
    for (const c of contributors) {
      if (c.reencrypt) areas[c.area] = await c.reencrypt(tx, (s) => from.decrypt(s), (p) => to.encrypt(p));
    }
  });
  return { areas };
}
