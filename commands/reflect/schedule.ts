// /reflect schedule, list, pause, resume, skip: the team's weekly prompt threads.
import { UserError } from '../../src/core/errors.js';
import { message, noteBlock, textBlock } from '../../src/core/message.js';
import { parseDate, parseTime, parseWeekday, parseZone } from '../../src/core/parse.js';
import { DAY_TIME_FILLERS, rhythmPhrase } from '../../src/core/rhythm.js';
import type { Subcommand } from '../../src/core/registry.js';
import { editPromptSchedule, pausePromptSchedule, resumePromptSchedule, skipPromptDate } from '../../src/features/prompts/changes.js';
import { rhythmText, zonedRhythm, zonedWhen } from '../../src/features/prompts/describe.js';
import { personalLine, scheduleLine } from '../../src/features/prompts/home.js';
import { parseTheme, themeWords, type Theme } from '../../src/features/prompts/library.js';
import {
  channelUnavailable,
  findScheduleByNumber,
  insertPromptSchedule,
  nextPromptAt,
  PROMPT_KIND,
  promptSchedulesIn,
  teamPromptSchedules,
  weeklyRule,
  type PromptPayload,
} from '../../src/features/prompts/schedules.js';
import { l10n, weekdayName } from '../../src/i18n/index.js';
import { formatLocal } from '../../src/schedule/occurrence.js';
import { payloadOf } from '../../src/schedule/payload.js';
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

/** What a schedule's words say: each read by its shape. */
interface When {
  weekday?: number;
  time?: string;
  zone?: string;
  themes?: Theme[];
}

/** "AM", "p.m." after an hour; "9am", "9:30PM" in one word. */
const AM_PM_AFTER = /^[ap]\.?m\.?$/i;
const AM_PM_JOINED = /^\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\.?$/i;

/**
 * A day, an hour, a zone and themes among a schedule's words, told apart by their shape, so `edit 3 10:00` and
 * `edit 3 bond` change just that. Only a word that could be a theme is answered as an unknown theme: an hour with
 * am/pm ("9am", "9:30 PM") or any other word with a digit gets the hour's answer, and a second day or hour is named
 * beside the first — "“11:00” is not a theme" would send the member looking in the wrong place. "Europe/Warsaw"
 * without `tz:` is a zone all the same; with `tz:` too, the two are answered as one zone not understood.
 */
function readWhen(words: string[], tz: unknown): When {
  const out: When = {};
  const themeWords: string[] = [];
  const zones: string[] = tz === undefined ? [] : [String(tz)];
  let day = -1;
  let hour = -1;
  /** The words with the first of a pair left out: what the member probably meant. */
  const keeping = (drop: number) => words.filter((_, k) => k !== drop).join(' ');
  words.forEach((w, i) => {
    const weekday = tryParse(() => parseWeekday(w));
    if (weekday !== undefined) {
      if (day >= 0) throw new UserError('prompts.err.twoWeekdays', { first: words[day]!, got: w, example: keeping(day) });
      [out.weekday, day] = [weekday, i];
    } else if (AM_PM_AFTER.test(w) && hour === i - 1) {
      throw new UserError('parse.time', { got: `${words[hour]} ${w}` });
    } else if (AM_PM_JOINED.test(w)) {
      throw new UserError('parse.time', { got: w });
    } else if (w.includes('/')) {
      zones.push(w);
    } else if (/\d/.test(w)) {
      const time = parseTime(w);
      if (hour >= 0) throw new UserError('prompts.err.twoTimes', { first: words[hour]!, got: w, example: keeping(hour) });
      [out.time, hour] = [time, i];
    } else themeWords.push(w);
  });
  if (zones.length) out.zone = parseZone(zones.join(' '));
  if (themeWords.length) out.themes = parseThemes(themeWords.join(' '));
  return out;
}

const wordsOf = (...texts: unknown[]) => texts.filter((t) => t !== undefined).flatMap((t) => String(t).split(/[\s,]+/)).filter(Boolean);

// The rhythm in words ("co drugi tydzień", "every other week", "weekly") is read by src/core/rhythm.ts, for every
// command with an `every` option.
const everyOption = { kind: 'int' as const, named: true, min: 1, max: 8, aliases: ['co'], phrase: rhythmPhrase, description: l10n('prompts.opt.every') };
const tzOption = { kind: 'string' as const, named: true, aliases: ['strefa'], shape: parseZone, description: l10n('prompts.opt.tz') };

export const schedule: Subcommand = {
  description: l10n('prompts.cmd.schedule'),
  aliases: ['zaplanuj'],
  facilitator: true,
  example: { en: 'schedule #reflection friday 09:00 every 2 weeks bond repair tz:Europe/Warsaw', pl: 'zaplanuj #refleksja piątek 09:00 co 2 tygodnie więź naprawa strefa:Europe/Warsaw' },
  fillers: DAY_TIME_FILLERS,
  options: {
    channel: { kind: 'channel', required: true, description: l10n('prompts.opt.channel') },
    weekday: { kind: 'string', required: true, description: l10n('prompts.opt.weekday') },
    time: { kind: 'string', required: true, description: l10n('prompts.opt.time') },
    every: everyOption,
    tz: tzOption,
    themes: { kind: 'text', maxLength: 300, description: l10n('prompts.opt.themes') },
  },
  async run(ctx, opts) {
    // Everything is read and checked before anything is written.
    const channel = String(opts.channel);
    const weekday = parseWeekday(String(opts.weekday));
    const time = parseTime(String(opts.time));
    // The day and hour are read again among the themes: a second one, or "PM" after the hour, is named as such.
    const typed = readWhen(wordsOf(opts.weekday, opts.time, opts.themes), opts.tz);
    const zone = typed.zone ?? ctx.team.zone;
    const themes = typed.themes ?? [];
    const every = Number(opts.every ?? 1);
    await ctx.requireCanPost(channel);
    // Another active schedule in the same channel is allowed (two rhythms, two themes) but often a slip: say so.
    const sameChannel = (await promptSchedulesIn(ctx.db, ctx.team.id, channel)).filter((s) => !s.paused);
    const { rule, first } = weeklyRule(weekday, time, every, zone, ctx.now);
    const payload: PromptPayload = { channel, themes, creator: ctx.member.externalId };
    // In a transaction: the team's next "#N" is held (its row locked) until the schedule is in.
    const row = await ctx.db.transaction((tx) => insertPromptSchedule(tx, ctx.team.id, zone, rule, first, payload));
    const shown = nextPromptAt(rule, zone, new Date(first.getTime() - 1), teamHolidays(ctx.team)) ?? first;
    const params = { id: row.number, rhythm: rhythmText(rule, ctx.lang), zone, themes: themesPhrase(themes, ctx.lang), next: formatLocal(shown, zone, ctx.lang) };
    const also = sameChannel.map((s) => `#${s.number}`).join(', ');
    // Meant to move the old one? `edit` changes it in place, without a second prompt in a week where it came.
    const when = `${weekdayName(ctx.lang, weekday).toLowerCase()} ${time}`;
    await ctx.reply(
      message(
        textBlock(ctx.t('prompts.scheduled', { ...params, channel: { channel } })),
        sameChannel.length ? noteBlock(ctx.t('prompts.scheduled.alsoThere', { channel: { channel }, also, count: sameChannel.length, first: sameChannel[0]!.number, id: row.number, when })) : null,
      ),
    );
  },
};

export const list: Subcommand = {
  description: l10n('prompts.cmd.list'),
  aliases: ['lista'],
  async run(ctx) {
    const rows = await teamPromptSchedules(ctx.db, ctx.team.id);
    // The member's own personal prompt too (Discord has no home view to show it): this answer is only theirs.
    const mine = await personalLine(ctx);
    await ctx.reply(
      message(
        rows.length ? textBlock(ctx.t('prompts.list.title')) : textBlock(ctx.t('prompts.list.empty')),
        rows.length ? { type: 'list', items: rows.map((s) => scheduleLine(ctx, s)) } : null,
        mine ? noteBlock(mine) : null,
      ),
    );
  },
};

export const pause: Subcommand = {
  description: l10n('prompts.cmd.pause'),
  aliases: ['pauza', 'wstrzymaj'],
  facilitator: true,
  example: 'pause 3',
  options: idOption,
  async run(ctx, opts) {
    const row = await pausePromptSchedule(ctx.db, ctx.team.id, Number(opts.id));
    await ctx.reply('prompts.paused', { id: row.number });
  },
};

export const resume: Subcommand = {
  description: l10n('prompts.cmd.resume'),
  aliases: ['wznów', 'wznow'],
  facilitator: true,
  example: 'resume 3',
  options: idOption,
  async run(ctx, opts) {
    const row = await findScheduleByNumber(ctx.db, ctx.team.id, Number(opts.id));
    const p = payloadOf(row, PROMPT_KIND);
    // Paused because its channel refused the prompt: running again only once the bot can post there.
    if (channelUnavailable(p)) await ctx.requireCanPost(p.channel);
    const next = await resumePromptSchedule(ctx.db, row, ctx.now);
    const shown = next && nextPromptAt(row.rule, row.zone, new Date(next.getTime() - 1), teamHolidays(ctx.team));
    await ctx.reply('prompts.resumed', { id: row.number, next: shown ? zonedWhen(shown, row.zone, ctx.team.zone, ctx.lang) : '—' });
  },
};

export const skip: Subcommand = {
  description: l10n('prompts.cmd.skip'),
  aliases: ['pomiń', 'pomin'],
  facilitator: true,
  example: 'skip 3 {+7d}',
  // The rest of the line: "March 13" is answered as a date not understood, naming both words, not as a stray "13".
  options: { ...idOption, date: { kind: 'text', required: true, maxLength: 40, description: l10n('prompts.opt.date') } },
  async run(ctx, opts) {
    const date = parseDate(String(opts.date));
    // Answer after the commit: a port may write the answer through the database (the playground), and the
    // embedded database has one connection — an answer from inside the transaction would wait for ever.
    const done = await ctx.db.transaction((tx) => skipPromptDate(tx, ctx.team, Number(opts.id), date, ctx.now));
    const next = done.next ? zonedWhen(done.next, done.zone, ctx.team.zone, ctx.lang) : '—';
    await ctx.reply('prompts.skipped', { id: done.number, date, next });
  },
};

/**
 * Changes a team schedule in place: its day, hour, rhythm, zone, channel or themes. What it has sent stays with it, so
 * a new day in a week whose prompt already came starts next week (replacing it with a new schedule would post twice).
 * Day, hour and themes are told apart by their shape, so `edit 3 10:00` and `edit 3 bond` change just that.
 */
export const edit: Subcommand = {
  description: l10n('prompts.cmd.edit'),
  aliases: ['zmień', 'zmien', 'edytuj'],
  facilitator: true,
  example: { en: 'edit 3 monday 09:00', pl: 'zmień 3 poniedziałek 09:00' },
  fillers: DAY_TIME_FILLERS,
  options: {
    ...idOption,
    weekday: { kind: 'string', description: l10n('prompts.opt.weekday') },
    time: { kind: 'string', description: l10n('prompts.opt.time') },
    every: everyOption,
    tz: tzOption,
    channel: { kind: 'channel', named: true, aliases: ['kanał', 'kanal'], description: l10n('prompts.opt.newChannel') },
    themes: { kind: 'text', maxLength: 300, description: l10n('prompts.opt.themes') },
  },
  async run(ctx, opts) {
    const change = readChange(opts);
    const channel = opts.channel === undefined ? undefined : String(opts.channel);
    if (!change.weekday && !change.time && !change.zone && opts.every === undefined && !channel && !change.themes) {
      throw new UserError('prompts.err.editNothing', { id: Number(opts.id) });
    }
    if (channel) await ctx.requireCanPost(channel);
    const every = opts.every === undefined ? undefined : Number(opts.every);
    const done = await ctx.db.transaction((tx) => editPromptSchedule(tx, ctx.team.id, Number(opts.id), { ...change, every, channel }, ctx.now));
    const params = {
      id: done.number,
      channel: { channel: done.payload.channel },
      rhythm: zonedRhythm(done.rule, done.zone, ctx.team.zone, ctx.lang),
      themes: themesPhrase(done.payload.themes, ctx.lang),
    };
    const shown = done.next && nextPromptAt(done.rule, done.zone, new Date(done.next.getTime() - 1), teamHolidays(ctx.team));
    await ctx.reply(
      message(
        textBlock(done.paused ? ctx.t('prompts.edited.paused', params) : ctx.t('prompts.edited', { ...params, next: shown ? zonedWhen(shown, done.zone, ctx.team.zone, ctx.lang) : '—' })),
        !done.paused && done.laterThanAsked ? noteBlock(ctx.t('prompts.edited.nextWeek')) : null,
      ),
    );
  },
};

/** What `edit` was asked to change: a weekday, an hour, a zone, themes (see readWhen). */
function readChange(opts: Record<string, unknown>): When {
  return readWhen(wordsOf(opts.weekday, opts.time, opts.themes), opts.tz);
}

function tryParse<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
