// The language a playground message was written in, kept with it so the page can mark it (`lang`) for screen readers.
import type { Bot } from '../../src/core/bot.js';
import type { Message } from '../../src/core/message.js';
import { findTeam, teamLang } from '../../src/core/teams.js';
import { isLang, type Lang } from '../../src/i18n/index.js';
import { TEAM_NAME, findMember } from './workspace.js';

/**
 * A stored message: the core's model plus the language it was written in. Kept inside the row's message, not in a
 * column of its own: only the playground reads it, and rows from before it simply have none (the page's language
 * is assumed for them, as before).
 */
export type StoredMessage = Message & { lang?: Lang };

/** Who a message speaks to or for: the member it is private to, the member whose DM it is in, or its author. */
export interface Audience {
  channel: string;
  author: string;
  ephemeralFor?: string | null;
}

/**
 * The language the core wrote a message in, asked as it is written: a member's answers, DMs and own words in that
 * member's language (their choice, the team's, their locale), anything the bot posts in a channel in the team's. A
 * page that switches language later still reads older messages in theirs: a Polish prompt in a Polish voice on an
 * English page, and no English voice mangling it.
 */
export async function languageOf(bot: Bot, team: string, to: Audience): Promise<Lang> {
  const reader = to.ephemeralFor ?? (to.author !== 'bot' ? to.author : to.channel.startsWith('dm-') ? to.channel.slice('dm-'.length) : null);
  const member = reader ? findMember(reader) : undefined;
  if (member) {
    // Looked up, never created: a member who just had everything deleted gets their answer without a new row.
    const inv = { platform: 'web' as const, team, teamName: TEAM_NAME, member: { id: member.id, name: member.name, locale: member.locale, isAdmin: member.isAdmin } };
    return (await bot.context(inv, { createMember: false })).lang;
  }
  const row = await findTeam(bot.db, 'web', team);
  return row ? teamLang(row) : 'pl';
}

/** The language a stored message was written in; undefined for rows from before it was kept. */
export function writtenIn(message: Message): Lang | undefined {
  const lang = (message as StoredMessage).lang;
  return isLang(lang) ? lang : undefined;
}

export const withLang = (message: Message, lang: Lang): StoredMessage => ({ ...message, lang });
