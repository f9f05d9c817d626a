// Neutralizing member-written text for Discord: no markdown, no pings, no mass mentions.
const ZWSP = '\u200b';

/**
 * Make untrusted text inert: user/role/channel mention syntax removed, @everyone/@here broken with a
 * zero-width space, markdown characters escaped. allowed_mentions {parse: []} is the second lock.
 */
export function escapeUntrusted(text: string): string {
  let s = text;
  // Repeat: "<<@1>>" would otherwise leave "<@1>" behind after one pass.
  for (let before = ''; before !== s; ) {
    before = s;
    s = s.replace(/<(@[!&]?|#|\/[\w -]+:)(\d+)>/g, '$1$2');
  }
  return s
    .replace(/([\\*_~`|<>#\-[\]()])/g, '\\$1')
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    .replace(/^(\s*)(\d+)\./gm, '$1$2\\.');
}

/** Mentions that must never ping: every message says so explicitly. */
export const NO_MENTIONS = { parse: [] as never[], users: [] as string[], roles: [] as string[], replied_user: false };
