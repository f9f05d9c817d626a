// The two pages of /sojusz setup as forms — language, zone and prompts; cases and supervision — filled in with the
// team's values as they are now, which each page keeps in its state to tell later what the facilitator changed.
import type { Context } from '../../core/context.js';
import type { Form } from '../../core/form.js';
import { tx, weekdayName } from '../../i18n/index.js';
import { zonedRhythm } from '../prompts/describe.js';
import { currentPrompt, currentSeries, view1, view2, weekly } from './current.js';
import { NO_PROMPTS, offsetText, packShown1, type Shown1, type Shown2 } from './shown.js';
import type { Step1 } from './submitted.js';

export const SETUP_FORM_1 = 'onboarding.setup.1';
export const SETUP_FORM_2 = 'onboarding.setup.2';
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** What page 2 carries in its state: page 1 as submitted, and both pages as they were shown. */
export interface SetupState {
  first: Step1;
  shown1: Shown1;
  shown2: Shown2;
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
