// `SOJUSZ_SECRET_OLD=… SOJUSZ_SECRET_NEW=… npm run rotate-secret`: re-seal every encrypted column — the
// features' and the platforms' own (Slack installations' bot tokens, Discord form drafts) — and re-key every keyed
// MAC (case authors, bans, pseudonyms, topics, prompt answers) with a new SOJUSZ_SECRET, in one transaction.
// `-- --old <old> --new <new>` works too, but arguments show in `ps` and shell history.
import { resolve } from 'node:path';
import { privacyContributors } from './src/features/privacy/registry.js';
import { rotateSecret } from './src/ops/rotate-secret.js';
import { platformPrivacy } from './platforms.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const oldSecret = process.env.SOJUSZ_SECRET_OLD || arg('old');
  const newSecret = process.env.SOJUSZ_SECRET_NEW || arg('new');
  if (!oldSecret || !newSecret) {
    process.stderr.write('usage: SOJUSZ_SECRET_OLD=<old secret> SOJUSZ_SECRET_NEW=<new secret> npm run rotate-secret\n   (or: npm run rotate-secret -- --old <old secret> --new <new secret>, visible in ps and shell history)\n');
    process.exit(2);
  }
  for (const [variable, value] of [['SOJUSZ_SECRET_OLD', oldSecret], ['SOJUSZ_SECRET_NEW', newSecret]] as const) {
    if (value.length < 32) {
      process.stderr.write(`rotate-secret: ${variable} — expected at least 32 characters (openssl rand -hex 32 for a new one)\n`);
      process.exit(2);
    }
  }
  const { openPglite, openPostgres, redactUrl } = await import('./src/db/client.js');
  const url = process.env.DATABASE_URL;
  const dataDir = resolve(process.env.DATA_DIR?.trim() || './data');
  // Said first, so that a DATABASE_URL not exported or a mistyped DATA_DIR shows before anything else does.
  process.stdout.write(`database: ${url ? `PostgreSQL at ${redactUrl(url)}` : `embedded, in ${dataDir}`}\n`);
  // Never an empty new database: "rotated" there would send the operator to set a secret that opens nothing. Never
  // beside a running bot either, which would go on sealing new data under the old key: refused, changing nothing.
  const database = url ? await openPostgres(url, { running: 'alone' }) : await openPglite(dataDir, { mustExist: true, alone: true });
  // Its version may be newer than the database's (an upgrade and a rotation at once): say what it migrated.
  if (database.migrated.length) process.stdout.write(`migrations applied: ${database.migrated.join(', ')}\n`);
  try {
    const report = await rotateSecret(database, [...platformPrivacy, ...privacyContributors()], oldSecret, newSecret);
    // Counts per area only: never an id or a MAC.
    process.stdout.write(`re-encrypted: ${JSON.stringify(report.areas)}\nre-keyed: ${JSON.stringify(report.macs)}\nNow set SOJUSZ_SECRET to the new secret${url ? '' : ' (and write it to DATA_DIR/secret)'} and start the bot.\n`);
  } finally {
    await database.close();
  }
}

main().catch((e: Error) => {
  process.stderr.write(`rotation failed, nothing changed: ${e.message}\n`);
  process.exit(1);
});
