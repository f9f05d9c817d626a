// The core's own share of a member's data: their settings and role, queued DMs, personal schedules, pseudonyms.
import { and, eq, gt, inArray, like, lt, notInArray, or, sql } from 'drizzle-orm';
import { isoDay } from '../../core/day.js';
import { DEFAULTS, SETTINGS } from '../../core/settings.js';
import { setting } from '../../core/teams.js';
import { cases, outbox, pseudonyms, schedules, teams } from '../../db/schema/index.js';
import { memberMac, pseudonymReplyPrefix, threadReplyPrefix } from '../anonymity/pseudonyms.js';
import { byInput, macsOf, randomMac, type PrivacyContributor } from '../../core/privacy.js';
import { queueCleanup } from './cleanup-later.js';

const DAY = 24 * 60 * 60 * 1000;

/** The time an unlinked pseudonym keeps: none (the epoch), so it says nothing of when its member first replied. */
const UNLINKED_AT = new Date(0);

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
        // Days, as the row keeps them (see ensureMember).
        privacyNoteShownAt: member.privacyNoteShownAt && isoDay(member.privacyNoteShownAt),
        firstSeenAt: isoDay(member.createdAt),
      },
      personalSchedules: personal,
      directMessages: queued,
    };
  },

  async deleteMember(tx, bot, team, member, anonymous) {
    await tx.delete(schedules).where(personalSchedules(team.id, member.externalId, member.id));
    await tx.delete(outbox).where(dmsTo(team.id, member.externalId));
    // Pseudonyms are keyed per thread: recompute the member's MAC for each thread of the team and overwrite it
    // with random bytes, so nothing can tie "Colleague A" to them any more. The row stays, holding its letter: the
    // next colleague to reply must not become "Colleague A" too. Withdrawing, their replies under that letter go:
    // those still waiting are cancelled, those posted are removed later (cleanup-later.ts).
    const threads = await tx.selectDistinct({ thread: pseudonyms.thread }).from(pseudonyms).where(eq(pseudonyms.teamId, team.id));
    // A closed case (withdrawn just now by the cases area, which runs first, or earlier) already lost all its replies.
    const closed = new Set(
      (await tx.select({ id: cases.id }).from(cases).where(and(eq(cases.teamId, team.id), inArray(cases.status, ['withdrawn', 'hidden'])))).map((c) => `case:${c.id}`),
    );
    for (const { thread } of threads) {
      const [mine] = await tx
        .update(pseudonyms)
        .set({ memberMac: randomMac(), createdAt: UNLINKED_AT })
        .where(and(eq(pseudonyms.thread, thread), eq(pseudonyms.memberMac, memberMac(bot.secrets, team.id, thread, member.externalId))))
        .returning({ id: pseudonyms.id, ordinal: pseudonyms.ordinal });
      const prefix = threadReplyPrefix(thread);
      if (!mine || anonymous !== 'withdraw' || !prefix || closed.has(thread)) continue;
      const theirs = like(outbox.key, `${pseudonymReplyPrefix(prefix, mine.ordinal)}%`);
      await tx.update(outbox).set({ status: 'cancelled' }).where(and(theirs, eq(outbox.status, 'pending')));
      const sent = await tx.update(outbox).set({ message: { blocks: [] } }).where(theirs).returning({ status: outbox.status, ref: outbox.sentRef });
      // The author (ordinal 0) of a case: the cases area closes that case later, in its own piece, which removes every
      // reply of its thread; taking the author's out sooner would show the thread changing before the case closes.
      if (mine.ordinal === 0 && thread.startsWith('case:')) continue;
      // Thread by thread, each at its own random moment: replies leaving several threads at once would be one author.
      await queueCleanup(tx, team, bot.clock.now(), { edits: [], removals: sent.flatMap((r) => (r.status === 'sent' && r.ref ? [r.ref] : [])) });
    }
  },

  async purge(tx, _bot, now) {
    // A pseudonym's link to its member lives as long as the case text it speaks in: past that, its MAC becomes
    // random bytes and its time the epoch (UNLINKED_AT, also how an unlinked row is known). The row itself, and its
    // letter, stay with the team (they go when the team does): a thread can take replies as long as its post lives,
    // and a letter must never be handed to someone else.
    let n = 0;
    for (const team of await tx.select().from(teams)) {
      const days = setting(team, SETTINGS.retentionCases, DEFAULTS.retentionCases);
      const cutoff = new Date(now.getTime() - days * DAY);
      const old = await tx
        .select({ id: pseudonyms.id })
        .from(pseudonyms)
        .where(and(eq(pseudonyms.teamId, team.id), lt(pseudonyms.createdAt, cutoff), gt(pseudonyms.createdAt, UNLINKED_AT)));
      for (const { id } of old) await tx.update(pseudonyms).set({ memberMac: randomMac(), createdAt: UNLINKED_AT }).where(eq(pseudonyms.id, id));
      n += old.length;
    }
    return n;
  },

  /**
   * Pseudonyms, thread by thread (one HMAC per member and thread): a row keeps its letter and gets its member's MAC
   * under the new secret, or random bytes when it stands for nobody.
   */
  async rekey(tx, rosters, from, to) {
    let rekeyed = 0;
    let unlinkedRows = 0;
    const rows = await tx.select({ id: pseudonyms.id, teamId: pseudonyms.teamId, thread: pseudonyms.thread, mac: pseudonyms.memberMac }).from(pseudonyms);
    for (const group of byInput(rows, (r) => `${r.teamId}\u0000${r.thread}`).values()) {
      const { teamId, thread } = group[0]!;
      const whose = macsOf(rosters.get(teamId) ?? [], (m) => memberMac(from, teamId, thread, m));
      for (const r of group) {
        const member = whose.get(r.mac);
        if (member) rekeyed++;
        else unlinkedRows++;
        await tx
          .update(pseudonyms)
          .set({ memberMac: member ? memberMac(to, teamId, thread, member) : randomMac() })
          .where(eq(pseudonyms.id, r.id));
      }
    }
    return { rekeyed, unlinked: unlinkedRows };
  },

  async exportTeam(tx, bot, team) {
    const hidden = bot.registry.scheduleKinds.filter((k) => k.hidden).map((k) => k.kind);
    return {
      team: { platform: team.platform, id: team.externalId, name: team.name, language: team.lang, timeZone: team.zone, settings: team.settings },
      schedules: await tx
        .select({ kind: schedules.kind, zone: schedules.zone, rule: schedules.rule, nextDueAt: schedules.nextDueAt, paused: schedules.paused, payload: schedules.payload })
        .from(schedules)
        // Personal schedules are their member's, not the team's.
        .where(
          and(
            eq(schedules.teamId, team.id),
            sql`${schedules.payload}->>'member' is null`,
            sql`${schedules.payload}->>'memberId' is null`,
            ...(hidden.length ? [notInArray(schedules.kind, hidden)] : []),
          ),
        ),
    };
  },
};
