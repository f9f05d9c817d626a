// The schedule kinds of prompts: team threads (with holidays and missed-prompt reports), personal DMs, follow-ups.
import { and, eq } from 'drizzle-orm';
import { message, textBlock } from '../../core/message.js';
import { teamHolidays } from '../../core/settings.js';
import { members, teams } from '../../db/schema/index.js';
import { isLang, t } from '../../i18n/index.js';
import type { ScheduleKind } from '../../schedule/kinds.js';
import { formatLocal, localDate } from '../../schedule/occurrence.js';
import { enqueue } from '../../schedule/outbox.js';
import { followUpKind } from './followup.js';
import { personalPromptKind } from './personal.js';
import { nextPromptAt, PROMPT_KIND, type PromptPayload } from './schedules.js';
import { openPromptThread, openPromptThreads } from './starter.js';
import { teamLang } from './team.js';

export const promptKind: ScheduleKind = {
  kind: PROMPT_KIND,
  async fire({ bot, tx, schedule, team, dueAt, now }) {
    const p = schedule.payload as unknown as PromptPayload;
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
        const p = schedule.payload as unknown as PromptPayload;
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
   */
  async skipped({ tx, schedule, dueAt, now }) {
    const p = schedule.payload as unknown as PromptPayload;
    if (!p.creator) return;
    const [team] = await tx.select().from(teams).where(eq(teams.id, schedule.teamId));
    if (!team) return;
    const [creator] = await tx.select().from(members).where(and(eq(members.teamId, team.id), eq(members.externalId, p.creator)));
    if (!creator || creator.facilitatorRevoked) return;
    const lang = isLang(creator.lang) ? creator.lang : teamLang(team);
    const next = nextPromptAt(schedule.rule, schedule.zone, now, teamHolidays(team));
    const text = [
      ...t(lang, 'prompts.missed', { when: formatLocal(dueAt, schedule.zone, lang), channel: { channel: p.channel } }),
      { text: ' ' },
      ...(next ? t(lang, 'prompts.missed.next', { next: formatLocal(next, schedule.zone, lang) }) : t(lang, 'prompts.missed.none')),
    ];
    await enqueue(tx, now, { teamId: team.id, key: `prompt-missed:${schedule.id}:${dueAt.toISOString()}`, target: { kind: 'dm', member: p.creator }, message: message(textBlock(text)) });
  },
};

export const promptScheduleKinds: ScheduleKind[] = [promptKind, personalPromptKind, followUpKind];
