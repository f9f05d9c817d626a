// Answers in prompt threads: anonymous replies under a per-thread pseudonym, and counting who answered.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Bot } from '../../core/bot.js';
import { UserError } from '../../core/errors.js';
import type { Form } from '../../core/form.js';
import { parseId } from '../../core/parse.js';
import { quoteBlock, type Message } from '../../core/message.js';
import type { Secrets } from '../../core/secrets.js';
import { findTeam, teamLang, type Team } from '../../core/teams.js';
import type { Tx } from '../../db/client.js';
import { outbox, promptPosts } from '../../db/schema/index.js';
import { tx as words, type Lang } from '../../i18n/index.js';
import { enqueue } from '../../schedule/outbox.js';
import { pseudonymLabel, pseudonymOrdinal, pseudonymReplyPrefix } from '../anonymity/pseudonyms.js';
import { checkTopic, type TopicCheck } from '../supervision/deidentify.js';
import { postByThread, recordReply } from './followup.js';

export const ANON_FORM_ID = 'prompts.anonReply';
export const ANON_MAX = 1500;

/** The pseudonyms' thread name of a prompt post: one letter per member per post. */
export const promptThread = (postId: number) => `prompt:${postId}`;

export function anonReplyForm(lang: Lang, postId: string): Form {
  return {
    id: ANON_FORM_ID,
    title: words(lang, 'prompts.anon.title'),
    submitLabel: words(lang, 'prompts.anon.submit'),
    intro: words(lang, 'prompts.anon.intro'),
    fields: [{ id: 'text', kind: 'text', multiline: true, maxLength: ANON_MAX, label: words(lang, 'prompts.anon.label') }],
    state: postId,
  };
}

/**
 * The prompt post an anonymous answer goes to, refused when its thread can no longer be found.
 *
 * Housekeeping keeps a prompt's opening message for as long as the post itself, so an answer to an old prompt
 * still lands: that is what a member who took the time to write wants. A post whose opening message is gone
 * all the same (purged before that rule, or never delivered) is refused here, before the member writes or at
 * the latest before "posted" is said: delivery could only give up on it, and the answer would vanish unseen.
 */
export async function findPost(db: Tx, teamId: number, postId: number): Promise<typeof promptPosts.$inferSelect> {
  const [found] = parseId(postId)
    ? await db
        .select({ post: promptPosts, parent: outbox.status })
        .from(promptPosts)
        .leftJoin(outbox, eq(outbox.key, promptPosts.outboxKey))
        .where(and(eq(promptPosts.id, postId), eq(promptPosts.teamId, teamId)))
    : [];
  if (!found || !found.parent || found.parent === 'failed' || found.parent === 'cancelled') throw new UserError('prompts.err.postGone');
  return found.post;
}

/**
 * Queue the answer in the post's thread under the member's pseudonym for that thread. Nothing stored
 * names the member: the pseudonym row and the reply count hold keyed HMACs; the text lives only in the
 * outgoing message.
 */
export async function postAnonReply(
  db: Tx,
  secrets: Secrets,
  team: Team,
  postId: number,
  memberExternalId: string,
  text: string,
  now: Date,
): Promise<{ persona: string; check: TopicCheck }> {
  const post = await findPost(db, team.id, postId);
  const ordinal = await pseudonymOrdinal(db, secrets, team.id, promptThread(post.id), memberExternalId, now);
  const persona = pseudonymLabel(ordinal, teamLang(team));
  // The bot posts it, so the bot de-identifies it first, as it does anonymous case replies and group topics.
  const check = checkTopic(text);
  // No summary: a notification shows the persona and the (de-identified) answer, as anonymous case replies do.
  const msg: Message = { blocks: [quoteBlock(check.text)], persona };
  await enqueue(db, now, {
    teamId: team.id,
    // The letter the thread shows, then random: the key says nothing about who wrote it.
    key: `${pseudonymReplyPrefix(`prompt-reply:${post.id}:`, ordinal)}${randomUUID()}`,
    target: { kind: 'channel', channel: post.channel, threadOfKey: post.outboxKey },
    message: msg,
  });
  await recordReply(db, secrets, post, memberExternalId, 'pseudonym');
  return { persona, check };
}

/** A member answered in some thread: if it is a prompt thread, count them (once). The text is never read. */
export async function countThreadReply(bot: Bot, ev: { platform: import('../../core/port.js').Platform; team: string; channel: string; thread: string; member: string }): Promise<void> {
  const team = await findTeam(bot.db, ev.platform, ev.team);
  if (!team) return;
  const post = await postByThread(bot.db, team.id, ev.channel, ev.thread);
  if (post) await recordReply(bot.db, bot.secrets, post, ev.member);
}
