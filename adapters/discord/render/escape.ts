// Neutralizing member-written text for Discord: no markdown, no pings, no mass mentions — and links that still work.
const ZWSP = '\u200b';

/**
 * A link as a member types it: bare, or in angle brackets (which Discord shows without a preview). It ends at a space
 * or `<`, where Discord's own autolink ends, so that nothing we escape after it is taken into the link.
 */
const URL = /<https?:\/\/[^\s<>]+>|https?:\/\/[^\s<]+/g;
/**
 * What Discord turns into a link by itself (its markdown's autolink rule): at least two characters after `//`, the
 * last not one of `.,:;"')]` — those after it stay outside the link as plain text. A "URL" Discord would not link
 * (`https://*`) is escaped like any other text, or its characters would format.
 */
const AUTOLINK = /^https?:\/\/[^\s<]+[^<.,:;"')\]\s]/;

/**
 * Make untrusted text inert: user/role/channel mention syntax removed, @everyone/@here broken with a
 * zero-width space, markdown characters escaped. allowed_mentions {parse: []} is the second lock.
 * Links are kept exactly as typed (a backslash inside one would go into the address Discord opens: a meeting link
 * `abc-defg-hij` or a Zoom `pwd=Ab_Cd` would break): Discord links them whole, so nothing in them formats. Only the
 * characters Discord leaves outside a link (`.,:;"')]`) can follow it unescaped, and none of them opens anything.
 * `keepLinks: false` escapes links too: inside a masked link's label a `](` in a "URL" would end the label early.
 */
export function escapeUntrusted(text: string, o: { keepLinks?: boolean } = {}): string {
  let s = text;
  // Repeat: "<<@1>>" would otherwise leave "<@1>" behind after one pass.
  for (let before = ''; before !== s; ) {
    before = s;
    s = s.replace(/<(@[!&]?|#|\/[\w -]+:)(\d+)>/g, '$1$2');
  }
  if (o.keepLinks === false) return escapeText(s);
  let out = '';
  let at = 0;
  for (const m of s.matchAll(URL)) {
    const link = m[0];
    const bare = link.startsWith('<') ? link.slice(1, -1) : link;
    if (!AUTOLINK.test(bare)) continue; // not a link to Discord: escaped with the text around it
    out += escapeText(s.slice(at, m.index)) + link;
    at = m.index + link.length;
  }
  out += escapeText(s.slice(at));
  // A line that starts like a numbered list ("1. ") would render as one; no link starts a line with a digit.
  return out.replace(/^(\s*)(\d+)\./gm, '$1$2\\.');
}

function escapeText(text: string): string {
  return text.replace(/([\\*_~`|<>#\-[\]()])/g, '\\$1').replace(/@(everyone|here)/gi, `@${ZWSP}$1`);
}

/** Mentions that must never ping: every message says so explicitly. */
export const NO_MENTIONS = { parse: [] as never[], users: [] as string[], roles: [] as string[], replied_user: false };
