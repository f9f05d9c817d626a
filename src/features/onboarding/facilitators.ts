// Who facilitates: adding and removing the role, so that a group never ends up with nobody to look after it.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Context } from '../../core/context.js';
import { PLATFORM_USER_ID } from '../../core/args.js';
import { UserError } from '../../core/errors.js';
import { ensureMember, isFacilitator } from '../../core/teams.js';
import type { Tx } from '../../db/client.js';
import { members } from '../../db/schema/index.js';

/**
 * Whether `id` is a person of this team the bot can vouch for: someone who has used it here, an id the platform
 * wrote, or someone the platform lists in the channel where the command was typed (the playground's members).
 * A name typed after @ without picking it from the platform's list arrives as a bare word and is none of these.
 */
async function knownPerson(ctx: Context, id: string): Promise<boolean> {
  const [row] = await ctx.db.select({ id: members.id }).from(members).where(and(eq(members.teamId, ctx.team.id), eq(members.externalId, id)));
  // An id only the platform writes (a mention picked from its list, a Discord user option) names a real person even
  // before they first use the bot.
  if (row || PLATFORM_USER_ID.test(id)) return true;
  if (!ctx.port.channelMembers || !ctx.inv.channel) return false;
  // A channel the platform will not list (a DM, one the bot is not in) only means "cannot tell": the answer asks
  // for a picked mention, which always works.
  const listed = await ctx.port.channelMembers(ctx.inv.team, ctx.inv.channel).catch(() => undefined);
  return listed?.includes(id) ?? false;
}

/** Make a member a facilitator (a platform admin whose role was revoked gets it back this way too). */
export async function addFacilitator(ctx: Context, id: string): Promise<void> {
  if (!(await knownPerson(ctx, id))) throw new UserError('onboarding.roles.unknownPerson', { who: `@${id}` });
  await ctx.db.transaction(async (tx) => {
    const m = await ensureMember(tx, ctx.team.id, id);
    await tx.update(members).set({ facilitator: true, facilitatorRevoked: false }).where(eq(members.id, m.id));
  });
}

/**
 * Take the role away, also from a platform admin. Never from oneself: whoever removes someone stays a facilitator,
 * so the group always keeps at least one — however many were added before. Both rows are locked and the remover
 * checked again inside the transaction, so two facilitators removing each other at once cannot both succeed.
 */
export async function removeFacilitator(ctx: Context, id: string): Promise<void> {
  if (id === ctx.member.externalId) throw new UserError('onboarding.roles.notYourself');
  if (!(await knownPerson(ctx, id))) throw new UserError('onboarding.roles.unknownPerson', { who: `@${id}` });
  await ctx.db.transaction(async (tx) => {
    const target = await ensureMember(tx, ctx.team.id, id);
    // In id order, so two removals locking the same two rows cannot wait for each other.
    const locked = await tx.select().from(members).where(inArray(members.id, [target.id, ctx.member.id])).orderBy(asc(members.id)).for('update');
    const me = locked.find((m) => m.id === ctx.member.id);
    if (!me || !isFacilitator(me, ctx.inv.member.isAdmin)) throw new UserError('core.onlyFacilitators');
    // Revoked explicitly, so a platform admin stops being a facilitator too.
    await tx.update(members).set({ facilitator: false, facilitatorRevoked: true }).where(eq(members.id, target.id));
  });
}

/**
 * Who hears that something a facilitator planned (a prompt schedule, a supervision series or session) cannot reach
 * its channel: its creator while they are a facilitator, else — they left, deleted their data or lost the role —
 * every explicitly added facilitator. A platform admin's role is only known when they act, so they are told only as
 * a creator.
 */
export async function facilitatorsToTell(tx: Tx, teamId: number, creator: string | undefined): Promise<(typeof members.$inferSelect)[]> {
  if (creator) {
    const [c] = await tx.select().from(members).where(and(eq(members.teamId, teamId), eq(members.externalId, creator)));
    if (c && !c.facilitatorRevoked) return [c];
  }
  return tx.select().from(members).where(and(eq(members.teamId, teamId), eq(members.facilitator, true), eq(members.facilitatorRevoked, false)));
}
