// Where sentences end, for detectors that link two details only when one sentence carries both ("lat 17 … w Łodzi").

/** After these, a period does not end the sentence ("ul. Długa", "im. Kopernika", "np. Marek"). */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  'p dr mgr prof inż hab np tzw ok ul al pl os św gen ks mr mrs ms mx st vs ie eg cf im nr bł kard abp bp płk'.split(' '),
);

// ".", "!", "?" or "…" (and a closing quote or bracket) before a space and a capital letter or a digit.
const END_RE = /([\p{L}\p{N}]*)([.!?…]+)["'”»)\]]*\s+(?=["'„“«(]?[\p{Lu}\p{N}])/gu;

/**
 * The offsets where a new sentence starts: after a newline, or after a sentence end that does not close an
 * abbreviation or an initial ("Pan K. przyszedł"). Sorted.
 */
function sentenceStarts(text: string): number[] {
  const starts: number[] = [];
  END_RE.lastIndex = 0;
  for (let m = END_RE.exec(text); m !== null; m = END_RE.exec(text)) {
    const word = m[1]!;
    if (m[2] === '.' && (/^\p{Lu}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase()))) continue;
    starts.push(m.index + m[0].length);
  }
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts.sort((a, b) => a - b);
}

/**
 * A test of whether two offsets of `text` lie in the same sentence. The text is read once, so detectors can ask
 * about every pair of candidates cheaply.
 */
export function sameSentenceIn(text: string): (a: number, b: number) => boolean {
  const starts = sentenceStarts(text);
  const sentence = (at: number): number => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (a, b) => sentence(a) === sentence(b);
}
