// The simulated workspace of the playground: one team, four channels, a facilitator and three therapists.
export const TEAM = 'playground';
export const TEAM_NAME = 'Playground';

export interface SimMember {
  id: string;
  name: string;
  locale: string;
  isAdmin: boolean;
}

/** Polish and English colleagues, so both languages and every role can be tried from each side. */
export const MEMBERS: readonly SimMember[] = [
  { id: 'magda', name: 'Magda Kowalska', locale: 'pl-PL', isAdmin: true },
  { id: 'tomek', name: 'Tomasz Wiśniewski', locale: 'pl-PL', isAdmin: false },
  { id: 'ola', name: 'Aleksandra Nowak', locale: 'pl-PL', isAdmin: false },
  { id: 'emily', name: 'Emily Carter', locale: 'en-GB', isAdmin: false },
];

/** Channel ids are their names, so `#reflection` typed in a command is the id the core receives. */
export const CHANNELS = ['reflection', 'cases', 'supervision', 'moderation'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * The Polish name each channel answers to as well. The Polish help and examples say `#refleksja`, `#przypadki`…: a
 * Polish newcomer who copies one means the playground's channel, so the name leads there (names.ts), while the
 * channel itself keeps one id whatever language the team speaks — its messages, schedules and settings stay put.
 */
export const POLISH_NAMES: Record<Channel, string> = { reflection: 'refleksja', cases: 'przypadki', supervision: 'superwizja', moderation: 'moderacja' };

/** A channel named either way ("reflection", "Refleksja") → its id; undefined for a channel the playground has not. */
export function channelNamed(name: string): Channel | undefined {
  const n = name.replace(/^#/, '').toLowerCase();
  return CHANNELS.find((c) => c === n || POLISH_NAMES[c] === n);
}

export const dmChannel = (memberId: string): string => `dm-${memberId}`;

export function findMember(id: unknown): SimMember | undefined {
  return MEMBERS.find((m) => m.id === id);
}

/** Whether a member may read a channel: every shared channel, and only their own DM. */
export function canRead(memberId: string, channel: string): boolean {
  return (CHANNELS as readonly string[]).includes(channel) || channel === dmChannel(memberId);
}

export function isKnownChannel(channel: string): boolean {
  return (CHANNELS as readonly string[]).includes(channel) || MEMBERS.some((m) => channel === dmChannel(m.id));
}

/**
 * A member named the way a person knows them — their handle ("tomek"), their whole name or, when no one else shares
 * it, their first name ("Tomasz"), in any letter case — or undefined (nobody, or more than one).
 */
export function memberNamed(name: string, among: readonly SimMember[] = MEMBERS): SimMember | undefined {
  const n = name.replace(/^@/, '').toLocaleLowerCase('pl');
  const by = (f: (m: SimMember) => string) => among.filter((m) => f(m).toLocaleLowerCase('pl') === n);
  for (const found of [by((m) => m.id), by((m) => m.name), by((m) => firstName(m))]) {
    if (found.length === 1) return found[0];
    if (found.length > 1) return undefined;
  }
  return undefined;
}

export const firstName = (m: SimMember): string => m.name.split(/\s+/)[0]!;
