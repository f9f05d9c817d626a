// Teams and members as the core knows them: found or created on first contact, settings read with defaults.
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { members, teams } from '../db/schema/index.js';
import type { Platform } from './port.js';

export type Team = typeof teams.$inferSelect;
export type Member = typeof members.$inferSelect;

export async function ensureTeam(tx: Tx, platform: Platform, externalId: string, name?: string): Promise<Team> {
  const [found] = await tx.select().from(teams).where(and(eq(teams.platform, platform), eq(teams.externalId, externalId)));
  if (found) {
    if (found.uninstalledAt) {
      const [back] = await tx.update(teams).set({ uninstalledAt: null }).where(eq(teams.id, found.id)).returning();
      return back!;
    }
    return found;
  }
  const [row] = await tx
    .insert(teams)
    .values({ platform, externalId, name: name ?? null })
    .onConflictDoUpdate({ target: [teams.platform, teams.externalId], set: { platform } })
    .returning();
  return row!;
}

export async function ensureMember(tx: Tx, teamId: number, externalId: string): Promise<Member> {
  const [found] = await tx.select().from(members).where(and(eq(members.teamId, teamId), eq(members.externalId, externalId)));
  if (found) return found;
  const [row] = await tx
    .insert(members)
    .values({ teamId, externalId })
    .onConflictDoUpdate({ target: [members.teamId, members.externalId], set: { externalId } })
    .returning();
  return row!;
}

export async function findTeam(tx: Tx, platform: Platform, externalId: string): Promise<Team | undefined> {
  const [t] = await tx.select().from(teams).where(and(eq(teams.platform, platform), eq(teams.externalId, externalId)));
  return t;
}

/** Read one team setting with its default. */
export function setting<T>(team: Team, key: string, fallback: T): T {
  const v = team.settings?.[key];
  return v === undefined || v === null ? fallback : (v as T);
}

/** Merge settings in one statement (jsonb ||), so two facilitators changing different keys don't clash. */
export async function updateSettings(tx: Tx, teamId: number, patch: Record<string, unknown>): Promise<Team> {
  const { sql } = await import('drizzle-orm');
  const [row] = await tx
    .update(teams)
    .set({ settings: sql`${teams.settings} || ${JSON.stringify(patch)}::jsonb` })
    .where(eq(teams.id, teamId))
    .returning();
  return row!;
}

/** A platform admin is a facilitator unless revoked; anyone can be added explicitly. */
export function isFacilitator(member: Member, platformAdmin: boolean | undefined): boolean {
  if (member.facilitatorRevoked) return false;
  return member.facilitator || Boolean(platformAdmin);
}
