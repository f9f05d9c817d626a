// /reflect holiday add|remove, holidays and followup: team settings that shape every prompt schedule.
import { UserError } from '../../src/core/errors.js';
import { message, textBlock } from '../../src/core/message.js';
import { fold, parseDate } from '../../src/core/parse.js';
import type { Subcommand } from '../../src/core/registry.js';
import { SETTINGS, teamHolidays } from '../../src/core/settings.js';
import { updateSettings } from '../../src/core/teams.js';
import { l10n } from '../../src/i18n/index.js';
import { localDate } from '../../src/schedule/occurrence.js';
import { DateTime } from 'luxon';

const dateOption = { date: { kind: 'string' as const, required: true, description: l10n('prompts.opt.date') } };

export const holidayAdd: Subcommand = {
  description: l10n('prompts.cmd.holidayAdd'),
  aliases: ['wolne dodaj', 'święto dodaj', 'swieto dodaj'],
  facilitator: true,
  example: 'holiday add {+30d}',
  options: dateOption,
  async run(ctx, opts) {
    const date = parseDate(String(opts.date));
    const current = teamHolidays(ctx.team);
    if (current.includes(date)) throw new UserError('prompts.err.holidayExists', { date });
    // A past date would change nothing: it is more likely a slip of the year.
    const today = localDate(ctx.now, ctx.team.zone);
    if (date < today) throw new UserError('prompts.err.holidayPast', { date, example: sameDayAhead(date, today) });
    const holidays = [...current, date].sort();
    ctx.team = await updateSettings(ctx.db, ctx.team.id, { [SETTINGS.holidays]: holidays });
    await ctx.reply('prompts.holidayAdded', { date });
  },
};

export const holidayRemove: Subcommand = {
  description: l10n('prompts.cmd.holidayRemove'),
  aliases: ['wolne usuń', 'wolne usun', 'święto usuń', 'swieto usun'],
  facilitator: true,
  example: 'holiday remove {+30d}',
  options: dateOption,
  async run(ctx, opts) {
    const date = parseDate(String(opts.date));
    const current = teamHolidays(ctx.team);
    if (!current.includes(date)) throw new UserError('prompts.err.notHoliday', { date });
    ctx.team = await updateSettings(ctx.db, ctx.team.id, { [SETTINGS.holidays]: current.filter((d) => d !== date) });
    await ctx.reply('prompts.holidayRemoved', { date });
  },
};

export const holidays: Subcommand = {
  description: l10n('prompts.cmd.holidays'),
  aliases: ['wolne', 'święta', 'swieta'],
  async run(ctx) {
    const list = teamHolidays(ctx.team);
    if (!list.length) return ctx.reply('prompts.holidays.empty');
    await ctx.reply(message(textBlock(ctx.t('prompts.holidays.title')), { type: 'list', items: list.map((d) => [{ text: d }]) }));
  },
};

/** The same day and month in the first year where it is still ahead of `today` (the example for a past date). */
function sameDayAhead(date: string, today: string): string {
  let at = DateTime.fromISO(date);
  while (at.toISODate()! < today) at = at.plus({ years: 1 });
  return at.toISODate()!;
}

const OFF = new Set(['off', '0', 'wylacz', 'nie', 'no', 'none']);
/** "3 days", "3 dni": the unit the help names may follow the number. */
const DAY_UNITS = new Set(['day', 'days', 'd', 'dni', 'dzien', 'dnia']);

export const followup: Subcommand = {
  description: l10n('prompts.cmd.followup'),
  aliases: ['przypomnienie', 'dopytaj'],
  facilitator: true,
  example: 'followup 3',
  // Text, so that a unit after the number ("3 dni") is read here rather than refused as an extra word.
  options: { days: { kind: 'text', required: true, maxLength: 40, description: l10n('prompts.opt.days') } },
  async run(ctx, opts) {
    const raw = String(opts.days).trim();
    const [n, unit, ...more] = raw.split(/\s+/);
    const number = !more.length && (unit === undefined || DAY_UNITS.has(fold(unit))) ? n! : raw;
    const days = OFF.has(fold(raw)) ? 0 : /^\d{1,2}$/.test(number) ? Number(number) : NaN;
    if (!(days >= 0 && days <= 14)) throw new UserError('prompts.err.badFollowup', { got: raw });
    ctx.team = await updateSettings(ctx.db, ctx.team.id, { [SETTINGS.promptFollowUpDays]: days });
    if (days) await ctx.reply('prompts.followup.set', { count: days });
    else await ctx.reply('prompts.followup.off');
  },
};
