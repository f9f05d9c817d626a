// /sojusz setup: the team's rhythm in two short forms — language, zone and prompts; cases and supervision.
// Submitting applies everything in one transaction and changes only what the facilitator changed from what the form
// showed (shown.ts).
import { and, asc, eq } from 'drizzle-orm';
import type { Context } from '../../core/context.js';
import { FieldErrors, UserError } from '../../core/errors.js';
import type { Form, FormValues } from '../../core/form.js';
import { message, noteBlock, textBlock } from '../../core/message.js';
import { parseTime, parseZone } from '../../core/parse.js';
import { DEFAULTS, SETTINGS, teamChannel } from '../../core/settings.js';
import { setting, teamLang, updateSettings, type Team } from '../../core/teams.js';
import type { Tx } from '../../db/client.js';
import { schedules, teams } from '../../db/schema/index.js';
import { t, tx, weekdayName, type Lang, type MessageKey, type Params } from '../../i18n/index.js';
import type { ScheduleRow } from '../../schedule/kinds.js';
import { nextOccurrence, sameWeekOn } from '../../schedule/occurrence.js';
import { enqueue } from '../../schedule/outbox.js';
import { PROMPT_KIND, insertPromptSchedule, nextUnrepeatedAt, weeklyRule, type PromptPayload, type WeeklyRule } from '../prompts/schedules.js';
import { zonedRhythm } from '../prompts/describe.js';
import { createSeries, moveSeries, replaceSeries, SERIES_KIND, type SeriesPayload } from '../supervision/sessions.js';
import { readOffsets, refreshSentReminders, reschedule } from '../supervision/reminders.js';
import type { Session } from '../supervision/store.js';
import { sessionWhen } from '../supervision/when.js';
import { followTeamZone } from '../prompts/personal.js';
import { teamOffsets } from '../supervision/reminders.js';
import { parseRhythm } from './rhythm.js';
import { changes1, changes2, conflicts1, conflicts2, fieldName, offsetText, packShown1, type Asked1, type Asked2, type Shown1, type Shown2 } from './shown.js';

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

/** Page 1 as submitted. `promptsOff`: "no weekly prompts" was chosen — a running schedule is paused, a paused one stays so. */
export type Step1 = Asked1;
/** Page 2 as submitted. */
export type Step2 = Asked2;

/** What page 2 carries in its state: page 1 as submitted, and both pages as they were shown. */
export interface SetupState {
  first: Step1;
  shown1: Shown1;
  shown2: Shown2;
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
async function currentPrompt(db: Tx, team: Team, lock = false) {
  const id = setting<number | undefined>(team, CREATED.prompt, undefined);
  const ownQuery = db.select().from(schedules).where(and(eq(schedules.id, id ?? 0), eq(schedules.kind, PROMPT_KIND)));
  const [own] = id ? await (lock ? ownQuery.for('update') : ownQuery) : [];
  if (own && !own.paused) return own;
  // Its own paused and another running (made with /reflect schedule since): the running one is the team's rhythm;
  // resuming the paused one would give two prompts a week.
  const allQuery = db.select().from(schedules).where(and(eq(schedules.teamId, team.id), eq(schedules.kind, PROMPT_KIND))).orderBy(asc(schedules.id));
  const all = await (lock ? allQuery.for('update') : allQuery);
  return all.find((s) => !s.paused) ?? own ?? all[0];
}
const currentSeries = (db: Tx, team: Team) => current(db, team, SERIES_KIND, CREATED.series);

/** Where a schedule posts. A team set up by commands has no channel settings, only this. */
const postsIn = (row: ScheduleRow | undefined): string | undefined => (row?.payload as { channel?: string } | undefined)?.channel;
const weekly = (row: ScheduleRow | undefined): WeeklyRule | undefined => (row?.rule.type === 'weekly' ? row.rule : undefined);

/** Page 1's values as the form shows them, from the team and its prompt schedule as they are now. */
function view1(team: Team, prompt: ScheduleRow | undefined): Shown1 {
  const rule = weekly(prompt);
  return {
    lang: teamLang(team),
    zone: team.zone,
    promptChannel: teamChannel(team, 'promptChannel') ?? postsIn(prompt),
    promptDay: rule ? (prompt!.paused ? NO_PROMPTS : String(rule.weekday)) : undefined,
    promptTime: rule?.time,
  };
}

/** Page 2's values as the form shows them, likewise. */
function view2(team: Team, series: ScheduleRow | undefined): Shown2 {
  const r = weekly(series);
  return {
    caseChannel: teamChannel(team, 'caseChannel'),
    modChannel: teamChannel(team, 'moderationChannel'),
    supChannel: teamChannel(team, 'supervisionChannel') ?? postsIn(series),
    rhythm: r ? { weekday: r.weekday, time: r.time, every: r.every } : undefined,
    offsets: teamOffsets(team),
  };
}

/** Step 1, with the team's current values filled in; its state keeps them, to tell later what was changed. */
export async function setupStep1(ctx: Context): Promise<Form> {
  const L = ctx.lang;
  const prompt = await currentPrompt(ctx.db, ctx.team);
  const rule = weekly(prompt);
  const shown = view1(ctx.team, prompt);
  // A paused schedule is shown as what members get now, "no weekly prompts", and named above the fields; a day
  // ticked brings it back.
  const paused = prompt?.paused && rule ? tx(L, 'onboarding.setup.pausedNow', { id: prompt.number ?? undefined, rhythm: zonedRhythm(rule, prompt.zone, ctx.team.zone, L) }) : undefined;
  return {
    id: SETUP_FORM_1,
    title: tx(L, 'onboarding.setup.title1'),
    submitLabel: tx(L, 'onboarding.setup.next'),
    intro: paused ? `${tx(L, 'onboarding.setup.intro1')}\n\n${paused}` : tx(L, 'onboarding.setup.intro1'),
    state: packShown1(shown),
    fields: [
      { kind: 'choice', id: 'lang', label: tx(L, 'onboarding.setup.lang'), options: [{ value: 'pl', label: tx(L, 'lang.pl') }, { value: 'en', label: tx(L, 'lang.en') }], initial: shown.lang },
      { kind: 'text', id: 'zone', label: tx(L, 'onboarding.setup.zone'), maxLength: 64, initial: shown.zone, placeholder: 'Europe/Warsaw' },
      { kind: 'channel', id: 'promptChannel', label: tx(L, 'onboarding.setup.promptChannel'), optional: true, initial: shown.promptChannel },
      {
        kind: 'choice',
        id: 'promptDay',
        label: tx(L, 'onboarding.setup.promptDay'),
        optional: true,
        options: [...WEEKDAYS.map((d) => ({ value: String(d), label: weekdayName(L, d) })), { value: NO_PROMPTS, label: tx(L, 'onboarding.setup.noPrompts') }],
        initial: shown.promptDay,
      },
      // Room for what people type ("9:30am", "21.30 Uhr"), so that the time's own answer, with its 24-hour example,
      // says what is wrong rather than a character count.
      { kind: 'text', id: 'promptTime', label: tx(L, 'onboarding.setup.promptTime'), optional: true, maxLength: 20, placeholder: '09:00', initial: shown.promptTime },
    ],
  };
}

/** Step 2, carrying step 1's answers and what step 1 showed in its state, with what it shows itself. */
export async function setupStep2(ctx: Context, first: Step1, shown1: Shown1): Promise<Form> {
  // In the language of the person filling it in, like page 1 (first.lang is the team's, being chosen).
  const L = ctx.lang;
  const shown = view2(ctx.team, await currentSeries(ctx.db, ctx.team));
  const r = shown.rhythm;
  const rhythm = r ? `${weekdayName(L, r.weekday)} ${r.time}${r.every > 1 ? ` ${tx(L, 'supervision.every', { count: r.every })}` : ''}` : undefined;
  return {
    id: SETUP_FORM_2,
    title: tx(L, 'onboarding.setup.title2'),
    submitLabel: tx(L, 'onboarding.setup.save'),
    intro: tx(L, 'onboarding.setup.intro2'),
    state: JSON.stringify({ first, shown1, shown2: shown } satisfies SetupState),
    fields: [
      { kind: 'channel', id: 'caseChannel', label: tx(L, 'onboarding.setup.caseChannel'), optional: true, initial: shown.caseChannel },
      { kind: 'channel', id: 'modChannel', label: tx(L, 'onboarding.setup.modChannel'), optional: true, initial: shown.modChannel },
      { kind: 'channel', id: 'supChannel', label: tx(L, 'onboarding.setup.supChannel'), optional: true, initial: shown.supChannel },
      { kind: 'text', id: 'supRhythm', label: tx(L, 'onboarding.setup.supRhythm'), optional: true, maxLength: 60, placeholder: tx(L, 'onboarding.setup.supRhythmExample'), initial: rhythm },
      { kind: 'text', id: 'reminders', label: tx(L, 'onboarding.setup.reminders'), optional: true, maxLength: 40, placeholder: '24h,1h', initial: shown.offsets.map(offsetText).join(',') },
    ],
  };
}

/** A channel typed or picked → its id, checked that the bot can post there; field errors otherwise. */
async function checkChannel(ctx: Context, field: string, raw: unknown, errors: FieldErrors['fields']): Promise<string | undefined> {
  if (raw === undefined || raw === '') return undefined;
  let id = String(raw);
  // Every port's lookup takes an id as well as a name, so the feature need not know what a platform's ids look like.
  if (ctx.port.resolveChannel) id = (await ctx.port.resolveChannel(ctx.team.externalId, id)) ?? id;
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

/**
 * Page 1 read and checked; `shown` is what it showed. A field changed here that someone else changed meanwhile is
 * answered with the value it has now (checked again on saving, when it may have moved since).
 */
export async function readStep1(ctx: Context, v: FormValues, shown: Shown1): Promise<Step1> {
  const step = await readFields1(ctx, v);
  const meanwhile = conflicts1(ctx.lang, step, shown, view1(ctx.team, await currentPrompt(ctx.db, ctx.team)));
  if (Object.keys(meanwhile).length) throw new FieldErrors(meanwhile);
  return step;
}

async function readFields1(ctx: Context, v: FormValues): Promise<Step1> {
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
  prompt?: { number: number | null; rule: WeeklyRule; zone: string };
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
  const params: Params = p ? { id: p.number ?? undefined, rhythm: zonedRhythm(p.rule, p.zone, teamZone, lang) } : {};
  const m = line.moved;
  if (m) Object.assign(params, { from: sessionWhen(lang, m.from, { zone: teamZone, member: false }), to: sessionWhen(lang, m.to, { zone: teamZone, member: false }) });
  return t(lang, line.key, params);
}

/**
 * What saving does, from what the facilitator changed compared with what the form showed: a field left as shown keeps
 * what is there now, whoever set it; a field changed here that someone else changed meanwhile to something else is
 * refused with the value it has now. `team`, `prompt` and `series` are as they are now, read in the saving transaction.
 */
function toApply(lang: Lang, state: SetupState, given: Step2, team: Team, prompt: ScheduleRow | undefined, series: ScheduleRow | undefined) {
  const asked = state.first;
  const now1 = view1(team, prompt);
  const now2 = view2(team, series);
  const meanwhile1 = Object.entries(conflicts1(lang, asked, state.shown1, now1));
  if (meanwhile1.length) {
    // Page 1 is no longer on screen to show it next to the field: it is named, and nothing is saved.
    const [field, problem] = meanwhile1[0]!;
    throw new UserError('onboarding.setup.changedMeanwhileSaved', { field: tx(lang, fieldName(field)), now: String(problem.params!.now) });
  }
  const meanwhile2 = conflicts2(lang, given, state.shown2, now2);
  if (Object.keys(meanwhile2).length) throw new FieldErrors(meanwhile2);
  const c1 = changes1(asked, state.shown1);
  const c2 = changes2(given, state.shown2);
  const rule = weekly(prompt);
  const r = weekly(series);
  // Prompt fields left as shown: the schedule as it is now, in its own channel (only a new team zone may move it);
  // every one cleared: none given, and the answer says the schedule goes on.
  const prompts: Partial<Step1> =
    c1.prompts === 'changed' ? asked : c1.prompts === 'empty' || !rule ? {} : prompt!.paused ? { promptsOff: true } : { promptChannel: postsIn(prompt), promptDay: rule.weekday, promptTime: rule.time };
  const a: Step1 = {
    lang: c1.lang ? asked.lang : now1.lang,
    zone: c1.zone ? asked.zone : now1.zone,
    promptsOff: prompts.promptsOff,
    promptChannel: prompts.promptChannel,
    promptDay: prompts.promptDay,
    promptTime: prompts.promptTime,
  };
  const b: Step2 = {
    caseChannel: c2.caseChannel ? given.caseChannel : undefined,
    modChannel: c2.modChannel ? given.modChannel : undefined,
    offsets: c2.reminders ? given.offsets : undefined,
    ...(c2.series ? { supChannel: given.supChannel, rhythm: given.rhythm } : r ? { supChannel: postsIn(series), rhythm: { weekday: r.weekday, time: r.time, every: r.every } } : {}),
  };
  return {
    a,
    b,
    // The channel settings: as given where changed; else as shown now, which writes down only the channel a schedule
    // made by a command posts in (see roleChannel).
    promptRole: c1.prompts === 'changed' ? asked.promptChannel : c1.prompts === 'kept' ? now1.promptChannel : undefined,
    supRole: c2.series ? given.supChannel : now2.supChannel,
  };
}

/** Apply both steps in one transaction; returns what changed (for the summary) and posts channel introductions. */
export async function applySetup(ctx: Context, state: SetupState, given: Step2): Promise<SetupOutcome> {
  const lines: SetupLine[] = [];
  const notes: SetupLine[] = [];
  /** The keys changed so far, for the checks below that ask whether one is already said. */
  const changed = { push: (key: MessageKey, prompt?: SetupLine['prompt']) => lines.push({ key, prompt }), includes: (key: MessageKey) => lines.some((l) => l.key === key) };
  const now = ctx.now;
  const creator = ctx.inv.member.id;
  /** Supervision sessions whose reminders already sent must be rewritten once this commits (moved, ended, gone on). */
  const touched: Session[] = [];
  await ctx.db.transaction(async (db) => {
    // The team as it is now, locked: a second setup saved at the same moment waits, then compares with this one's result.
    // "No key update", as the updates below take it anyway: a tick inserting rows that refer to the team (its key share
    // lock) goes on, and does not deadlock with the prompt schedule locked next.
    let team = (await db.select().from(teams).where(eq(teams.id, ctx.team.id)).for('no key update'))[0] as Team;
    // Locked before it is read, as /reflect edit does: a tick sending this week's prompt right now finishes first, so
    // the week it was sent in is seen and a new hour does not bring the same week a second prompt.
    const oldPrompt = await currentPrompt(db, team, true);
    const oldSeries = await currentSeries(db, team);
    const { a, b, promptRole, supRole } = toApply(ctx.lang, state, given, team, oldPrompt, oldSeries);
    const teamZone = team.zone;
    /**
     * The zone a schedule keeps: its own (a command's `tz:` may have given it one), unless it lived by the team's zone
     * and this form changes that zone — then it follows, as members' personal prompts do.
     */
    const zoneOf = (old: ScheduleRow | undefined) => (old && !(a.zone !== teamZone && old.zone === teamZone) ? old.zone : a.zone);
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
    const oldRule = weekly(oldPrompt);
    const described = (row: ScheduleRow, rule: WeeklyRule, zone: string) => ({ number: row.number, rule, zone });
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
          const row = await insertPromptSchedule(db, team.id, zone, rule, nextOccurrence(rule, zone, now)!, payload);
          team = await updateSettings(db, team.id, { [CREATED.prompt]: row.id });
          changed.push('onboarding.changed.prompts', described(row, rule, zone));
        }
      }
    } else if (!a.promptsOff && oldPrompt && oldRule) {
      // Every prompt field left empty: nothing changes, and the answer says what goes on and how to stop it.
      notes.push({ key: oldPrompt.paused ? 'onboarding.setup.stillPaused' : 'onboarding.setup.stillRunning', prompt: described(oldPrompt, oldRule, oldPrompt.zone) });
    }
    await roleChannel('promptChannel', promptRole, 'prompts', 'onboarding.changed.promptChannel', postsIn(oldPrompt));
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
    await roleChannel('supervisionChannel', supRole, 'supervision', 'onboarding.changed.supChannel', postsIn(oldSeries));
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
