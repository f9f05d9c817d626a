// Who can see a channel, from REST data alone (no member cache, no privileged intent): Discord's documented order —
// owner, roles, Administrator, then the channel's overwrites for @everyone, the member's roles and the member.
import { PermissionFlagsBits } from 'discord.js';

export interface RawRole {
  id: string;
  permissions: string;
}
export interface RawOverwrite {
  id: string;
  /** 0: role, 1: member */
  type: number;
  allow: string;
  deny: string;
}
export interface RawMember {
  user: { id: string; bot?: boolean };
  roles?: string[];
}

const ALL = ~0n;

/** The member's permissions in the guild, before any channel's overwrites. */
function basePermissions(guild: { id: string; ownerId: string; roles: RawRole[] }, member: RawMember): bigint {
  if (member.user.id === guild.ownerId) return ALL;
  const byId = new Map(guild.roles.map((r) => [r.id, BigInt(r.permissions)]));
  let perms = byId.get(guild.id) ?? 0n; // @everyone's role has the guild's id
  for (const id of member.roles ?? []) perms |= byId.get(id) ?? 0n;
  return perms & PermissionFlagsBits.Administrator ? ALL : perms;
}

/** The member's permissions in one channel. */
export function channelPermissions(guild: { id: string; ownerId: string; roles: RawRole[] }, overwrites: RawOverwrite[], member: RawMember): bigint {
  let perms = basePermissions(guild, member);
  if (perms === ALL) return ALL;
  const apply = (allow: bigint, deny: bigint) => (perms = (perms & ~deny) | allow);
  const everyone = overwrites.find((o) => o.id === guild.id);
  if (everyone) apply(BigInt(everyone.allow), BigInt(everyone.deny));
  // The member's roles' overwrites count together: every deny first, then every allow.
  let allow = 0n;
  let deny = 0n;
  for (const o of overwrites) {
    if (o.type === 0 && o.id !== guild.id && (member.roles ?? []).includes(o.id)) {
      allow |= BigInt(o.allow);
      deny |= BigInt(o.deny);
    }
  }
  apply(allow, deny);
  const own = overwrites.find((o) => o.type === 1 && o.id === member.user.id);
  if (own) apply(BigInt(own.allow), BigInt(own.deny));
  return perms;
}

/** The people (not bots) among `members` who can view the channel. */
export function viewers(guild: { id: string; ownerId: string; roles: RawRole[] }, overwrites: RawOverwrite[], members: RawMember[]): string[] {
  return members.filter((m) => !m.user.bot && channelPermissions(guild, overwrites, m) & PermissionFlagsBits.ViewChannel).map((m) => m.user.id);
}
