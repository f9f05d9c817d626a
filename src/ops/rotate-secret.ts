// Re-seal every encrypted column with a new SOJUSZ_SECRET, in one transaction: `npm run rotate-secret -- --old <old> --new <new>`.
import { Secrets } from '../core/secrets.js';
import type { Database } from '../db/client.js';
import type { PrivacyContributor } from '../features/privacy/contributors.js';
import { privacyContributors } from '../features/privacy/registry.js';

export interface RotationReport {
  /** Rows re-sealed, per area. */
  areas: Record<string, number>;
}

/** All or nothing: one undecryptable row (wrong old secret) rolls the whole rotation back. */
export async function rotateSecret(database: Database, contributors: PrivacyContributor[], oldSecret: string, newSecret: string): Promise<RotationReport> {
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

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const oldSecret = arg('old');
  const newSecret = arg('new');
  if (!oldSecret || !newSecret) {
    process.stderr.write('usage: npm run rotate-secret -- --old <old secret> --new <new secret>\n');
    process.exit(2);
  }
  const { openPglite, openPostgres } = await import('../db/client.js');
  const url = process.env.DATABASE_URL;
  const database = url ? await openPostgres(url) : await openPglite(process.env.DATA_DIR ?? './data');
  try {
    const report = await rotateSecret(database, privacyContributors(), oldSecret, newSecret);
    process.stdout.write(`re-encrypted: ${JSON.stringify(report.areas)}\nNow set SOJUSZ_SECRET to the new secret${url ? '' : ' (and write it to DATA_DIR/secret)'} and start the bot.\n`);
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((e: Error) => {
    process.stderr.write(`rotation failed, nothing changed: ${e.message}\n`);
    process.exit(1);
  });
}
