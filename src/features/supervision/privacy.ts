// Supervision in the privacy registry: RSVPs, topics (anonymous ones found by their keyed MAC), hours, prefs, and the
// series and sessions a facilitator planned (their platform id in the schedule's payload).
// Private topics and hours notes are sealed (sealed.ts): exported opened, re-sealed by a secret rotation.
import { and, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { DEFAULTS, SETTINGS } from '../../core/settings.js';
import { setting } from '../../core/teams.js';
import { members, schedules, supervisionHours, supervisionPrefs, supervisionRsvps, supervisionSessions, supervisionTopics, teams } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import { payloadOf } from '../../schedule/payload.js';
import { CLEANUP_DELAY_MINUTES } from '../privacy/cleanup-later.js';
import { openWaiting, queueTopicRemoval, sealWaiting, waitingTopics } from './anon-later.js';
import { randomMac, type PrivacyContributor } from '../../core/privacy.js';
import { anonymousTopicIds, topicAuthorMac } from './agenda.js';
import { refreshLater, REMINDER_KIND } from './reminders.js';
import { hoursNote, resealText, topicText } from './sealed.js';
import { SERIES_KIND } from './sessions.js';
import { sessionById } from './store.js';

const DAY = 24 * 60 * 60 * 1000;


/** The team's supervision series and one-off sessions' reminder rows that name this member as who planned them. */
function plannedBy(teamId: number, externalId: string) {
  return and(eq(schedules.teamId, teamId), inArray(schedules.kind, [SERIES_KIND, REMINDER_KIND]), sql`${schedules.payload}->>'creator' = ${externalId}`);
}

/** What a facilitator planned, as `/supervision list` names it: series (S-numbers) and one-off sessions. */
async function planned(tx: Tx, teamId: number, externalId: string) {
  const rows = await tx.select().from(schedules).where(plannedBy(teamId, externalId));
  const series = rows
    .filter((r) => r.kind === SERIES_KIND)
    .map((r) => ({ series: `S${r.number}`, channel: payloadOf(r, SERIES_KIND).channel, zone: r.zone, rule: r.rule, stopped: r.paused }));
  const ids = rows.filter((r) => r.kind === REMINDER_KIND).map((r) => Number(payloadOf(r, REMINDER_KIND).sessionId));
  const sessions = ids.length
    ? await tx
        .select({ session: supervisionSessions.number, startsAt: supervisionSessions.startsAt, zone: supervisionSessions.zone, channel: supervisionSessions.channel, status: supervisionSessions.status })
        .from(supervisionSessions)
        .where(and(eq(supervisionSessions.teamId, teamId), inArray(supervisionSessions.id, ids)))
    : [];
  return { series, sessions };
}

export const supervisionPrivacy: PrivacyContributor = {
  area: 'supervision',

  async exportMember(tx, bot, team, member) {
    const rsvps = await tx
      .select({ session: supervisionSessions.startsAt, answer: supervisionRsvps.answer, updatedAt: supervisionRsvps.updatedAt })
      .from(supervisionRsvps)
      .innerJoin(supervisionSessions, eq(supervisionSessions.id, supervisionRsvps.sessionId))
      .where(eq(supervisionRsvps.memberId, member.id));
    const topic = { text: supervisionTopics.text, sealed: supervisionTopics.sealed, visibility: supervisionTopics.visibility, source: supervisionTopics.source, createdAt: supervisionTopics.createdAt };
    // The member reads their own words: a private topic opened.
    const opened = <R extends { text: string | null; sealed: string | null }>(rows: R[]) =>
      rows.map(({ sealed, ...r }) => ({ ...r, text: topicText(bot.secrets, { text: r.text, sealed }) }));
    const named = opened(await tx.select(topic).from(supervisionTopics).where(eq(supervisionTopics.memberId, member.id)));
    const anonymousIds = await anonymousTopicIds(tx, bot.secrets, team.id, member.externalId);
    const anonymous = anonymousIds.length ? opened(await tx.select(topic).from(supervisionTopics).where(inArray(supervisionTopics.id, anonymousIds))) : [];
    const hours = (
      await tx
        .select({ date: supervisionHours.date, hours: supervisionHours.hours, kind: supervisionHours.kind, note: supervisionHours.note, noteSealed: supervisionHours.noteSealed })
        .from(supervisionHours)
        .where(and(eq(supervisionHours.memberId, member.id), isNull(supervisionHours.removedAt)))
    ).map(({ noteSealed, ...h }) => ({ ...h, note: hoursNote(bot.secrets, { note: h.note, noteSealed }) }));
    // Entries they removed are kept (without the note) only so that no other entry gets their number and `held`
    // does not log them again: not hours, yet held about them, so exported apart.
    const removedHours = await tx
      .select({ entry: supervisionHours.number, date: supervisionHours.date, hours: supervisionHours.hours, kind: supervisionHours.kind, removedAt: supervisionHours.removedAt })
      .from(supervisionHours)
      .where(and(eq(supervisionHours.memberId, member.id), isNotNull(supervisionHours.removedAt)));
    const [prefs] = await tx.select({ dm: supervisionPrefs.dm, calendarFeed: isNotNull(supervisionPrefs.calendarToken) }).from(supervisionPrefs).where(eq(supervisionPrefs.memberId, member.id));
    // Anonymous topics from an /autocheck that have not reached the agenda yet (minutes): theirs, by the same MAC.
    const waiting = (await waitingTopics(tx, team.id))
      .map((w) => openWaiting(bot.secrets, w.payload))
      .filter((w) => w.mac !== null && w.mac === topicAuthorMac(bot.secrets, team.id, w.salt, member.externalId))
      .map((w) => ({ text: w.text, visibility: 'anonymous', source: null, createdAt: null, waitingForTheAgenda: true }));
    return { rsvps, topics: [...named, ...anonymous, ...waiting], hours, removedHours, preferences: prefs ?? null, planned: await planned(tx, team.id, member.externalId) };
  },

  async deleteMember(tx, bot, team, member, anonymous) {
    // Waiting topics first, locked: one the scheduler is writing right now is waited for, and then found below
    // among the stored ones (each statement sees what committed before it).
    for (const w of await waitingTopics(tx, team.id, { lock: true })) {
      const topic = openWaiting(bot.secrets, w.payload);
      if (topic.mac === null || topic.mac !== topicAuthorMac(bot.secrets, team.id, topic.salt, member.externalId)) continue;
      if (anonymous === 'withdraw') await tx.delete(schedules).where(eq(schedules.id, w.id));
      else await tx.update(schedules).set({ payload: sealWaiting(bot.secrets, { text: topic.text, salt: null, mac: null }) }).where(eq(schedules.id, w.id));
    }
    // Anonymous topics are unlinked now, either way. Withdrawn, each then leaves the agenda at a random moment of its
    // own, with its own rewrite of the reminders (anon-later.ts): leaving with the named ones, or together, they
    // would say whose they were. A loose one (on no agenda yet) shows nowhere and goes at once.
    const theirIds = await anonymousTopicIds(tx, bot.secrets, team.id, member.externalId);
    if (theirIds.length) {
      const unlinked = await tx
        .update(supervisionTopics)
        .set({ authorHmac: null, authorSalt: null })
        .where(inArray(supervisionTopics.id, theirIds))
        .returning({ id: supervisionTopics.id, sessionId: supervisionTopics.sessionId });
      if (anonymous === 'withdraw') {
        for (const t of unlinked) {
          const session = t.sessionId === null ? undefined : await sessionById(tx, team.id, t.sessionId);
          if (session) await queueTopicRemoval(tx, team, t.id, bot.clock.now(), { window: CLEANUP_DELAY_MINUTES, startsAt: session.startsAt });
          else await tx.delete(supervisionTopics).where(eq(supervisionTopics.id, t.id));
        }
      }
    }
    // Named and private topics go now; sessions whose agenda loses a named one have their sent reminders rewritten a
    // little later (refreshLater).
    const gone = await tx
      .delete(supervisionTopics)
      .where(eq(supervisionTopics.memberId, member.id))
      .returning({ sessionId: supervisionTopics.sessionId, visibility: supervisionTopics.visibility });
    const agendas = gone.flatMap((r) => (r.sessionId !== null && r.visibility !== 'private' ? [r.sessionId] : []));
    if (agendas.length) await refreshLater(tx, team.id, agendas, bot.clock.now());
    // Series and one-off sessions they planned stay the team's, without their platform id (the team export carries
    // the payload); a channel that refuses the reminders is then told to the other facilitators (unavailable.ts).
    await tx
      .update(schedules)
      .set({ payload: sql`${schedules.payload} - 'creator'` })
      .where(plannedBy(team.id, member.externalId));
    await tx.delete(supervisionRsvps).where(eq(supervisionRsvps.memberId, member.id));
    // Removed entries too: the mark was kept for their numbering only.
    await tx.delete(supervisionHours).where(eq(supervisionHours.memberId, member.id));
    await tx.delete(supervisionPrefs).where(eq(supervisionPrefs.memberId, member.id));
  },

  async purge(tx, _bot, now) {
    // Anonymous topics are member text without an owner to ask: they follow the case-text retention. Private topics
    // are the member's own reflection, mostly a check's answer taken along: they go when the checks do, so no copy
    // outlives what the member was told about autochecks. (Named ones are the group's agenda record, kept.)
    let n = 0;
    const olderThan = (days: number) => lt(supervisionTopics.createdAt, new Date(now.getTime() - days * DAY));
    for (const team of await tx.select().from(teams)) {
      const cases = setting(team, SETTINGS.retentionCases, DEFAULTS.retentionCases);
      const checks = setting(team, SETTINGS.retentionAutochecks, DEFAULTS.retentionAutochecks);
      const gone = await tx
        .delete(supervisionTopics)
        .where(
          and(
            eq(supervisionTopics.teamId, team.id),
            or(and(eq(supervisionTopics.visibility, 'anonymous'), olderThan(cases)), and(eq(supervisionTopics.visibility, 'private'), olderThan(checks))),
          ),
        )
        .returning({ id: supervisionTopics.id });
      n += gone.length;
    }
    return n;
  },

  async reencrypt(tx, decrypt, encrypt) {
    return resealText(tx, decrypt, encrypt);
  },

  /**
   * Anonymous topics: each row's MAC (salted per topic, or unsalted from before salts) computed for every member of
   * its team; the author's keeps standing for them (same salt), nobody's becomes random. Calendar feed tokens are
   * made from the secret: the old link, which the leaked secret could compute for any member, stops working, and the
   * member's new one is what `/supervision calendar` gives them.
   */
  async rekey(tx, rosters, from, to) {
    let rekeyed = 0;
    let unlinked = 0;
    const topics = await tx
      .select({ id: supervisionTopics.id, teamId: supervisionTopics.teamId, salt: supervisionTopics.authorSalt, mac: supervisionTopics.authorHmac })
      .from(supervisionTopics)
      .where(isNotNull(supervisionTopics.authorHmac));
    for (const t of topics) {
      const author = (rosters.get(t.teamId) ?? []).find((m) => topicAuthorMac(from, t.teamId, t.salt, m) === t.mac);
      if (author) rekeyed++;
      else unlinked++;
      await tx
        .update(supervisionTopics)
        .set({ authorHmac: author ? topicAuthorMac(to, t.teamId, t.salt, author) : randomMac() })
        .where(eq(supervisionTopics.id, t.id));
    }
    const feeds = await tx
      .select({ memberId: supervisionPrefs.memberId, teamId: supervisionPrefs.teamId, member: members.externalId, token: supervisionPrefs.calendarToken })
      .from(supervisionPrefs)
      .innerJoin(members, eq(members.id, supervisionPrefs.memberId))
      .where(isNotNull(supervisionPrefs.calendarToken));
    for (const f of feeds) {
      // The row names its member anyway, so the new token is made whatever the old one was (as calendarToken makes
      // it); only one the old secret made counts, since only that says the old secret is the right one.
      if (f.token === from.hmac('calendar-token', f.teamId, f.member)) rekeyed++;
      await tx.update(supervisionPrefs).set({ calendarToken: to.hmac('calendar-token', f.teamId, f.member) }).where(eq(supervisionPrefs.memberId, f.memberId));
    }
    // Topics still waiting for the agenda: sealed under the old secret, with a MAC made with it.
    for (const w of await waitingTopics(tx)) {
      const topic = openWaiting(from, w.payload);
      const author = topic.mac === null ? undefined : (rosters.get(w.teamId) ?? []).find((m) => topicAuthorMac(from, w.teamId, topic.salt, m) === topic.mac);
      if (author) rekeyed++;
      else if (topic.mac !== null) unlinked++;
      const mac = author ? topicAuthorMac(to, w.teamId, topic.salt, author) : topic.mac === null ? null : randomMac();
      await tx.update(schedules).set({ payload: sealWaiting(to, { ...topic, mac }) }).where(eq(schedules.id, w.id));
    }
    return { rekeyed, unlinked };
  },

  async exportTeam(tx, _bot, team) {
    return {
      sessions: await tx
        .select({ startsAt: supervisionSessions.startsAt, zone: supervisionSessions.zone, durationMinutes: supervisionSessions.durationMinutes, place: supervisionSessions.place, channel: supervisionSessions.channel, status: supervisionSessions.status })
        .from(supervisionSessions)
        .where(eq(supervisionSessions.teamId, team.id)),
      hoursLog: await tx
        .select({ member: members.externalId, date: supervisionHours.date, hours: supervisionHours.hours, kind: supervisionHours.kind })
        .from(supervisionHours)
        .innerJoin(members, eq(members.id, supervisionHours.memberId))
        .where(and(eq(supervisionHours.teamId, team.id), isNull(supervisionHours.removedAt))),
    };
  },
};
