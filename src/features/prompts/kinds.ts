// The schedule kinds of prompts: team threads (with holidays and missed-prompt reports), personal DMs, follow-ups.
import { and, asc, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { message, textBlock } from '../../core/message.js';
import { teamHolidays } from '../../core/settings.js';
import { teamLang } from '../../core/teams.js';
import { members, occurrences, teams } from '../../db/schema/index.js';
import { t, type Lang } from '../../i18n/index.js';
import type { ScheduleKind } from '../../schedule/kinds.js';
import { payloadOf } from '../../schedule/payload.js';
import { formatLocal, localDate } from '../../schedule/occurrence.js';
import { enqueue } from '../../schedule/outbox.js';
import { followUpKind } from './followup.js';
import { personalPromptKind } from './personal.js';
import { nextPromptAt, PROMPT_KIND } from './schedules.js';
import { openPromptThread, openPromptThreads } from './starter.js';
import { teamPromptUndelivered } from './unavailable.js';

export const promptKind: ScheduleKind = {
  kind: PROMPT_KIND,
  async fire({ bot, tx, schedule, team, dueAt, now }) {
    const p = payloadOf(schedule, PROMPT_KIND);
    await openPromptThread(tx, bot.secrets, {
      teamId: schedule.teamId,
      team,
      channel: p.channel,
      themes: p.themes ?? [],
      key: `prompt:${schedule.id}:${dueAt.toISOString()}`,
      scheduleId: schedule.id,
      zone: schedule.zone,
      now,
    });
  },
  /** A fan-out (many teams due together): one batch of statements instead of a round of queries per team. */
  async fireMany(os) {
    if (!os.length) return;
    await openPromptThreads(
      os[0]!.tx,
      os[0]!.bot.secrets,
      os.map(({ schedule, team, dueAt }) => {
        const p = payloadOf(schedule, PROMPT_KIND);
        return { team, channel: p.channel, themes: p.themes ?? [], key: `prompt:${schedule.id}:${dueAt.toISOString()}`, scheduleId: schedule.id, zone: schedule.zone };
      }),
      os[0]!.now,
    );
  },
  /** Team holidays: no team prompt on those local dates. */
  async excluded({ team, schedule, dueAt }) {
    return Boolean(team && teamHolidays(team).includes(localDate(dueAt, schedule.zone)));
  },
  /**
   * Missed beyond the grace window: tell the facilitator who created it, in their language, by DM — while they are
   * one. A platform admin's role is only known when they act, so what is stored decides: their member row is there
   * (not deleted) and their role was not revoked.
   *
   * One DM per catch-up, not one per missed week: the tick records every missed occurrence of this catch-up (each
   * with `at` = this tick) before reporting any, so the report of the latest one speaks for all of them, and the
   * others stay quiet. Keyed by that latest one, which the tick runs exactly once.
   */
  async skipped({ tx, schedule, dueAt, now }) {
    const p = payloadOf(schedule, PROMPT_KIND);
    if (!p.creator) return;
    const missed = (
      await tx
        .select({ dueAt: occurrences.dueAt })
        .from(occurrences)
        .where(and(eq(occurrences.scheduleId, schedule.id), eq(occurrences.outcome, 'skipped'), eq(occurrences.at, now)))
        .orderBy(asc(occurrences.dueAt))
    ).map((r) => r.dueAt);
    if (missed.some((at) => at > dueAt)) return;
    if (!missed.length) missed.push(dueAt);
    const [team] = await tx.select().from(teams).where(eq(teams.id, schedule.teamId));
    if (!team) return;
    const [creator] = await tx.select().from(members).where(and(eq(members.teamId, team.id), eq(members.externalId, p.creator)));
    if (!creator || creator.facilitatorRevoked) return;
    const lang = teamLang(team, creator);
    const next = nextPromptAt(schedule.rule, schedule.zone, now, teamHolidays(team));
    const channel = { channel: p.channel };
    const text = [
      ...(missed.length === 1
        ? t(lang, 'prompts.missed', { when: formatLocal(dueAt, schedule.zone, lang), channel })
        : t(lang, 'prompts.missed.many', { count: missed.length, dates: missedDates(missed, schedule.zone, lang), channel })),
      { text: ' ' },
      ...(next ? t(lang, 'prompts.missed.next', { next: formatLocal(next, schedule.zone, lang) }) : t(lang, 'prompts.missed.none')),
    ];
    await enqueue(tx, now, { teamId: team.id, key: `prompt-missed:${schedule.id}:${dueAt.toISOString()}`, target: { kind: 'dm', member: p.creator }, message: message(textBlock(text)) });
  },
  undelivered: { keyPrefix: 'prompt:', handle: teamPromptUndelivered },
};

/** The missed dates, short ("Mon 2 Mar, Mon 9 Mar" / "pon. 2 marca, …"); a long downtime shows the first and last few. */
function missedDates(dates: readonly Date[], zone: string, lang: Lang): string {
  const day = (d: Date) => DateTime.fromJSDate(d, { zone }).setLocale(lang === 'pl' ? 'pl' : 'en-GB').toFormat(lang === 'pl' ? 'ccc d MMMM' : 'ccc d LLL');
  const shown = dates.length > 8 ? [...dates.slice(0, 3).map(day), '…', ...dates.slice(-2).map(day)] : dates.map(day);
  return shown.join(', ');
}

export const promptScheduleKinds: ScheduleKind[] = [promptKind, personalPromptKind, followUpKind];
