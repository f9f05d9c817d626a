// Alliance flags: a goal, task, bond or overall rating that is low, or clearly below the member's own average.
import { ALLIANCE_ITEMS, type AllianceItem, type Answers } from './forms.js';

/** At or below this (of 5) an alliance item is called low. */
export const LOW_THRESHOLD = 2;
/** A drop of at least this many points below the member's recent average is flagged. */
export const DROP_POINTS = 1;
/** How many of the member's previous checks make the "recent average". */
export const RECENT_CHECKS = 5;
/** An average needs at least this many earlier values, so one odd session does not set the bar. */
export const MIN_HISTORY = 2;

export type Flag =
  | { kind: 'low'; item: AllianceItem; value: number }
  | { kind: 'drop'; item: AllianceItem; value: number; average: number };

/**
 * Flags for the check just made, against the member's earlier checks (newest first). Each item is
 * flagged once: as low when it is low, otherwise as a drop when it is a drop.
 */
export function allianceFlags(current: Answers, previous: readonly Answers[]): Flag[] {
  const flags: Flag[] = [];
  for (const item of ALLIANCE_ITEMS) {
    const value = current[item];
    if (typeof value !== 'number') continue;
    if (value <= LOW_THRESHOLD) {
      flags.push({ kind: 'low', item, value });
      continue;
    }
    const earlier = previous
      .map((a) => a[item])
      .filter((v): v is number => typeof v === 'number')
      .slice(0, RECENT_CHECKS);
    if (earlier.length < MIN_HISTORY) continue;
    const average = earlier.reduce((s, v) => s + v, 0) / earlier.length;
    if (average - value >= DROP_POINTS) flags.push({ kind: 'drop', item, value, average: Math.round(average * 10) / 10 });
  }
  return flags;
}
