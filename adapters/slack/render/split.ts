// Splitting long mrkdwn into pieces Slack accepts: the core's splitter, never cutting an escaped &entity; in two.
import { splitText } from '../../../src/core/split.js';

/** A hard cut just before an unfinished `&amp;` / `&lt;` / `&gt;` moves to the `&`. */
function beforeEntity(rest: string, cut: number): number {
  const amp = rest.lastIndexOf('&', cut - 1);
  return amp >= 0 && cut - amp < 5 && !rest.slice(amp, cut).includes(';') ? amp : cut;
}

/** Pieces of at most `max` characters; prefers newlines, then spaces, then a hard cut. */
export function splitMrkdwn(text: string, max: number): string[] {
  return splitText(text, max, beforeEntity);
}
