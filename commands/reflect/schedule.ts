// /reflect schedule, list, pause, resume, skip: the team's weekly prompt threads.
import { eq } from 'drizzle-orm';
import { UserError } from '../../src/core/errors.js';
import { message, noteBlock, textBlock } from '../../src/core/message.js';
import { parseDate, parseTime, parseWeekday, parseZone } from '../../src/core/parse.js';
import type { Subcommand } from '../../src/core/registry.js';
import { schedules } from '../../src/db/schema/index.js';
import { rhythmText } from '../../src/features/prompts/describe.js';
import { scheduleLine } from '../../src/features/prompts/home.js';
import { parseTheme, themeWords, type Theme } from '../../src/features/prompts/library.js';
import { findTeamSchedule, insertSchedule, nextPromptAt, nextPromptDates, occurrenceOn, PROMPT_KIND, teamPromptSchedules, weeklyRule, type PromptPayload, type WeeklyRule } from '../../src/features/prompts/schedules.js';
import { l10n } from '../../src/i18n/index.js';
import { formatLocal, nextOccurrence } from '../../src/schedule/occurrence.js';
import { teamHolidays } from '../../src/core/settings.js';
import { themesPhrase } from '../../src/features/prompts/describe.js';

const idOption = { id: { kind: 'int' as const, required: true, min: 1, description: l10n('prompts.opt.id') } };

/** Theme words → themes; an unknown word is answered with the list of themes. */
export function parseThemes(words: string | undefined): Theme[] {
  const out = new Set<Theme>();
  for (const w of (words ?? '').split(/[\s,]+/).filter(Boolean)) {
    const theme = parseTheme(w);
    if (!theme) throw new UserError('prompts.err.unknownTheme', { got: w, list: themeWords() });
    out.add(theme);
  }
  return [...out];
}

export const schedule: Subcommand = {
  description: l10n('prompts.cmd.schedule'),
  aliases: ['zaplanuj'],
  facilitator: true,
  example: { en: 'schedule #reflection friday 09:00 every 2 weeks bond repair tz:Europe/Warsaw', pl: 'zaplanuj #refleksja piątek 09:00 co 2 tygodnie więź naprawa strefa:Europe/Warsaw' },
  options: {
    channel: { kind: 'channel', required: true, description: l10n('prompts.opt.channel') },
    weekday: { kind: 'string', required: true, description: l10n('prompts.opt.weekday') },
    time: { kind: 'string', required: true, description: l10n('prompts.opt.time') },
    every: { kind: 'int', named: true, min: 1, max: 8, aliases: ['co'], units: ['weeks', 'week', 'tygodnie', 'tygodni', 'tydzień', 'tydzien', 'tyg'], description: l10n('prompts.opt.every') },
    tz: { kind: 'string', named: true, aliases: ['strefa'], description: l10n('prompts.opt.tz') },
    themes: { kind: 'text', maxLength: 300, description: l10n('prompts.opt.themes') },
  },
  async run(ctx, opts) {
    // Everything is read and checked before anything is written.
    const channel = String(opts.channel);
    const weekday = parseWeekday(String(opts.weekday));
    const time = parseTime(String(opts.time));
    const zone = opts.tz ? parseZone(String(opts.tz)) : ctx.team.zone;
    const themes = parseThemes(opts.themes as string | undefined);
    const every = Number(opts.every ?? 1);
    await ctx.requireCanPost(channel);
    // Another active schedule in the same channel is allowed (two rhythms, two themes) but often a slip: say so.
    const sameChannel = (await teamPromptSchedules(ctx.db, ctx.team.id)).filter((s) => !s.paused && (s.payload as unknown as PromptPayload).channel === channel);
    const { rule, first } = weeklyRule(weekday, time, every, zone, ctx.now);
    const payload: PromptPayload = { channel, themes, creator: ctx.member.externalId };
    const row = await insertSchedule(ctx.db, ctx.team.id, PROMPT_KIND, zone, rule, first, payload);
    const shown = nextPromptAt(rule, zone, new Date(first.getTime() - 1), teamHolidays(ctx.team)) ?? first;
    const params = { id: row.id, rhythm: rhythmText(rule, ctx.lang), zone, themes: themesPhrase(themes, ctx.lang), next: formatLocal(shown, zone, ctx.lang) };
    const also = sameChannel.map((s) => `#${s.id}`).join(', ');
    await ctx.reply(
      message(
        textBlock(ctx.t('prompts.scheduled', { ...params, channel: { channel } })),
        sameChannel.length ? noteBlock(ctx.t('prompts.scheduled.alsoThere', { channel: { channel }, also, count: sameChannel.length, first: sameChannel[0]!.id })) : null,
      ),
    );
  },
};

export const list: Subcommand = {
  description: l10n('prompts.cmd.list'),
  aliases: ['lista'],
  async run(ctx) {
    const rows = await teamPromptSchedules(ctx.db, ctx.team.id);
    if (!rows.length) return ctx.reply('prompts.list.empty');
    await ctx.reply(message(textBlock(ctx.t('prompts.list.title')), { type: 'list', items: rows.map((s) => scheduleLine(ctx, s)) }));
  },
};

export const pause: Subcommand = {
  description: l10n('prompts.cmd.pause'),
  aliases: ['pauza', 'wstrzymaj'],
  facilitator: true,
  example: 'pause 3',
  options: idOption,
  async run(ctx, opts) {
    const row = await findTeamSchedule(ctx.db, ctx.team.id, Number(opts.id));
    await ctx.db.update(schedules).set({ paused: true }).where(eq(schedules.id, row.id));
    await ctx.reply('prompts.paused', { id: row.id });
  },
};

export const resume: Subcommand = {
  description: l10n('prompts.cmd.resume'),
  aliases: ['wznów', 'wznow'],
  facilitator: true,
  example: 'resume 3',
  options: idOption,
  async run(ctx, opts) {
    const row = await findTeamSchedule(ctx.db, ctx.team.id, Number(opts.id));
    // Counted from now: prompts missed while paused were meant to be missed, not reported.
    const next = nextOccurrence(row.rule, row.zone, ctx.now);
    await ctx.db.update(schedules).set({ paused: false, nextDueAt: next }).where(eq(schedules.id, row.id));
    const shown = nextPromptAt(row.rule, row.zone, ctx.now, teamHolidays(ctx.team));
    await ctx.reply('prompts.resumed', { id: row.id, next: shown ? formatLocal(shown, row.zone, ctx.lang) : '—' });
  },
};

export const skip: Subcommand = {
  description: l10n('prompts.cmd.skip'),
  aliases: ['pomiń', 'pomin'],
  facilitator: true,
  example: 'skip 3 2026-04-03',
  options: { ...idOption, date: { kind: 'string', required: true, description: l10n('prompts.opt.date') } },
  async run(ctx, opts) {
    const date = parseDate(String(opts.date));
    // Answer after the commit: a port may write the answer through the database (the playground), and the
    // embedded database has one connection — an answer from inside the transaction would wait for ever.
    const done = await ctx.db.transaction(async (tx) => {
      const row = await findTeamSchedule(tx, ctx.team.id, Number(opts.id), true);
      const rule = row.rule as WeeklyRule;
      const at = occurrenceOn(rule, row.zone, date);
      const ahead = nextPromptDates(rule, row.zone, ctx.now, 4, teamHolidays(ctx.team));
      if (!at) throw new UserError('prompts.err.notOccurrence', { date, id: row.id, dates: ahead.join(', ') });
      if (at <= ctx.now) {
        // The answer carries its own example, with a date that can be skipped: no general usage and example under it.
        throw Object.assign(new UserError('prompts.err.datePassed', { date, id: row.id, example: ahead[0] ?? '', dates: ahead.join(', ') }), { usage: undefined });
      }
      const updated: WeeklyRule = { ...rule, skip: [...new Set([...(rule.skip ?? []), date])].sort() };
      const nextDueAt = row.nextDueAt && row.nextDueAt.getTime() === at.getTime() ? nextOccurrence(updated, row.zone, at) : row.nextDueAt;
      await tx.update(schedules).set({ rule: updated, nextDueAt }).where(eq(schedules.id, row.id));
      const next = nextPromptAt(updated, row.zone, ctx.now, teamHolidays(ctx.team));
      return { id: row.id, next: next ? formatLocal(next, row.zone, ctx.lang) : '—' };
    });
    await ctx.reply('prompts.skipped', { id: done.id, date, next: done.next });
  },
};
