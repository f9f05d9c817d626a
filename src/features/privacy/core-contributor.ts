// The core's own share of a member's data: their settings and role, queued DMs, personal schedules, pseudonyms.
import { and, eq, lt, or, sql } from 'drizzle-orm';
import { DEFAULTS, SETTINGS } from '../../core/settings.js';
import { setting } from '../../core/teams.js';
import { outbox, pseudonyms, schedules, teams } from '../../db/schema/index.js';
import { memberMac } from '../anonymity/pseudonyms.js';
import type { PrivacyContributor } from '../../core/privacy.js';

const DAY = 24 * 60 * 60 * 1000;

/** Schedules that belong to one member (personal prompts and the like) name them in their payload. */
function personalSchedules(teamId: number, externalId: string, memberId: number) {
  return and(
    eq(schedules.teamId, teamId),
    or(sql`${schedules.payload}->>'member' = ${externalId}`, sql`${schedules.payload}->>'memberId' = ${String(memberId)}`),
  );
}

function dmsTo(teamId: number, externalId: string) {
  return and(eq(outbox.teamId, teamId), sql`${outbox.target}->>'kind' = 'dm'`, sql`${outbox.target}->>'member' = ${externalId}`);
}

export const coreContributor: PrivacyContributor = {
  area: 'core',

  async exportMember(tx, _bot, team, member) {
    const personal = await tx
      .select({ kind: schedules.kind, zone: schedules.zone, rule: schedules.rule, nextDueAt: schedules.nextDueAt, paused: schedules.paused })
      .from(schedules)
      .where(personalSchedules(team.id, member.externalId, member.id));
    const queued = await tx.select({ createdAt: outbox.createdAt, status: outbox.status }).from(outbox).where(dmsTo(team.id, member.externalId));
    return {
      team: { platform: team.platform, id: team.externalId, name: team.name },
      member: {
        id: member.externalId,
        language: member.lang,
        timeZone: member.zone,
        facilitator: member.facilitator,
        facilitatorRevoked: member.facilitatorRevoked,
        privacyNoteShownAt: member.privacyNoteShownAt,
        firstSeenAt: member.createdAt,
      },
      personalSchedules: personal,
      directMessages: queued,
    };
  },

  async deleteMember(tx, bot, team, member) {
    await tx.delete(schedules).where(personalSchedules(team.id, member.externalId, member.id));
    await tx.delete(outbox).where(dmsTo(team.id, member.externalId));
    // Pseudonyms are keyed per thread: recompute the member's MAC for each thread of the team and drop it,
    // so nothing can tie "Colleague A" to them any more (their posts themselves are the areas' business).
    const threads = await tx.selectDistinct({ thread: pseudonyms.thread }).from(pseudonyms).where(eq(pseudonyms.teamId, team.id));
    for (const { thread } of threads) {
      await tx.delete(pseudonyms).where(and(eq(pseudonyms.thread, thread), eq(pseudonyms.memberMac, memberMac(bot.secrets, team.id, thread, member.externalId))));
    }
  },

  async purge(tx, _bot, now) {
    // A pseudonym lives as long as the case text it speaks in.
    let n = 0;
    for (const team of await tx.select().from(teams)) {
      const days = setting(team, SETTINGS.retentionCases, DEFAULTS.retentionCases);
      const gone = await tx
        .delete(pseudonyms)
        .where(and(eq(pseudonyms.teamId, team.id), lt(pseudonyms.createdAt, new Date(now.getTime() - days * DAY))))
        .returning({ id: pseudonyms.id });
      n += gone.length;
    }
    return n;
  },

  async exportTeam(tx, _bot, team) {
    return {
      team: { platform: team.platform, id: team.externalId, name: team.name, language: team.lang, timeZone: team.zone, settings: team.settings },
      schedules: await tx
        .select({ kind: schedules.kind, zone: schedules.zone, rule: schedules.rule, nextDueAt: schedules.nextDueAt, paused: schedules.paused, payload: schedules.payload })
        .from(schedules)
        // Personal schedules are their member's, not the team's.
        .where(and(eq(schedules.teamId, team.id), sql`${schedules.payload}->>'member' is null`, sql`${schedules.payload}->>'memberId' is null`)),
    };
  },
};
