// Form drafts between modal steps, sealed with the bot's key. A draft is made when its modal opens and must outlive
// the writing: a modal's submit is a new interaction with its own token, so the old token's 15 minutes do not apply,
// and a case written with care takes longer than that. Expired drafts go at the next createDraft and in housekeeping.
import { randomBytes } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Bot } from '../../../src/core/bot.js';
import type { Form, RawValues } from '../../../src/core/form.js';
import type { MemberRef } from '../../../src/core/port.js';
import { discordFormDrafts } from '../../../src/db/schema/index.js';
import type { Lang } from '../../../src/i18n/index.js';

/** How long an unsent form waits, from its opening or its last saved step (discord.draftExpired names it). */
export const DRAFT_LIFE_MS = 6 * 60 * 60_000;

export interface Draft {
  form: Form;
  /** Answers so far, by field id (typed text, before the core validates them). */
  values: RawValues;
  /** The modal step to show next. */
  step: number;
  /** The language the form was built in, so the modal's own words (how to mark a choice) match it. */
  lang?: Lang;
}

/** A draft belongs to a member in one guild (`member.team`): the one the form was opened for. */
export async function createDraft(bot: Bot, member: MemberRef, draft: Draft): Promise<string> {
  const id = randomBytes(12).toString('base64url');
  const now = bot.clock.now();
  // Only drafts already past their life, anyone's: a colleague's open form is never cut short.
  await bot.db.delete(discordFormDrafts).where(lt(discordFormDrafts.expiresAt, now));
  await bot.db.insert(discordFormDrafts).values({ id, memberExternalId: member.id, teamExternalId: member.team, sealed: bot.secrets.encrypt(JSON.stringify(draft)), expiresAt: new Date(now.getTime() + DRAFT_LIFE_MS) });
  return id;
}

/**
 * The member's own draft, unexpired; undefined otherwise (someone else's id opens nothing). By id and member alone:
 * the id is random and theirs, and a Continue button pressed in a DM carries no guild.
 */
export async function loadDraft(bot: Bot, id: string, member: string): Promise<Draft | undefined> {
  const [row] = await bot.db.select().from(discordFormDrafts).where(and(eq(discordFormDrafts.id, id), eq(discordFormDrafts.memberExternalId, member)));
  if (!row || row.expiresAt.getTime() < bot.clock.now().getTime()) return undefined;
  return JSON.parse(bot.secrets.decrypt(row.sealed)) as Draft;
}

export async function saveDraft(bot: Bot, id: string, draft: Draft): Promise<void> {
  await bot.db
    .update(discordFormDrafts)
    .set({ sealed: bot.secrets.encrypt(JSON.stringify(draft)), expiresAt: new Date(bot.clock.now().getTime() + DRAFT_LIFE_MS) })
    .where(eq(discordFormDrafts.id, id));
}

export async function dropDraft(bot: Bot, id: string): Promise<void> {
  await bot.db.delete(discordFormDrafts).where(eq(discordFormDrafts.id, id));
}

/** The member of a sent form's mark: nobody (a mark is never loaded, exported or erased as anyone's draft). */
const SENT = '';

/**
 * A form that went in leaves a mark in its draft's place until the draft would have expired, so a Continue or Reopen
 * still showing elsewhere (another client, an earlier part's message) answers "already sent" instead of inviting the
 * member to run the command again. The mark keeps no member, no form and no answers; its expiry is the draft's own.
 */
export async function markSent(bot: Bot, id: string): Promise<void> {
  await bot.db.update(discordFormDrafts).set({ memberExternalId: SENT, sealed: bot.secrets.encrypt(JSON.stringify({ sent: true })) }).where(eq(discordFormDrafts.id, id));
}

/** Whether the draft behind this id was sent (and its mark is still kept). */
export async function wasSent(bot: Bot, id: string): Promise<boolean> {
  const [row] = await bot.db.select({ expiresAt: discordFormDrafts.expiresAt }).from(discordFormDrafts).where(and(eq(discordFormDrafts.id, id), eq(discordFormDrafts.memberExternalId, SENT)));
  return Boolean(row && row.expiresAt.getTime() >= bot.clock.now().getTime());
}

/**
 * Every draft of one member in one guild (an anonymous case was published or thrown away there: no form of theirs
 * may keep it). A form half-filled in another server is another matter, and stays.
 */
export async function dropDraftsOf(bot: Bot, member: MemberRef): Promise<void> {
  await bot.db.delete(discordFormDrafts).where(draftsOf(member.team, member.id));
}

/** The drafts of one member in one guild. */
export const draftsOf = (team: string, member: string) => and(eq(discordFormDrafts.teamExternalId, team), eq(discordFormDrafts.memberExternalId, member));
