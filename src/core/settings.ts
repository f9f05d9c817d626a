// Team setting keys and their defaults, in one place so every feature reads the same names.
import { setting, type Team } from './teams.js';

export const SETTINGS = {
  /** Channel roles given by facilitators (platform channel ids). */
  promptChannel: 'channel.prompts',
  caseChannel: 'channel.cases',
  moderationChannel: 'channel.moderation',
  supervisionChannel: 'channel.supervision',
  /** Random publication delay window for anonymous cases, minutes [min, max]. */
  caseDelay: 'cases.delay',
  /** Members needed in the case channel before anonymous posting is allowed. */
  caseMinMembers: 'cases.minMembers',
  /** Cases a member may post per day. */
  caseDailyLimit: 'cases.dailyLimit',
  /** Retention in days. */
  retentionCases: 'retention.cases',
  retentionAutochecks: 'retention.autochecks',
  /** Follow-up in prompt threads after N days; 0 = off. */
  promptFollowUpDays: 'prompts.followUpDays',
  /** Dates (YYYY-MM-DD) on which the team's schedules do not fire. */
  holidays: 'holidays',
  /** Supervision reminder offsets in minutes, largest first. */
  reminderOffsets: 'supervision.reminders',
} as const;

export const DEFAULTS = {
  caseDelay: [2, 20] as [number, number],
  caseMinMembers: 4,
  caseDailyLimit: 3,
  retentionCases: 180,
  retentionAutochecks: 365,
  promptFollowUpDays: 0,
  reminderOffsets: [24 * 60, 60],
};

export function caseDelay(team: Team): [number, number] {
  return setting(team, SETTINGS.caseDelay, DEFAULTS.caseDelay);
}
export function teamChannel(team: Team, key: keyof typeof SETTINGS): string | undefined {
  return setting<string | undefined>(team, SETTINGS[key], undefined);
}
export function teamHolidays(team: Team): string[] {
  return setting<string[]>(team, SETTINGS.holidays, []);
}
