// The supervision rhythm typed in the setup form ("poniedziałek 18:00 co drugi tydzień", "every other monday 18:00"),
// read whole: a word it cannot place is refused with an example, never dropped ("co 2 miesiące" is not every 2 weeks).
// The rhythm's own words are read by core/rhythm.ts, as /reflect and /supervision read them.
import { UserError } from '../../core/errors.js';
import { fold, parseTime, parseWeekday } from '../../core/parse.js';
import { DAY_TIME_FILLERS, readRhythm, rhythmAt } from '../../core/rhythm.js';

export interface Rhythm {
  weekday: number;
  time: string;
  every: number;
}

/** The longest gap a series may have, as /supervision schedule's `every` allows. */
const MAX_EVERY = 8;

const isFiller = (w: string | undefined) => w !== undefined && (DAY_TIME_FILLERS as readonly string[]).includes(fold(w));
function isWeekday(w: string | undefined): boolean {
  if (w === undefined) return false;
  try {
    parseWeekday(w);
    return true;
  } catch {
    return false;
  }
}

/** "monday 18:00 every 2 weeks" / "poniedziałek 18:00 co drugi tydzień" → weekday, hour and every how many weeks. */
export function parseRhythm(text: string): Rhythm {
  const bad = () => new UserError('onboarding.setup.badRhythm', { got: text });
  const words = text.trim().split(/[\s,]+/).filter(Boolean);
  let i = 0;
  let every: number | undefined;
  // The rhythm said before the day ("co drugi poniedziałek", "every other monday"), or a word that only leads to it
  // ("w poniedziałek", "every monday").
  const lead = rhythmAt(words, 0);
  if (lead && isWeekday(words[lead.used])) [every, i] = [lead.weeks, lead.used];
  else if (isFiller(words[0]) && isWeekday(words[1])) i = 1;
  if (i >= words.length) throw bad();
  const weekday = parseWeekday(words[i++]!);
  if (isFiller(words[i]) && i < words.length - 1) i++;
  // No hour at all ("poniedziałek co 2 tygodnie") is a rhythm not understood; an hour mistyped ("6pm") gets the
  // time's own answer, with the 24-hour example.
  const hour = words[i++];
  if (hour === undefined || !/\d/.test(hour)) throw bad();
  const time = parseTime(hour);
  const rest = words.slice(i);
  if (rest.length) {
    // Everything after the hour is one rhythm, said once: "co 2 tygodnie co 3 tygodnie" is not read as either.
    const after = readRhythm(rest.join(' '));
    if (after === undefined || every !== undefined) throw bad();
    every = after;
  }
  every ??= 1;
  if (every < 1 || every > MAX_EVERY) throw new UserError('onboarding.setup.rhythmRange', { got: text, max: MAX_EVERY });
  return { weekday, time, every };
}
