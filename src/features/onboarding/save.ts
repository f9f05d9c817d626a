// Saving /sojusz setup: both pages applied in one transaction, changing only what the facilitator changed from what the
// form showed (shown.ts), then channel introductions and reminders already sent brought up to date.
import { eq } from 'drizzle-orm';
import type { Context } from '../../core/context.js';
import { FieldErrors, UserError } from '../../core/errors.js';
import { message, noteBlock, textBlock } from '../../core/message.js';
import { DEFAULTS, SETTINGS } from '../../core/settings.js';
import { setting, updateSettings, type Team } from '../../core/teams.js';
import { schedules, teams } from '../../db/schema/index.js';
import { t, tx, type Lang, type MessageKey } from '../../i18n/index.js';
import type { ScheduleRow } from '../../schedule/kinds.js';
import { nextOccurrence, sameWeekOn } from '../../schedule/occurrence.js';
import { enqueue } from '../../schedule/outbox.js';
import { payloadFor, payloadOf } from '../../schedule/payload.js';
import { insertPromptSchedule, nextUnrepeatedAt, PROMPT_KIND, weeklyRule, type PromptPayload, type WeeklyRule } from '../prompts/schedules.js';
import { followTeamZone } from '../prompts/personal.js';
import { createSeries, moveSeries, replaceSeries, SERIES_KIND } from '../supervision/sessions.js';
import { refreshSentReminders, reschedule } from '../supervision/reminders.js';
import type { Session } from '../supervision/store.js';
import { CREATED, currentPrompt, currentSeries, postsIn, view1, view2, weekly } from './current.js';
import type { SetupState } from './forms.js';
import { changes1, changes2, conflicts1, conflicts2, fieldName } from './shown.js';
import type { Step1, Step2 } from './submitted.js';
import type { SetupLine, SetupOutcome } from './summary.js';

/** The roles a channel can be given, each introduced in its channel with its own catalogue text. */
type Role = 'prompts' | 'cases' | 'moderation' | 'supervision';

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
        const old = oldPrompt ? payloadOf(oldPrompt, PROMPT_KIND) : undefined;
        const themes = old?.themes ?? [];
        // A new start ends "channel unavailable" (the channel was checked on page 1), as /reflect resume does.
        const { unavailable: _, ...kept } = old ?? {};
        const payload = { ...kept, channel: a.promptChannel, themes, creator } satisfies PromptPayload;
        if (oldPrompt) {
          // Changed in place: the schedule keeps what it has sent (its rotation, its occurrences), so a new day later
          // in the week does not bring this week's question a second time — nor does resuming it.
          const first = (await nextUnrepeatedAt(db, oldPrompt.id, rule, zone, now)) ?? nextOccurrence(rule, zone, now);
          await db
            .update(schedules)
            .set({ zone, rule, nextDueAt: first, paused: false, payload: payloadFor(PROMPT_KIND, payload) })
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
        const was = oldSeries ? payloadOf(oldSeries, SERIES_KIND) : undefined;
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
