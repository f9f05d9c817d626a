// /supervision schedule, add, list, cancel, remind, dm: planning sessions and how members hear about them.
import { DateTime } from 'luxon';
import { UserError } from '../../src/core/errors.js';
import { message, noteBlock, textBlock, type Span } from '../../src/core/message.js';
import { parseDuration, parseTime, parseWeekday, parseZone, parseDate, parseId } from '../../src/core/parse.js';
import { DAY_TIME_FILLERS, rhythmPhrase } from '../../src/core/rhythm.js';
import type { OptionSpec, Subcommand } from '../../src/core/registry.js';
import { SETTINGS, teamChannel } from '../../src/core/settings.js';
import { updateSettings } from '../../src/core/teams.js';
import { l10n, weekdayName } from '../../src/i18n/index.js';
import { localToInstant } from '../../src/schedule/occurrence.js';
import { offsetLabel, readOffsets, refreshSentReminders, reschedule, setReminderDm } from '../../src/features/supervision/reminders.js';
import { activeSeries, addSession, cancelSeries, cancelSession, createSeries, findSeriesByNumber, SERIES_KIND } from '../../src/features/supervision/sessions.js';
import { refusingChannels } from '../../src/features/supervision/unavailable.js';
import { upcomingSessions } from '../../src/features/supervision/store.js';
import { offsetsList } from '../../src/features/supervision/words.js';
import type { Rule } from '../../src/schedule/occurrence.js';
import { payloadOf } from '../../src/schedule/payload.js';
import { exampleDate, findSession, said, when } from './shared.js';

const DEFAULT_DURATION = 90;

const duration: OptionSpec = { kind: 'string', named: true, aliases: ['czas'], shape: parseDuration, description: l10n('supervision.opt.duration') };
const where: OptionSpec = { kind: 'text', named: true, aliases: ['gdzie'], maxLength: 300, description: l10n('supervision.opt.where') };
const tz: OptionSpec = { kind: 'string', named: true, aliases: ['strefa'], shape: parseZone, description: l10n('supervision.opt.tz') };


function rhythm(lang: 'pl' | 'en', rule: Rule, zone: string): string {
  if (rule.type !== 'weekly') return '';
  const day = weekdayName(lang, rule.weekday);
  return `${day} ${rule.time} (${zone}) · `;
}

export const schedule: Subcommand = {
  description: l10n('supervision.schedule'),
  aliases: ['zaplanuj'],
  facilitator: true,
  example: { en: 'schedule #supervision monday 18:00 every 2 weeks duration 90m where: https://meet.example.org/abc', pl: 'zaplanuj #superwizja poniedziałek 18:00 co 2 tygodnie czas 90m gdzie: https://meet.example.org/abc' },
  // As /reflect schedule: "w poniedziałek o 18:00", "on monday at 18:00".
  fillers: DAY_TIME_FILLERS,
  options: {
    channel: { kind: 'channel', required: true, description: l10n('supervision.opt.channel') },
    weekday: { kind: 'string', required: true, description: l10n('supervision.opt.weekday') },
    time: { kind: 'string', required: true, description: l10n('supervision.opt.time') },
    // "co 2 tygodnie", "co drugi tydzień", "every other week", "weekly": read by src/core/rhythm.ts.
    every: { kind: 'int', named: true, min: 1, max: 8, aliases: ['co'], phrase: rhythmPhrase, description: l10n('supervision.opt.every') },
    duration,
    where,
    tz,
  },
  async run(ctx, o) {
    const weekday = parseWeekday(String(o.weekday));
    const time = parseTime(String(o.time));
    const zone = o.tz ? parseZone(String(o.tz)) : ctx.team.zone;
    const minutes = o.duration ? parseDuration(String(o.duration)) : DEFAULT_DURATION;
    const every = Number(o.every ?? 1);
    await ctx.requireCanPost(String(o.channel));
    const { series, first } = await ctx.db.transaction((tx) =>
      createSeries(tx, ctx.team, { channel: String(o.channel), weekday, time, every, durationMinutes: minutes, where: o.where as string | undefined, zone, creator: ctx.inv.member.id }, ctx.now),
    );
    await ctx.reply('supervision.scheduled', { series: `S${series.number}`, rhythm: rhythm(ctx.lang, series.rule, zone) + ctx.tx('supervision.every', { count: every }), first: when(ctx, first), id: first.number });
  },
};

export const add: Subcommand = {
  description: l10n('supervision.add'),
  aliases: ['dodaj'],
  facilitator: true,
  example: { en: 'add {+7d} 18:00 #supervision duration 2h where: room 3', pl: 'dodaj {+7d} 18:00 #superwizja czas 2h gdzie: sala 3' },
  options: {
    date: { kind: 'string', required: true, description: l10n('supervision.opt.date') },
    time: { kind: 'string', required: true, description: l10n('supervision.opt.time') },
    channel: { kind: 'channel', description: l10n('supervision.opt.channel') },
    duration,
    where,
    tz,
  },
  async run(ctx, o) {
    const date = parseDate(String(o.date));
    const time = parseTime(String(o.time));
    const zone = o.tz ? parseZone(String(o.tz)) : ctx.team.zone;
    const minutes = o.duration ? parseDuration(String(o.duration)) : DEFAULT_DURATION;
    const startsAt = localToInstant(date, time, zone);
    if (startsAt <= ctx.now) throw new UserError('supervision.pastDate', { got: `${date} ${time}`, example: `${said(ctx, 'add', add)} ${exampleDate(ctx)} ${time}` });
    const channel = (o.channel as string | undefined) ?? teamChannel(ctx.team, 'supervisionChannel') ?? ctx.inv.channel;
    if (!channel) throw new UserError('supervision.noChannel', { example: `${said(ctx, 'add', add)} ${date} ${time} ${ctx.tx('supervision.exampleChannel')}` });
    await ctx.requireCanPost(channel);
    const s = await ctx.db.transaction((tx) => addSession(tx, ctx.team, { startsAt, zone, channel, durationMinutes: minutes, where: o.where as string | undefined, creator: ctx.inv.member.id }, ctx.now));
    // A time the clocks skip that night (02:30 when they go forward) is planned as luxon moves it (03:30): said, not silent.
    const actual = DateTime.fromJSDate(startsAt, { zone }).toFormat('HH:mm');
    const shifted = actual !== time ? [noteBlock(ctx.t('supervision.added.shifted', { asked: time, actual }))] : [];
    await ctx.reply(message(textBlock(ctx.t('supervision.added', { id: s.number, when: when(ctx, s) })), ...shifted));
  },
};

export const list: Subcommand = {
  description: l10n('supervision.list'),
  aliases: ['lista'],
  async run(ctx) {
    const [series, sessions] = await Promise.all([activeSeries(ctx.db, ctx.team.id), upcomingSessions(ctx.db, ctx.team.id, ctx.now, 10)]);
    if (!series.length && !sessions.length) return ctx.reply('supervision.list.empty');
    const refusing = await refusingChannels(ctx, series, sessions);
    const flag = (channel: string): Span[] => (refusing.has(channel) ? [{ text: ` · ${ctx.tx('supervision.list.unreachable')}` }] : []);
    const seriesItems: Span[][] = series.map((s) => [
      { text: `S${s.number}`, style: 'code' },
      { text: ` — ${rhythm(ctx.lang, s.rule, s.zone)}${ctx.tx('supervision.every', { count: s.rule.type === 'weekly' ? s.rule.every : 1 })}` },
      ...flag(payloadOf(s, SERIES_KIND).channel),
    ]);
    const sessionItems: Span[][] = sessions.map((s) => [
      { text: String(s.number), style: 'code' },
      { text: ` — ${when(ctx, s)}` },
      ...(s.place ? [{ text: ' · ' }, { text: s.place, untrusted: true }] : []),
      ...flag(s.channel),
    ]);
    await ctx.reply(
      message(
        { type: 'heading', text: ctx.tx('supervision.list.title') },
        seriesItems.length ? textBlock(ctx.t('supervision.list.series')) : null,
        seriesItems.length ? { type: 'list', items: seriesItems } : null,
        sessionItems.length ? textBlock(ctx.t('supervision.list.sessions')) : null,
        sessionItems.length ? { type: 'list', items: sessionItems } : null,
        ...[...refusing].map(([channel, why]) =>
          textBlock(ctx.t(why === 'restricted' ? 'supervision.list.unavailableRestricted' : 'supervision.list.unavailable', { channel: { channel } })),
        ),
        // Cancelling is for facilitators; members would only be told of a command that refuses them.
        ctx.isFacilitator ? noteBlock(ctx.t('supervision.list.hint')) : null,
      ),
    );
  },
};

export const cancel: Subcommand = {
  description: l10n('supervision.cancel'),
  aliases: ['odwołaj', 'odwolaj'],
  facilitator: true,
  example: { en: 'cancel {+7d}', pl: 'odwołaj {+7d}' },
  options: { target: { kind: 'string', required: true, description: l10n('supervision.opt.target') } },
  async run(ctx, o) {
    const target = String(o.target).trim();
    const seriesRef = /^s(\d+)$/i.exec(target);
    if (seriesRef && parseId(seriesRef[1]) === undefined) throw new UserError('supervision.unknownSession', { got: target, example: `${said(ctx, 'cancel', cancel)} ${exampleDate(ctx)}` });
    if (seriesRef) {
      // "S2" is the team's own number (`/supervision list`), never a row id.
      const { number, gone } = await ctx.db.transaction(async (tx) => {
        const series = await findSeriesByNumber(tx, ctx.team.id, Number(seriesRef[1]));
        return { number: series.number, gone: await cancelSeries(tx, ctx.team.id, series.id, ctx.now) };
      });
      for (const s of gone) await refreshSentReminders(ctx.bot, ctx.team, { ...s, status: 'cancelled' });
      return ctx.reply('supervision.cancelled.series', { series: `S${number}`, count: gone.length });
    }
    const { session, outcome } = await ctx.db.transaction(async (tx) => {
      const s = await findSession(ctx, tx, target, { ahead: true, example: `${said(ctx, 'cancel', cancel)} ${exampleDate(ctx)}` });
      if (s.status !== 'scheduled' || s.startsAt <= ctx.now) throw new UserError('supervision.notCancellable', { id: s.number });
      return { session: s, outcome: await cancelSession(tx, ctx.team.id, s.id, ctx.now) };
    });
    await refreshSentReminders(ctx.bot, ctx.team, { ...session, status: 'cancelled' });
    // The facilitator hears that members' topics were kept, and where they wait now.
    const moved = outcome?.topics
      ? outcome.movedTo
        ? ctx.t('supervision.cancelled.topicsMoved', { count: outcome.topics, when: when(ctx, outcome.movedTo) })
        : ctx.t('supervision.cancelled.topicsWaiting', { count: outcome.topics })
      : undefined;
    await ctx.reply(message(textBlock(ctx.t('supervision.cancelled.session', { id: session.number, when: when(ctx, session) })), moved && textBlock(moved)));
  },
};

export const remind: Subcommand = {
  description: l10n('supervision.remind'),
  aliases: ['przypomnienia'],
  facilitator: true,
  example: 'remind 48h,2h',
  options: { offsets: { kind: 'text', required: true, maxLength: 60, description: l10n('supervision.opt.offsets') } },
  async run(ctx, o) {
    const offsets = readOffsets(String(o.offsets));
    await ctx.db.transaction(async (tx) => {
      ctx.team = await updateSettings(tx, ctx.team.id, { [SETTINGS.reminderOffsets]: offsets });
      await reschedule(tx, ctx.team.id, offsets, ctx.now);
    });
    await ctx.reply('supervision.remindSet', { offsets: offsetsList(ctx.lang, offsets.map((m) => offsetLabel(ctx.lang, m))) });
  },
};

export const dm: Subcommand = {
  description: l10n('supervision.dm'),
  options: {
    state: {
      kind: 'string',
      required: true,
      description: l10n('supervision.opt.dmState'),
      choices: [
        { value: 'on', name: l10n('supervision.choice.on') },
        { value: 'off', name: l10n('supervision.choice.off') },
      ],
    },
  },
  // No Polish name: members say "DM" in Polish too; the state reads in Polish (the choice's name).
  example: { en: 'dm on', pl: 'dm włącz' },
  async run(ctx, o) {
    const on = o.state === 'on';
    await setReminderDm(ctx.db, ctx.team.id, ctx.member.id, on);
    await ctx.reply(on ? 'supervision.dmOn' : 'supervision.dmOff');
  },
};
