// A member's rights over their data: everything in one JSON export, and erasure across every area at once.
import { eq } from 'drizzle-orm';
import type { Bot } from '../../core/bot.js';
import type { Member, Team } from '../../core/teams.js';
import type { Tx } from '../../db/client.js';
import { members } from '../../db/schema/index.js';
import type { AnonymousChoice } from '../../core/privacy.js';

/** Everything the bot keeps about the member, area by area, decrypted. */
export async function exportMember(tx: Tx, bot: Bot, team: Team, member: Member): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { exportedAt: bot.clock.now().toISOString() };
  for (const c of bot.registry.privacy) {
    const kept = await c.exportMember(tx, bot, team, member);
    if (kept !== undefined) out[c.area] = kept; // an area that keeps nothing of this kind of member says nothing
  }
  return out;
}

/**
 * Erase the member in one transaction: every area first, then the members row itself (cascades the rest). False when
 * the row was already gone: of two erasures at once, the second waits on the row's lock and then erases nothing.
 */
export async function deleteMember(bot: Bot, team: Team, member: Member, anonymous: AnonymousChoice): Promise<boolean> {
  const erased = await bot.db.transaction(async (tx) => {
    const [row] = await tx.select({ id: members.id }).from(members).where(eq(members.id, member.id)).for('update');
    if (!row) return false;
    for (const c of bot.registry.privacy) await c.deleteMember(tx, bot, team, member, anonymous);
    await tx.delete(members).where(eq(members.id, member.id));
    return true;
  });
  bot.languages.forget(team.platform, team.externalId, member.externalId);
  return erased;
}

/** The team's portable data before it leaves: prompts, schedules, supervision log. */
export async function exportTeam(tx: Tx, bot: Bot, team: Team): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { exportedAt: bot.clock.now().toISOString() };
  for (const c of bot.registry.privacy) if (c.exportTeam) out[c.area] = await c.exportTeam(tx, bot, team);
  return out;
}
