// Prompt schedules as rows of the core's schedules table: create, find (only the team's own, by its number), dates ahead.
import { and, asc, eq, inArray, max, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { UserError, type RefusalReason } from '../../core/errors.js';
import type { Tx } from '../../db/client.js';
import { nextTeamNumber } from '../../db/numbers.js';
import { occurrences, schedules } from '../../db/schema/index.js';
import type { ScheduleRow } from '../../schedule/kinds.js';
import { payloadFor, payloadOf, scheduleKindName, type KindName, type StoredPayload } from '../../schedule/payload.js';
import { localDate, localToInstant, nextOccurrence, type Rule, type WeeklyRule } from '../../schedule/occurrence.js';
import type { Theme } from './library.js';

/** What a team prompt schedule carries: where, which themes, and who to tell when one is missed. */
export type PromptPayload = {
  channel: string;
  themes: Theme[];
  /** Platform id of the facilitator who created it (told about missed prompts); gone when they deleted their data. */
  creator?: string;
  /**
   * Set when the platform refused a prompt in `channel` for good (deleted, archived, the bot removed): the schedule
   * was paused then and someone told. Only meant while the schedule still posts in that channel.
   */
  unavailable?: { channel: string; since: string; code: string; why?: RefusalReason };
};

/** What a personal prompt schedule carries: the member (by our row id) and the language they chose it in. */
export type PersonalPayload = {
  memberId: number;
  lang: 'pl' | 'en';
  /** Set when the member's DMs refused the prompt for good: paused then, shown when they next look. */
  unreachable?: { since: string; code: string };
};

/** What a follow-up carries: the prompt post (our row id) whose thread it counts. */
export type FollowUpPayload = { postId: number };

export const PROMPT_KIND = scheduleKindName<PromptPayload>()('prompt');
export const PERSONAL_KIND = scheduleKindName<PersonalPayload>()('personal-prompt');
export const FOLLOWUP_KIND = scheduleKindName<FollowUpPayload>()('prompt-followup');

/** The channel of a team prompt schedule is known to refuse its posts (see PromptPayload.unavailable). */
export function channelUnavailable(p: PromptPayload): boolean {
  return p.unavailable?.channel === p.channel;
}

export { weeklyRule, type WeeklyRule } from '../../schedule/occurrence.js';

/** A team prompt schedule: it always has its "#N" (migration 0016 numbered the older ones). */
export type PromptSchedule = ScheduleRow & { number: number };

/** Insert a schedule nobody refers to by number (a member's personal prompt). */
export async function insertSchedule<P extends StoredPayload>(db: Tx, teamId: number, kind: KindName<string, P>, zone: string, rule: WeeklyRule, first: Date, payload: NoInfer<P>): Promise<ScheduleRow> {
  const [row] = await db.insert(schedules).values({ teamId, kind, zone, rule, nextDueAt: first, payload: payloadFor(kind, payload) }).returning();
  return row!;
}

/** Insert a team prompt schedule with the team's next "#N". Locks the team row: pass the transaction that should hold it. */
export async function insertPromptSchedule(tx: Tx, teamId: number, zone: string, rule: WeeklyRule, first: Date, payload: PromptPayload): Promise<PromptSchedule> {
  const number = await nextTeamNumber(tx, schedules, teamId, eq(schedules.kind, PROMPT_KIND));
  const [row] = await tx
    .insert(schedules)
    .values({ teamId, kind: PROMPT_KIND, number, zone, rule, nextDueAt: first, payload: payloadFor(PROMPT_KIND, payload) })
    .returning();
  return { ...row!, number };
}

export async function teamPromptSchedules(db: Tx, teamId: number): Promise<PromptSchedule[]> {
  const rows = await db.select().from(schedules).where(and(eq(schedules.teamId, teamId), eq(schedules.kind, PROMPT_KIND))).orderBy(asc(schedules.number));
  return rows as PromptSchedule[];
}

/** The team's prompt schedules that post in `channel`, paused ones too, by number. */
export async function promptSchedulesIn(db: Tx, teamId: number, channel: string): Promise<PromptSchedule[]> {
  return (await teamPromptSchedules(db, teamId)).filter((s) => payloadOf(s, PROMPT_KIND).channel === channel);
}

/**
 * A team's prompt schedule by the number a member typed ("#3" in `/reflect list`); none of that number in this team is
 * "unknown" — never another team's schedule, nor another kind's.
 */
export async function findScheduleByNumber(db: Tx, teamId: number, number: number, lock = false): Promise<PromptSchedule> {
  const q = db.select().from(schedules).where(and(eq(schedules.teamId, teamId), eq(schedules.kind, PROMPT_KIND), eq(schedules.number, number)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new UserError('prompts.err.unknownSchedule', { id: number });
  return { ...row, number };
}

/** The member's personal prompt schedule; `lock` holds it (FOR UPDATE) against a tick firing it meanwhile. */
export async function personalSchedule(db: Tx, teamId: number, memberId: number, lock = false): Promise<ScheduleRow | undefined> {
  const q = db
    .select()
    .from(schedules)
    .where(and(eq(schedules.teamId, teamId), eq(schedules.kind, PERSONAL_KIND), sql`(${schedules.payload}->>'memberId')::int = ${memberId}`));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function deleteSchedules(db: Tx, ids: number[]): Promise<void> {
  if (ids.length) await db.delete(schedules).where(inArray(schedules.id, ids));
}

/** The next `n` dates that will bring a prompt (team holidays left out), as local YYYY-MM-DD. */
export function nextPromptDates(rule: Rule, zone: string, after: Date, n: number, holidays: readonly string[]): string[] {
  const out: string[] = [];
  let at: Date | null = after;
  while (out.length < n && (at = nextPromptAt(rule, zone, at, holidays))) out.push(localDate(at, zone));
  return out;
}

/** The next occurrence that is not a team holiday: what members will actually see. */
export function nextPromptAt(rule: Rule, zone: string, after: Date, holidays: readonly string[]): Date | null {
  let at: Date | null = after;
  for (let i = 0; i < 400 && (at = nextOccurrence(rule, zone, at)); i++) if (!holidays.includes(localDate(at, zone))) return at;
  return null;
}

/** The instant of the schedule's occurrence on a local date, or null when the rule has none that day. */
export function occurrenceOn(rule: WeeklyRule, zone: string, date: string): Date | null {
  const unskipped: WeeklyRule = { ...rule, skip: [] };
  const dayStart = localToInstant(date, '00:00', zone);
  const at = nextOccurrence(unskipped, zone, new Date(dayStart.getTime() - 1));
  return at && localDate(at, zone) === date ? at : null;
}

const DAY = 86_400_000;

/**
 * The first instant of a prompt schedule's rule (in `zone`) that does not bring this week's question a second time
 * once its day or hour changed: when the last one sent by `scheduleId` came this week (Monday to Sunday in `zone`),
 * from next week; and never within a day of it. Personal prompts (a member's new time) and team prompts (setup).
 */
export async function nextUnrepeatedAt(tx: Tx, scheduleId: number | undefined, rule: WeeklyRule, zone: string, now: Date): Promise<Date | null> {
  const [last] =
    scheduleId === undefined
      ? []
      : await tx
          .select({ at: max(occurrences.dueAt) })
          .from(occurrences)
          .where(and(eq(occurrences.scheduleId, scheduleId), eq(occurrences.outcome, 'fired')));
  let after = now.getTime();
  if (last?.at) {
    const thisWeek = DateTime.fromJSDate(now, { zone }).startOf('week');
    if (last.at.getTime() >= thisWeek.toMillis()) after = Math.max(after, thisWeek.plus({ weeks: 1 }).toMillis());
    after = Math.max(after, last.at.getTime() + DAY);
  }
  return nextOccurrence(rule, zone, new Date(after));
}
