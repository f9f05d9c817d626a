// Teams and members as the core knows them: found or created on first contact, settings read with defaults.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Tx } from '../db/client.js';
import { members, teams } from '../db/schema/index.js';
import { isLang, type Lang } from '../i18n/index.js';
import { dayOf } from './day.js';
import type { Bot } from './bot.js';
import type { ChatPort, Platform, TeamPlatform } from './port.js';

export type Team = typeof teams.$inferSelect;
export type Member = typeof members.$inferSelect;

export async function ensureTeam(tx: Tx, platform: TeamPlatform, externalId: string, name?: string): Promise<Team> {
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

/**
 * The member's row, made on first contact. It keeps only the day of that contact: a first command that is an
 * anonymous one (`/case reply`) writes its pseudonym and message at the same instant, and an exact time here would
 * name their author.
 */
export async function ensureMember(tx: Tx, teamId: number, externalId: string): Promise<Member> {
  const [found] = await tx.select().from(members).where(and(eq(members.teamId, teamId), eq(members.externalId, externalId)));
  if (found) return found;
  const [row] = await tx
    .insert(members)
    .values({ teamId, externalId, createdAt: dayOf(new Date()) })
    .onConflictDoUpdate({ target: [members.teamId, members.externalId], set: { externalId } })
    .returning();
  return row!;
}

/** The lookup every command and click starts with, built once per database (prepared: no query building per request). */
const lookups = new WeakMap<Db, ReturnType<typeof prepareLookup>>();
function prepareLookup(db: Db) {
  return db
    .select({ team: teams, member: members })
    .from(teams)
    .leftJoin(members, and(eq(members.teamId, teams.id), eq(members.externalId, sql.placeholder('member'))))
    .where(and(eq(teams.platform, sql.placeholder('platform')), eq(teams.externalId, sql.placeholder('team'))))
    .prepare('team_and_member');
}

/**
 * The team and the member who acted, in one round trip; created on first contact (and a returning team
 * marked installed again), like ensureTeam and ensureMember.
 */
export async function ensureTeamAndMember(
  db: Db,
  platform: Platform,
  teamExt: string,
  memberExt: string,
  teamName?: string,
  o: { createMember?: boolean } = {},
): Promise<{ team: Team; member: Member }> {
  let lookup = lookups.get(db);
  if (!lookup) lookups.set(db, (lookup = prepareLookup(db)));
  const [found] = await lookup.execute({ platform, team: teamExt, member: memberExt });
  if (found && !found.team.uninstalledAt && found.member) return { team: found.team, member: found.member };
  const team = found && !found.team.uninstalledAt ? found.team : await ensureTeam(db, platform, teamExt, teamName);
  if (found?.member) return { team, member: found.member };
  return { team, member: o.createMember === false ? unsavedMember(team.id, memberExt) : await ensureMember(db, team.id, memberExt) };
}

/** A member the bot keeps no row for (looked up, not created): id 0, which no row ever has. */
export function unsavedMember(teamId: number, externalId: string): Member {
  return { id: 0, teamId, externalId, lang: null, zone: null, facilitator: false, facilitatorRevoked: false, privacyNoteShownAt: null, createdAt: new Date(0) };
}

export async function findTeam(tx: Tx, platform: Platform, externalId: string): Promise<Team | undefined> {
  const [t] = await tx.select().from(teams).where(and(eq(teams.platform, platform), eq(teams.externalId, externalId)));
  return t;
}

/**
 * The port that reaches a team's chat, if this process serves its platform. The system team has none: code that
 * walks every team (schedules, clean-ups) gets undefined for it instead of a port it could post through.
 */
export function portOf(bot: Pick<Bot, 'ports'>, team: Pick<Team, 'platform'>): ChatPort | undefined {
  return team.platform === 'system' ? undefined : bot.ports.get(team.platform);
}

/**
 * The language the bot speaks to a team as a whole (channels, threads, follow-ups): the team's own. With a member,
 * what it says to that member alone (DMs): their own language when they chose one, else the team's.
 */
export function teamLang(team: Pick<Team, 'lang'>, member?: { lang: string | null }): Lang {
  if (isLang(member?.lang)) return member.lang;
  return isLang(team.lang) ? team.lang : 'pl';
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
