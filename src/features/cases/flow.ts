// The case flow: checks before posting, the private preview, publishing in one transaction, withdraw, replies, moderation.
import { randomInt, randomUUID } from 'node:crypto';
import type { Context } from '../../core/context.js';
import { isPlatformBusy, PlatformError, UserError } from '../../core/errors.js';
import { message, noteBlock, textBlock, type Message } from '../../core/message.js';
import type { MessageRef } from '../../core/port.js';
import { newSalt } from '../../core/secrets.js';
import { caseDelay, DEFAULTS, SETTINGS, teamChannel } from '../../core/settings.js';
import { setting } from '../../core/teams.js';
import type { Tx } from '../../db/client.js';
import { caseReports, cases } from '../../db/schema/index.js';
import { formatLocal, localDate } from '../../schedule/occurrence.js';
import { enqueue, findByKey } from '../../schedule/outbox.js';
import { claimAuthor, pseudonymLabel, pseudonymOrdinal, pseudonymReplyPrefix } from '../anonymity/pseudonyms.js';
import { CLEANUP_RETRY_MS, performCleanup, queueCleanup } from '../privacy/cleanup-later.js';
import { cleanupOf, closeCaseRow, isClosed, replyKeyPrefix, reportKeyPrefix, type ClosedOnPlatform } from './close.js';
import { maskMandatory } from './deidentify/index.js';
import { casePost, replyPost, reportPost } from './post.js';
import { previewMessage } from './preview.js';
import {
  banAuthorOf,
  banUntil,
  bump,
  caseThread,
  claimDraft,
  countToday,
  draftRef,
  findCase,
  isAuthor,
  loadDraft,
  markCancelled,
  markOf,
  markPublished,
  nextNumber,
  parseDraftRef,
  saveDraft,
  authorMac,
  type CaseRow,
  type CaseText,
  type DraftMark,
} from './store.js';

/** Anonymous replies and reports a member may send per day: generous for talk, a brake on abuse. */
export const REPLY_DAILY_LIMIT = 20;
export const REPORT_DAILY_LIMIT = 10;

const today = (ctx: Context) => localDate(ctx.now, ctx.team.zone);
const me = (ctx: Context) => ctx.inv.member.id;

/**
 * Everything that must hold before a member may post: a case channel, enough people in it to hide among,
 * no ban, and room under the daily limit. Returns the channel and whether the platform could count members.
 */
export async function checkCanPost(ctx: Context, tx: Tx = ctx.db): Promise<{ channel: string; membersUnknown: boolean }> {
  const where = await checkChannel(ctx);
  await checkAuthor(ctx, tx);
  return where;
}

/**
 * The platform's part: a case channel with enough people in it. It asks the platform (Discord: four REST calls),
 * so it never runs inside a transaction — on the embedded database every other member would wait on it.
 */
async function checkChannel(ctx: Context): Promise<{ channel: string; membersUnknown: boolean }> {
  const channel = teamChannel(ctx.team, 'caseChannel');
  if (!channel) throw new UserError('cases.err.noChannel');
  const min = setting(ctx.team, SETTINGS.caseMinMembers, DEFAULTS.caseMinMembers);
  const people = ctx.port.channelMembers ? await ctx.port.channelMembers(ctx.inv.team, channel) : undefined;
  if (people && people.length < min) throw new UserError('cases.err.fewMembers', { count: people.length, min });
  return { channel, membersUnknown: people === undefined };
}

/** The database's part: no ban, and room under the daily limit. */
async function checkAuthor(ctx: Context, tx: Tx): Promise<void> {
  const until = await banUntil(tx, ctx.bot.secrets, ctx.team.id, me(ctx), ctx.now);
  if (until) throw new UserError('cases.err.banned', { until: formatLocal(until, ctx.zone, ctx.lang) });
  const limit = setting(ctx.team, SETTINGS.caseDailyLimit, DEFAULTS.caseDailyLimit);
  const used = await countToday(tx, ctx.bot.secrets, 'case', ctx.team.id, me(ctx), today(ctx));
  if (used >= limit) throw new UserError('cases.err.dailyLimit', { count: used });
}

/**
 * The form was filled in: keep the text as a sealed draft and show the author the preview. The checks run again
 * (a limit, a ban or the channel may have changed while they wrote, or the platform may be busy); a refusal keeps
 * the draft and shows the preview under the reason, so a carefully written case is never lost to it — Publish
 * checks once more, and Cancel throws it away.
 */
export async function submitCase(ctx: Context, text: CaseText, state: string | undefined): Promise<void> {
  let membersUnknown = false;
  let refusal: Message['blocks'] = [];
  try {
    ({ membersUnknown } = await checkCanPost(ctx));
  } catch (e) {
    const caseChannel = teamChannel(ctx.team, 'caseChannel');
    const why =
      e instanceof UserError
        ? ctx.t(e.code, e.params)
        : isPlatformBusy(e)
          ? ctx.t('core.platformBusy')
          : e instanceof PlatformError && e.gone === 'place' && caseChannel
            ? ctx.t('core.cannotPost', { channel: { channel: caseChannel } })
            : undefined;
    // A bug: the member gets the apology and no preview, so nothing is saved: a new draft would wait where they
    // cannot reach it, and one being edited stays as its earlier preview shows it, whose buttons still work.
    if (!why) throw e;
    refusal = [textBlock(why), noteBlock(ctx.t('cases.preview.kept'))];
  }
  // Coming back from "Edit": the same draft is rewritten under its next revision, so only one ever waits, and the
  // earlier preview's buttons (they carry the revision they show) answer that a newer preview replaced them.
  const token = state ? parseDraftRef(state).token : undefined;
  const own = token ? await loadDraft(ctx.db, ctx.bot.secrets, ctx.team.id, me(ctx), token, ctx.now) : undefined;
  const rev = own ? own.rev + 1 : 0;
  const saved = await saveDraft(ctx.db, ctx.bot.secrets, ctx.team.id, me(ctx), text, ctx.now, own ? token : undefined, rev);
  const preview = previewMessage(ctx.lang, text, draftRef(saved, rev), membersUnknown);
  await ctx.reply(refusal.length ? { ...preview, blocks: [...refusal, ...preview.blocks] } : preview);
}

/**
 * The draft behind "Edit", or undefined when this preview is out of date — published, or replaced by a newer
 * preview after an edit (the author has been told so).
 */
export async function draftFor(ctx: Context, value: string, source?: MessageRef): Promise<CaseText | undefined> {
  const { token, rev } = parseDraftRef(value);
  const draft = await loadDraft(ctx.db, ctx.bot.secrets, ctx.team.id, me(ctx), token, ctx.now);
  if (draft?.rev === rev) return draft.text;
  if (draft) await answerReplaced(ctx, source);
  else await answerGone(ctx, await markOf(ctx.db, ctx.bot.secrets, ctx.team.id, me(ctx), token, ctx.now), source);
  return undefined;
}

/**
 * A button of a preview that an edit replaced: it would act on text it no longer shows, so it does nothing but say
 * so, and the preview becomes a short note where the platform lets the bot change it.
 */
async function answerReplaced(ctx: Context, source: MessageRef | undefined): Promise<void> {
  await ctx.reply('cases.preview.replaced');
  await ctx.closeWithNote(source, 'cases.preview.replacedNote');
}

/** Raised inside a transaction that claimed a draft whose revision is newer than the pressed preview: it rolls back. */
class Replaced extends Error {}

/**
 * A button of a preview whose draft is not here any more. Published: a calm "already published" with the number,
 * to the author alone (the mark is found only under their keyed MAC); cancelled (a second press of Cancel, or Publish
 * on another copy of the preview): "already cancelled". Either way the old preview loses its buttons where the
 * platform lets the bot change it. Otherwise the draft is really gone (expired, erased).
 */
async function answerGone(ctx: Context, mark: DraftMark | undefined, source: MessageRef | undefined): Promise<number | undefined> {
  if (!mark) throw new UserError('cases.err.draftGone');
  if ('cancelled' in mark) {
    await ctx.reply('cases.preview.alreadyCancelled');
    await ctx.closeWithNote(source, 'cases.preview.cancelledNote');
    return undefined;
  }
  await ctx.reply('cases.preview.alreadyPublished', { number: mark.published });
  await ctx.closeWithNote(source, 'cases.preview.closed');
  return mark.published;
}

/** Raised inside the publishing transaction when the post cannot be queued; the whole case rolls back. */
class NotQueued extends Error {}

/**
 * Publish a draft in one transaction: number, case row, author pseudonym, the delayed post, draft gone.
 * Any failure leaves nothing behind but the draft.
 */
export async function publish(ctx: Context, value: string, source?: MessageRef): Promise<number | undefined> {
  const { token, rev } = parseDraftRef(value);
  // The platform is asked first, outside the transaction; its refusal waits until the draft is known to exist,
  // so a gone draft is still named first, as before.
  const where = await checkChannel(ctx).catch((e: unknown) => {
    if (e instanceof UserError) return e;
    throw e;
  });
  let published: { number: number; channel: string; window: [number, number] } | { already: DraftMark | undefined };
  try {
    published = await ctx.db.transaction(async (tx) => {
      // Claimed (deleted) first, in one statement: of two presses of Publish only one finds the draft, and a failure
      // below rolls the claim back with everything else. The other finds the published mark left in its place.
      const draft = await claimDraft(tx, ctx.bot.secrets, ctx.team.id, me(ctx), token, ctx.now);
      if (!draft) return { already: await markOf(tx, ctx.bot.secrets, ctx.team.id, me(ctx), token, ctx.now) };
      if (draft.rev !== rev) throw new Replaced();
      const { text } = draft;
      if (where instanceof UserError) throw where;
      const { channel } = where;
      await checkAuthor(ctx, tx);
      const used = await bump(tx, ctx.bot.secrets, 'case', ctx.team.id, me(ctx), today(ctx));
      const limit = setting(ctx.team, SETTINGS.caseDailyLimit, DEFAULTS.caseDailyLimit);
      if (used > limit) throw new UserError('cases.err.dailyLimit', { count: limit });
      const number = await nextNumber(tx, ctx.team.id);
      const window = caseDelay(ctx.team);
      const [min, max] = window;
      const publishAt = new Date(ctx.now.getTime() + randomInt(min * 60, max * 60 + 1) * 1000);
      const masked = { number, title: maskMandatory(text.title), body: maskMandatory(text.body), question: maskMandatory(text.question), tags: text.tags };
      const salt = newSalt();
      const key = `case:${ctx.team.id}:${number}`;
      const [row] = await tx
        .insert(cases)
        .values({
          teamId: ctx.team.id,
          number,
          title: masked.title,
          body: masked.body,
          question: masked.question,
          tags: text.tags,
          publishAt,
          postKey: key,
          authorSalt: salt,
          authorMac: authorMac(ctx.bot.secrets, ctx.team.id, salt, me(ctx)),
          banSealed: ctx.bot.secrets.encrypt(ctx.bot.secrets.hmac('case-ban', ctx.team.id, me(ctx))),
          createdOn: localDate(publishAt, 'UTC'),
        })
        .returning({ id: cases.id });
      // Every timestamp written here is the public publication instant, never the moment of submission.
      await claimAuthor(tx, ctx.bot.secrets, ctx.team.id, caseThread(row!.id), me(ctx), publishAt);
      const queued = await enqueue(tx, publishAt, { teamId: ctx.team.id, key, target: { kind: 'channel', channel }, message: casePost(ctx.team.lang as 'pl' | 'en', masked), notBefore: publishAt });
      if (!queued) throw new NotQueued();
      await markPublished(tx, ctx.bot.secrets, ctx.team.id, me(ctx), token, number, publishAt);
      return { number, channel, window };
    });
  } catch (e) {
    if (e instanceof NotQueued) throw new UserError('cases.err.publishFailed');
    if (!(e instanceof Replaced)) throw e;
    await answerReplaced(ctx, source);
    return undefined;
  }
  if ('already' in published) return answerGone(ctx, published.already, source);
  // An open "Edit" form may still hold the case text under the author's id: nothing of it outlives the publishing.
  await ctx.port.forgetForms?.({ team: ctx.inv.team, id: ctx.inv.member.id });
  await ctx.reply(publishedMessage(ctx, published.number, published.channel, published.window));
  await ctx.closeWithNote(source, 'cases.preview.closed');
  return published.number;
}

/** "Case #N will appear in #channel in 2–20 minutes": the channel as a link, and the window this case was drawn from. */
function publishedMessage(ctx: Context, number: number, channel: string, [min, max]: [number, number]): Message {
  const when =
    max === 0
      ? ctx.tx('cases.published.soon')
      : min === max
        ? ctx.tx('cases.published.in', { count: max })
        : ctx.tx('cases.published.within', { count: max, min, max });
  return message(textBlock(ctx.t('cases.published', { number, channel: { channel }, when })));
}

export async function cancelDraft(ctx: Context, value: string, source?: MessageRef): Promise<void> {
  const { token, rev } = parseDraftRef(value);
  // Claimed like Publish does, so a Cancel that loses to a Publish of the same draft never says "nothing was posted":
  // it hears that the case is already published. A preview an edit replaced throws nothing away: the newer one holds it.
  // The cancelled mark left in the draft's place answers a second press (a double click) "already cancelled".
  const claimed = await ctx.db
    .transaction(async (tx) => {
      const draft = await claimDraft(tx, ctx.bot.secrets, ctx.team.id, me(ctx), token, ctx.now);
      if (draft && draft.rev !== rev) throw new Replaced();
      if (draft) await markCancelled(tx, ctx.bot.secrets, ctx.team.id, me(ctx), token, draft.savedAt);
      return Boolean(draft);
    })
    .catch((e: unknown) => {
      if (e instanceof Replaced) return 'replaced' as const;
      throw e;
    });
  if (claimed === 'replaced') return answerReplaced(ctx, source);
  if (!claimed) {
    await answerGone(ctx, await markOf(ctx.db, ctx.bot.secrets, ctx.team.id, me(ctx), token, ctx.now), source);
    return;
  }
  await ctx.port.forgetForms?.({ team: ctx.inv.team, id: ctx.inv.member.id });
  // The preview still shows the text it no longer stands for, with buttons that lead nowhere: it becomes a note.
  await ctx.closeWithNote(source, 'cases.preview.cancelledNote');
  await ctx.reply('cases.preview.cancelled');
}

/**
 * A case by number as this member may know of it, or the "no such case" answer. Until its publication instant a
 * case exists for its author alone: to everyone else it answers exactly as a number nobody has used, on every
 * path, so polling a number cannot tell the minute a case was submitted. The instant is `publish_at` (the post
 * never goes out before it, and it is on the row itself even after housekeeping), not the post's delivery
 * status, which lags the platform by a batch and says nothing a poller could not learn at that instant anyway.
 */
export async function caseOr404(ctx: Context, number: number, tx: Tx = ctx.db, lock?: 'share' | 'update'): Promise<CaseRow> {
  const row = await findCase(tx, ctx.team.id, number, lock);
  if (!row || (!isOut(row, ctx.now) && !isAuthor(ctx.bot.secrets, row, me(ctx)))) throw new UserError('cases.err.unknownCase', { number });
  return row;
}

/** Whether the group may know of the case: its publication instant has come. */
const isOut = (row: CaseRow, now: Date) => row.publishAt.getTime() <= now.getTime();

/** Closed to reports: withdrawn, hidden, or its text already gone (retention) — a reason would outlive the text. */
const isClosedToReports = (row: CaseRow) => isClosed(row) || row.textDeletedOn !== null;

/**
 * After the close has committed: the database is already clean. What the platform was too busy for is tried again
 * later, by the scheduler.
 */
export async function replaceClosed(ctx: Context, closed: ClosedOnPlatform): Promise<void> {
  const again = await performCleanup(ctx.bot, ctx.port, ctx.inv.team, cleanupOf(closed));
  if (again.edits.length || again.removals.length) await ctx.db.transaction((tx) => queueCleanup(tx, ctx.team, ctx.bot.clock.now(), again, CLEANUP_RETRY_MS));
}

/** Where a case's replies and reports sit in the outbox (kept here too, for those that import them from the flow). */
export { replyKeyPrefix, reportKeyPrefix };

/**
 * Only the author (salted MAC match) may withdraw; everyone else gets the same answer as for a missing case. The row is
 * locked for the close (as hide does): a hide meanwhile waits and then finds it closed, and a reply or report holding
 * it is waited for, so what it queued is cancelled with the rest.
 */
export async function withdraw(ctx: Context, number: number): Promise<void> {
  const ref = await ctx.db.transaction(async (tx) => {
    const row = await findCase(tx, ctx.team.id, number, 'update');
    if (!row || !isAuthor(ctx.bot.secrets, row, me(ctx))) throw new UserError('cases.err.notYours');
    if (isClosed(row)) throw new UserError('cases.alreadyHidden', { number });
    return closeCaseRow(tx, row, 'withdrawn', ctx.team.lang as 'pl' | 'en', today(ctx));
  });
  await replaceClosed(ctx, ref);
  await ctx.reply('cases.withdrawn', { number });
}

export async function hide(ctx: Context, number: number): Promise<void> {
  ctx.requireFacilitator();
  const ref = await ctx.db.transaction(async (tx) => {
    // Locked for the close, like withdraw: of a hide and a withdrawal at once, the second hears "already hidden".
    const row = await caseOr404(ctx, number, tx, 'update');
    if (isClosed(row)) throw new UserError('cases.alreadyHidden', { number });
    return closeCaseRow(tx, row, 'hidden', ctx.team.lang as 'pl' | 'en', today(ctx));
  });
  await replaceClosed(ctx, ref);
  await ctx.reply('cases.hidden', { number });
}

/** Ban the anonymous author of case N; the answer names the case, never the person. */
export async function ban(ctx: Context, number: number, days: number): Promise<void> {
  ctx.requireFacilitator();
  const until = new Date(ctx.now.getTime() + days * 86_400_000);
  await ctx.db.transaction(async (tx) => {
    const row = await caseOr404(ctx, number, tx);
    if (!(await banAuthorOf(tx, ctx.bot.secrets, row, until))) throw new UserError('cases.err.banBeforeKeyChange', { number });
  });
  await ctx.reply('cases.banned', { number, until: formatLocal(until, ctx.zone, ctx.lang) });
}

/** Before opening the reply or report form: the case exists (for this member) and is open to that. */
export async function openCase(ctx: Context, number: number, purpose: 'reply' | 'report'): Promise<CaseRow> {
  const row = await caseOr404(ctx, number);
  if (purpose === 'reply' && isClosed(row)) throw new UserError('cases.err.closed', { number });
  if (purpose === 'report' && isClosedToReports(row)) throw new UserError('cases.err.reportClosed', { number });
  return row;
}

/** An anonymous reply in the case's thread, under this thread's pseudonym ("Author" for the author). */
export async function reply(ctx: Context, number: number, text: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    // Locked like report(): a close committing meanwhile is seen here, and one that comes later waits for this reply
    // and cancels it with the rest, so no reply reaches a thread after it was hidden or withdrawn.
    const row = await caseOr404(ctx, number, tx, 'share');
    if (isClosed(row)) throw new UserError('cases.err.closed', { number });
    const n = await bump(tx, ctx.bot.secrets, 'reply', ctx.team.id, me(ctx), today(ctx));
    if (n > REPLY_DAILY_LIMIT) throw new UserError('cases.err.replyLimit', { count: REPLY_DAILY_LIMIT });
    const post = await findByKey(tx, row.postKey);
    // A post that never reached the channel (failed, cancelled) has no thread to answer in: say so now, not 'sent'.
    if (!post || post.target.kind !== 'channel' || post.status === 'failed' || post.status === 'cancelled') throw new UserError('cases.err.closed', { number });
    const ordinal = await pseudonymOrdinal(tx, ctx.bot.secrets, ctx.team.id, caseThread(row.id), me(ctx), ctx.now);
    const persona = pseudonymLabel(ordinal, ctx.team.lang as 'pl' | 'en');
    await enqueue(tx, ctx.now, {
      teamId: ctx.team.id,
      key: `${pseudonymReplyPrefix(replyKeyPrefix(row.id), ordinal)}${randomUUID()}`,
      target: { kind: 'channel', channel: post.target.channel, threadOfKey: row.postKey },
      message: replyPost(persona, maskMandatory(text)),
    });
  });
  await ctx.reply('cases.reply.sent', { number });
}

/** A report goes to the moderation channel with the case number and reason; nobody's identity travels with it. */
export async function report(ctx: Context, number: number, reason: string | undefined): Promise<void> {
  const mod = teamChannel(ctx.team, 'moderationChannel');
  // With nowhere to send it, a stored reason (it may identify someone) would only sit unread, and counting it
  // would spend the member's daily reports on nothing; so nothing is kept or counted, only the member is told.
  if (!mod) {
    await ctx.reply('cases.err.noModChannel');
    return;
  }
  await ctx.db.transaction(async (tx) => {
    // Locked: a withdrawal or hide committing meanwhile is seen here, so no reason is stored after it cleared them.
    const row = await caseOr404(ctx, number, tx, 'share');
    if (isClosedToReports(row)) throw new UserError('cases.err.reportClosed', { number });
    const n = await bump(tx, ctx.bot.secrets, 'report', ctx.team.id, me(ctx), today(ctx));
    if (n > REPORT_DAILY_LIMIT) throw new UserError('cases.err.reportLimit');
    const masked = reason ? maskMandatory(reason) : undefined;
    await tx.insert(caseReports).values({ caseId: row.id, reason: masked ?? null, createdOn: localDate(ctx.now, 'UTC') });
    await enqueue(tx, ctx.now, {
      teamId: ctx.team.id,
      key: `${reportKeyPrefix(row.id)}${randomUUID()}`,
      target: { kind: 'channel', channel: mod },
      message: reportPost(ctx.team.lang as 'pl' | 'en', number, masked),
    });
  });
  await ctx.reply('cases.report.sent');
}
