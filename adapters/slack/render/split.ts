// Splitting long mrkdwn into pieces Slack accepts, at line or word boundaries, never inside an &entity;.

/** Pieces of at most `max` characters; prefers newlines, then spaces, then a hard cut. */
export function splitText(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) {
      cut = max;
      // Do not cut an escaped entity (&amp; &lt; &gt;) in two.
      const amp = rest.lastIndexOf('&', cut - 1);
      if (amp >= 0 && cut - amp < 5 && !rest.slice(amp, cut).includes(';')) cut = amp;
      // Nor a surrogate pair.
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  if (rest.length || !out.length) out.push(rest);
  return out;
}
