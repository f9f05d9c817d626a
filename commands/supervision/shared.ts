// Helpers the /supervision subcommands share: finding a session from what a member typed, dates for display.
import { DateTime } from 'luxon';
import type { Context } from '../../src/core/context.js';
import { UserError } from '../../src/core/errors.js';
import type { Subcommand } from '../../src/core/registry.js';
import { looksLikeDate, parseDate, parseId } from '../../src/core/parse.js';
import { sessionOnDate } from '../../src/features/supervision/sessions.js';
import { sessionByNumber, type Session } from '../../src/features/supervision/store.js';
import { sessionWhen } from '../../src/features/supervision/when.js';
import type { Tx } from '../../src/db/client.js';

/**
 * A session in the member's words: its number, or its local date (YYYY-MM-DD). `example` is the command the
 * member could have typed (their own subcommand, a date from the clock), shown when nothing matches.
 */
export async function findSession(ctx: Context, tx: Tx, ref: string, o: { ahead?: boolean; spanning?: boolean; example: string }): Promise<Session> {
  const r = ref.trim().replace(/^#/, '');
  let s: Session | undefined;
  if (/^\d+$/.test(r)) {
    const number = parseId(r);
    s = number === undefined ? undefined : await sessionByNumber(tx, ctx.team.id, number);
  }
  else if (looksLikeDate(r)) s = await sessionOnDate(tx, ctx.team, parseDate(r), ctx.now, o.ahead, o.spanning);
  if (!s) throw new UserError('supervision.unknownSession', { got: ref, example: o.example });
  return s;
}

/** When a session is, in the member's language and the session's own zone (with theirs beside it when it differs). */
export function when(ctx: Context, s: Session): string {
  return sessionWhen(ctx.lang, s, { zone: ctx.zone, member: true });
}

/**
 * A date for examples, `days` from today in the team's zone: a week ahead (the default) is never in the past,
 * for planning; 0 is today, for commands about sessions that have happened.
 */
export function exampleDate(ctx: Context, days = 7): string {
  return DateTime.fromJSDate(ctx.now, { zone: ctx.team.zone }).plus({ days }).toISODate()!;
}

/** "/supervision odwołaj" in Polish, "/supervision cancel" in English: a subcommand's Polish name is its first alias. */
export function said(ctx: Context, path: string, sub: Subcommand): string {
  return `/supervision ${ctx.lang === 'pl' && sub.aliases?.[0] ? sub.aliases[0] : path}`;
}
