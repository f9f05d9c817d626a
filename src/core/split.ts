// Splitting long text into the pieces a platform accepts: at a line break, else at a space, else a hard cut that
// never halves a surrogate pair (an emoji) — nor whatever else the platform's adapter says must stay whole.

/**
 * Pieces of at most `max` characters, in order; joined with the break they were cut at, they are the text again.
 * `keepWhole(rest, cut)` may move a hard cut earlier, e.g. to the start of an escaped `&amp;` on Slack.
 */
export function splitText(text: string, max: number, keepWhole?: (rest: string, cut: number) => number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) {
      cut = keepWhole ? keepWhole(rest, max) : max;
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  if (rest.length || !out.length) out.push(rest);
  return out;
}

/** The text within `max` characters: whole, or its first piece (as splitText cuts it) with a visible "…". */
export function shortened(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  return { text: `${splitText(text, max - 1)[0]!.trimEnd()}…`, cut: true };
}
