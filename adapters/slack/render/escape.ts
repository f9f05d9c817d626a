// Neutralizing text for Slack mrkdwn: nothing a member wrote can ping, link or format when the bot re-posts it.

const ZWJ = '\u200D';
const ZWSP = '\u200B';

/** The three characters Slack asks apps to escape; this alone kills <!channel>, <@U…>, <!subteam^…> and <url|label>. */
export function escapeEntities(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Text as the member typed it, from what Slack sends (slash command text, message text): Slack escapes a typed
 * &, < and > as entities, while its own markup (<@U…>, <#C…|name>) keeps the bare signs. The inverse of
 * escapeEntities, so re-posting escapes each sign exactly once. A link the member typed comes (with escaping on) as
 * Slack's link markup, `<https://…>` or `<http://zoom.us/j/1|zoom.us/j/1>` when typed without its scheme: it becomes
 * the plain address again (an e-mail address, `<mailto:…|anna@example.org>`, the address as typed), or it would be
 * re-posted as the visible text `<https://…>`. Mentions stay Slack's markup: the core reads them as ids.
 */
export function typedText(text: string): string {
  return text
    .replace(/<(https?:\/\/[^\s<>|]+)(?:\|[^<>]*)?>/gi, '$1')
    .replace(/<mailto:([^\s<>|]+)(?:\|([^<>]*))?>/gi, (_m, address: string, label?: string) => label || address)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * A link as a member types it, which Slack links by itself: from `http(s)://` and a letter, digit or `[` (an IPv6
 * host) up to a space, a control character, `<` or `>` (escaped: they could open Slack markup) or a backtick (it would
 * end a code span around the link, and formatting would start after it).
 */
const LINK = /https?:\/\/[\p{L}\p{N}[][^\s<>`\u0000-\u001f]*/giu;

/**
 * @channel/@here/@everyone as typed, broken with a zero-width joiner after "@" so that they stay text. Followed by
 * anything but a letter or digit, "_" included: `\b` let "@here_" through, and neutralize then put a zero-width space
 * before the "_", leaving a bare "@here".
 */
function breakBroadcasts(text: string): string {
  return text.replace(/@(channel|here|everyone)(?![\p{L}\p{N}])/giu, `@${ZWJ}$1`);
}

/**
 * Member-written text: a person or channel they named shows as the name they saw ("@anna", "#general" — Slack sends
 * a typed mention as <@U…|anna>), never as a live mention; entities escaped, raw @channel/@here/@everyone broken
 * with a zero-width joiner after "@", and mrkdwn markup (* _ ~ `) made inert with a zero-width space before it, so it
 * shows as typed. A link keeps its characters (a zero-width space inside `pwd=Ab_Cd` would change the address Slack
 * links): only its &, < and > are escaped, which Slack undoes in the link, and a broadcast word in it is broken all
 * the same. With `<` and `>` escaped nothing in a link can become a mention.
 */
export function neutralize(text: string): string {
  const named = text.replace(/<([@#])[UWC][A-Z0-9]+\|([^<>|]+)>/g, (_m, sign: string, name: string) => `${sign}${name}`);
  const inert = (part: string) => breakBroadcasts(escapeEntities(part)).replace(/[*_~`]/g, (c) => `${ZWSP}${c}`);
  let out = '';
  let at = 0;
  for (const m of named.matchAll(LINK)) {
    out += inert(named.slice(at, m.index)) + breakBroadcasts(escapeEntities(m[0]));
    at = m.index + m[0].length;
  }
  return out + inert(named.slice(at));
}

/** Text that goes into a `plain_text` object: Slack never parses it, but @here must still not ping. */
export function plainSafe(text: string): string {
  return breakBroadcasts(text);
}

/** A link target safe inside <url|label>: only http(s), with the delimiters percent-encoded. */
export function safeUrl(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  return url.replace(/[<>|\s]/g, (c) => encodeURIComponent(c));
}
