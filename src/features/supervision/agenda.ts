// The shared agenda: topics members bring to the next session — named, anonymous (unlinkable) or private notes.
//
// Anonymous topics store no member id, only a keyed HMAC of (team, salt, member) under the 'topic-author' key,
// so nobody reading the database can tell who wrote one, or that two were written by one person, yet its
// author can still remove it. They keep neither their source nor more of their time than the day, and they reach
// and leave the agenda at a random moment minutes after their author acted (anon-later.ts), never in that minute.
// Private topics are the member's own words, often an /autocheck's answer: sealed like the check (sealed.ts).
import { and, asc, eq, gt, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import type { Bot } from '../../core/bot.js';
import { UserError } from '../../core/errors.js';
import { dayOf } from '../../core/day.js';
import type { Block, Span } from '../../core/message.js';
import { shortened } from '../../core/split.js';
import type { Secrets } from '../../core/secrets.js';
import { ensureMember, type Team } from '../../core/teams.js';
import type { Tx } from '../../db/client.js';
import { nextTeamNumber } from '../../db/numbers.js';
import { members, supervisionSessions, supervisionTopics } from '../../db/schema/index.js';
import { t, type Lang } from '../../i18n/index.js';
import { maskMandatory } from '../cases/deidentify/index.js';
import { checkTopic, type TopicCheck } from './deidentify.js';
import { queueAnonymousTopic, queueTopicRemoval } from './anon-later.js';
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

/**
 * Add a topic. Group topics (named, anonymous) go on the next session's agenda and need one to exist;
 * private topics are the member's own notes and attach to the next session when there is one.
 * `zone` is the member's, for the label of the session; without it, it is read (never written) from their row.
 * A group topic is stored de-identified (its `check` says what was masked and what else to look at); a private
 * note is kept exactly as written, since nobody else reads it, and sealed, since it is often the most clinical line
 * of a check that the member was told is encrypted.
 * An anonymous topic is not written now but queued (anon-later.ts): it joins the agenda at a random moment minutes
 * later, numbered then, so neither the agenda nor a reminder shows it the minute its author typed (`later`).
 */
export async function addTopic(
  tx: Tx,
  bot: Bot,
  o: { team: Team; memberExternalId: string; text: string; visibility: Visibility; source: TopicSource; now: Date; lang: Lang; zone?: string },
): Promise<{ number?: number; later?: true; sessionLabel?: string; check?: TopicCheck; session?: Session }> {
  const written = o.text.trim();
  if (!written) throw new UserError('supervision.topicEmpty');
  if (written.length > TOPIC_MAX) throw new UserError('supervision.topicTooLong', { max: TOPIC_MAX, got: written.length });
  const check = o.visibility === 'private' ? undefined : checkTopic(written);
  const text = check?.text ?? written;
  const anonymous = o.visibility === 'anonymous';
  // Locked for a topic written now: a cancellation of that session meanwhile waits, then moves the topic on with the
  // others (an anonymous topic's session is checked again when it is written).
  const session = await nextSession(tx, o.team.id, o.now, { share: !anonymous });
  if (!session && o.visibility !== 'private') throw new UserError('supervision.noSession');
  // The label is for the member who added it: in their language and beside their own time, not the team's.
  const label = async (s: Session) => sessionWhen(o.lang, s, { zone: o.zone ?? (await memberZone(tx, o.team, o.memberExternalId)), member: true });
  if (anonymous) {
    // Never create or look up the member row (their zone is only read), so nothing ties the topic to them.
    await queueAnonymousTopic(tx, bot, { team: o.team, memberExternalId: o.memberExternalId, text, sessionId: session!.id, startsAt: session!.startsAt, now: o.now });
    return { later: true, sessionLabel: await label(session!), check, session: session! };
  }
  const memberId = (await ensureMember(tx, o.team.id, o.memberExternalId)).id;
  const sealed = o.visibility === 'private';
  // "Topic N" as its author will type it to remove it; numbered per team, shown to nobody else.
  const number = await nextTeamNumber(tx, supervisionTopics, o.team.id);
  await tx
    .insert(supervisionTopics)
    .values({
      teamId: o.team.id,
      number,
      sessionId: session?.id ?? null,
      memberId,
      text: sealed ? null : text,
      sealed: sealed ? sealText(bot.secrets, text) : null,
      visibility: o.visibility,
      source: o.source,
      createdAt: o.now,
    });
  if (!session) return { number, check };
  // From an /autocheck: the reminders already sent get the topic a little later, at a random moment, since an edit in
  // the very minute a member checked in would point at the check. A named topic from the command is shown at once
  // (the command rewrites the reminders after its own transaction).
  if (o.source === 'autocheck' && !sealed) await refreshLater(tx, o.team.id, [session.id], o.now);
  return { number, sessionLabel: await label(session), check, session };
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
    .orderBy(asc(supervisionTopics.number));
  return rows.map(({ sealed, ...r }) => ({ ...r, text: topicText(bot.secrets, { text: r.text, sealed }) }));
}

/**
 * Remove a topic its author wrote, by the number they were shown; anyone else's (or an unknown number) gets the same
 * answer, so numbers reveal nothing.
 * Returns the session whose sent reminders must be rewritten at once, when it was a named topic on one. An anonymous
 * topic on an agenda is unlinked from its author now (it is no longer theirs to list or remove) and leaves the agenda
 * and the reminders at a random moment minutes later (`later`, see anon-later.ts): gone the minute its author typed,
 * it would name them.
 */
export async function removeTopic(tx: Tx, bot: Bot, team: Team, memberExternalId: string, memberId: number, number: number): Promise<{ session?: Session; later?: true }> {
  const [g] = await tx
    .select({ id: supervisionTopics.id, sessionId: supervisionTopics.sessionId, visibility: supervisionTopics.visibility, startsAt: supervisionSessions.startsAt })
    .from(supervisionTopics)
    .leftJoin(supervisionSessions, eq(supervisionSessions.id, supervisionTopics.sessionId))
    .where(and(eq(supervisionTopics.number, number), await authoredBy(tx, bot, team, memberExternalId, memberId)))
    .for('update', { of: supervisionTopics });
  if (!g) throw new UserError('supervision.topicNotYours', { id: number });
  if (g.visibility === 'anonymous' && g.sessionId !== null) {
    await tx.update(supervisionTopics).set({ authorHmac: null, authorSalt: null }).where(eq(supervisionTopics.id, g.id));
    await queueTopicRemoval(tx, team, g.id, bot.clock.now(), { startsAt: g.startsAt ?? undefined });
    return { later: true };
  }
  // A loose topic (no session yet) is on no agenda: it can go at once.
  await tx.delete(supervisionTopics).where(eq(supervisionTopics.id, g.id));
  if (g.sessionId === null || g.visibility === 'private') return {};
  return { session: await sessionById(tx, team.id, g.sessionId) };
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
export function agendaBlocks(lang: Lang, items: AgendaItem[], o: { topicMax?: number } = {}): Block[] {
  if (!items.length) return [{ type: 'note', text: t(lang, 'supervision.agenda.empty') }];
  const topics = items.map((i) => ({ ...i, ...(o.topicMax ? shortened(i.text, o.topicMax) : { cut: false }) }));
  return [
    {
      type: 'list',
      items: topics.map((i): Span[] => [
        { text: i.text, untrusted: true },
        { text: ' — ' },
        i.author ? { text: i.author, mention: i.author } : { text: t(lang, 'supervision.agenda.anonymous').map((s) => s.text).join(''), style: 'italic' },
      ]),
    },
    ...(topics.some((i) => i.cut) ? [{ type: 'note' as const, text: t(lang, 'supervision.agenda.shortened') }] : []),
  ];
}
