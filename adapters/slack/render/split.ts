// Splitting long text into pieces Slack accepts: mrkdwn never cut inside an escaped &entity;, rich text cut between
// or inside its spans before rendering, so every piece opens and closes its own marks.
import type { Rich, Span } from '../../../src/core/message.js';
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

/** A mention, a channel or a link renders as Slack markup of its own: it is never cut. */
const whole = (s: Span) => Boolean(s.mention || s.channel || s.link);

/** The spans covering characters [from, to) of the rich text's plain characters; a whole span is in or out. */
function slice(rich: Rich, from: number, to: number): Rich {
  const out: Rich = [];
  let at = 0;
  for (const s of rich) {
    const start = at;
    at += s.text.length;
    if (at <= from || start >= to) continue;
    if (whole(s) || (start >= from && at <= to)) out.push(s);
    else out.push({ ...s, text: s.text.slice(Math.max(0, from - start), Math.min(s.text.length, to - start)) });
  }
  return out;
}

/** Where a cut at `cut` would fall inside a whole span, that span's start (or its end, when it starts the text). */
function outsideWhole(rich: Rich, cut: number): number {
  let at = 0;
  for (const s of rich) {
    const start = at;
    at += s.text.length;
    if (cut > start && cut < at && whole(s)) return start > 0 ? start : at;
  }
  return cut;
}

/**
 * Rich text rendered in pieces of at most `max` characters each. The cut is made in the spans, not in the finished
 * mrkdwn, so a bold or code run cut in two is closed in one piece and opened again in the next: cutting the text
 * "*Joanna Kowalska*" would show "*Joanna" and "Kowalska*". Like splitText, it prefers a line break, then a space (in
 * the second half of what fits; the break itself is dropped), then a hard cut that never halves an emoji.
 */
export function splitRich(rich: Rich, max: number, render: (rich: Rich) => string): string[] {
  const out: string[] = [];
  let rest = rich.filter((s) => s.text !== '' || whole(s));
  for (;;) {
    const all = render(rest);
    if (all.length <= max) {
      out.push(all);
      return out;
    }
    const plain = rest.map((s) => s.text).join('');
    const fits = (cut: number) => render(slice(rest, 0, cut)).length <= max;
    // The longest start that fits: rendering only adds to a text (escapes, marks), so this is near enough monotonic,
    // and a cut that does not fit after all is moved back below.
    let lo = 0;
    let hi = plain.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (fits(mid)) lo = mid;
      else hi = mid;
    }
    let cut = -1;
    for (const br of ['\n', ' ']) {
      for (let b = plain.lastIndexOf(br, lo); b >= lo / 2 && b > 0; b = plain.lastIndexOf(br, b - 1)) {
        if (outsideWhole(rest, b) === b && outsideWhole(rest, b + 1) === b + 1 && fits(b)) {
          cut = b;
          break;
        }
      }
      if (cut > 0) break;
    }
    let next: number;
    if (cut > 0) next = cut + 1;
    else {
      cut = lo;
      const code = plain.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
      while (cut > 1 && !fits(outsideWhole(rest, cut))) cut -= 1;
      // At least one character or whole span goes, so the loop ends even when nothing fits (a longer link label).
      cut = Math.max(1, outsideWhole(rest, cut));
      next = cut;
    }
    out.push(render(slice(rest, 0, cut)));
    rest = slice(rest, next, plain.length);
  }
}
