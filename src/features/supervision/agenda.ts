// The shared agenda: topics members bring to the next session — named, anonymous (unlinkable) or private notes.
//
// Anonymous topics store no member id, only a keyed HMAC of (team, salt, member) under the 'topic-author' key,
// so nobody reading the database can tell who wrote one, or that two were written by one person, yet its
// author can still remove it. They keep neither their source nor more of their time than the day.
// Private topics are the member's own words, often an /autocheck's answer: sealed like the check (sealed.ts).
import { and, asc, eq, gt, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import type { Bot } from '../../core/bot.js';
import { UserError } from '../../core/errors.js';
import type { Block, Span } from '../../core/message.js';
import { newSalt, type Secrets } from '../../core/secrets.js';
import { ensureMember, type Team } from '../../core/teams.js';
import type { Tx } from '../../db/client.js';
import { members, supervisionSessions, supervisionTopics } from '../../db/schema/index.js';
import { t, type Lang } from '../../i18n/index.js';
import { maskMandatory } from '../cases/deidentify/index.js';
import { checkTopic, type TopicCheck } from './deidentify.js';
import { refreshLater } from './reminders.js';
import { sealText, topicText } from './sealed.js';
import { nextSession, sessionById, type Session } from './store.js';
import { sessionWhen } from './when.js';

export type Visibility = 'private' | 'named' | 'anonymous';
export type TopicSource = 'autocheck' | 'command';
/** A topic as its author sees it: the words opened, whether stored sealed (private) or not. */
export type Topic = Omit<typeof supervisionTopics.$inferSelect, 'text' | 'sealed'> & { text: string };

export const TOPIC_MAX = 1000;

/** The MAC of an anonymous topic's author; rows from before salts carry the unsalted one. */
export function topicAuthorMac(secrets: Secrets, teamId: number, salt: string | null, memberExternalId: string): string {
  return salt ? secrets.hmac('topic-author', teamId, salt, memberExternalId) : secrets.hmac('topic-author', teamId, memberExternalId);
}

/** Ids of the member's anonymous topics in the team, each row's MAC computed again with its own salt. */
export async function anonymousTopicIds(tx: Tx, secrets: Secrets, teamId: number, memberExternalId: string): Promise<number[]> {
  const rows = await tx
    .select({ id: supervisionTopics.id, salt: supervisionTopics.authorSalt, mac: supervisionTopics.authorHmac })
    .from(supervisionTopics)
    .where(and(eq(supervisionTopics.teamId, teamId), isNotNull(supervisionTopics.authorHmac)));
  return rows.filter((r) => r.mac === topicAuthorMac(secrets, teamId, r.salt, memberExternalId)).map((r) => r.id);
}

/** The author's own topics: named and private ones by member id, anonymous ones by MAC. */
async function authoredBy(tx: Tx, bot: Bot, team: Team, memberExternalId: string, memberId: number) {
  const anonymous = await anonymousTopicIds(tx, bot.secrets, team.id, memberExternalId);
  return and(eq(supervisionTopics.teamId, team.id), anonymous.length ? or(eq(supervisionTopics.memberId, memberId), inArray(supervisionTopics.id, anonymous)) : eq(supervisionTopics.memberId, memberId));
}

/** Midnight UTC of the instant: all an anonymous topic keeps of its time. */
export function dayOf(at: Date): Date {
  const d = new Date(at);
  d.setUTCHours(0, 0, 0, 0);
  return d;
}


/**
 * Add a topic. Group topics (named, anonymous) go on the next session's agenda and need one to exist;
 * private topics are the member's own notes and attach to the next session when there is one.
 * `zone` is the member's, for the label of the session; without it, it is read (never written) from their row.
 * A group topic is stored de-identified (its `check` says what was masked and what else to look at); a private
 * note is kept exactly as written, since nobody else reads it, and sealed, since it is often the most clinical line
 * of a check that the member was told is encrypted.
 */
export async function addTopic(
  tx: Tx,
  bot: Bot,
  o: { team: Team; memberExternalId: string; text: string; visibility: Visibility; source: TopicSource; now: Date; lang: Lang; zone?: string },
): Promise<{ id: number; sessionLabel?: string; check?: TopicCheck; session?: Session }> {
  const written = o.text.trim();
  if (!written) throw new UserError('supervision.topicEmpty');
  if (written.length > TOPIC_MAX) throw new UserError('supervision.topicTooLong', { max: TOPIC_MAX, got: written.length });
  const check = o.visibility === 'private' ? undefined : checkTopic(written);
  const text = check?.text ?? written;
  const session = await nextSession(tx, o.team.id, o.now);
  if (!session && o.visibility !== 'private') throw new UserError('supervision.noSession');
  // Anonymous: never create or look up the member row, so nothing ties the topic to them.
  const anonymous = o.visibility === 'anonymous';
  const memberId = anonymous ? null : (await ensureMember(tx, o.team.id, o.memberExternalId)).id;
  const salt = anonymous ? newSalt() : null;
  const sealed = o.visibility === 'private';
  const [row] = await tx
    .insert(supervisionTopics)
    .values({
      teamId: o.team.id,
      sessionId: session?.id ?? null,
      memberId,
      authorHmac: anonymous ? topicAuthorMac(bot.secrets, o.team.id, salt, o.memberExternalId) : null,
      authorSalt: salt,
      text: sealed ? null : text,
      sealed: sealed ? sealText(bot.secrets, text) : null,
      visibility: o.visibility,
      // An autocheck saved at the same moment names its member: an anonymous topic keeps neither source nor time.
      source: anonymous ? null : o.source,
      createdAt: anonymous ? dayOf(o.now) : o.now,
    })
    .returning({ id: supervisionTopics.id });
  if (!session) return { id: row!.id, check };
  // From an /autocheck, or anonymous: the reminders already sent get the topic a little later, at a random moment,
  // since an edit in the very minute a member typed would name the author. Only a named topic from the command is
  // shown at once (the command rewrites the reminders after its own transaction).
  if ((o.source === 'autocheck' || anonymous) && !sealed) await refreshLater(tx, o.team.id, [session.id], o.now);
  // The label is for the member who added it: in their language and beside their own time, not the team's.
  const zone = o.zone ?? (await memberZone(tx, o.team, o.memberExternalId));
  return { id: row!.id, sessionLabel: sessionWhen(o.lang, session, { zone, member: true }), check, session };
}

/** The member's own zone, else the team's; a read only, so an anonymous topic still creates no member row. */
export async function memberZone(tx: Tx, team: Team, externalId: string): Promise<string> {
  const [m] = await tx.select({ zone: members.zone }).from(members).where(and(eq(members.teamId, team.id), eq(members.externalId, externalId)));
  return m?.zone ?? team.zone;
}

/** The member's own topics: named and private by member id, anonymous ones by their HMAC. */
export async function myTopics(tx: Tx, bot: Bot, team: Team, memberExternalId: string, memberId: number): Promise<Topic[]> {
  const rows = await tx
    .select()
    .from(supervisionTopics)
    .where(await authoredBy(tx, bot, team, memberExternalId, memberId))
    .orderBy(asc(supervisionTopics.id));
  return rows.map(({ sealed, ...r }) => ({ ...r, text: topicText(bot.secrets, { text: r.text, sealed }) }));
}

/**
 * Remove a topic its author wrote; anyone else (or an unknown id) gets the same answer, so ids reveal nothing.
 * Returns the session whose sent reminders must be rewritten at once, when it was a named topic on one. An anonymous
 * topic leaves them a little later (refreshLater, in this transaction): an edit the moment it went would name its author.
 */
export async function removeTopic(tx: Tx, bot: Bot, team: Team, memberExternalId: string, memberId: number, topicId: number): Promise<Session | undefined> {
  const gone = await tx
    .delete(supervisionTopics)
    .where(and(eq(supervisionTopics.id, topicId), await authoredBy(tx, bot, team, memberExternalId, memberId)))
    .returning({ id: supervisionTopics.id, sessionId: supervisionTopics.sessionId, visibility: supervisionTopics.visibility });
  if (!gone.length) throw new UserError('supervision.topicNotYours', { id: topicId });
  const [g] = gone;
  if (g!.sessionId === null || g!.visibility === 'private') return undefined;
  if (g!.visibility === 'anonymous') return void (await refreshLater(tx, team.id, [g!.sessionId], bot.clock.now()));
  return sessionById(tx, team.id, g!.sessionId);
}

export interface AgendaItem {
  id: number;
  text: string;
  /** Platform id of the named author; undefined for anonymous topics. */
  author?: string;
}

/** A session's shared agenda (private notes excluded), oldest first. */
export async function sessionAgenda(tx: Tx, sessionId: number): Promise<AgendaItem[]> {
  const rows = await tx
    .select({ id: supervisionTopics.id, text: supervisionTopics.text, visibility: supervisionTopics.visibility, author: members.externalId })
    .from(supervisionTopics)
    .leftJoin(members, eq(members.id, supervisionTopics.memberId))
    .where(and(eq(supervisionTopics.sessionId, sessionId), inArray(supervisionTopics.visibility, ['named', 'anonymous'])))
    .orderBy(asc(supervisionTopics.id));
  // Masked again on the way out: a topic stored before group topics were de-identified must not show a PESEL either.
  return rows.map((r) => ({ id: r.id, text: maskMandatory(r.text ?? ''), author: r.visibility === 'named' ? (r.author ?? undefined) : undefined }));
}

/**
 * Give the topics waiting for "the next session" the one that is next now; called whenever a session is planned.
 *
 * Waiting are loose topics (left by a cancellation when no session was planned, private notes made when none
 * was) and those a later session took in that way before an earlier one was planned: a topic older than its
 * session cannot have been added for it, so it came there as a waiting one. (An anonymous topic keeps only its
 * day, so it counts as older only from the day after its session was planned.) Topics members added for a
 * session stay with it: they were told its date.
 */
export async function homeWaitingTopics(tx: Tx, teamId: number, now: Date): Promise<void> {
  const next = await nextSession(tx, teamId, now);
  if (!next) return;
  await tx
    .update(supervisionTopics)
    .set({ sessionId: next.id })
    .where(and(eq(supervisionTopics.teamId, teamId), isNull(supervisionTopics.sessionId)));
  const later = await tx
    .select({ id: supervisionTopics.id, visibility: supervisionTopics.visibility, createdAt: supervisionTopics.createdAt, planned: supervisionSessions.createdAt })
    .from(supervisionTopics)
    .innerJoin(supervisionSessions, eq(supervisionSessions.id, supervisionTopics.sessionId))
    .where(and(eq(supervisionTopics.teamId, teamId), eq(supervisionSessions.status, 'scheduled'), gt(supervisionSessions.startsAt, next.startsAt)));
  const waiting = later.filter((r) => r.createdAt < (r.visibility === 'anonymous' ? dayOf(r.planned) : r.planned)).map((r) => r.id);
  if (waiting.length) await tx.update(supervisionTopics).set({ sessionId: next.id }).where(inArray(supervisionTopics.id, waiting));
}

/** The agenda as a list block: named topics with their author as a mention span (never a ping), anonymous as such. */
export function agendaBlocks(lang: Lang, items: AgendaItem[]): Block[] {
  if (!items.length) return [{ type: 'note', text: t(lang, 'supervision.agenda.empty') }];
  return [
    {
      type: 'list',
      items: items.map((i): Span[] => [
        { text: i.text, untrusted: true },
        { text: ' — ' },
        i.author ? { text: i.author, mention: i.author } : { text: t(lang, 'supervision.agenda.anonymous').map((s) => s.text).join(''), style: 'italic' },
      ]),
    },
  ];
}
