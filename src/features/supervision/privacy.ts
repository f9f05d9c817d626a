// Supervision in the privacy registry: RSVPs, topics (anonymous ones found by their keyed MAC), hours and prefs.
import { and, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import { DEFAULTS, SETTINGS } from '../../core/settings.js';
import { setting } from '../../core/teams.js';
import { members, supervisionHours, supervisionPrefs, supervisionRsvps, supervisionSessions, supervisionTopics, teams } from '../../db/schema/index.js';
import type { PrivacyContributor } from '../../core/privacy.js';
import { anonymousTopicIds } from './agenda.js';

const DAY = 24 * 60 * 60 * 1000;


export const supervisionPrivacy: PrivacyContributor = {
  area: 'supervision',

  async exportMember(tx, bot, team, member) {
    const rsvps = await tx
      .select({ session: supervisionSessions.startsAt, answer: supervisionRsvps.answer, updatedAt: supervisionRsvps.updatedAt })
      .from(supervisionRsvps)
      .innerJoin(supervisionSessions, eq(supervisionSessions.id, supervisionRsvps.sessionId))
      .where(eq(supervisionRsvps.memberId, member.id));
    const topic = { text: supervisionTopics.text, visibility: supervisionTopics.visibility, source: supervisionTopics.source, createdAt: supervisionTopics.createdAt };
    const named = await tx.select(topic).from(supervisionTopics).where(eq(supervisionTopics.memberId, member.id));
    const anonymousIds = await anonymousTopicIds(tx, bot.secrets, team.id, member.externalId);
    const anonymous = anonymousIds.length ? await tx.select(topic).from(supervisionTopics).where(inArray(supervisionTopics.id, anonymousIds)) : [];
    const hours = await tx
      .select({ date: supervisionHours.date, hours: supervisionHours.hours, kind: supervisionHours.kind, note: supervisionHours.note })
      .from(supervisionHours)
      .where(eq(supervisionHours.memberId, member.id));
    const [prefs] = await tx.select({ dm: supervisionPrefs.dm, calendarFeed: isNotNull(supervisionPrefs.calendarToken) }).from(supervisionPrefs).where(eq(supervisionPrefs.memberId, member.id));
    return { rsvps, topics: [...named, ...anonymous], hours, preferences: prefs ?? null };
  },

  async deleteMember(tx, bot, team, member, anonymous) {
    const theirIds = await anonymousTopicIds(tx, bot.secrets, team.id, member.externalId);
    if (theirIds.length) {
      const theirs = inArray(supervisionTopics.id, theirIds);
      if (anonymous === 'withdraw') await tx.delete(supervisionTopics).where(theirs);
      else await tx.update(supervisionTopics).set({ authorHmac: null, authorSalt: null }).where(theirs);
    }
    await tx.delete(supervisionTopics).where(eq(supervisionTopics.memberId, member.id));
    await tx.delete(supervisionRsvps).where(eq(supervisionRsvps.memberId, member.id));
    await tx.delete(supervisionHours).where(eq(supervisionHours.memberId, member.id));
    await tx.delete(supervisionPrefs).where(eq(supervisionPrefs.memberId, member.id));
  },

  async purge(tx, _bot, now) {
    // Anonymous topics are member text without an owner to ask: they follow the case-text retention.
    let n = 0;
    for (const team of await tx.select().from(teams)) {
      const days = setting(team, SETTINGS.retentionCases, DEFAULTS.retentionCases);
      const gone = await tx
        .delete(supervisionTopics)
        .where(and(eq(supervisionTopics.teamId, team.id), eq(supervisionTopics.visibility, 'anonymous'), lt(supervisionTopics.createdAt, new Date(now.getTime() - days * DAY))))
        .returning({ id: supervisionTopics.id });
      n += gone.length;
    }
    return n;
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
        .where(eq(supervisionHours.teamId, team.id)),
    };
  },
};
