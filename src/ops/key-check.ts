// The key check: a MAC of a constant, kept with the data, so a start with another secret stops instead of answering
// every member with an apology (a variable that overrides DATA_DIR/secret, a backup restored without its secret).
import { and, eq, sql } from 'drizzle-orm';
import type { Secrets } from '../core/secrets.js';
import { ensureTeam } from '../core/teams.js';
import type { Tx } from '../db/client.js';
import { teams } from '../db/schema/index.js';
import { SYSTEM_TEAM } from '../features/privacy/housekeeping.js';

/** The key in the system team's settings (the row that stands for the deployment). */
const SETTING = 'keyCheck';

export function keyCheckOf(secrets: Secrets): string {
  return secrets.hmac('key-check', 'sojusz key check 1');
}

/**
 * Whether `secrets` is the secret this database was made with. A database without a check (new, or from before
 * checks) takes this one's; replicas starting together agree on the first one written.
 */
export async function matchesKeyCheck(tx: Tx, secrets: Secrets): Promise<boolean> {
  const mine = keyCheckOf(secrets);
  const team = await ensureTeam(tx, SYSTEM_TEAM.platform, SYSTEM_TEAM.externalId);
  await tx
    .update(teams)
    .set({ settings: sql`${teams.settings} || ${JSON.stringify({ [SETTING]: mine })}::jsonb` })
    .where(and(eq(teams.id, team.id), sql`${teams.settings} ->> ${SETTING} is null`));
  return (await storedKeyCheck(tx)) === mine;
}

/** The stored check, if any (rotate-secret compares the old secret with it before touching anything). */
export async function storedKeyCheck(tx: Tx): Promise<string | undefined> {
  const [row] = await tx
    .select({ check: sql<string | null>`${teams.settings} ->> ${SETTING}` })
    .from(teams)
    .where(and(eq(teams.platform, SYSTEM_TEAM.platform), eq(teams.externalId, SYSTEM_TEAM.externalId)));
  return row?.check ?? undefined;
}

/** After a rotation: the check follows the new secret (in the rotation's transaction). */
export async function writeKeyCheck(tx: Tx, secrets: Secrets): Promise<void> {
  const team = await ensureTeam(tx, SYSTEM_TEAM.platform, SYSTEM_TEAM.externalId);
  await tx
    .update(teams)
    .set({ settings: sql`${teams.settings} || ${JSON.stringify({ [SETTING]: keyCheckOf(secrets) })}::jsonb` })
    .where(eq(teams.id, team.id));
}
