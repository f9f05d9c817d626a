// Looking up what a member typed among known words: Polish or English, any case, with or without diacritics.

/** Lower-case, strip diacritics (ł has no decomposition, so it is mapped by hand), spaces to hyphens. */
export function foldWord(word: string): string {
  return word
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/^[#/]+/, '')
    .replace(/[\s_]+/g, '-');
}

/** A lookup from folded canonical names and aliases to their value, built once. */
export function wordLookup<T extends string>(canonical: readonly T[], aliases: Record<string, T>): (word: string) => T | undefined {
  const map = new Map<string, T>([...canonical.map((t): [string, T] => [foldWord(t), t]), ...Object.entries(aliases).map(([k, t]): [string, T] => [foldWord(k), t])]);
  return (word) => map.get(foldWord(word));
}
