// What the playground's team has arranged right now — prompt schedules, supervision series, the case channel — for the welcome.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { SETTINGS } from '../../src/core/settings.js';
import type { Team } from '../../src/core/teams.js';
import type { Tx } from '../../src/db/client.js';
import { schedules } from '../../src/db/schema/index.js';
import type { Rule } from '../../src/schedule/occurrence.js';

/** The schedule kinds of a prompt schedule and a supervision series (PROMPT_KIND in src/features/prompts/schedules.ts,
 *  SERIES_KIND in src/features/supervision/sessions.ts, which an adapter may not import). */
const PROMPT = 'prompt';
const SERIES = 'supervision';

type Weekly = Extract<Rule, { type: 'weekly' }>;

/** One weekly rhythm in a channel, in its own zone. */
export interface Rhythm {
  channel: string;
  weekday: number;
  time: string;
  every: number;
  zone: string;
}

export interface Arrangement {
  prompts: Rhythm[];
  supervision: Rhythm[];
  caseChannel?: string;
  /** The team's zone: a rhythm in another zone says which. */
  zone: string;
}

/**
 * Read-only, on every view: the welcome describes what runs now, not what the sample set up at first start (a
 * facilitator may have moved the prompt to Monday since). Paused and stopped schedules run nothing, so they are left out.
 */
export async function arrangement(db: Tx, team: Team): Promise<Arrangement> {
  const rows = await db
    .select({ kind: schedules.kind, rule: schedules.rule, zone: schedules.zone, payload: schedules.payload })
    .from(schedules)
    .where(and(eq(schedules.teamId, team.id), inArray(schedules.kind, [PROMPT, SERIES]), eq(schedules.paused, false)))
    .orderBy(asc(schedules.id));
  const rhythms = (kind: string): Rhythm[] =>
    rows
      .filter((r) => r.kind === kind && r.rule.type === 'weekly' && typeof r.payload.channel === 'string')
      .map((r) => {
        const rule = r.rule as Weekly;
        return { channel: String(r.payload.channel), weekday: rule.weekday, time: rule.time, every: rule.every, zone: r.zone };
      });
  const caseChannel = team.settings?.[SETTINGS.caseChannel];
  return { prompts: rhythms(PROMPT), supervision: rhythms(SERIES), caseChannel: typeof caseChannel === 'string' ? caseChannel : undefined, zone: team.zone };
}
