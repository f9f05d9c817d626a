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
