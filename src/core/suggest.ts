// "Did you mean…?": the known word nearest to a typo, when it is near enough to be what the member meant.
import { distance } from 'fastest-levenshtein';
import { foldWord } from '../i18n/lookup.js';

/**
 * The candidate whose spelling is nearest to what was typed (case and Polish letters folded), or undefined when
 * none is within a slip of the fingers: one edit for short words, two from six letters on. A tie goes to the first.
 * Each candidate may say what it is compared with (`typed`: the first two words for a two-word name).
 */
export function nearest<T>(typed: string, candidates: readonly { word: string; value: T; typed?: string }[]): T | undefined {
  let best: { d: number; value: T } | undefined;
  for (const c of candidates) {
    const t = foldWord(c.typed ?? typed);
    if (!t) continue;
    const d = distance(t, foldWord(c.word));
    if (d <= (t.length >= 6 ? 2 : 1) && (!best || d < best.d)) best = { d, value: c.value };
  }
  return best?.value;
}
