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
 * escapeEntities, so re-posting escapes each sign exactly once.
 */
export function typedText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Member-written text: a person or channel they named shows as the name they saw ("@anna", "#general" — Slack sends
 * a typed mention as <@U…|anna>), never as a live mention; entities escaped, raw @channel/@here/@everyone broken
 * with a zero-width joiner after "@", and mrkdwn markup (* _ ~ `) made inert with a zero-width space before it, so it
 * shows as typed.
 */
export function neutralize(text: string): string {
  return escapeEntities(text.replace(/<([@#])[UWC][A-Z0-9]+\|([^<>|]+)>/g, (_m, sign: string, name: string) => `${sign}${name}`))
    .replace(/@(channel|here|everyone)\b/gi, `@${ZWJ}$1`)
    .replace(/[*_~`]/g, (c) => `${ZWSP}${c}`);
}

/** Text that goes into a `plain_text` object: Slack never parses it, but @here must still not ping. */
export function plainSafe(text: string): string {
  return text.replace(/@(channel|here|everyone)\b/gi, `@${ZWJ}$1`);
}

/** A link target safe inside <url|label>: only http(s), with the delimiters percent-encoded. */
export function safeUrl(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  return url.replace(/[<>|\s]/g, (c) => encodeURIComponent(c));
}
