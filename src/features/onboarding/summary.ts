// What /sojusz setup answers once saved, line by line: what it changed, and what it left as it was but the facilitator
// should know (prompts still paused, or still running with their fields left empty).
import { t, type Lang, type MessageKey, type Params } from '../../i18n/index.js';
import { zonedRhythm } from '../prompts/describe.js';
import type { WeeklyRule } from '../prompts/schedules.js';
import type { Session } from '../supervision/store.js';
import { sessionWhen } from '../supervision/when.js';

/** One line of setup's answer: a catalogue key, and the prompt schedule it speaks of (number and rhythm). */
export interface SetupLine {
  key: MessageKey;
  prompt?: { number: number | null; rule: WeeklyRule; zone: string };
  /** A supervision session the new rhythm moved: from when to when. */
  moved?: { from: Session; to: Session };
}

/** What setup changed (the list) and what it left as it was but the facilitator should know (notes). */
export interface SetupOutcome {
  changed: SetupLine[];
  notes: SetupLine[];
}

/** A line of the summary in `lang`; a prompt schedule is named by its number and its rhythm, whatever that is. */
export function setupLine(lang: Lang, teamZone: string, line: SetupLine) {
  const p = line.prompt;
  const params: Params = p ? { id: p.number ?? undefined, rhythm: zonedRhythm(p.rule, p.zone, teamZone, lang) } : {};
  const m = line.moved;
  if (m) Object.assign(params, { from: sessionWhen(lang, m.from, { zone: teamZone, member: false }), to: sessionWhen(lang, m.to, { zone: teamZone, member: false }) });
  return t(lang, line.key, params);
}
