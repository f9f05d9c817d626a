// /sojusz setup: the team's rhythm in two short forms — language, zone and prompts; cases and supervision.
// Submitting applies everything in one transaction and changes only what differs from the current values.
import { and, asc, eq } from 'drizzle-orm';
import type { Context } from '../../core/context.js';
import { FieldErrors, UserError } from '../../core/errors.js';
import type { Form, FormValues } from '../../core/form.js';
import { message, noteBlock, textBlock } from '../../core/message.js';
import { fold, parseTime, parseWeekday, parseZone } from '../../core/parse.js';
import { DEFAULTS, SETTINGS, teamChannel } from '../../core/settings.js';
import { setting, updateSettings, type Team } from '../../core/teams.js';
import type { Tx } from '../../db/client.js';
import { schedules, teams } from '../../db/schema/index.js';
import { t, tx, weekdayName, type Lang, type MessageKey, type Params } from '../../i18n/index.js';
import type { ScheduleRow } from '../../schedule/kinds.js';
import { nextOccurrence, sameWeekOn } from '../../schedule/occurrence.js';
import { enqueue } from '../../schedule/outbox.js';
import { PROMPT_KIND, insertSchedule, nextUnrepeatedAt, weeklyRule, type PromptPayload, type WeeklyRule } from '../prompts/schedules.js';
import { zonedRhythm } from '../prompts/describe.js';
import { createSeries, moveSeries, replaceSeries, SERIES_KIND, type SeriesPayload } from '../supervision/sessions.js';
import { readOffsets, refreshSentReminders, reschedule } from '../supervision/reminders.js';
import type { Session } from '../supervision/store.js';
import { sessionWhen } from '../supervision/when.js';
import { followTeamZone } from '../prompts/personal.js';

export const SETUP_FORM_1 = 'onboarding.setup.1';
export const SETUP_FORM_2 = 'onboarding.setup.2';
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/**
 * The prompt day's answer for "no weekly prompts": a choice cannot be unticked on every platform (Slack's radio
 * buttons), so going without prompts, or pausing a running schedule, is an option of its own.
 */
export const NO_PROMPTS = 'off';

/** What setup itself created, so that running it again replaces only its own schedules. */
const CREATED = { prompt: 'setup.promptSchedule', series: 'setup.supervisionSeries' } as const;

export interface Step1 {
  lang: Lang;
  zone: string;
  promptChannel?: string;
  promptDay?: number;
  promptTime?: string;
  /** "No weekly prompts" was chosen: a running schedule is paused, a paused one stays so. */
  promptsOff?: boolean;
}

interface Rhythm {
  weekday: number;
  time: string;
  every: number;
}

/** "monday 18:00 every 2 weeks" / "poniedziałek 18:00 co 2 tygodnie" → a weekly rhythm. */
export function parseRhythm(text: string): Rhythm {
  const words = text.trim().split(/\s+/);
  if (words.length < 2) throw new UserError('onboarding.setup.badRhythm', { got: text });
  const weekday = parseWeekday(words[0]!);
  const time = parseTime(words[1]!);
  let every = 1;
  const rest = words.slice(2).map(fold);
  if (rest.length) {
    const n = Number(rest[1]);
    if (!['every', 'co'].includes(rest[0]!) || !Number.isInteger(n) || n < 1 || n > 8) throw new UserError('onboarding.setup.badRhythm', { got: text });
    every = n;
  }
  return { weekday, time, every };
}

/**
 * The schedule of a kind that setup edits: the one it made, or — in a team first set up by commands
 * (/reflect schedule, /supervision schedule) — the oldest active one, so running setup never adds a twin.
 */
async function current(db: Tx, team: Team, kind: string, made: string) {
  const id = setting<number | undefined>(team, made, undefined);
  const [own] = id ? await db.select().from(schedules).where(and(eq(schedules.id, id), eq(schedules.kind, kind), eq(schedules.paused, false))) : [];
  if (own) return own;
  const [oldest] = await db
    .select()
    .from(schedules)
    .where(and(eq(schedules.teamId, team.id), eq(schedules.kind, kind), eq(schedules.paused, false)))
    .orderBy(asc(schedules.id))
    .limit(1);
  return oldest;
}
/**
 * The prompt schedule setup edits. Unlike `current`, a paused one counts when the team has no running one (setup's own
 * first) — it is shown as paused and changed in place, never doubled by a twin.
 */
async function currentPrompt(db: Tx, team: Team) {
  const id = setting<number | undefined>(team, CREATED.prompt, undefined);
  const [own] = id ? await db.select().from(schedules).where(and(eq(schedules.id, id), eq(schedules.kind, PROMPT_KIND))) : [];
  if (own && !own.paused) return own;
  // Its own paused and another running (made with /reflect schedule since): the running one is the team's rhythm;
  // resuming the paused one would give two prompts a week.
  const all = await db.select().from(schedules).where(and(eq(schedules.teamId, team.id), eq(schedules.kind, PROMPT_KIND))).orderBy(asc(schedules.id));
  return all.find((s) => !s.paused) ?? own ?? all[0];
}
const currentSeries = (db: Tx, team: Team) => current(db, team, SERIES_KIND, CREATED.series);

/** Where a schedule posts. A team set up by commands has no channel settings, only this. */
const postsIn = (row: ScheduleRow | undefined): string | undefined => (row?.payload as { channel?: string } | undefined)?.channel;
const weekly = (row: ScheduleRow | undefined): WeeklyRule | undefined => (row?.rule.type === 'weekly' ? row.rule : undefined);

/** Step 1, with the team's current values filled in. */
export async function setupStep1(ctx: Context): Promise<Form> {
  const L = ctx.lang;
  const prompt = await currentPrompt(ctx.db, ctx.team);
  const rule = weekly(prompt);
  // A paused schedule is shown as what members get now, "no weekly prompts", and named above the fields; a day
  // ticked brings it back.
  const paused = prompt?.paused && rule ? tx(L, 'onboarding.setup.pausedNow', { id: prompt.id, rhythm: zonedRhythm(rule, prompt.zone, ctx.team.zone, L) }) : undefined;
  return {
    id: SETUP_FORM_1,
    title: tx(L, 'onboarding.setup.title1'),
    submitLabel: tx(L, 'onboarding.setup.next'),
    intro: paused ? `${tx(L, 'onboarding.setup.intro1')}\n\n${paused}` : tx(L, 'onboarding.setup.intro1'),
    fields: [
      { kind: 'choice', id: 'lang', label: tx(L, 'onboarding.setup.lang'), options: [{ value: 'pl', label: tx(L, 'lang.pl') }, { value: 'en', label: tx(L, 'lang.en') }], initial: ctx.team.lang },
      { kind: 'text', id: 'zone', label: tx(L, 'onboarding.setup.zone'), maxLength: 64, initial: ctx.team.zone, placeholder: 'Europe/Warsaw' },
      { kind: 'channel', id: 'promptChannel', label: tx(L, 'onboarding.setup.promptChannel'), optional: true, initial: teamChannel(ctx.team, 'promptChannel') ?? postsIn(prompt) },
      {
        kind: 'choice',
        id: 'promptDay',
        label: tx(L, 'onboarding.setup.promptDay'),
        optional: true,
        options: [...WEEKDAYS.map((d) => ({ value: String(d), label: weekdayName(L, d) })), { value: NO_PROMPTS, label: tx(L, 'onboarding.setup.noPrompts') }],
        initial: rule ? (prompt!.paused ? NO_PROMPTS : String(rule.weekday)) : undefined,
      },
      { kind: 'text', id: 'promptTime', label: tx(L, 'onboarding.setup.promptTime'), optional: true, maxLength: 5, placeholder: '09:00', initial: rule?.time },
    ],
  };
}

/** Step 2, carrying step 1's answers in its state. */
export async function setupStep2(ctx: Context, first: Step1): Promise<Form> {
  // In the language of the person filling it in, like page 1 (first.lang is the team's, being chosen).
  const L = ctx.lang;
  const series = await currentSeries(ctx.db, ctx.team);
  const r = weekly(series);
  const rhythm = r ? `${weekdayName(L, r.weekday)} ${r.time}${r.every > 1 ? ` ${tx(L, 'supervision.every', { count: r.every })}` : ''}` : undefined;
  const offsets = setting<number[]>(ctx.team, SETTINGS.reminderOffsets, DEFAULTS.reminderOffsets);
  return {
    id: SETUP_FORM_2,
    title: tx(L, 'onboarding.setup.title2'),
    submitLabel: tx(L, 'onboarding.setup.save'),
    intro: tx(L, 'onboarding.setup.intro2'),
    state: JSON.stringify(first),
    fields: [
      { kind: 'channel', id: 'caseChannel', label: tx(L, 'onboarding.setup.caseChannel'), optional: true, initial: setting<string | undefined>(ctx.team, SETTINGS.caseChannel, undefined) },
      { kind: 'channel', id: 'modChannel', label: tx(L, 'onboarding.setup.modChannel'), optional: true, initial: setting<string | undefined>(ctx.team, SETTINGS.moderationChannel, undefined) },
      { kind: 'channel', id: 'supChannel', label: tx(L, 'onboarding.setup.supChannel'), optional: true, initial: teamChannel(ctx.team, 'supervisionChannel') ?? postsIn(series) },
      { kind: 'text', id: 'supRhythm', label: tx(L, 'onboarding.setup.supRhythm'), optional: true, maxLength: 60, placeholder: tx(L, 'onboarding.setup.supRhythmExample'), initial: rhythm },
      { kind: 'text', id: 'reminders', label: tx(L, 'onboarding.setup.reminders'), optional: true, maxLength: 40, placeholder: '24h,1h', initial: offsets.map(offsetText).join(',') },
    ],
  };
}

/** An offset as the field's placeholder and the reminders' titles say it: "24h", not "1d"; days from two up ("2d"). */
function offsetText(min: number): string {
  return min % 1440 === 0 && min >= 2880 ? `${min / 1440}d` : min % 60 === 0 ? `${min / 60}h` : `${min}m`;
}

/** A channel typed or picked → its id, checked that the bot can post there; field errors otherwise. */
async function checkChannel(ctx: Context, field: string, raw: unknown, errors: FieldErrors['fields']): Promise<string | undefined> {
  if (raw === undefined || raw === '') return undefined;
  let id = String(raw);
  if (ctx.port.resolveChannel && !/^[A-Z0-9]{8,}$|^\d{15,22}$/.test(id)) id = (await ctx.port.resolveChannel(ctx.team.externalId, id)) ?? id;
  if (ctx.port.canPost && !(await ctx.port.canPost(ctx.team.externalId, id))) {
    errors[field] = { code: 'onboarding.setup.cannotPost', params: { channel: String(raw) } };
  }
  return id;
}

function catching<T>(errors: FieldErrors['fields'], field: string, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (e instanceof UserError) {
      errors[field] = { code: e.code, params: e.params };
      return undefined;
    }
    throw e;
  }
}

export async function readStep1(ctx: Context, v: FormValues): Promise<Step1> {
  const errors: FieldErrors['fields'] = {};
  const zone = catching(errors, 'zone', () => parseZone(String(v.zone)));
  if (v.promptDay === NO_PROMPTS) {
    // No prompts: the channel and hour shown (a paused schedule's) are not read, nor checked — a paused schedule's
    // channel may be the very one that refused its prompts.
    if (Object.keys(errors).length) throw new FieldErrors(errors);
    return { lang: v.lang === 'en' ? 'en' : 'pl', zone: zone!, promptsOff: true };
  }
  const promptTime = v.promptTime ? catching(errors, 'promptTime', () => parseTime(String(v.promptTime))) : undefined;
  const promptChannel = await checkChannel(ctx, 'promptChannel', v.promptChannel, errors);
  const promptDay = v.promptDay ? Number(v.promptDay) : undefined;
  const given = [v.promptChannel, v.promptDay, v.promptTime].filter((x) => x !== undefined && x !== '').length;
  if (given > 0 && given < 3) {
    for (const f of ['promptChannel', 'promptDay', 'promptTime']) if (!v[f] && !errors[f]) errors[f] = { code: 'onboarding.setup.needAllPrompt' };
  }
  if (Object.keys(errors).length) throw new FieldErrors(errors);
  return { lang: v.lang === 'en' ? 'en' : 'pl', zone: zone!, promptChannel, promptDay, promptTime };
}

interface Step2 {
  caseChannel?: string;
  modChannel?: string;
  supChannel?: string;
  rhythm?: Rhythm;
  offsets?: number[];
}

export async function readStep2(ctx: Context, v: FormValues): Promise<Step2> {
  const errors: FieldErrors['fields'] = {};
  const caseChannel = await checkChannel(ctx, 'caseChannel', v.caseChannel, errors);
  const modChannel = await checkChannel(ctx, 'modChannel', v.modChannel, errors);
  const supChannel = await checkChannel(ctx, 'supChannel', v.supChannel, errors);
  // A blank field keeps the current channel, so compare what each would be after saving, whichever was given.
  if (caseChannel || modChannel) {
    const cases = caseChannel ?? teamChannel(ctx.team, 'caseChannel');
    const moderation = modChannel ?? teamChannel(ctx.team, 'moderationChannel');
    const field = modChannel ? 'modChannel' : 'caseChannel';
    if (cases && cases === moderation && !errors[field]) errors[field] = { code: 'onboarding.setup.sameChannel' };
  }
  const rhythm = v.supRhythm ? catching(errors, 'supRhythm', () => parseRhythm(String(v.supRhythm))) : undefined;
  if (rhythm && !supChannel && !errors.supChannel) errors.supChannel = { code: 'onboarding.setup.needSupChannel' };
  // readOffsets, as /supervision remind: "20d" is told the allowed range, not that it cannot be read.
  const offsets = v.reminders ? catching(errors, 'reminders', () => readOffsets(String(v.reminders))) : undefined;
  if (Object.keys(errors).length) throw new FieldErrors(errors);
  return { caseChannel, modChannel, supChannel, rhythm, offsets };
}

type Role = 'prompts' | 'cases' | 'moderation' | 'supervision';

/** One line of setup's answer: a catalogue key, and the prompt schedule it speaks of (number and rhythm). */
export interface SetupLine {
  key: MessageKey;
  prompt?: { id: number; rule: WeeklyRule; zone: string };
  /** A supervision session the new rhythm moved: from when to when. */
  moved?: { from: Session; to: Session };
}

/** What setup changed (the list) and what it left as it was but the facilitator should know (notes). */
export interface SetupOutcome {
  changed: SetupLine[];
  notes: SetupLine[];
}

/** A line of the summary in `lang`; a prompt schedule is named by its number and its rhythm, whatever that is. */
export function setupLine(lang: Lang, teamZone: string, line: SetupLine) {
  const p = line.prompt;
  const params: Params = p ? { id: p.id, rhythm: zonedRhythm(p.rule, p.zone, teamZone, lang) } : {};
  const m = line.moved;
  if (m) Object.assign(params, { from: sessionWhen(lang, m.from, { zone: teamZone, member: false }), to: sessionWhen(lang, m.to, { zone: teamZone, member: false }) });
  return t(lang, line.key, params);
}

/** Apply both steps in one transaction; returns what changed (for the summary) and posts channel introductions. */
export async function applySetup(ctx: Context, a: Step1, b: Step2): Promise<SetupOutcome> {
  const lines: SetupLine[] = [];
  const notes: SetupLine[] = [];
  /** The keys changed so far, for the checks below that ask whether one is already said. */
  const changed = { push: (key: MessageKey, prompt?: SetupLine['prompt']) => lines.push({ key, prompt }), includes: (key: MessageKey) => lines.some((l) => l.key === key) };
  const now = ctx.now;
  const creator = ctx.inv.member.id;
  const teamZone = ctx.team.zone;
  /**
   * The zone a schedule keeps: its own (a command's `tz:` may have given it one), unless it lived by the team's zone
   * and this form changes that zone — then it follows, as members' personal prompts do.
   */
  const zoneOf = (old: ScheduleRow | undefined) => (old && !(a.zone !== teamZone && old.zone === teamZone) ? old.zone : a.zone);
  /** Supervision sessions whose reminders already sent must be rewritten once this commits (moved, ended, gone on). */
  const touched: Session[] = [];
  await ctx.db.transaction(async (db) => {
    let team = ctx.team;
    if (team.lang !== a.lang || team.zone !== a.zone) {
      if (team.zone !== a.zone) await followTeamZone(db, team.id, a.zone, now);
      [team] = await db.update(teams).set({ lang: a.lang, zone: a.zone }).where(eq(teams.id, team.id)).returning() as [Team];
      changed.push('onboarding.changed.team');
    }
    team = await updateSettings(db, team.id, { langSet: true });
    const intros: { role: Role; channel: string }[] = [];
    /**
     * Give a channel its role. A channel a schedule made by a command already posts in (`serving`) has that role in
     * all but name: it is written down without an introduction or a line in the summary.
     */
    const roleChannel = async (key: keyof typeof SETTINGS, channel: string | undefined, role: Role, what: MessageKey, serving?: string) => {
      const had = setting<string | undefined>(team, SETTINGS[key], undefined);
      if (!channel || had === channel) return;
      team = await updateSettings(db, team.id, { [SETTINGS[key]]: channel });
      if (had === undefined && channel === serving) return;
      intros.push({ role, channel });
      changed.push(what);
    };

    // Prompts: change the schedule only when channel, day, hour or zone changed; what the form has no field for
    // (a rhythm of every few weeks and the weeks it falls on, themes, skipped dates) stays as it was. A paused one
    // stays paused unless a day is ticked again; "no weekly prompts" pauses a running one.
    const oldPrompt = await currentPrompt(db, team);
    const oldRule = weekly(oldPrompt);
    const described = (row: ScheduleRow, rule: WeeklyRule, zone: string) => ({ id: row.id, rule, zone });
    if (a.promptsOff && oldPrompt && oldRule) {
      // Paused, it still follows a new team zone, so that resuming it later keeps the hour the group knows.
      const zone = zoneOf(oldPrompt);
      if (!oldPrompt.paused || zone !== oldPrompt.zone) await db.update(schedules).set({ paused: true, zone }).where(eq(schedules.id, oldPrompt.id));
      if (oldPrompt.paused) notes.push({ key: 'onboarding.setup.stillPaused', prompt: described(oldPrompt, oldRule, zone) });
      else changed.push('onboarding.changed.promptsPaused', described(oldPrompt, oldRule, zone));
    } else if (!a.promptsOff && a.promptChannel && a.promptDay && a.promptTime) {
      const r = oldRule;
      const zone = zoneOf(oldPrompt);
      const same = r && r.weekday === a.promptDay && r.time === a.promptTime && postsIn(oldPrompt) === a.promptChannel && oldPrompt!.zone === zone;
      if (!same || oldPrompt!.paused) {
        // A new day keeps the weeks of "every 2 weeks": the same week's new weekday, as supervision series do.
        const rule: WeeklyRule = r ? { ...r, weekday: a.promptDay, time: a.promptTime, anchor: sameWeekOn(r.anchor, a.promptDay) } : weeklyRule(a.promptDay, a.promptTime, 1, zone, now).rule;
        const themes = (oldPrompt?.payload as Partial<PromptPayload> | undefined)?.themes ?? [];
        // A new start ends "channel unavailable" (the channel was checked on page 1), as /reflect resume does.
        const { unavailable: _, ...kept } = (oldPrompt?.payload as Partial<PromptPayload> | undefined) ?? {};
        const payload = { ...kept, channel: a.promptChannel, themes, creator } satisfies PromptPayload;
        if (oldPrompt) {
          // Changed in place: the schedule keeps what it has sent (its rotation, its occurrences), so a new day later
          // in the week does not bring this week's question a second time — nor does resuming it.
          const first = (await nextUnrepeatedAt(db, oldPrompt.id, rule, zone, now)) ?? nextOccurrence(rule, zone, now);
          await db
            .update(schedules)
            .set({ zone, rule, nextDueAt: first, paused: false, payload: payload as unknown as Record<string, unknown> })
            .where(eq(schedules.id, oldPrompt.id));
          team = await updateSettings(db, team.id, { [CREATED.prompt]: oldPrompt.id });
          changed.push(oldPrompt.paused ? 'onboarding.changed.promptsResumed' : 'onboarding.changed.prompts', described(oldPrompt, rule, zone));
        } else {
          const row = await insertSchedule(db, team.id, PROMPT_KIND, zone, rule, nextOccurrence(rule, zone, now)!, payload);
          team = await updateSettings(db, team.id, { [CREATED.prompt]: row.id });
          changed.push('onboarding.changed.prompts', described(row, rule, zone));
        }
      }
    } else if (!a.promptsOff && oldPrompt && oldRule) {
      // Every prompt field left empty: nothing changes, and the answer says what goes on and how to stop it.
      notes.push({ key: oldPrompt.paused ? 'onboarding.setup.stillPaused' : 'onboarding.setup.stillRunning', prompt: described(oldPrompt, oldRule, oldPrompt.zone) });
    }
    await roleChannel('promptChannel', a.promptChannel, 'prompts', 'onboarding.changed.promptChannel', postsIn(oldPrompt));
    await roleChannel('caseChannel', b.caseChannel, 'cases', 'onboarding.changed.cases');
    await roleChannel('moderationChannel', b.modChannel, 'moderation', 'onboarding.changed.moderation');

    if (b.offsets) {
      const current = setting<number[]>(team, SETTINGS.reminderOffsets, DEFAULTS.reminderOffsets);
      if (current.join(',') !== b.offsets.join(',')) {
        team = await updateSettings(db, team.id, { [SETTINGS.reminderOffsets]: b.offsets });
        await reschedule(db, team.id, b.offsets, now);
        changed.push('onboarding.changed.reminders');
      }
    }
    // Supervision: the rhythm field carries weekday, hour and every; length and place stay as they were.
    const oldSeries = await currentSeries(db, team);
    let seriesMoved = false;
    if (b.supChannel && b.rhythm) {
      const r = weekly(oldSeries);
      const zone = zoneOf(oldSeries);
      const sameRhythm = r && r.weekday === b.rhythm.weekday && r.time === b.rhythm.time && r.every === b.rhythm.every;
      if (oldSeries && sameRhythm) {
        // Only its channel or zone: the same series and sessions go on, so members' answers, topics and the
        // reminders they already have stay valid. Nothing about the rhythm changed, so the summary does not say so.
        seriesMoved = postsIn(oldSeries) !== b.supChannel;
        if (seriesMoved || oldSeries.zone !== zone) {
          const { retimed, cancelled } = await moveSeries(db, team, oldSeries.id, { channel: b.supChannel, zone }, now);
          touched.push(...retimed, ...cancelled);
        }
      } else {
        const was = oldSeries?.payload as Partial<SeriesPayload> | undefined;
        // Every two weeks or more, still: the same weeks as before, only the day or hour moves.
        const weeksFrom = r && r.every === b.rhythm.every && r.every > 1 ? r.anchor : undefined;
        const input = { channel: b.supChannel, weekday: b.rhythm.weekday, time: b.rhythm.time, every: b.rhythm.every, durationMinutes: was?.durationMinutes ?? 90, where: was?.where ?? undefined, zone, weeksFrom, creator };
        if (oldSeries) {
          const { series, cancelled, continued, moved } = await replaceSeries(db, team, oldSeries.id, input, now);
          touched.push(...cancelled, ...continued);
          team = await updateSettings(db, team.id, { [CREATED.series]: series.id });
          changed.push('onboarding.changed.supervision');
          // Each session that moved within its week, named: members' answers and reminders went with it.
          for (const m of moved) lines.push({ key: 'onboarding.changed.supervisionMoved', moved: m });
        } else {
          const { series } = await createSeries(db, team, input, now);
          team = await updateSettings(db, team.id, { [CREATED.series]: series.id });
          changed.push('onboarding.changed.supervision');
        }
      }
    }
    await roleChannel('supervisionChannel', b.supChannel, 'supervision', 'onboarding.changed.supChannel', postsIn(oldSeries));
    // The series now posts elsewhere even where the channel setting already named the new channel.
    if (seriesMoved && !changed.includes('onboarding.changed.supChannel')) changed.push('onboarding.changed.supChannel');

    for (const { role, channel } of intros) {
      await enqueue(db, now, {
        teamId: team.id,
        key: `setup-intro:${team.id}:${role}:${channel}`,
        target: { kind: 'channel', channel },
        message: message(textBlock(t(a.lang, `onboarding.role.${role}` as MessageKey)), noteBlock(t(a.lang, 'onboarding.role.private'))),
      });
    }
    ctx.team = team;
  });
  // After commit, as /supervision cancel does: a reminder members already have shows the session as it now is,
  // with buttons that work (or a note that it was cancelled).
  for (const s of touched) await refreshSentReminders(ctx.bot, ctx.team, s);
  return { changed: lines, notes };
}
